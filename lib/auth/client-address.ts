/**
 * The client's address for rate limiting sign-in failures, the same rule for the sign-in page and the API:
 * `X-Real-IP` if the proxy sets it, else the right-most `X-Forwarded-For` entry (the address the nearest
 * proxy saw; entries to its left are whatever the client claimed). Both headers are only trustworthy behind
 * a reverse proxy that sets them, which is how Rantai is deployed; without one there is no address and only
 * the per-account limit applies.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | null | undefined): string | null {
  if (!headers) return null;
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const raw = headers[name];
    return Array.isArray(raw) ? raw.join(",") : raw;
  };
  const real = get("x-real-ip")?.trim();
  if (real) return real.slice(0, 100);
  const forwarded = get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded?.length ? forwarded[forwarded.length - 1].slice(0, 100) : null;
}
