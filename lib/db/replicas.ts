// Read replicas (issue 14, ADR 0035): a client that looks like the primary's but sends the read-only
// queries of the paths that ask for it (`readReplica()` in lib/db) to PostgreSQL streaming replicas.
//
// Only reads are routed: `$queryRaw`/`$queryRawUnsafe` and the model reads (findMany, count, …). Anything
// else reached through it — a write, `$transaction`, `$executeRaw` — runs on the primary, so a mistake can
// never write to (or fail on) a read-only standby. Replicas are used in turn. A replica that cannot answer
// (refused, restarting, connection dropped, or a query cancelled by recovery) is taken out of the turn and
// the query is run again on the primary: reads are idempotent, so a replica's restart costs no request.
// A probe (`SELECT 1` every second) puts it back once it answers again.
//
// Lag: a replica that answers but is far behind would serve old data, so every second the router reads the
// primary's WAL position (`pg_current_wal_lsn()`) and each replica's replayed position
// (`pg_last_wal_replay_lsn()`). It keeps the primary's positions of the last minutes with the time each was
// read; a replica is as old as the oldest primary position it has not replayed yet (0 when it has replayed
// everything the primary had written at the last reading). This is right on an idle primary, where
// `now() - pg_last_xact_replay_timestamp()` grows forever, and after a burst following a quiet hour, where it
// would be an hour. A replica more than REPLICA_MAX_LAG_SECONDS (default 10) behind is taken out of the turn and
// put back once it is within the limit again; until its first reading it is not in the turn. Each replica is
// measured on its own, each reading bounded by REPLICA_LAG_TIMEOUT_MS (2 s): a replica whose reading fails or
// does not answer in time leaves the turn until a later reading succeeds, and while one reading hangs only that
// replica skips rounds — the others are still measured every second. (The replica pools also have a connect
// timeout and a statement timeout, lib/db/index.ts, so a hung replica frees its connections.)
//
// Read-after-write: a process that has just written (`bumpWriteGeneration()` in lib/cache/write-generation.ts,
// called by `invalidatePublicData()` after every successful server action and API write) reads the primary
// for REPLICA_MAX_LAG_SECONDS + the measurement interval + the reading timeout after that write (13 s by
// default), so it neither shows its writer the old data nor puts old data back into the caches it has just
// emptied. The rule is by time, not by WAL position: every replica in the turn after that window was last
// measured after the write and was then at most REPLICA_MAX_LAG_SECONDS behind, so it has replayed the write.
// A one-server computation pinned to a replica moves to the primary in that window too.
//
// One server per computation: `onOneReadServer(fn)` makes every read in `fn` (and what it awaits) go to the
// same replica, picked at the first read, or all to the primary. The statistics use it: figures and the
// disclosure counts that decide which figures may be shown must describe one state of the data.
//
// Why not @prisma/extension-read-replicas: it routes only model reads (Rantai's heavy reads are
// `$queryRaw`), routes *every* read implicitly (the user's own data must come from the primary), and does not
// fail over when a replica is down.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "./client";

const MODEL_READS = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "count",
  "aggregate",
  "groupBy",
]);
const RAW_READS = new Set(["$queryRaw", "$queryRawUnsafe"]);

export interface Replica {
  client: Db;
  /** host:port/database, without credentials: what the logs name. */
  label: string;
}

/**
 * Seconds a replica is behind the primary, or null when that is not known now (not readable, or not measured
 * long enough): the replica's state stays as it was.
 */
export type LagReader = (replica: Replica, index: number, maxLagSeconds: number) => Promise<number | null>;

export interface ReplicaRouterOptions {
  /** How often a replica that failed is probed until it answers again. */
  probeIntervalMs?: number;
  log?: (message: string) => void;
  /** Measures each replica's lag every `lagIntervalMs`; without it lag is not checked (tests). */
  lagReader?: LagReader;
  lagIntervalMs?: number;
  /** A replica further behind than this leaves the turn until it is within it again. */
  maxLagSeconds?: number;
  /** A lag reading that takes longer fails: the replica leaves the turn until a reading succeeds. */
  lagTimeoutMs?: number;
  /** When this process last wrote (ms), or null: reads go to the primary for a while after it. */
  lastWriteAt?: () => number | null;
  now?: () => number;
}

const DEFAULT_MAX_LAG_SECONDS = 10;
const DEFAULT_LAG_TIMEOUT_MS = 2_000;

/** REPLICA_MAX_LAG_SECONDS: a positive number of seconds, default 10. */
export function maxLagSecondsFrom(raw: string | undefined): number {
  const text = raw?.trim() ?? "";
  if (!text) return DEFAULT_MAX_LAG_SECONDS;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`REPLICA_MAX_LAG_SECONDS must be a positive number of seconds (got "${text}")`);
  return n;
}

