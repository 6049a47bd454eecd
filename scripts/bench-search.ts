// npm run bench:search — the supplier directory at scale.
//
// 1. Opens the benchmark database and makes sure the 100,000 UMKM / 1,000,000 products dataset is there
//    (scripts/bench/dataset.ts: openBenchDatabase, ensureSupplierDataset; shared with the other bench:*).
// 2. Measures, in the same run and through the same Prisma client, a few hundred varied directory searches
//    (lib/suppliers/search.ts: words, misspellings, filters, sorts, pages) interleaved with primary-key
//    lookups, and prints p50/p95/p99 of both and their ratio.
//    Target: p95 search ≤ 25 × p95 primary-key lookup, and p95 search < 50 ms.
//
// Options (environment): BENCH_UMKM (100000), BENCH_PRODUCTS_PER_UMKM (10), BENCH_QUERIES (400),
// BENCH_REGENERATE=1, BENCH_STRICT=1 (exit 1 when the target is missed), BENCH_SLOWEST=n (list the n slowest).
import { searchSuppliers } from "../lib/suppliers/search";
import { supplierSearchQuery, type SupplierSearchInput } from "../lib/suppliers/search-query";
import {
  datasetSize,
  ensureSupplierDataset,
  machineLine,
  ms,
  NOUNS,
  openBenchDatabase,
  PrimaryKeyTimer,
  rng,
  stats,
  STATS_HEADER,
  statsRow,
  useBenchPrisma,
} from "./bench/dataset";

const QUERIES = Number(process.env.BENCH_QUERIES || 400);

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

