// Small readers for request metadata.

/**
 * The client's address for rate limiting sign-in failures: `X-Real-IP` if the proxy sets it, else the
 * right-most `X-Forwarded-For` entry (the address the nearest proxy saw; entries to its left are whatever
 * the client claimed). Both headers are only trustworthy behind a reverse proxy that sets them, which is
 * how Rantai is deployed (docs/api.md); without one there is no address and only the per-account limit
 * applies.
 */
export function clientAddress(headers: Headers): string | null {
  const real = headers.get("x-real-ip")?.trim();
  if (real) return real.slice(0, 100);
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded?.length ? forwarded[forwarded.length - 1].slice(0, 100) : null;
}

/** URLSearchParams → a plain object for zod: repeated names become arrays (`?kbli=a&kbli=b`). */
export function searchParamsToObject(params: URLSearchParams, omit: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    if (omit.includes(k)) continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
