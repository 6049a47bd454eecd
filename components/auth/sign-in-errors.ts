// next-auth's error codes (from signIn()'s result, or ?error= when next-auth redirected to /masuk) → the
// message the sign-in page shows. "rate_limited" is thrown by authorize (lib/auth/next-auth.ts).
export type SignInErrorKey = "invalidCredentials" | "rateLimited" | "accountSuspended" | "generic";

export function signInErrorKey(code: string | null | undefined): SignInErrorKey | null {
  if (!code) return null;
  if (code === "rate_limited") return "rateLimited";
  if (code === "account_suspended") return "accountSuspended"; // issue 16: a platform admin suspended the account
  if (code === "CredentialsSignin") return "invalidCredentials";
  return "generic";
}
