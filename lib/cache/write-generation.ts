// A per-process counter of successful writes, shared by the two caches of public pages (issue 14, ADR 0036).
//
// lib/cache/public-data.ts lives in Next's server bundle; lib/cache/page-cache.ts lives in scripts/serve.ts,
// outside it. Both run in the same process but load separate copies of any module they share, so the counter
// is kept on globalThis under a registered symbol: `invalidatePublicData()` bumps it after every successful
// server action and API write, and the page cache drops every page rendered under an older count.
//
// The time of the last write is kept there too: for a while after it, the read-replica router (lib/db/replicas.ts)
// sends this process's reads to the primary, so the data read back into the emptied caches is not older than
// the write.
const KEY = Symbol.for("rantai.publicWriteGeneration");
const AT = Symbol.for("rantai.lastWriteAt");

type Holder = { [KEY]?: number; [AT]?: number };

/** How many writes this process has made (0 at start). */
export function writeGeneration(): number {
  return (globalThis as Holder)[KEY] ?? 0;
}

/** Called after a successful write: every page cached in this process before it is dropped. */
export function bumpWriteGeneration(): void {
  (globalThis as Holder)[KEY] = writeGeneration() + 1;
  (globalThis as Holder)[AT] = Date.now();
}

/** When this process last made a write (ms since the epoch), or null if it has made none. */
export function lastWriteAt(): number | null {
  return (globalThis as Holder)[AT] ?? null;
}
