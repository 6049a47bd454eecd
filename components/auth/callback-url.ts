// Where to go after signing in. Only same-origin relative paths are accepted ("/rfq/123?tab=quotes"), so a
// crafted link like /masuk?callbackUrl=https://evil.example or //evil.example cannot send a user elsewhere.
// Pure: used by the sign-in page (server) and the sign-in form (client).
import { organizationRoutes } from "@/lib/organizations/routes";

export const DEFAULT_AFTER_SIGN_IN = organizationRoutes.dashboard();

const BASE = "http://rantai.invalid";

export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = DEFAULT_AFTER_SIGN_IN): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.length > 2000) return fallback;
  // A path, not a scheme-relative URL ("//host") or a backslash trick ("/\host", which browsers treat as "//host").
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  // No control characters or whitespace (tabs and newlines are stripped by URL parsers: "/\t/evil.example").
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never back to the sign-in or sign-up pages themselves (a loop after signing in).
  if (/^\/(masuk|daftar)(\/|$|\?|#)/.test(path)) return fallback;
  return path;
}
