// npm run bench:search — the supplier directory at scale.
//
// 1. Opens a PostgreSQL database for benchmarks: BENCH_DATABASE_URL as given, else the server of
//    TEST_DATABASE_URL (or postgresql://postgres@127.0.0.1:5432) with the database `rantai_bench`, created
//    when missing, migrated and loaded with the reference data (regions, KBLI 2020).
// 2. Generates 100,000 UMKM (organization + supplier profile + KBLI + certificates) with 1,000,000 products
//    inside PostgreSQL (INSERT … SELECT over generate_series, regencies and KBLI codes taken from the
//    reference tables), with the search triggers off, then builds the search documents in batches with the
//    same rantai_search_refresh() the triggers call. Skipped when the database's comment says the data of
//    this generator version is already there (BENCH_REGENERATE=1 forces it).
// 3. Measures, in the same run and through the same Prisma client, a few hundred varied directory searches
//    (lib/suppliers/search.ts: words, misspellings, filters, sorts, pages) interleaved with primary-key
//    lookups, and prints p50/p95/p99 of both and their ratio.
//    Target: p95 search ≤ 25 × p95 primary-key lookup, and p95 search < 50 ms.
//
// Options (environment): BENCH_UMKM (100000), BENCH_PRODUCTS_PER_UMKM (10), BENCH_QUERIES (400),
// BENCH_REGENERATE=1, BENCH_STRICT=1 (exit 1 when the target is missed).
import os from "node:os";
import pg from "pg";
import { closeDb, setDb } from "../lib/db";
import { createPostgresClient } from "../lib/db/client";
import { postgresRunner } from "../lib/db/sql-runner";
import { prepareDatabase } from "../lib/db/setup";
import { searchSuppliers, supplierSearchQuery, type SupplierSearchInput } from "../lib/suppliers/search";

const GENERATOR_VERSION = 4;
const UMKM = Number(process.env.BENCH_UMKM || 100_000);
const PER_UMKM = Number(process.env.BENCH_PRODUCTS_PER_UMKM || 10);
const PRODUCTS = UMKM * PER_UMKM;
const QUERIES = Number(process.env.BENCH_QUERIES || 400);
const MARKER = `rantai-bench v${GENERATOR_VERSION} umkm=${UMKM} products=${PRODUCTS}`;

