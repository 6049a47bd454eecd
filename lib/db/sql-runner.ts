// A minimal SQL runner over either backend, for migrations, reference data and test set-up
// (the app itself talks to the database through Prisma).
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseConfig } from "./config";
import { openPGlite } from "./pglite";

export interface SqlRunner {
  kind: "postgres" | "pglite";
  /** Runs a script of one or more statements (no parameters). */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function pgliteRunner(db: PGlite, { closeOnDispose = true } = {}): SqlRunner {
  return {
    kind: "pglite",
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await db.query<T>(sql, params);
      return res.rows;
    },
    async close() {
      if (closeOnDispose) await db.close();
    },
  };
}

export function postgresRunner(client: pg.Client): SqlRunner {
  return {
    kind: "postgres",
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await client.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}

export async function openSqlRunner(config: DatabaseConfig): Promise<SqlRunner> {
  if (config.kind === "pglite") return pgliteRunner(await openPGlite(config.dataDir));
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  return postgresRunner(client);
}
