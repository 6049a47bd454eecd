// Whether a request carries a NextAuth session cookie at all: "next-auth.session-token", its "__Secure-" form
// (HTTPS), or their ".0", ".1"… chunks (a large JWT). Without one there is no session, and anonymous page views
// skip NextAuth's request machinery (issue 14: it cost every visitor's page view several milliseconds).
export function hasSessionCookie(names: Iterable<string>): boolean {
  for (const n of names) if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(n)) return true;
  return false;
}
