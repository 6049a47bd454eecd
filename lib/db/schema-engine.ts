// Prisma's schema engine compiled to WebAssembly, driven through a PGlite driver adapter. It replaces the
// native engine (which cannot be downloaded on every machine) for the two jobs Rantai needs from it:
// writing a new migration from schema changes, and checking that schema.prisma and the migrations agree.
//
// The shadow database is always a throw-away in-memory PGlite (with pg_trgm), so creating a migration works
// the same whatever DATABASE_URL points at and never touches a real database.
//
// Work-arounds for third-party behaviour (checked with @prisma/schema-engine-wasm
// 8.1.0-2.59be4fda…, pglite-prisma-adapter 0.7.2, @electric-sql/pglite 0.5.16), tested in
// tests/integration/migrations.integration.test.ts:
//  - (adapter-pg rejects PostgreSQL's `"char"` type that the engine's schema reader selects; the PGlite
//    adapter maps it to a character column, which is one reason the engine only ever sees PGlite here);
//  - the adapter's executeScript does not await PGlite's exec: ours does, so a failing script fails;
//  - the adapter's shadow PGlite loads no extensions: ours loads pg_trgm;
//  - the engine expects a panic registry on globalThis before it is instantiated.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openPGlite } from "./pglite";
import { readMigrations, MIGRATIONS_DIR } from "./migrate";

type Engine = import("@prisma/schema-engine-wasm").SchemaEngine;

async function adapterFor(db: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(db).connect();
  // The adapter's executeScript does not await: make a failing script fail.
  adapter.executeScript = async (script: string) => {
    await db.exec(script);
  };
  return adapter;
}

/** A migration-aware adapter factory where both the "main" and the shadow database are fresh in-memory PGlites. */
function inMemoryPGliteFactory(): SqlMigrationAwareDriverAdapterFactory & { closeAll(): Promise<void> } {
  const opened: PGlite[] = [];
  const open = async () => {
    const db = await openPGlite("memory://");
    opened.push(db);
    return adapterFor(db);
  };
  return {
    provider: "postgres",
    adapterName: "rantai-pglite-memory",
    connect: open,
    connectToShadowDb: open,
    async closeAll() {
      await Promise.all(opened.map((db) => db.close().catch(() => {})));
    },
  };
}

let wasmLoaded: Promise<typeof import("@prisma/schema-engine-wasm")> | null = null;

async function loadWasm() {
  if (!wasmLoaded) {
    wasmLoaded = (async () => {
      const g = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
      g.PRISMA_WASM_PANIC_REGISTRY ??= {
        set_message(message: string) {
          throw new Error(`Prisma schema engine panicked: ${message}`);
        },
      };
      const require = createRequire(import.meta.url);
      const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
      const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
      const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
      const { instance } = await WebAssembly.instantiate(bytes, {
        "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
      });
      const exports = instance.exports as unknown as { __wbindgen_start(): void };
      (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
      exports.__wbindgen_start();
      return bg as unknown as typeof import("@prisma/schema-engine-wasm");
    })();
  }
  return wasmLoaded;
}

const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");

function migrationsList(dir: string) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const lock = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null;
  return {
    baseDir: dir,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: lock },
    migrationDirectories: readMigrations(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: m.sql } },
    })),
  };
}

async function withEngine<T>(schemaPath: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const wasm = await loadWasm();
  const factory = inMemoryPGliteFactory();
  const schema = fs.readFileSync(schemaPath, "utf8");
  const logs: string[] = [];
  const engine = (await wasm.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (msg: string) => logs.push(msg),
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as Engine;
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await factory.closeAll();
  }
}

/**
 * The SQL that brings a database built from the migrations up to schema.prisma, or "" when they agree.
 */
export async function diffMigrationsToSchema({
  migrationsDir = MIGRATIONS_DIR,
  schemaPath = SCHEMA_PATH,
}: { migrationsDir?: string; schemaPath?: string } = {}): Promise<string> {
  return withEngine(schemaPath, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList(migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return result.exitCode === 2 ? sql : "";
  });
}

export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}
