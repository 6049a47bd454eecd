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
  /** "Forgot password": ask for a reset link by e-mail. */
  forgotPassword: () => "/lupa-sandi",
  /**
   * Where a reset link leads. The secret rides in the fragment (`#token=`), which browsers never send to a
   * server, so no access log or proxy keeps it; the page reads it and posts it in the form body.
   */
  resetPassword: (token?: string) => (token ? `/atur-ulang-sandi#token=${encodeURIComponent(token)}` : "/atur-ulang-sandi"),
} as const;
