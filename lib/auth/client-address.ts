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
import net from "node:net";

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
function peerAddress(headers: HeaderBag): string | null {
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

/**
 * The key an address is limited under. One IPv6 subscriber gets a whole /64 and can use any address in it,
 * so an IPv6 address counts as its /64 prefix (`2001:db8:aa:1::/64`); an IPv4 address seen through a
 * dual-stack socket (`::ffff:192.0.2.7`) counts as the IPv4 address. Anything else is kept as it is.
 */
export function limitKey(address: string): string {
  const a = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .split("%")[0];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped && net.isIPv4(mapped[1])) return mapped[1];
  if (!net.isIPv6(a)) return address.trim().slice(0, 100);
  // Expand to 8 groups (an embedded IPv4 tail becomes two groups), then keep the first four.
  let text = a.toLowerCase();
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const [b0, b1, b2, b3] = v4[1].split(".").map(Number);
    text = text.slice(0, v4.index) + ((b0 << 8) | b1).toString(16) + ":" + ((b2 << 8) | b3).toString(16);
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

export function clientAddress(headers: HeaderBag): string | null {
  const address = rawClientAddress(headers);
  return address === null ? null : limitKey(address);
}

function rawClientAddress(headers: HeaderBag): string | null {
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
