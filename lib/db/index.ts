// The application's database handle: a lazy singleton, so `next build` never opens the database.
// `db` is used like a PrismaClient (db.user.findMany(...)); tests swap the underlying client per test file.
import "server-only";
import { resolveDatabaseConfig } from "./config";
import { createPGliteClient, createPostgresClient, type Db } from "./client";
import { openPGliteSync } from "./pglite-sync";

const globalForDb = globalThis as unknown as { __rantaiDb?: Db; __rantaiDbClose?: () => Promise<void> };

function createFromEnv(): Db {
  const config = resolveDatabaseConfig();
  if (config.kind === "postgres") {
    const client = createPostgresClient(config.url);
    globalForDb.__rantaiDbClose = () => client.$disconnect();
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

/** For tests and scripts: use this client from now on. */
export function setDb(client: Db, close?: () => Promise<void>) {
  globalForDb.__rantaiDb = client;
  globalForDb.__rantaiDbClose = close;
}

export async function closeDb() {
  const close = globalForDb.__rantaiDbClose;
  globalForDb.__rantaiDb = undefined;
  globalForDb.__rantaiDbClose = undefined;
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
