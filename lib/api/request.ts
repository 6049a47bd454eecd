// Small readers for request metadata.

export { clientAddress } from "@/lib/auth/client-address";

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
