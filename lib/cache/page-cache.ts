// A micro-cache of rendered public pages for visitors who are not signed in (issue 14, ADR 0036): nginx's
// "micro-caching", in-process in scripts/serve.ts, in front of Next's request handler.
//
// Every page renders per request (the root layout reads the locale and session cookies), so even with its data
// cached (lib/cache/public-pages.ts) a public page cost tens of milliseconds of React rendering per view. Here
// the finished response (status, headers, body bytes as sent) of an anonymous GET of an allow-listed public
// page is kept for PAGE_TTL_SECONDS and replayed to the next anonymous visitors with the same key.
//
// What is cached — all of these must hold, otherwise the request goes to Next untouched:
//  - GET (HEAD is answered from a GET's entry when there is one, never stored);
//  - the path is one of PUBLIC_PAGES (built from the app's URL builders); never /api, /admin, /dasbor, …;
//  - no session cookie in any form (the raw Cookie header is searched for "session-token", more broadly than
//    NextAuth does, so a request the app would treat as signed in is never taken for an anonymous one), no
//    Authorization header, no Range;
//  - not a request for React Server Component data (RSC, Next-Router-State-Tree, Next-Router-Prefetch,
//    Next-Router-Segment-Prefetch, Next-Url, Next-Action headers or an `_rsc` query): those answer a client-side
//    navigation with a different body; they bypass the cache;
//  - the answer is a 200 without Set-Cookie, without a nonce in its Content-Security-Policy (a nonce must never
//    be replayed; the /klaster tree is on the nonce tier, lib/security/headers.ts, so it is not listed), of at
//    most MAX_ENTRY_BYTES, and no write happened in this process while it rendered.
//
// The key: host (and X-Forwarded-Host / -Proto, which a proxy may set) + path + the query with its parameters
// sorted + the locale the app resolves (lib/i18n/request.ts: the NEXT_LOCALE cookie, else the first language
// of Accept-Language, else "id") + the kind of user agent Next tells apart (a crawler gets its metadata in
// <head> rather than streamed, Next's `htmlLimitedBots`) + the encoding class. Next compresses with gzip,
// deflate or nothing; the request's Accept-Encoding is narrowed to "gzip" or "identity" before Next sees it,
// so one entry per class.
//
// Freshness: an entry is served for PAGE_TTL_SECONDS at most, never past it. The page's data may itself be up
// to MAX_DATA_TTL_SECONDS old when it renders, so a page in another worker shows a write within their sum
// (≤ 60 s, asserted below). The process that made a write drops all its pages at once (write-generation.ts).
//
// Concurrent misses for one key make one render: the first request goes to Next (and streams to its client as
// usual, its bytes copied on the way); the others wait for it and are answered from the entry, or go to Next
// themselves when it could not be stored. Bounded by MAX_ENTRIES and MAX_BYTES (least recently used first).
import type http from "node:http";
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { hasSessionCookie } from "../auth/session-cookie";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "../i18n/config";
import { organizationRoutes } from "../organizations/routes";
import { partnershipIndexRoutes } from "../partnership-index/routes";
import { siteRoutes } from "../sites/routes";
import { statsRoutes } from "../stats/routes";
import { supplierRoutes } from "../suppliers/routes";
import { MAX_DATA_TTL_SECONDS } from "./ttl";
import { writeGeneration } from "./write-generation";

/** Seconds a rendered public page is replayed (every page in PUBLIC_PAGES). */
export const PAGE_TTL_SECONDS = 15;

if (PAGE_TTL_SECONDS + MAX_DATA_TTL_SECONDS > 60) {
  throw new Error("page cache: page TTL + data TTL must stay within the one minute issue 14 promises");
}

