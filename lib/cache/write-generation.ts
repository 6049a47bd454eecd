// A per-process counter of successful writes, shared by the two caches of public pages (issue 14, ADR 0036).
//
// lib/cache/public-data.ts lives in Next's server bundle; lib/cache/page-cache.ts lives in scripts/serve.ts,
// outside it. Both run in the same process but load separate copies of any module they share, so the counter
// is kept on globalThis under a registered symbol: `invalidatePublicData()` bumps it after every successful
// server action and API write, and the page cache drops every page rendered under an older count.
const KEY = Symbol.for("rantai.publicWriteGeneration");

type Holder = { [KEY]?: number };

/** How many writes this process has made (0 at start). */
export function writeGeneration(): number {
  return (globalThis as Holder)[KEY] ?? 0;
}

/** Called after a successful write: every page cached in this process before it is dropped. */
export function bumpWriteGeneration(): void {
  (globalThis as Holder)[KEY] = writeGeneration() + 1;
}
