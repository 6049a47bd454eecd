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
// Why not @prisma/extension-read-replicas: it routes only model reads (Rantai's heavy reads are
// `$queryRaw`), routes *every* read implicitly (the user's own data must come from the primary), and does not
// fail over when a replica is down.
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

export interface ReplicaRouterOptions {
  /** How often a replica that failed is probed until it answers again. */
  probeIntervalMs?: number;
  log?: (message: string) => void;
}

// PostgreSQL SQLSTATEs and Node/pg conditions meaning "this server cannot serve the query now", as opposed
// to an error in the query: connection failures (08…), shutdown/startup (57P01–57P03), a standby cancelling
// a query that conflicts with recovery (40001 with that message), a pool that cannot connect.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "P1001", "P1017"]);
const UNAVAILABLE_TEXT =
  /connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery)|server closed the connection|connection (refused|reset)|can't reach database|timeout exceeded when trying to connect|conflict with recovery|ECONNREFUSED|ECONNRESET/i;

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

export class ReplicaRouter {
  /** The client the read paths use: reads go to a replica, everything else to the primary. */
  readonly client: Db;
  private readonly down = new Map<number, ReturnType<typeof setInterval>>();
  private turn = 0;
  private readonly probeIntervalMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly primary: Db,
    private readonly replicas: Replica[],
    options: ReplicaRouterOptions = {},
  ) {
    this.probeIntervalMs = options.probeIntervalMs ?? 1_000;
    this.log = options.log ?? ((m) => console.log(`[rantai] ${m}`));
    this.client = this.makeClient();
  }

  /** Labels of the replicas currently taking reads. */
  healthy(): string[] {
    return this.replicas.filter((_, i) => !this.down.has(i)).map((r) => r.label);
  }

  async close(): Promise<void> {
    for (const timer of this.down.values()) clearInterval(timer);
    this.down.clear();
    await Promise.all(this.replicas.map((r) => r.client.$disconnect().catch(() => {})));
  }

  private pick(): number | null {
    for (let k = 0; k < this.replicas.length; k++) {
      const i = (this.turn + k) % this.replicas.length;
      if (!this.down.has(i)) {
        this.turn = i + 1;
        return i;
      }
    }
    return null;
  }

  private async run(call: Call): Promise<unknown> {
    const i = this.pick();
    if (i === null) return call(this.primary);
    try {
      return await call(this.replicas[i].client);
    } catch (err) {
      if (!isReplicaUnavailable(err)) throw err;
      this.markDown(i, err);
      return call(this.primary);
    }
  }

  private markDown(i: number, err: unknown) {
    if (this.down.has(i)) return;
    const replica = this.replicas[i];
    const e = err as { message?: unknown; code?: unknown; name?: unknown } | null;
    const text = typeof e?.message === "string" ? e.message.split("\n")[0].slice(0, 160) : "";
    const reason = text || (typeof e?.code === "string" ? e.code : "") || (typeof e?.name === "string" ? e.name : String(err));
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
