// Profiles directory searches on the bench database: runs each search twice through lib/suppliers/search.ts
// (cold, warm), captures its SQL statements and prints their EXPLAIN ANALYZE execution times (FULL=1: the
// whole plans). Run `npm run bench:search` once first (it creates and fills rantai_bench).
//
//   npx tsx --conditions=react-server scripts/bench/explain-search.ts '[{"q":"kain"},{"q":"btaik","province":"33"}]'
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client";
import { setDb, closeDb, type Db } from "../../lib/db";
import { clientOptions } from "../../lib/db/client";
import { searchSuppliers } from "../../lib/suppliers/search";
import { supplierSearchQuery } from "../../lib/suppliers/search-query";
import { benchUrl } from "./dataset";

async function main() {
  const url = benchUrl();
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 2 }),
    ...clientOptions,
    log: [{ emit: "event", level: "query" }],
  });
  const captured: { query: string; params: unknown[] }[] = [];
  (prisma as unknown as { $on: (e: string, f: (e: { query: string; params: string }) => void) => void }).$on(
    "query",
    (e: { query: string; params: string }) => captured.push({ query: e.query, params: JSON.parse(e.params) }),
  );
  setDb(prisma as unknown as Db);
  const c = new pg.Client({ connectionString: url });
  await c.connect();

  const inputs = JSON.parse(process.argv[2]);
  for (const input of inputs) {
    const parsed = supplierSearchQuery.parse(input);
    let t0 = performance.now();
    const page = await searchSuppliers(parsed);
    const first = performance.now() - t0;
    captured.length = 0;
    t0 = performance.now();
    await searchSuppliers(parsed);
    const second = performance.now() - t0;
    console.log(
      `\n##### ${JSON.stringify(input)}: ${first.toFixed(1)} ms / ${second.toFixed(1)} ms, ${page.data.length} hits, corr=${JSON.stringify(page.interpretation)}`,
    );
    for (const q of captured.filter((x) => /^\s*SELECT/.test(x.query) && !x.query.includes("set_config"))) {
      const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING) ${q.query}`, q.params);
      if (process.env.FULL) console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
      else
        console.log(
          rows
            .map((r) => r["QUERY PLAN"])
            .filter((l: string) => /Execution Time/.test(l))
            .join("\n"),
        );
    }
  }
  await c.end();
  await closeDb();
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
