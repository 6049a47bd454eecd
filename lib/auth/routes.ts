// URLs of the account pages. Build every link and redirect to them through these (never by hand), so a
// renamed page changes in one place. See ARCHITECTURE.md for the URL ↔ route ↔ domain map.
export const authRoutes = {
  /** The sign-in page; `callbackUrl` (a path on this site) is where the user lands afterwards. */
  signIn: (callbackUrl?: string, extra?: { claimed?: boolean }) => {
    const q = new URLSearchParams();
    if (callbackUrl) q.set("callbackUrl", callbackUrl);
    if (extra?.claimed) q.set("claimed", "1");
    const s = q.toString();
    return s ? `/masuk?${s}` : "/masuk";
  },
  signUp: () => "/daftar",
} as const;
