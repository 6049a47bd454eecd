/**
 * The client's address, for the per-address sign-in and sign-up limits (the same rule for the pages, the
 * server actions and the API). Issue 11: a client must not be able to choose its own address.
 *
 * - `TRUST_PROXY=1` (the deployment says a reverse proxy in front of every instance sets these headers):
 *   `X-Real-IP`, else the right-most `X-Forwarded-For` entry (the address the nearest proxy saw; entries to
 *   its left are whatever the client claimed). Without either header, the peer below.
 * - Otherwise both headers are ignored, whatever they say, and the address is the TCP peer's. Route handlers
 *   and server actions cannot see the socket, so the server that `npm start` runs (scripts/serve.ts) writes
 *   the peer into the internal `x-rantai-peer` header on every request, replacing anything the client sent.
 *   The value carries a random key that the server made at start and handed to this process in
 *   RANTAI_PEER_KEY; a value without the right key (a client's forgery under `next dev`, `next start` or a
 *   test) is never trusted.
 * - Neither: null (no per-address limit can apply; the per-account limit still does).
 */
import crypto from "node:crypto";

/** Internal request header: `<key> <address>`, set by scripts/serve.ts from the socket. */
export const PEER_HEADER = "x-rantai-peer";
/** The environment variable holding the key that proves PEER_HEADER came from our own server. */
export const PEER_KEY_ENV = "RANTAI_PEER_KEY";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | null | undefined;

export function trustProxy(): boolean {
  return process.env.TRUST_PROXY?.trim() === "1";
}

/** What scripts/serve.ts puts in PEER_HEADER. */
export function peerHeaderValue(key: string, address: string): string {
  return `${key} ${address}`;
}

function headerGetter(headers: Exclude<HeaderBag, null | undefined>) {
  return (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const raw = headers[name];
    return Array.isArray(raw) ? raw.join(",") : raw;
  };
}

const sameKey = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/** The TCP peer as our own server reported it, or null when the header is missing or not ours. */
export function peerAddress(headers: HeaderBag): string | null {
  if (!headers) return null;
  const key = process.env[PEER_KEY_ENV];
  if (!key || key.length < 16) return null;
  const raw = headerGetter(headers)(PEER_HEADER)?.trim();
  if (!raw) return null;
  const space = raw.indexOf(" ");
  if (space < 0 || !sameKey(raw.slice(0, space), key)) return null;
  const address = raw.slice(space + 1).trim();
  return address ? address.slice(0, 100) : null;
}

export function clientAddress(headers: HeaderBag): string | null {
  if (!headers) return null;
  if (trustProxy()) {
    const get = headerGetter(headers);
    const real = get("x-real-ip")?.trim();
    if (real) return real.slice(0, 100);
    const forwarded = get("x-forwarded-for")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1].slice(0, 100);
  }
  return peerAddress(headers);
}