function benchUrl(): string {
  const explicit = process.env.BENCH_DATABASE_URL?.trim();
  if (explicit) return explicit;
  const base = new URL(process.env.TEST_DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = "/rantai_bench";
  return base.toString();
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary for generated products (real KBLI 2020 codes; rows whose code is missing are skipped)
// ---------------------------------------------------------------------------------------------------------

const NOUNS: [string, string][] = [
  ["Kain batik tulis", "13134"], ["Kain batik cap", "13134"], ["Kemeja batik", "14111"], ["Seragam kerja", "14111"],
  ["Kaos polo", "14111"], ["Jaket parasut", "14111"], ["Celana kargo", "14111"], ["Mukena", "14111"],
  ["Kain tenun ikat", "13121"], ["Songket", "13121"], ["Benang katun", "13112"], ["Sarung tenun", "13121"],
  ["Sprei katun", "13921"], ["Handuk", "13921"], ["Bantal", "13923"], ["Karung goni", "13925"], ["Tali tambang", "13941"],
  ["Bordir", "14302"], ["Tas kulit", "15121"], ["Dompet kulit", "15121"], ["Sepatu kulit", "15201"],
  ["Sandal", "15201"], ["Sepatu safety", "15203"],
  ["Roti tawar", "10710"], ["Kue kering", "10710"], ["Bolu pandan", "10710"], ["Donat", "10710"],
  ["Keripik singkong", "10799"], ["Keripik tempe", "10799"], ["Sambal", "10772"], ["Bumbu rendang", "10772"],
  ["Kopi bubuk", "10761"], ["Kopi arabika", "10761"], ["Teh hijau", "10763"], ["Gula aren", "10722"],
  ["Gula semut", "10722"], ["Cokelat batangan", "10732"], ["Permen jahe", "10734"], ["Mie kering", "10740"],
  ["Tempe", "10391"], ["Kecap manis", "10793"], ["Ikan asap", "10212"], ["Pindang bandeng", "10214"],
  ["Bakso ikan", "10216"], ["Rumput laut kering", "10298"], ["Manisan buah", "10311"], ["Tepung beras", "10633"],
  ["Beras premium", "10631"], ["Minyak kelapa", "10422"], ["Air minum kemasan", "11051"], ["Garam beryodium", "10774"],
  ["Makanan ternak", "10802"],
  ["Kursi rotan", "31001"], ["Meja jati", "31001"], ["Lemari kayu", "31001"], ["Kursi kantor", "31001"],
  ["Rak buku", "31001"], ["Kusen pintu", "16221"], ["Palet kayu", "16230"], ["Peti kayu", "16230"],
  ["Keranjang bambu", "16291"], ["Anyaman pandan", "16292"], ["Talenan kayu", "16294"], ["Papan partikel", "16105"],
  ["Kayu lapis", "16212"], ["Kardus", "17021"], ["Kertas tisu", "17091"],
  ["Pupuk organik", "20124"], ["Media tanam", "20128"], ["Sabun cair", "20232"], ["Minyak atsiri", "20294"],
  ["Minyak nilam", "20294"], ["Cat tembok", "20221"], ["Lulur", "20232"],
  ["Ban vulkanisir", "22111"], ["Seal karet", "22192"], ["Pipa PVC", "22230"], ["Ember plastik", "22230"],
];
const MODIFIERS = [
  "premium", "ekonomis", "motif parang", "motif kawung", "motif mega mendung", "warna alami", "ukuran besar",
  "ukuran kecil", "kemasan 1 kg", "kemasan 250 gram", "grade A", "ekspor", "handmade", "organik", "tahan lama",
  "custom logo", "bahan jati", "bahan mahoni", "finishing natural", "anti jamur", "standar SNI", "food grade",
  "isi 12", "lokal", "tradisional", "modern", "minimalis", "pedas", "original", "rasa cokelat",
];
const NAME_WORDS = [
  "Sinar", "Jaya", "Makmur", "Abadi", "Sejahtera", "Berkah", "Mandiri", "Sentosa", "Lestari", "Karya", "Maju",
  "Bersama", "Indah", "Mulia", "Sari", "Agung", "Rejeki", "Barokah", "Cahaya", "Bintang", "Nusantara", "Sumber",
  "Tunas", "Harapan", "Usaha", "Putra", "Putri", "Citra", "Mekar", "Surya", "Kencana", "Rahayu", "Lancar",
  "Utama", "Prima", "Murni", "Gemilang", "Anugerah", "Bahagia", "Amanah",
];

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (xs: string[]) => `ARRAY[${xs.map(sqlText).join(",")}]::text[]`;

// ---------------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------------

async function ensureDatabase(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const { rows } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rows.length === 0) {
      console.log(`creating database ${name}`);
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await c.end();
  }
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

async function generate(c: pg.Client, url: string) {
  console.log(`generating ${UMKM.toLocaleString("en")} UMKM with ${PRODUCTS.toLocaleString("en")} products…`);
  const started = performance.now();
  await c.query(`SET session_replication_role = replica`); // no triggers, no FK checks during the bulk load
  await timed("clearing earlier data", () =>
    c.query(`TRUNCATE "SupplierSearch", "SearchTerm", "Product", "Certification", "SupplierKbli", "SizeClassChange", "SupplierProfile",
             "Organization" CASCADE`),
  );
  await c.query(`DROP TABLE IF EXISTS bench_noun; CREATE UNLOGGED TABLE bench_noun (i int PRIMARY KEY, noun text, kbli text)`);
  await c.query(
    `INSERT INTO bench_noun SELECT row_number() OVER (), n, k FROM unnest($1::text[], $2::text[]) AS x(n, k)
      WHERE EXISTS (SELECT 1 FROM "KbliCode" kc WHERE kc.version = '2020' AND kc.code = x.k)`,
    [NOUNS.map((n) => n[0]), NOUNS.map((n) => n[1])],
  );
  const { rows: [{ n: nounCount }] } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_noun`);
  console.log(`  ${nounCount} product kinds with valid KBLI codes`);

  // Every organization gets a "specialty" noun; most of its products are of that kind.
  await timed("organizations + supplier profiles + KBLI", async () => {
    await c.query(`DROP TABLE IF EXISTS bench_org`);
    await c.query(`
      CREATE UNLOGGED TABLE bench_org AS
      SELECT g,
             'bench' || lpad(g::text, 7, '0') AS id,
             1 + floor(random() * ${nounCount})::int AS specialty,
             regs.codes[1 + floor(random() * cardinality(regs.codes))::int] AS regency,
             random() AS r1, random() AS r2, random() AS r3,
             now() - (random() * interval '1500 days') AS created
        FROM generate_series(1, ${UMKM}) g, (SELECT array_agg(code ORDER BY code) AS codes FROM "Regency") regs`);
    await c.query(`
      INSERT INTO "Organization" (id, type, name, "regencyCode", "verificationStatus", "verifiedAt", "createdAt", "updatedAt")
      SELECT o.id, 'umkm',
             (${sqlArray(["UD", "CV", "PT", "UD", "CV", "Koperasi", "Usaha"])})[1 + (g % 7)] || ' '
               || (${sqlArray(NAME_WORDS)})[1 + floor(o.r1 * ${NAME_WORDS.length})::int] || ' '
               || split_part(n.noun, ' ', 1 + (g % 2)) || ' '
               || (${sqlArray(NAME_WORDS)})[1 + floor(o.r2 * ${NAME_WORDS.length})::int],
             o.regency,
             CASE WHEN o.r3 < 0.4 THEN 'verified' ELSE 'unverified' END::"VerificationStatus",
             CASE WHEN o.r3 < 0.4 THEN o.created END, o.created, o.created
        FROM bench_org o JOIN bench_noun n ON n.i = o.specialty`);
    await c.query(`
      INSERT INTO "SupplierProfile" ("organizationId", nib, npwp, "legalForm", "capitalIdr", "annualSalesIdr", "sizeClass", "sizeBasis",
                                     employees, "regencyCode", description, "onboardingStep", "onboardedAt", "verificationStatus",
                                     "verifiedAt", "createdAt", "updatedAt")
      SELECT o.id, '8' || lpad(o.g::text, 12, '0'), '0' || lpad(o.g::text, 15, '0'), 'ud',
             CASE WHEN o.r2 < 0.6 THEN 500000000 WHEN o.r2 < 0.9 THEN 3000000000 ELSE 8000000000 END,
             CASE WHEN o.r2 < 0.6 THEN 1500000000 WHEN o.r2 < 0.9 THEN 9000000000 ELSE 40000000000 END,
             CASE WHEN o.r2 < 0.6 THEN 'mikro' WHEN o.r2 < 0.9 THEN 'kecil' ELSE 'menengah' END::"SizeClass", 'annual_sales',
             5 + floor(o.r1 * 80)::int, o.regency,
             'Produsen ' || lower(n.noun) || ' ' || (${sqlArray(MODIFIERS)})[1 + floor(o.r1 * ${MODIFIERS.length})::int]
               || ' untuk pasar lokal dan industri.',
             4, o.created,
             CASE WHEN o.r3 < 0.4 THEN 'verified' ELSE 'unverified' END::"VerificationStatus",
             CASE WHEN o.r3 < 0.4 THEN o.created END, o.created, o.created
        FROM bench_org o JOIN bench_noun n ON n.i = o.specialty`);
    await c.query(`
      INSERT INTO "SupplierKbli" ("supplierId", "kbliVersion", "kbliCode", "isPrimary")
      SELECT o.id, '2020', n.kbli, true FROM bench_org o JOIN bench_noun n ON n.i = o.specialty`);
  });

  await timed("certificates", () =>
    c.query(`
      INSERT INTO "Certification" (id, "organizationId", type, number, issuer, "validFrom", "validUntil", "tkdnPercent",
                                   "verificationStatus", "createdAt", "updatedAt")
      SELECT 'bc' || o.g || '-' || t.type, o.id, t.type::"CertificationType", upper(t.type) || '-' || o.g, 'Lembaga contoh',
             current_date - 400, current_date + (floor(random() * 1400)::int - 300),
             CASE WHEN t.type = 'tkdn' THEN round((25 + random() * 60)::numeric, 2) END,
             'verified', now(), now()
        FROM bench_org o
        -- LATERAL (referencing o) so random() is drawn per organization and type, not once per type
        CROSS JOIN LATERAL (SELECT v.type FROM (VALUES ('halal', 0.35), ('sni', 0.15), ('iso9001', 0.06), ('tkdn', 0.12)) AS v(type, share)
                             WHERE random() < v.share AND o.g IS NOT NULL) AS t`),
  );

  await timed(`products (${PRODUCTS.toLocaleString("en")})`, async () => {
    // Two statements of half the products each, in parallel on a second connection (2 cores).
    const half = Math.ceil(PRODUCTS / 2);
    const insert = (from: number, to: number) => `
      INSERT INTO "Product" (id, "supplierId", name, description, "kbliVersion", "kbliCode", unit, "priceMinIdr", "priceMaxIdr",
                             moq, "monthlyCapacity", "leadTimeDays", "createdAt", "updatedAt")
      SELECT 'bp' || p, 'bench' || lpad((1 + (p - 1) / ${PER_UMKM})::text, 7, '0'),
             n.noun || ' ' || (${sqlArray(MODIFIERS)})[1 + floor(x.r1 * ${MODIFIERS.length})::int],
             'Produk ' || lower(n.noun) || ' ' || (${sqlArray(MODIFIERS)})[1 + floor(x.r2 * ${MODIFIERS.length})::int]
               || ', bisa pesan dalam jumlah besar.',
             '2020', n.kbli, (${sqlArray(["pcs", "kg", "lembar", "paket", "liter", "set", "lusin"])})[1 + (p % 7)],
             (1000 + floor(x.r1 * 100) * 1000)::bigint, (1000 + floor(x.r1 * 100) * 1000 + floor(x.r2 * 50) * 1000)::bigint,
             1 + floor(x.r2 * 100)::int, 100 + floor(x.r1 * 10000)::int, 1 + floor(x.r2 * 45)::int, now(), now()
        FROM generate_series(${from}, ${to}) p
        CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, p AS pp) x
        JOIN bench_org o ON o.g = 1 + (p - 1) / ${PER_UMKM}
        JOIN bench_noun n ON n.i = CASE WHEN x.r3 < 0.7 THEN o.specialty ELSE 1 + floor(x.r3 * 1000)::int % ${nounCount} END`;
    await c.query(`CREATE UNIQUE INDEX ON bench_org (g); ANALYZE bench_org`);
    const second = new pg.Client({ connectionString: url });
    await second.connect();
    try {
      await second.query(`SET session_replication_role = replica`);
      await Promise.all([c.query(insert(1, half)), second.query(insert(half + 1, PRODUCTS))]);
    } finally {
      await second.end();
    }
  });

  await timed("search documents (rantai_search_refresh in batches, 2 connections)", async () => {
    await c.query(`SET session_replication_role = origin`);
    const batch = 5_000;
    const starts: number[] = [];
    for (let s = 1; s <= UMKM; s += batch) starts.push(s);
    const worker = async () => {
      const w = new pg.Client({ connectionString: url });
      await w.connect();
      try {
        for (let s = starts.shift(); s !== undefined; s = starts.shift()) {
          await w.query(
            `SELECT rantai_search_refresh(ARRAY(SELECT 'bench' || lpad(g::text, 7, '0') FROM generate_series($1::int, $2::int) g))`,
            [s, Math.min(UMKM, s + batch - 1)],
          );
        }
      } finally {
        await w.end();
      }
    };
    await Promise.all([worker(), worker()]);
  });

  await timed("VACUUM ANALYZE", () => c.query(`VACUUM ANALYZE`));
  await c.query(`DROP TABLE IF EXISTS bench_noun, bench_org`);
  const db = decodeURIComponent(new URL(url).pathname.slice(1));
  await c.query(`COMMENT ON DATABASE "${db.replace(/"/g, '""')}" IS ${sqlText(MARKER)}`);
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/** A deterministic pseudo-random generator (mulberry32), so every run asks the same questions. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
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
    } else if (x < 0.9) q = { kind: "filters only", input: { ...filters(), province: pick(provinces), sort: pick(["name", "newest"] as const) } };
    else q = { kind: "word, sorted", input: { q: pick(words), sort: pick(["name", "newest"] as const), ...filters() } };
    out.push(q);
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

async function measure(url: string) {
  const db = createPostgresClient(url, 4);
  setDb(db);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const provinces = (await c.query<{ code: string }>(`SELECT code FROM "Province" ORDER BY code`)).rows.map((r) => r.code);
  const regencies = (await c.query<{ code: string }>(`SELECT code FROM "Regency" ORDER BY code`)).rows.map((r) => r.code);
  const kbli = (await c.query<{ code: string }>(`SELECT DISTINCT "kbliCode" AS code FROM "SupplierKbli" ORDER BY 1 LIMIT 50`)).rows.map((r) => r.code);
  const productIds = (await c.query<{ id: string }>(`SELECT id FROM "Product" ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);
  await c.end();

  const queries = buildQueries(QUERIES, provinces, regencies, kbli);
  const r = rng(7);

  // Warm-up: the first queries pay for connections and cold caches.
  for (const q of queries.slice(0, 30)) await searchSuppliers(supplierSearchQuery.parse(q.input));
  for (const id of productIds.slice(0, 30)) await db.product.findUnique({ where: { id } });

  const search: number[] = [];
  const pk: number[] = [];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  let pages = 0;
  for (const q of queries) {
    const input = supplierSearchQuery.parse(q.input);
    let t0 = performance.now();
    const page = await searchSuppliers(input);
    let dt = performance.now() - t0;
    search.push(dt);
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
    const id = productIds[Math.floor(r() * productIds.length)];
    t0 = performance.now();
    await db.product.findUnique({ where: { id } });
    pk.push(performance.now() - t0);
  }
  await closeDb();

  const s = stats(search);
  const p = stats(pk);
  const ratio = s.p95 / p.p95;
  console.log("");
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, load avg ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`data: ${UMKM.toLocaleString("en")} UMKM, ${PRODUCTS.toLocaleString("en")} products; ${queries.length} searches (+${pages} next pages), ${hits} with results`);
  console.log("");
  console.log(`                         n      p50        p95        p99        max`);
  console.log(`directory search  ${String(s.n).padStart(8)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)} ${ms(s.max)}`);
  console.log(`primary-key lookup${String(p.n).padStart(8)} ${ms(p.p50)} ${ms(p.p95)} ${ms(p.p99)} ${ms(p.max)}`);
  console.log(`ratio (p95 search / p95 PK): ${ratio.toFixed(1)} × (target ≤ 25 ×); p95 search ${s.p95.toFixed(1)} ms (target < 50 ms)`);
  console.log("");
  for (const [kind, xs] of [...byKind.entries()].sort()) {
    const k = stats(xs);
    console.log(`  ${kind.padEnd(18)} n=${String(k.n).padStart(4)}  p50 ${ms(k.p50)}  p95 ${ms(k.p95)}  p99 ${ms(k.p99)}`);
  }
  const ok = ratio <= 25 && s.p95 < 50;
  console.log("");
  console.log(ok ? "TARGET MET" : "TARGET MISSED");
  return ok;
}

async function main() {
  const url = benchUrl();
  const u = new URL(url);
  console.log(`bench database: ${u.hostname}:${u.port || 5432}${u.pathname}`);
  await ensureDatabase(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await prepareDatabase(postgresRunner(c));
    const { rows } = await c.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
    );
    if (rows[0]?.comment === MARKER && !process.env.BENCH_REGENERATE) {
      console.log(`reusing generated data (${MARKER}); BENCH_REGENERATE=1 to rebuild`);
    } else {
      await generate(c, url);
    }
  } finally {
    await c.end();
  }
  const ok = await measure(url);
  return ok || !process.env.BENCH_STRICT;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
