// Where the database is: a real PostgreSQL server when DATABASE_URL is set, otherwise the embedded,
// file-backed PGlite database under .data/ (one process only: never open it from two processes at once).
import path from "node:path";
import { z } from "zod";

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function resolveDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgresql:// (leave it unset for the embedded database)");
    }
    return { kind: "postgres", url };
  }
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `embedded PGlite at ${config.dataDir}`;
  const where = describePostgresUrl(config.url);
  return where ? `PostgreSQL at ${where}` : "PostgreSQL";
}

/** host:port/database of a connection string — never its user or password; "" when it cannot be parsed. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "";
  }
}

const replicaUrls = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^postgres(ql)?:\/\/[^/]/, "each replica must be a postgresql:// URL")
          .refine((u) => URL.canParse(u), "not a valid URL"),
      )
      .max(16, "at most 16 replicas"),
  );

/**
 * DATABASE_REPLICA_URLS: comma-separated PostgreSQL streaming replicas for the read-only paths (lib/db
 * readReplica()). Ignored without DATABASE_URL: the embedded PGlite database has no replicas. Throws on a
 * malformed list, naming the entry but never printing it (it may hold a password).
 */
export function resolveReplicaUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  if (resolveDatabaseConfig(env).kind !== "postgres") return [];
  const parsed = replicaUrls.safeParse(env.DATABASE_REPLICA_URLS ?? "");
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length ? ` (entry ${Number(issue.path[0]) + 1})` : "";
    throw new Error(`DATABASE_REPLICA_URLS: ${issue.message}${at}`);
  }
  return parsed.data;
}