function misspell(word: string, r: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = Math.floor(r() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1); // drop a letter
  if (kind === 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap two
  const letters = "aiueokrstnmlgbp";
  return word.slice(0, i) + letters[Math.floor(r() * letters.length)] + word.slice(i + 1); // replace one
}

interface BenchQuery {
  kind: string;
  input: SupplierSearchInput;
}

function buildQueries(n: number, provinces: string[], regencies: string[], kbli: string[]): BenchQuery[] {
  const r = rng(20261122);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const words = [...new Set(NOUNS.flatMap(([noun]) => noun.toLowerCase().split(" ")).filter((w) => w.length >= 4))];
  const out: BenchQuery[] = [];
  const filters = (): Partial<SupplierSearchInput> => {
    const f: Partial<SupplierSearchInput> = {};
    const x = r();
    if (x < 0.25) f.province = pick(provinces);
    else if (x < 0.35) f.regency = pick(regencies);
    if (r() < 0.2) f.certification = pick(["halal", "sni", "iso9001", "halal,sni"]);
    if (r() < 0.1) f.minTkdn = String(pick([25, 40, 60]));
    if (r() < 0.15) f.sizeClass = pick(["mikro", "kecil", "menengah"] as const);
    if (r() < 0.2) f.verified = "true";
    if (r() < 0.1) f.kbli = pick(["C", "10", "13", "31", ...kbli]);
    return f;
  };
  for (let i = 0; i < n; i++) {
    const x = r();
    let q: BenchQuery;
    if (x < 0.3) q = { kind: "word", input: { q: pick(words), ...filters() } };
    else if (x < 0.5) q = { kind: "misspelled", input: { q: misspell(pick(words), r), ...filters() } };
    else if (x < 0.65) q = { kind: "two words", input: { q: `${pick(words)} ${pick(words)}`, ...filters() } };
    else if (x < 0.75) {
      const [a, b] = pick(NOUNS)[0].toLowerCase().split(" ");
      q = { kind: "phrase misspelled", input: { q: `${misspell(a, r)} ${b ?? ""}`.trim(), ...filters() } };
    } else if (x < 0.9)
      q = { kind: "filters only", input: { ...filters(), province: pick(provinces), sort: pick(["name", "newest"] as const) } };
    else q = { kind: "word, sorted", input: { q: pick(words), sort: pick(["name", "newest"] as const), ...filters() } };
    out.push(q);
  }
  return out;
}

async function measure(url: string, c: import("pg").Client) {
  const { umkm, perUmkm } = datasetSize();
  const { db, close } = useBenchPrisma(url, 4);
  const provinces = (await c.query<{ code: string }>(`SELECT code FROM "Province" ORDER BY code`)).rows.map((r) => r.code);
  const regencies = (await c.query<{ code: string }>(`SELECT code FROM "Regency" ORDER BY code`)).rows.map((r) => r.code);
  const kbli = (await c.query<{ code: string }>(`SELECT DISTINCT "kbliCode" AS code FROM "SupplierKbli" ORDER BY 1 LIMIT 50`)).rows.map(
    (r) => r.code,
  );
  const pkTimer = await PrimaryKeyTimer.create(db, c, 7);

  const queries = buildQueries(QUERIES, provinces, regencies, kbli);
  const r = rng(7);

  // Warm-up: the first queries pay for connections and cold caches.
  for (const q of queries.slice(0, 30)) await searchSuppliers(supplierSearchQuery.parse(q.input));
  await pkTimer.warmUp(30);

  const search: number[] = [];
  const slowest: { ms: number; kind: string; input: SupplierSearchInput }[] = [];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  let pages = 0;
  for (const q of queries) {
    const input = supplierSearchQuery.parse(q.input);
    let t0 = performance.now();
    const page = await searchSuppliers(input);
    let dt = performance.now() - t0;
    search.push(dt);
    slowest.push({ ms: dt, kind: q.kind, input: q.input });
    (byKind.get(q.kind) ?? byKind.set(q.kind, []).get(q.kind)!).push(dt);
    if (page.data.length) hits++;
    // every fourth query with more results also fetches its second page
    if (page.nextCursor && r() < 0.25) {
      t0 = performance.now();
      await searchSuppliers({ ...input, cursor: page.nextCursor });
      dt = performance.now() - t0;
      search.push(dt);
      (byKind.get("next page") ?? byKind.set("next page", []).get("next page")!).push(dt);
      pages++;
    }
    await pkTimer.once();
  }
  await close();

  const s = stats(search);
  const p = pkTimer.stats();
  const ratio = s.p95 / p.p95;
  console.log("");
  console.log(machineLine());
  console.log(
    `data: ${umkm.toLocaleString("en")} UMKM, ${(umkm * perUmkm).toLocaleString("en")} products; ${queries.length} searches (+${pages} next pages), ${hits} with results`,
  );
  console.log("");
  console.log(STATS_HEADER);
  console.log(statsRow("directory search", s));
  console.log(statsRow("primary-key lookup", p));
  console.log(`ratio (p95 search / p95 PK): ${ratio.toFixed(1)} × (target ≤ 25 ×); p95 search ${s.p95.toFixed(1)} ms (target < 50 ms)`);
  console.log("");
  for (const [kind, xs] of [...byKind.entries()].sort()) {
    const k = stats(xs);
    console.log(`  ${kind.padEnd(18)} n=${String(k.n).padStart(4)}  p50 ${ms(k.p50)}  p95 ${ms(k.p95)}  p99 ${ms(k.p99)}`);
  }
  if (process.env.BENCH_SLOWEST) {
    console.log("");
    console.log("slowest searches:");
    for (const x of slowest.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SLOWEST) || 10)) {
      console.log(`  ${ms(x.ms)}  ${x.kind.padEnd(18)} ${JSON.stringify(x.input)}`);
    }
  }
  const ok = ratio <= 25 && s.p95 < 50;
  console.log("");
  console.log(ok ? "TARGET MET" : "TARGET MISSED");
  return ok;
}

async function main() {
  const bench = await openBenchDatabase();
  try {
    await ensureSupplierDataset(bench);
    const ok = await measure(bench.url, bench.client);
    return ok || !process.env.BENCH_STRICT;
  } finally {
    await bench.close();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
