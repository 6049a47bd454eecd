// How old the data of a public page may be (issue 14; README "Freshness of public pages"). Pure values: read by
// the data cache (lib/cache/public-pages.ts, inside Next) and the page cache (lib/cache/page-cache.ts, in
// scripts/serve.ts), whose TTLs add up — a page replayed for PAGE_TTL_SECONDS may have rendered data that was
// already this old — and must stay within one minute together.

/** Seconds each kind of public data may be old in a worker process other than the writer's. */
export const PUBLIC_TTL = {
  /** landing figures, /statistik (with or without filters) */
  figures: 30,
  /** directory searches, a supplier's page */
  directory: 30,
  /** reference lists (provinces, estates, clusters in the filters), /tentang-data */
  reference: 45,
} as const;

/** The oldest any cached public data may be. */
export const MAX_DATA_TTL_SECONDS = Math.max(...Object.values(PUBLIC_TTL));
