// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that brings the migrations up to
// prisma/schema.prisma. Uses Prisma's schema engine compiled to WebAssembly with an in-memory shadow
// database, so it needs neither the native engine nor a running database.
import fs from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema, isEmptyMigration } from "../lib/db/schema-engine";
import { MIGRATIONS_DIR } from "../lib/db/migrate";

async function main() {
  const rawName = process.argv.slice(2).join("_").trim();
  if (!rawName) {
    console.error("Usage: npm run db:migration -- <name>   (e.g. npm run db:migration -- add_product_tags)");
    process.exit(1);
  }
  const name = rawName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const sql = await diffMigrationsToSchema();
  if (isEmptyMigration(sql)) {
    console.log("schema.prisma and the migrations already agree: nothing to write.");
    process.exit(0);
  }
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then run npm run db:migrate`);
  process.exit(0); // the engine leaves a timer running
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
