// Creates Prisma clients for either backend. Secrets never leave the data layer: password hashes are
// omitted from every query unless a query asks for them explicitly (lib/auth does, nothing else).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "./generated/client";

export const clientOptions = { omit: { user: { passwordHash: true } } } as const;

export type Db = PrismaClient<never, typeof clientOptions.omit>;

export function createPostgresClient(url: string, poolSize?: number): Db {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize ?? Number(process.env.DATABASE_POOL_SIZE || 10) });
  return new PrismaClient({ adapter, ...clientOptions }) as Db;
}

export function createPGliteClient(pglite: PGlite): Db {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite), ...clientOptions }) as Db;
}