/** A path with one `[id]` segment, from its URL builder: "/pemasok/[id]". */
function withId(route: (id: string) => string): RegExp {
  const marker = "__id__";
  const [before, after] = route(marker).split(marker);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${esc(before)}[^/]+${esc(after)}$`);
}

const exact = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** The public pages whose anonymous renders are cached (with any query: searches and filters are keyed). */
export const PUBLIC_PAGES: readonly { name: string; path: RegExp }[] = [
  { name: "home", path: exact(organizationRoutes.home()) },
  { name: "directory", path: exact(supplierRoutes.directory()) },
  { name: "supplier", path: withId((id) => supplierRoutes.profile(id)) },
  { name: "statistics", path: exact(statsRoutes.statistics()) },
  { name: "about-data", path: exact(statsRoutes.aboutData()) },
  { name: "estates", path: exact(siteRoutes.list()) },
  { name: "estate", path: withId((id) => siteRoutes.detail(id)) },
  { name: "partnership-index", path: exact(partnershipIndexRoutes.publicRanking()) },
  { name: "partnership-index-buyer", path: withId((id) => partnershipIndexRoutes.buyer(id)) },
];

/** Request headers that make Next answer with RSC data (client navigation, prefetch) or run a server action. */
const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action"];

/** Not replayed: hop-by-hop, or set anew for each answer. */
const DROPPED_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "age", "x-cache"]);

const MAX_URL_LENGTH = 2048;

export interface PageCacheOptions {
  /** Most entries kept (default 500). */
  maxEntries?: number;
  /** Most body bytes kept (default 48 MB). */
  maxBytes?: number;
  /** Largest body stored (default 2 MB). */
  maxEntryBytes?: number;
  ttlSeconds?: number;
  /** How long a request waits for the same page's render under way before rendering its own (default 2 s). */
  waitMs?: number;
  now?: () => number;
}

interface Entry {
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  stored: number;
  expires: number;
  generation: number;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/** Why a request is not served from the cache (null: it may be). Exported for tests. */
export function bypassReason(req: Pick<http.IncomingMessage, "method" | "url" | "headers">): string | null {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return "method";
  const url = req.url ?? "/";
  if (url.length > MAX_URL_LENGTH || !url.startsWith("/")) return "url";
  const h = req.headers;
  if (h.authorization) return "authorization";
  if (h.range) return "range";
  const cookie = cookieHeader(h);
  if (/session-token/i.test(cookie) || hasSessionCookie(cookieNames(cookie))) return "session";
  for (const name of RSC_HEADERS) if (h[name] !== undefined) return "rsc";
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  if (q >= 0 && /(^|&)_rsc(=|&|$)/.test(url.slice(q + 1))) return "rsc";
  if (!PUBLIC_PAGES.some((p) => p.path.test(pathname))) return "path";
  if (localeOf(h) === null) return "locale";
  return null;
}

function cookieHeader(h: http.IncomingHttpHeaders): string {
  const c = h.cookie;
  return Array.isArray(c) ? c.join("; ") : (c ?? "");
}

function cookieNames(cookie: string): string[] {
  return cookie
    .split(";")
    .map((p) => p.slice(0, p.indexOf("=") < 0 ? p.length : p.indexOf("=")).trim())
    .filter(Boolean);
}

/**
 * The locale lib/i18n/request.ts resolves for these headers (the NEXT_LOCALE cookie when it names a locale,
 * else the first language of Accept-Language, else the default); null when the cookie is ambiguous (set twice,
 * or encoded) and the app's own parser might read it differently.
 */
function localeOf(h: http.IncomingHttpHeaders): Locale | null {
  const values = cookieHeader(h)
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p.slice(0, p.indexOf("=")).trim() === LOCALE_COOKIE)
    .map((p) => p.slice(p.indexOf("=") + 1).trim());
  if (values.length > 1) return null;
  const cookie = values[0];
  if (cookie !== undefined && /[%"\\]/.test(cookie)) return null;
  if (isLocale(cookie)) return cookie;
  const accept = typeof h["accept-language"] === "string" ? h["accept-language"] : "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "en" ? "en" : defaultLocale;
}

/** "gzip" when the client takes gzip (Next's compression then gzips), else "identity". */
function encodingClass(h: http.IncomingHttpHeaders): "gzip" | "identity" {
  const raw = Array.isArray(h["accept-encoding"]) ? h["accept-encoding"].join(",") : (h["accept-encoding"] ?? "");
  for (const part of raw.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (!q || Number(q.slice(2)) > 0) return "gzip";
  }
  return "identity";
}

/** The cache key of a request that bypassReason let through. */
export function cacheKey(req: Pick<http.IncomingMessage, "url" | "headers">): string {
  const h = req.headers;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  let query = "";
  if (q >= 0) {
    const params = [...new URLSearchParams(url.slice(q + 1))];
    // Stable: repeated parameters keep their order.
    params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    query = new URLSearchParams(params).toString();
  }
  // Exactly as sent (no case folding): Next compares some of them case-sensitively (the HSTS header is set
  // only for `X-Forwarded-Proto: https`), so two spellings are two entries.
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : (v ?? ""));
  const bot = getBotType(typeof h["user-agent"] === "string" ? h["user-agent"] : "") ?? "browser";
  return [one(h.host), one(h["x-forwarded-host"]), one(h["x-forwarded-proto"]), pathname, query, localeOf(h), bot, encodingClass(h)].join(
    " ",
  );
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  bypasses: number;
  stored: number;
  entries: number;
  bytes: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry | null>>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly now: () => number;
  private generation = writeGeneration();
  readonly stats: PageCacheStats = { hits: 0, misses: 0, bypasses: 0, stored: 0, entries: 0, bytes: 0 };

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBytes = options.maxBytes ?? 48 * 1024 * 1024;
    this.maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
    this.ttlMs = (options.ttlSeconds ?? PAGE_TTL_SECONDS) * 1000;
    this.waitMs = options.waitMs ?? 2000;
    this.now = options.now ?? Date.now;
  }

  /** Answers `req` from the cache, or through `next` (storing what it answers when it may). */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, next: Handler): Promise<unknown> {
    const reason = bypassReason(req);
    if (reason !== null) {
      this.stats.bypasses++;
      if (reason !== "method" && reason !== "path") res.setHeader("x-cache", `BYPASS (${reason})`);
      return next(req, res);
    }
    this.dropAllAfterWrite();
    const key = cacheKey(req);
    const hit = this.fresh(key);
    if (hit) return this.replay(hit, req, res, "HIT");

    const pending = this.inflight.get(key);
    if (pending) {
      // Wait for the render under way, but not for long: its first client sets its pace (a client that reads
      // slowly, or never, holds Next's stream back). After waitMs the slow render stops being the one every
      // later request waits for, and this request's render takes its place.
      const entry = await waitAtMost(pending, this.waitMs);
      if (entry !== TIMED_OUT && entry && this.fresh(key) === entry) return this.replay(entry, req, res, "HIT");
      if (entry === TIMED_OUT && this.inflight.get(key) === pending) this.inflight.delete(key);
      if (entry !== TIMED_OUT || this.inflight.has(key)) {
        // The render could not be stored (or another request took the slow one's place): render its own.
        this.stats.misses++;
        pinRenderHeaders(req, encodingClass(req.headers), localeOf(req.headers) ?? defaultLocale);
        res.setHeader("x-cache", "MISS");
        return next(req, res);
      }
    }

    this.stats.misses++;
    if (req.method === "HEAD") {
      res.setHeader("x-cache", "MISS");
      return next(req, res);
    }
    // Next sees exactly what the key says: only "gzip" or "identity", and the key's locale.
    pinRenderHeaders(req, encodingClass(req.headers), localeOf(req.headers) ?? defaultLocale);
    res.setHeader("x-cache", "MISS");
    const capture = this.capture(res);
    this.inflight.set(key, capture);
    void capture.then((entry) => {
      // A render another request took over from (it was too slow to wait for) is not stored: the newer one
      // stands for the page, and a slow client must not replace it with an older page.
      const current = this.inflight.get(key) === capture;
      if (current) this.inflight.delete(key);
      if (entry && current && entry.expires > this.now()) this.store(key, entry);
    });
    return next(req, res);
  }

  /** Drops everything (also done on its own after a write in this process). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.stats.entries = 0;
    this.stats.bytes = 0;
  }

  private dropAllAfterWrite() {
    const g = writeGeneration();
    if (g !== this.generation) {
      this.generation = g;
      this.clear();
    }
  }

  private fresh(key: string): Entry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expires <= this.now() || e.generation !== writeGeneration()) {
      this.remove(key, e);
      return null;
    }
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  private remove(key: string, e: Entry) {
    this.entries.delete(key);
    this.bytes -= e.body.length;
    this.stats.entries = this.entries.size;
    this.stats.bytes = this.bytes;
  }

  private store(key: string, entry: Entry) {
    if (entry.generation !== writeGeneration()) return; // a write happened while it rendered
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(k, e);
    }
    this.stats.stored++;
    this.stats.entries = this.entries.size;
    this.stats.bytes = this.bytes;
  }

  private replay(e: Entry, req: http.IncomingMessage, res: http.ServerResponse, state: "HIT") {
    this.stats.hits++;
    for (const [name, value] of e.headers) res.setHeader(name, value);
    res.setHeader("content-length", e.body.length);
    res.setHeader("age", Math.max(0, Math.floor((this.now() - e.stored) / 1000)));
    res.setHeader("x-cache", state);
    res.statusCode = e.status;
    if (req.method === "HEAD") res.end();
    else res.end(e.body);
  }

  /**
   * Copies what Next writes to `res` (after its compression) while it goes to the client; resolves to the
   * entry, or null when the answer may not be stored.
   */
  private capture(res: http.ServerResponse): Promise<Entry | null> {
    const started = this.now();
    const generation = writeGeneration();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const take = (chunk: unknown, encoding?: unknown) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buf =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > this.maxEntryBytes) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(buf);
    };
    watchWriteHead(res);
    const write = res.write;
    const end = res.end;
    res.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
      take(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      take(chunk, rest[0]);
      return (end as (...a: unknown[]) => http.ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;

    return new Promise((resolve) => {
      res.once("finish", () => {
        const headers = Object.entries(res.getHeaders())
          .filter(([name]) => !DROPPED_HEADERS.has(name))
          .map(([name, v]) => [name, Array.isArray(v) ? v : String(v)] as [string, string | string[]]);
        const csp = res.getHeader("content-security-policy");
        const storable =
          res.statusCode === 200 &&
          !tooBig &&
          res.getHeader("set-cookie") === undefined &&
          !/'nonce-/.test(Array.isArray(csp) ? csp.join(";") : String(csp ?? "")) &&
          // headers Next passed to writeHead directly are not in getHeaders(): then we do not know them all
          !writeHeadHadHeaders(res);
        if (!storable) return resolve(null);
        resolve({
          status: 200,
          headers,
          body: Buffer.concat(chunks),
          stored: started,
          expires: started + this.ttlMs,
          generation,
        });
      });
      // The client went away before the end: nothing complete to keep.
      res.once("close", () => resolve(null));
    });
  }
}

const WRITE_HEAD_HEADERS = Symbol("pageCacheWriteHeadHeaders");

function writeHeadHadHeaders(res: http.ServerResponse): boolean {
  return (res as unknown as Record<symbol, boolean>)[WRITE_HEAD_HEADERS] === true;
}

/** Marks a response whose writeHead was given headers (they would be missing from a replay). */
function watchWriteHead(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    const headers = typeof args[1] === "object" && args[1] !== null ? args[1] : args[2];
    if (headers && (Array.isArray(headers) ? headers.length > 0 : Object.keys(headers).length > 0)) {
      (this as unknown as Record<symbol, boolean>)[WRITE_HEAD_HEADERS] = true;
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

const TIMED_OUT = Symbol("timed out");

function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function setHeader(req: http.IncomingMessage, name: string, value: string | null) {
  if (value === null) delete req.headers[name];
  else req.headers[name] = value;
  // rawHeaders too: Next builds some request objects from them.
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === name) raw.splice(i, 2);
  if (value !== null) raw.push(name, value);
}

/**
 * Makes the request say exactly what its cache key says, so no header the key reads loosely can make Next
 * render something else under it: the encoding class, and the locale — Accept-Language becomes the key's
 * locale and any NEXT_LOCALE cookie (however spelt: spaces, case, twice) leaves the Cookie header, because
 * Next's cookie parser and ours might read an odd one differently.
 */
function pinRenderHeaders(req: http.IncomingMessage, encoding: "gzip" | "identity", locale: Locale) {
  setHeader(req, "accept-encoding", encoding);
  setHeader(req, "accept-language", locale);
  const kept = cookieHeader(req.headers)
    .split(";")
    .filter(
      (part) =>
        part.trim() !== "" &&
        part
          .slice(0, part.indexOf("=") < 0 ? part.length : part.indexOf("="))
          .trim()
          .toUpperCase() !== LOCALE_COOKIE.toUpperCase(),
    );
  setHeader(req, "cookie", kept.length ? kept.map((p) => p.trim()).join("; ") : null);
}
