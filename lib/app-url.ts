// The public address of the app, for links in emails and notifications (NEXTAUTH_URL is set by `npm start`).
export function appBaseUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