/** A WAL position ("16/B374D848") as a number of bytes. */
export function parseLsn(lsn: string): bigint {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn.trim());
  if (!m) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

/**
 * The primary's WAL positions over the last `keepMs`, with the time each was read, and from them how old a
 * replica's data is: the time since the primary first stood at a position the replica has not replayed.
 */
export class WalTimeline {
  private samples: { at: number; lsn: bigint }[] = [];
  constructor(private readonly keepMs = 10 * 60_000) {}

  record(at: number, lsn: bigint): void {
    const last = this.samples[this.samples.length - 1];
    // Only a position that moved is news: the oldest time the primary stood at or past it is what counts.
    if (!last || lsn > last.lsn) this.samples.push({ at, lsn });
    const cutoff = at - this.keepMs;
    // Keep one sample older than the cut-off: a replica behind all of the window is at least that old.
    while (this.samples.length > 1 && this.samples[1].at < cutoff) this.samples.shift();
  }

  /**
   * Seconds the replica at `replayed` is behind at time `now`; 0 when it has everything recorded so far. When
   * it lacks even the oldest position recorded, only a lower bound is known: returned when it already exceeds
   * `limitSeconds`, else null (unknown — e.g. just after start, when a replica hours behind would look fresh).
   */
  lagSeconds(now: number, replayed: bigint, limitSeconds: number): number | null {
    const k = this.samples.findIndex((s) => s.lsn > replayed);
    if (k < 0) return 0;
    const lag = Math.max(0, (now - this.samples[k].at) / 1000);
    return k > 0 || lag > limitSeconds ? lag : null;
  }
}

/**
 * The lag reader for PostgreSQL streaming replicas (see the top of this file): null when the primary cannot be
 * read (nothing is known about the replica), an error when the replica cannot be.
 */
export function walLagReader(primary: Db, now: () => number = Date.now): LagReader {
  const timeline = new WalTimeline();
  let primaryRead: { at: number; done: Promise<boolean> } | null = null;
  // One primary reading per round however many replicas: the first replica of a round triggers it.
  const readPrimary = () => {
    const at = now();
    if (primaryRead && at - primaryRead.at < 200) return primaryRead.done;
    const done = primary
      .$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_lsn()::text AS lsn")
      .then(([r]) => {
        timeline.record(at, parseLsn(r.lsn));
        return true;
      })
      .catch(() => false);
    primaryRead = { at, done };
    return done;
  };
  return async (replica, _index, maxLagSeconds) => {
    // The primary first: a replica position read after it can only look better than the truth by the
    // few milliseconds between the two queries.
    if (!(await readPrimary())) return null;
    // A replica that cannot be read throws: the router takes it out of the turn until a reading succeeds.
    const [r] = await replica.client.$queryRawUnsafe<{ standby: boolean; replayed: string | null }[]>(
      "SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed",
    );
    if (!r.standby || !r.replayed) return null; // not a standby (promoted, misconfigured): no lag to measure
    return timeline.lagSeconds(now(), parseLsn(r.replayed), maxLagSeconds);
  };
}

/** Per router, the replica a computation reads (null: the primary); unset until its first read. */
type Pins = Map<ReplicaRouter, number | null>;
const oneServer = new AsyncLocalStorage<Pins>();
const scopes = new WeakMap<object, Pins>();

/**
 * Runs `fn` with all its reads on one server (see the top of this file); nested calls share the outer one.
 * With `scope`, every call for the same object (e.g. one statistics Disclosure and its memoized tables) reads
 * the same server.
 */
export function onOneReadServer<T>(fn: () => Promise<T>, scope?: object): Promise<T> {
  if (oneServer.getStore()) return fn();
  let pins = scope ? scopes.get(scope) : undefined;
  if (!pins) {
    pins = new Map();
    if (scope) scopes.set(scope, pins);
  }
  return oneServer.run(pins, fn);
}

// PostgreSQL SQLSTATEs and Node/pg conditions meaning "this server cannot serve the query now", as opposed
// to an error in the query: connection failures (08…), shutdown/startup (57P01–57P03), a standby cancelling
// a query that conflicts with recovery (40001 with that message), a pool that cannot connect.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "P1001", "P1017"]);
const UNAVAILABLE_TEXT =
  /connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery)|server closed the connection|connection (refused|reset)|can't reach database|timeout exceeded when trying to connect|conflict with recovery|query read timeout|ECONNREFUSED|ECONNRESET/i;

