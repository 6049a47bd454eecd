// The public address of the app: THE one source for every absolute link (e-mails, the Laporan Kemitraan's
// verification link, CSV exports, the sitemap and robots.txt). APP_URL (the public URL) wins, else
// NEXTAUTH_URL (which `npm start` sets to http://localhost:$PORT when nothing is configured). README
// "Configuration" documents both.
export function appBaseUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

/** `path` (from a lib/<domain>/routes.ts builder) as an absolute URL on the public address. */
export function absoluteUrl(path: string): string {
  return `${appBaseUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}

type QueryValue = string | number | boolean | null | undefined;

/**
 * `path` with the given query parameters (empty, null, undefined and false left out; true becomes "1").
 * Used by the lib/<domain>/routes.ts URL builders.
 */
export function withQuery(path: string, params?: Record<string, QueryValue | readonly string[]>): string {
  if (!params) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const item of v) q.append(k, item);
    else if (v === true) q.set(k, "1");
    else if (v !== undefined && v !== null && v !== false && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * A "Bagikan ke WhatsApp" link (issue 17, item 10): wa.me with the text and the page's absolute public URL
 * prefilled (WhatsApp lets the sender pick the chat). `path` is a route builder's path.
 */
export function whatsappShareUrl(text: string, path: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`${text}\n${appBaseUrl()}${path}`)}`;
}
