/**
 * The client's address, for the per-address sign-in and sign-up limits (the same rule for the pages, the
 * server actions and the API). Issue 11: a client must not be able to choose its own address.
 *
 * - `TRUST_PROXY` names the ONE header the reverse proxy in front of every instance writes; the other is
 *   ignored, because a proxy passes through what it does not set (an nginx that only appends to
 *   X-Forwarded-For forwards a client's X-Real-IP untouched, and the reverse):
 *   `TRUST_PROXY=1` (or `x-real-ip`): the proxy overwrites `X-Real-IP`;
 *   `TRUST_PROXY=x-forwarded-for`: the proxy appends to `X-Forwarded-For`, the right-most entry counts (the
 *   address the nearest proxy saw; entries to its left are whatever the client claimed).
 *   Without that header, the peer below (the proxy's address: strict, never the client's choice).
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

/** Which header the trusted reverse proxy writes (TRUST_PROXY), or null when none is trusted. */
export function trustedProxyHeader(): "x-real-ip" | "x-forwarded-for" | null {
  const v = process.env.TRUST_PROXY?.trim().toLowerCase();
  if (v === "1" || v === "x-real-ip") return "x-real-ip";
  if (v === "x-forwarded-for") return "x-forwarded-for";
  return null;
}

export function trustProxy(): boolean {
  return trustedProxyHeader() !== null;
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
  const trusted = trustedProxyHeader();
  const get = headerGetter(headers);
  if (trusted === "x-real-ip") {
    const real = get("x-real-ip")?.trim();
    if (real) return real.slice(0, 100);
  } else if (trusted === "x-forwarded-for") {
    const forwarded = get("x-forwarded-for")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1].slice(0, 100);
  }
  return peerAddress(headers);
}