/** Is this error the replica being unavailable (so the query may run on the primary instead)? */
export function isReplicaUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
    for (const c of [o.code, o.originalCode]) {
      if (typeof c === "string" && (UNAVAILABLE_CODES.has(c) || c.startsWith("08"))) return true;
    }
    if (o.kind === "DatabaseNotReachable" || o.kind === "ConnectionClosed" || o.kind === "SocketTimeout") return true;
    if (typeof o.message === "string" && UNAVAILABLE_TEXT.test(o.message)) return true;
    e = o.cause;
  }
  return false;
}

type Call = (client: Db) => Promise<unknown>;

/** An error's first line (or code, or name) for the log. */
function describeError(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; name?: unknown } | null;
  const text = typeof e?.message === "string" ? e.message.split("\n")[0].slice(0, 160) : "";
  return text || (typeof e?.code === "string" ? e.code : "") || (typeof e?.name === "string" ? e.name : String(err));
}

export class ReplicaRouter {
  /** The client the read paths use: reads go to a replica, everything else to the primary. */
  readonly client: Db;
  private readonly down = new Map<number, ReturnType<typeof setInterval>>();
  /** Replicas out of the turn for lag (or not measured yet), with their last lag in seconds (null: unknown). */
  private readonly lagging = new Map<number, number | null>();
  private turn = 0;
  private readonly probeIntervalMs: number;
  private readonly log: (message: string) => void;
  private readonly maxLagSeconds: number;
  private lagTimer: ReturnType<typeof setInterval> | null = null;
  /** Per replica, the reading under way, settled within the timeout even when the query hangs. */
  private readonly readings = new Map<number, Promise<void>>();
  /** Replicas whose lag query has not come back yet (possibly past its timeout): not read again meanwhile. */
  private readonly querying = new Set<number>();
  /** Replicas out of the turn because their last reading failed or timed out. */
  private readonly unreadable = new Set<number>();
  private readonly lagTimeoutMs: number;
  private readonly readAfterWriteMs: number;
  private readonly lastWriteAt: () => number | null;
  private readonly now: () => number;

  constructor(
    private readonly primary: Db,
    private readonly replicas: Replica[],
    options: ReplicaRouterOptions = {},
  ) {
    this.probeIntervalMs = options.probeIntervalMs ?? 1_000;
    this.log = options.log ?? ((m) => console.log(`[rantai] ${m}`));
    this.maxLagSeconds = options.maxLagSeconds ?? DEFAULT_MAX_LAG_SECONDS;
    this.lagTimeoutMs = options.lagTimeoutMs ?? DEFAULT_LAG_TIMEOUT_MS;
    const lagIntervalMs = options.lagIntervalMs ?? 1_000;
    this.readAfterWriteMs = this.maxLagSeconds * 1000 + lagIntervalMs + this.lagTimeoutMs;
    this.lastWriteAt = options.lastWriteAt ?? (() => null);
    this.now = options.now ?? Date.now;
    this.client = this.makeClient();
    const reader = options.lagReader;
    if (reader) {
      replicas.forEach((_, i) => this.lagging.set(i, null));
      const tick = () => {
        replicas.forEach((_, i) => {
          if (!this.querying.has(i)) this.measure(reader, i);
        });
      };
      tick();
      this.lagTimer = setInterval(tick, lagIntervalMs);
      this.lagTimer.unref?.();
    }
  }

  /** Labels of the replicas currently taking reads. */
  healthy(): string[] {
    return this.replicas.filter((_, i) => this.inTurn(i)).map((r) => r.label);
  }

  /** Resolves after the lag readings under way (if any) are done or timed out: for tests. */
  async settled(): Promise<void> {
    await Promise.all(this.readings.values());
  }

  private inTurn(i: number): boolean {
    return !this.down.has(i) && !this.lagging.has(i);
  }

  /** Has this process written recently enough that a replica may not have its write yet? */
  private justWrote(): boolean {
    const at = this.lastWriteAt();
    return at !== null && this.now() - at < this.readAfterWriteMs;
  }

