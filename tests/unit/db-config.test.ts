import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeDatabase, resolveDatabaseConfig, resolveReplicaUrls } from "@/lib/db/config";

/** An environment with only these variables (NODE_ENV is required by Next's ProcessEnv type). */
function env(vars: Partial<NodeJS.ProcessEnv> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: "test", ...vars };
}

describe("resolveDatabaseConfig", () => {
  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(resolveDatabaseConfig(env({ DATABASE_URL: "postgresql://u:p@db.example:5433/rantai" }))).toEqual({
      kind: "postgres",
      url: "postgresql://u:p@db.example:5433/rantai",
    });
  });

  it("accepts the postgres:// scheme and trims surrounding whitespace", () => {
    expect(resolveDatabaseConfig(env({ DATABASE_URL: "  postgres://localhost/rantai \n" }))).toEqual({
      kind: "postgres",
      url: "postgres://localhost/rantai",
    });
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL", () => {
    expect(() => resolveDatabaseConfig(env({ DATABASE_URL: "mysql://localhost/rantai" }))).toThrow(/postgresql:\/\//);
    expect(() => resolveDatabaseConfig(env({ DATABASE_URL: "file:./dev.db" }))).toThrow(/DATABASE_URL/);
  });

  it("falls back to the embedded database under .data/pglite when DATABASE_URL is unset or blank", () => {
    const expected = { kind: "pglite", dataDir: path.join(process.cwd(), ".data", "pglite") };
    expect(resolveDatabaseConfig(env())).toEqual(expected);
    expect(resolveDatabaseConfig(env({ DATABASE_URL: "" }))).toEqual(expected);
    expect(resolveDatabaseConfig(env({ DATABASE_URL: "   " }))).toEqual(expected);
  });

  it("uses PGLITE_DATA_DIR for the embedded database", () => {
    expect(resolveDatabaseConfig(env({ PGLITE_DATA_DIR: " /srv/rantai/db " }))).toEqual({ kind: "pglite", dataDir: "/srv/rantai/db" });
    expect(resolveDatabaseConfig(env({ PGLITE_DATA_DIR: "  " }))).toEqual({
      kind: "pglite",
      dataDir: path.join(process.cwd(), ".data", "pglite"),
    });
  });

  it("prefers DATABASE_URL over PGLITE_DATA_DIR", () => {
    expect(resolveDatabaseConfig(env({ DATABASE_URL: "postgresql://localhost/x", PGLITE_DATA_DIR: "/tmp/x" })).kind).toBe("postgres");
  });

  it("reads process.env by default", () => {
    // vitest.config.ts points DATABASE_URL of the unit project at an unresolvable host.
    expect(resolveDatabaseConfig()).toEqual({ kind: "postgres", url: process.env.DATABASE_URL });
  });
});

describe("describeDatabase", () => {
  it("names the embedded data directory", () => {
    expect(describeDatabase({ kind: "pglite", dataDir: "/data/pg" })).toBe("embedded PGlite at /data/pg");
  });

  it("shows host, port and database but never the credentials", () => {
    const text = describeDatabase({ kind: "postgres", url: "postgresql://admin:s3cret@db.internal:6543/rantai" });
    expect(text).toBe("PostgreSQL at db.internal:6543/rantai");
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain("admin");
  });

  it("defaults the port to 5432", () => {
    expect(describeDatabase({ kind: "postgres", url: "postgresql://localhost/rantai" })).toBe("PostgreSQL at localhost:5432/rantai");
  });

  it("does not echo a URL it cannot parse", () => {
    expect(describeDatabase({ kind: "postgres", url: "postgresql://user:pw@[bad" })).toBe("PostgreSQL");
  });
});

describe("resolveReplicaUrls (DATABASE_REPLICA_URLS)", () => {
  const primary = { DATABASE_URL: "postgresql://app:pw@primary:5432/rantai" };

  it("reads a comma-separated list, ignoring blanks", () => {
    expect(
      resolveReplicaUrls(env({ ...primary, DATABASE_REPLICA_URLS: " postgresql://app:pw@r1:5432/rantai, ,postgres://r2/rantai " })),
    ).toEqual(["postgresql://app:pw@r1:5432/rantai", "postgres://r2/rantai"]);
    expect(resolveReplicaUrls(env(primary))).toEqual([]);
  });

  it("is ignored on the embedded database", () => {
    expect(resolveReplicaUrls(env({ DATABASE_REPLICA_URLS: "postgresql://r1/rantai" }))).toEqual([]);
  });

  it("refuses an entry that is not a PostgreSQL URL, without echoing it", () => {
    const run = () => resolveReplicaUrls(env({ ...primary, DATABASE_REPLICA_URLS: "postgresql://r1/rantai,mysql://u:s3cret@r2/x" }));
    expect(run).toThrow(/DATABASE_REPLICA_URLS: .*entry 2/);
    expect(run).not.toThrow(/s3cret/);
  });
});
