// Pure decisions of the `npm start` supervisor (scripts/start.ts, ADR 0032): how many server processes,
// how long to wait before replacing a crashed one, and how many database connections each may open.
// No imports: the supervisor stays small (it is the one process that lives as long as the instance).

export type DatabaseKind = "postgres" | "pglite";

export interface Concurrency {
  workers: number;
  /** Why this many, for the start-up log. */
  reason: string;
}

/**
 * The number of server processes: one on the embedded PGlite database (a single process may open it, ADR
 * 0002; WEB_CONCURRENCY is ignored there), otherwise WEB_CONCURRENCY, else one per core.
 */
export function resolveConcurrency(webConcurrency: string | undefined, cores: number, database: DatabaseKind): Concurrency {
  const raw = webConcurrency?.trim() ?? "";
  let wanted: number | null = null;
  if (raw) {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of at least 1 (got "${raw}")`);
    wanted = n;
  }
  if (database === "pglite") {
    return {
      workers: 1,
      reason: `embedded PGlite database: one server process (PGlite is single-process, ADR 0002)${wanted && wanted !== 1 ? `; WEB_CONCURRENCY=${wanted} ignored` : ""}`,
    };
  }
  if (wanted) return { workers: wanted, reason: `WEB_CONCURRENCY=${wanted}` };
  const perCore = Math.max(1, Math.floor(cores) || 1);
  return { workers: perCore, reason: `one per core (${perCore}); WEB_CONCURRENCY sets another number` };
}

/** The first replacement waits this long; each crash in a row doubles it, up to RESTART_MAX_MS. */
export const RESTART_BASE_MS = 250;
export const RESTART_MAX_MS = 30_000;
/** A worker that served this long before it died was healthy: its slot's crash count starts again. */
export const STABLE_AFTER_MS = 30_000;

/** Delay before replacing a worker that crashed `crashesInARow` times in a row (1 = the first crash). */
export function restartDelayMs(crashesInARow: number): number {
  const n = Math.max(1, Math.floor(crashesInARow));
  return Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** Math.min(n - 1, 30));
}

/** The crash count of a slot after its worker died having been up `uptimeMs` (healthy runs reset it). */
export function nextCrashCount(previous: number, uptimeMs: number): number {
  return uptimeMs >= STABLE_AFTER_MS ? 1 : previous + 1;
}

/** Connections one worker's pool opens at most by default (lib/db/client.ts reads DATABASE_POOL_SIZE). */
export const POOL_PER_WORKER = 10;
/** Default ceiling for one instance (all its workers together), so many cores do not exhaust max_connections. */
export const POOL_PER_INSTANCE = 40;
/** A worker never gets fewer than this by default (a page runs a few queries in parallel). */
const POOL_MIN = 4;

/**
 * DATABASE_POOL_SIZE for each worker when the deployment did not set it: 10 each, but at most about 40 for
 * the instance (8 workers → 5 each), never below 4. A value the deployment set is kept as is (per worker).
 */
export function poolSizePerWorker(configured: string | undefined, workers: number): number | null {
  if (configured?.trim()) return null;
  return Math.max(POOL_MIN, Math.min(POOL_PER_WORKER, Math.floor(POOL_PER_INSTANCE / Math.max(1, workers))));
}
