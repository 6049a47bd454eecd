// Security headers on every response Rantai sends — pages, API, static files, file downloads (issue 11,
// ADR docs/decisions/0016-security-headers.md). Pure values: next.config.ts puts the baseline on
// every path at build time, proxy.ts adds a per-request nonce policy to the signed-in areas.
//
// Two Content-Security-Policy tiers, because Next 16 can only put a nonce on pages rendered per request:
//  - baseline (every response): scripts only from this origin, plus inline scripts ('unsafe-inline': the App
//    Router streams its page data as inline <script> tags whose content differs per page, and a cached or
//    static page cannot carry a per-request nonce; `experimental.sri` hashes only the external chunks);
//    no plugins, no <base> rewriting, forms post only here, nothing may frame a Rantai page;
//  - per request (PRIVATE_PATH_PREFIXES, the pages behind sign-in that render per request anyway: the award,
//    accept, financing-decision and verification buttons live there): additionally `script-src 'nonce-…'
//    'strict-dynamic'`, so an injected inline script does not run there.

/** The pages that render per request anyway (they read the session): nonce-based CSP in proxy.ts. */
export const PRIVATE_PATH_PREFIXES = [
  "/admin",
  "/anggota",
  "/dasbor",
  "/kemitraan",
  "/notifikasi",
  "/pembiayaan",
  "/penawaran",
  "/produk",
  "/profil-usaha",
  "/rfq",
  "/papan-rfq",
  "/organisasi",
  // issue 12: /klaster/baru and /klaster/[id]/kelola are behind sign-in; a prefix list cannot name the [id]
  // segment, so the whole /klaster tree gets the nonce policy (its pages read the session and render per request).
  "/klaster",
  "/daerah",
  "/statistik/kemitraan-ditandai", // ministry review of flagged agreements (issue 13); the rest of /statistik is public
  "/statistik/indeks-kemitraan", // the ministry ranking of the Indeks Kemitraan (issue 13)
] as const;

export function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PATH_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([k, v]) => (v ? `${k} ${v}` : k))
    .join("; ");

const common = (dev: boolean) => ({
  "default-src": "'self'",
  // React's development build evaluates code for its error overlays; production never needs 'unsafe-eval'.
  "script-src": `'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  // style attributes (charts, progress bars) cannot carry a nonce or a hash.
  "style-src": "'self' 'unsafe-inline'",
  "img-src": "'self' data: blob:",
  "font-src": "'self' data:",
  "connect-src": `'self'${dev ? " ws: wss:" : ""}`,
  "media-src": "'self'",
  "object-src": "'none'",
  "frame-src": "'none'",
  "worker-src": "'self' blob:",
  "manifest-src": "'self'",
  "base-uri": "'self'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
});

/** The policy on every response (cacheable: nothing in it changes per request). */
export function baselineCsp(dev = false): string {
  return policy(common(dev));
}

/**
 * The policy of a page rendered per request: scripts need this request's nonce (Next puts it on every script
 * it renders when it finds it in the request's Content-Security-Policy) or are loaded by one ('strict-dynamic').
 * 'unsafe-inline' and 'self' stay only as a fallback for browsers without CSP 2/3, which ignore nonces.
 */
export function nonceCsp(nonce: string, dev = false): string {
  return policy({ ...common(dev), "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}` });
}

/** What no page of Rantai needs from the browser. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** One year; subdomains too. Sent only on responses to HTTPS requests (see next.config.ts). */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/** The headers every response carries. */
export function securityHeaders(dev = false): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: baselineCsp(dev) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}
