// Small readers for request metadata.

export { clientAddress } from "@/lib/auth/client-address";

/**
 * URLSearchParams → a plain object for zod: repeated names become arrays (`?kbli=a&kbli=b`). Names come from
 * outside (issue 11): each is an own property, so `__proto__` or `toString` is an ordinary key that neither
 * replaces the object's prototype nor picks up an inherited value.
 */
export function searchParamsToObject(params: URLSearchParams, omit: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    if (omit.includes(k)) continue;
    const prev = Object.hasOwn(out, k) ? out[k] : undefined;
    const value = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
