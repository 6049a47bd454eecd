// The application's database handle: a lazy singleton, so `next build` never opens the database.
// `db` is used like a PrismaClient (db.user.findMany(...)); tests swap the underlying client per test file.
//
// `db` is the primary: every write, and every read of a user's own data, goes there, so a user sees their
// own write at once. `readReplica()` is for the named read-only paths only — the public directory and a
// supplier's public page, the statistics, the matching candidates and the landing page's figures — and
// sends their reads to the streaming replicas in DATABASE_REPLICA_URLS (none set, or the embedded PGlite:
// the primary). A replica more than REPLICA_MAX_LAG_SECONDS behind is skipped until it catches up, and for a
// while after this process writes its reads go to the primary;
// `onOneReadServer(fn)` keeps all of a computation's reads on one server. See ./replicas.ts and
// docs/decisions/0035-deployment-shape.md.
import "server-only";
import { describePostgresUrl, resolveDatabaseConfig, resolveReplicaUrls } from "./config";
import { createPGliteClient, createPostgresClient, type Db } from "./client";
import { lastWriteAt } from "@/lib/cache/write-generation";
import { openPGliteSync } from "./pglite-sync";
import { maxLagSecondsFrom, ReplicaRouter, walLagReader, type Replica } from "./replicas";

const globalForDb = globalThis as unknown as {
  __rantaiDb?: Db;
  __rantaiDbClose?: () => Promise<void>;
  __rantaiReplicas?: ReplicaRouter | null;
};

function createFromEnv(): Db {
  const config = resolveDatabaseConfig();
  if (config.kind === "postgres") {
    const client = createPostgresClient(config.url);
    const urls = resolveReplicaUrls();
    if (urls.length) {
      // A replica that hangs must not hold requests or the lag readings: its pool gives up on a connection after
      // 2 s and on a statement after 15 s (20 s client side, for a server that stopped answering), and the read
      // runs again on the primary (lib/db/replicas.ts).
      const timeouts = { connectionTimeoutMillis: 2_000, statement_timeout: 15_000, query_timeout: 20_000 };
      const replicas = urls.map((url) => ({ client: createPostgresClient(url, undefined, timeouts), label: describePostgresUrl(url) }));
      const maxLagSeconds = maxLagSecondsFrom(process.env.REPLICA_MAX_LAG_SECONDS);
      globalForDb.__rantaiReplicas = new ReplicaRouter(client, replicas, {
        lagReader: walLagReader(client),
        maxLagSeconds,
        // Reads after this process's own write go to the primary until the replicas have it (./replicas.ts).
        lastWriteAt,
      });
      console.log(
        `[rantai] read replicas: ${replicas.map((r) => r.label).join(", ")} (primary ${describePostgresUrl(config.url)}; ` +
          `a replica more than ${maxLagSeconds} s behind is skipped, REPLICA_MAX_LAG_SECONDS)`,
      );
    }
    globalForDb.__rantaiDbClose = async () => {
      await globalForDb.__rantaiReplicas?.close();
      await client.$disconnect();
    };
    return client;
  }
  const pglite = openPGliteSync(config.dataDir);
  globalForDb.__rantaiDbClose = async () => {
    await pglite.close();
  };
  return createPGliteClient(pglite);
}

export function getDb(): Db {
  if (!globalForDb.__rantaiDb) globalForDb.__rantaiDb = createFromEnv();
  return globalForDb.__rantaiDb;
}

/**
 * The client for the named read-only paths (see the top of this file): a replica when DATABASE_REPLICA_URLS
 * lists any that answer, otherwise the primary. Never use it for a user's own data or anything read to
 * decide a write: a replica may be a moment behind the primary.
 */
export function readReplica(): Db {
  const primary = getDb();
  return globalForDb.__rantaiReplicas?.client ?? primary;
}

/** For tests and scripts: use this client from now on (and no replicas). */
export function setDb(client: Db, close?: () => Promise<void>) {
  globalForDb.__rantaiDb = client;
  globalForDb.__rantaiDbClose = close;
  globalForDb.__rantaiReplicas = null;
}

/** For tests: route readReplica() to these replicas of the client handed to setDb(). */
export function setReadReplicas(replicas: Replica[]): ReplicaRouter {
  const router = new ReplicaRouter(getDb(), replicas, { log: () => {} });
  globalForDb.__rantaiReplicas = router;
  return router;
}

export async function closeDb() {
  const close = globalForDb.__rantaiDbClose;
  globalForDb.__rantaiDb = undefined;
  globalForDb.__rantaiDbClose = undefined;
  globalForDb.__rantaiReplicas = undefined;
  if (close) await close();
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type { Db };
export { Prisma } from "./generated/client";
export { onOneReadServer } from "./replicas";
