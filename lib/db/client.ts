// Creates Prisma clients for either backend. Secrets never leave the data layer: password hashes are
// omitted from every query unless a query asks for them explicitly (lib/auth does, nothing else).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "./generated/client";

export const clientOptions = { omit: { user: { passwordHash: true } } } as const;

export type Db = PrismaClient<never, typeof clientOptions.omit>;

/** Timeouts of a pool (node-postgres names): how long to wait for a connection, and for a statement. */
export interface PoolTimeouts {
  connectionTimeoutMillis?: number;
  /** Server side: PostgreSQL cancels a statement running longer. */
  statement_timeout?: number;
  /** Client side: gives up on a query whose answer does not arrive (a hung server or network). */
  query_timeout?: number;
}

export function createPostgresClient(url: string, poolSize?: number, timeouts: PoolTimeouts = {}): Db {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize ?? Number(process.env.DATABASE_POOL_SIZE || 10), ...timeouts });
  return new PrismaClient({ adapter, ...clientOptions }) as Db;
}

export function createPGliteClient(pglite: PGlite): Db {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite), ...clientOptions }) as Db;
}