  private measure(reader: LagReader, i: number): void {
    const replica = this.replicas[i];
    this.querying.add(i);
    const query = Promise.resolve()
      .then(() => reader(replica, i, this.maxLagSeconds))
      .finally(() => this.querying.delete(i));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.lagTimeoutMs);
      timer.unref?.();
    });
    const reading = Promise.race([
      query.then(
        (lag) => ({ lag }),
        (error: unknown) => ({ error }),
      ),
      timeout,
    ])
      .then((result) => {
        if (result === "timeout") this.readingFailed(i, `no answer within ${this.lagTimeoutMs} ms`);
        else if ("error" in result) this.readingFailed(i, describeError(result.error));
        else this.applyLag(i, result.lag);
      })
      .finally(() => {
        clearTimeout(timer);
        if (this.readings.get(i) === reading) this.readings.delete(i);
      });
    this.readings.set(i, reading);
  }

  private readingFailed(i: number, reason: string): void {
    if (!this.unreadable.has(i)) {
      this.log(`replica ${this.replicas[i].label}: lag reading failed (${reason}); its reads go elsewhere until a reading succeeds`);
    }
    this.unreadable.add(i);
    this.lagging.set(i, null);
  }

  private applyLag(i: number, lag: number | null): void {
    const replica = this.replicas[i];
    if (lag === null) return;
    if (this.unreadable.delete(i)) this.log(`replica ${replica.label} answers lag readings again`);
    const was = this.lagging.get(i);
    if (lag > this.maxLagSeconds) {
      if (!this.lagging.has(i) || was === null) {
        this.log(
          `replica ${replica.label} is ${lag.toFixed(1)} s behind the primary (limit ${this.maxLagSeconds} s); its reads go elsewhere`,
        );
      }
      this.lagging.set(i, lag);
    } else if (this.lagging.has(i)) {
      this.lagging.delete(i);
      if (was !== null) this.log(`replica ${replica.label} caught up (${lag.toFixed(1)} s behind); reads return to it`);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.down.values()) clearInterval(timer);
    this.down.clear();
    if (this.lagTimer) clearInterval(this.lagTimer);
    this.lagTimer = null;
    await this.settled();
    await Promise.all(this.replicas.map((r) => r.client.$disconnect().catch(() => {})));
  }

  private pick(): number | null {
    if (this.justWrote()) return null;
    for (let k = 0; k < this.replicas.length; k++) {
      const i = (this.turn + k) % this.replicas.length;
      if (this.inTurn(i)) {
        this.turn = i + 1;
        return i;
      }
    }
    return null;
  }

  private async run(call: Call): Promise<unknown> {
    const pinned = oneServer.getStore();
    let i: number | null;
    if (pinned?.has(this)) {
      i = pinned.get(this)!;
      // Pinned to a replica before this process wrote: the rest of the computation reads the primary.
      if (i !== null && this.justWrote()) pinned.set(this, (i = null));
    } else {
      i = this.pick();
      pinned?.set(this, i);
    }
    if (i === null) return call(this.primary);
    try {
      return await call(this.replicas[i].client);
    } catch (err) {
      if (!isReplicaUnavailable(err)) throw err;
      this.markDown(i, err);
      // The rest of a one-server computation goes to the primary too (it cannot come back to this one).
      if (pinned?.get(this) === i) pinned.set(this, null);
      return call(this.primary);
    }
  }

  private markDown(i: number, err: unknown) {
    if (this.down.has(i)) return;
    const replica = this.replicas[i];
    const reason = describeError(err);
    this.log(`replica ${replica.label} unavailable (${reason}); its reads go to the primary until it answers`);
    const since = Date.now();
    let probing = false;
    const timer = setInterval(() => {
      if (probing) return;
      probing = true;
      replica.client
        .$queryRawUnsafe("SELECT 1")
        .then(() => {
          clearInterval(timer);
          this.down.delete(i);
          this.log(`replica ${replica.label} answers again after ${((Date.now() - since) / 1000).toFixed(1)} s; reads return to it`);
        })
        .catch(() => {})
        .finally(() => {
          probing = false;
        });
    }, this.probeIntervalMs);
    timer.unref?.();
    this.down.set(i, timer);
  }

  private makeClient(): Db {
    const primary = this.primary as unknown as Record<string | symbol, unknown>;
    const delegates = new Map<string, unknown>();
    const delegate = (model: string) => {
      let d = delegates.get(model);
      if (!d) {
        const onPrimary = primary[model] as Record<string | symbol, unknown>;
        d = new Proxy(onPrimary, {
          get: (target, method) => {
            if (typeof method === "string" && MODEL_READS.has(method)) {
              return (...args: unknown[]) =>
                this.run((c) => {
                  const m = (c as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[model];
                  return m[method](...args);
                });
            }
            const value = target[method];
            return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
        delegates.set(model, d);
      }
      return d;
    };
    return new Proxy(primary, {
      get: (target, prop) => {
        if (typeof prop === "string" && RAW_READS.has(prop)) {
          return (...args: unknown[]) =>
            this.run((c) => (c as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[prop](...args));
        }
        const value = target[prop];
        if (typeof prop === "string" && !prop.startsWith("$") && !prop.startsWith("_") && value && typeof value === "object") {
          return delegate(prop);
        }
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as unknown as Db;
  }
}
