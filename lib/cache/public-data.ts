// A short-lived, per-process cache for the data of public pages (issue 14, docs/decisions/0033-page-caching.md).
//
// What may go in: data every visitor sees alike — aggregate figures after disclosure control, the directory's
// search results for a normalized query, a supplier's public profile, reference lists. Never anything that
// depends on who is asking (session, role, organization): callers cache only the public part of a page and
// compute the viewer's part per request. The key is the function's name and its arguments, so an argument
// that carries the viewer would make per-viewer entries — pass only public inputs.
//
// How fresh: an entry is served for at most its TTL (≤ 60 s, hard: an expired entry is recomputed before it is
// served, never served stale), so with several worker processes, each with its own cache, every worker shows a
// write within one TTL. Every successful server action and API write also empties the cache of the process that
// made it (`invalidatePublicData`, called by lib/auth/action-wrapper.ts and lib/api/route.ts), so the writer
// sees their change at once. Writes are rare next to page views: emptying all of it is cheaper than knowing
// which write touches which page, and it cannot miss one.
//
// Concurrent misses for the same key share one computation (a burst of 50 visitors makes one query, not 50);
// a failed computation is not kept. Each cached function keeps at most `maxEntries` keys (least recently
// used dropped first), so free-text searches cannot grow a worker's memory without bound.
import "server-only";
import { bumpWriteGeneration } from "./write-generation";

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

const caches = new Set<Map<string, Entry>>();

export interface PublicCacheOptions<A extends unknown[]> {
  /** For error messages (each cached function has its own entries). */
  name: string;
  /** Seconds an entry is served; at most 60 (the promise of every public page, ADR 0033). */
  ttlSeconds: number;
  /** Most keys kept (default 200). */
  maxEntries?: number;
  /** The key of one call (default: its arguments as JSON, bigint as text). Normalize free text before. */
  key?: (...args: A) => string;
}

const MAX_TTL_SECONDS = 60;

function jsonKey(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
}

/**
 * `fn` with its results kept per process for `ttlSeconds`. Only for data that is the same for every viewer.
 */
export function publicCache<A extends unknown[], R>(fn: (...args: A) => Promise<R>, options: PublicCacheOptions<A>) {
  if (!(options.ttlSeconds > 0 && options.ttlSeconds <= MAX_TTL_SECONDS)) {
    throw new Error(`publicCache(${options.name}): ttlSeconds must be in (0, ${MAX_TTL_SECONDS}]`);
  }
  const entries = new Map<string, Entry>();
  caches.add(entries);
  const max = options.maxEntries ?? 200;
  const ttlMs = options.ttlSeconds * 1000;

  return function cached(...args: A): Promise<R> {
    const key = options.key ? options.key(...args) : jsonKey(args);
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now) {
      // most recently used last
      entries.delete(key);
      entries.set(key, hit);
      return hit.value as Promise<R>;
    }
    const value = fn(...args);
    const entry: Entry = { value, expires: now + ttlMs };
    entries.delete(key);
    // Expired entries are dropped from the least recently used end as new ones come (memory is not held by
    // data nobody may be served any more), then the oldest beyond `max`.
    for (const [k, e] of entries) {
      if (e.expires > now) break;
      entries.delete(k);
    }
    entries.set(key, entry);
    if (entries.size > max) entries.delete(entries.keys().next().value!);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
}

/**
 * Drops every cached entry of this process, data and rendered pages (lib/cache/page-cache.ts), after a
 * successful write; other processes follow within a TTL.
 */
export function invalidatePublicData(): void {
  for (const entries of caches) entries.clear();
  bumpWriteGeneration();
}
