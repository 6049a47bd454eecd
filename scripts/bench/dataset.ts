// Shared benchmark dataset for the npm run bench:* scripts (search, matching, stats).
//
// openBenchDatabase() opens a PostgreSQL database for benchmarks: BENCH_DATABASE_URL as given, else the server
// of TEST_DATABASE_URL (or postgresql://postgres@127.0.0.1:5432) with the database `rantai_bench`, created when
// missing, migrated and loaded with the reference data (regions, KBLI 2020).
//
// ensureSupplierDataset() generates 100,000 UMKM (organization + supplier profile + KBLI + certificates) with
// 1,000,000 products inside PostgreSQL (INSERT … SELECT over generate_series, regencies and KBLI codes taken
// from the reference tables), with the search triggers off, then builds the search documents in batches with
// the same rantai_search_refresh() the triggers call. Skipped when the database's comment says the data of
// this generator version is already there (BENCH_REGENERATE=1 forces it).
//
// Timing helpers: measure() (one timed call), stats()/percentile(), ms(), machineLine(), and
// PrimaryKeyTimer — the primary-key lookup every bench compares its p95 against.
//
// Options (environment): BENCH_DATABASE_URL, BENCH_UMKM (100000), BENCH_PRODUCTS_PER_UMKM (10),
// BENCH_REGENERATE=1.
import os from "node:os";
import pg from "pg";
import { closeDb, setDb, type Db } from "../../lib/db";
import { createPostgresClient } from "../../lib/db/client";
import { postgresRunner } from "../../lib/db/sql-runner";
import { prepareDatabase } from "../../lib/db/setup";

export const GENERATOR_VERSION = 5;

export interface DatasetSize {
  umkm: number;
  perUmkm: number;
}

export function datasetSize(): DatasetSize {
  return {
    umkm: Number(process.env.BENCH_UMKM || 100_000),
    perUmkm: Number(process.env.BENCH_PRODUCTS_PER_UMKM || 10),
  };
}

export function datasetMarker({ umkm, perUmkm }: DatasetSize = datasetSize()): string {
  return `rantai-bench v${GENERATOR_VERSION} umkm=${umkm} products=${umkm * perUmkm}`;
}

export function benchUrl(): string {
  const explicit = process.env.BENCH_DATABASE_URL?.trim();
  if (explicit) return explicit;
  const base = new URL(process.env.TEST_DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = "/rantai_bench";
  return base.toString();
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary for generated products (real KBLI 2020 codes; rows whose code is missing are skipped)
// ---------------------------------------------------------------------------------------------------------

export const NOUNS: [string, string][] = [
  ["Kain batik tulis", "13134"],
  ["Kain batik cap", "13134"],
  ["Kemeja batik", "14111"],
  ["Seragam kerja", "14111"],
  ["Kaos polo", "14111"],
  ["Jaket parasut", "14111"],
  ["Celana kargo", "14111"],
  ["Mukena", "14111"],
  ["Kain tenun ikat", "13121"],
  ["Songket", "13121"],
  ["Benang katun", "13112"],
  ["Sarung tenun", "13121"],
  ["Sprei katun", "13921"],
  ["Handuk", "13921"],
  ["Bantal", "13923"],
  ["Karung goni", "13925"],
  ["Tali tambang", "13941"],
  ["Bordir", "14302"],
  ["Tas kulit", "15121"],
  ["Dompet kulit", "15121"],
  ["Sepatu kulit", "15201"],
  ["Sandal", "15201"],
  ["Sepatu safety", "15203"],
  ["Roti tawar", "10710"],
  ["Kue kering", "10710"],
  ["Bolu pandan", "10710"],
  ["Donat", "10710"],
  ["Keripik singkong", "10799"],
  ["Keripik tempe", "10799"],
  ["Sambal", "10772"],
  ["Bumbu rendang", "10772"],
  ["Kopi bubuk", "10761"],
  ["Kopi arabika", "10761"],
  ["Teh hijau", "10763"],
  ["Gula aren", "10722"],
  ["Gula semut", "10722"],
  ["Cokelat batangan", "10732"],
  ["Permen jahe", "10734"],
  ["Mie kering", "10740"],
  ["Tempe", "10391"],
  ["Kecap manis", "10793"],
  ["Ikan asap", "10212"],
  ["Pindang bandeng", "10214"],
  ["Bakso ikan", "10216"],
  ["Rumput laut kering", "10298"],
  ["Manisan buah", "10311"],
  ["Tepung beras", "10633"],
  ["Beras premium", "10631"],
  ["Minyak kelapa", "10422"],
  ["Air minum kemasan", "11051"],
  ["Garam beryodium", "10774"],
  ["Makanan ternak", "10802"],
  ["Kursi rotan", "31001"],
  ["Meja jati", "31001"],
  ["Lemari kayu", "31001"],
  ["Kursi kantor", "31001"],
  ["Rak buku", "31001"],
  ["Kusen pintu", "16221"],
  ["Palet kayu", "16230"],
  ["Peti kayu", "16230"],
  ["Keranjang bambu", "16291"],
  ["Anyaman pandan", "16292"],
  ["Talenan kayu", "16294"],
  ["Papan partikel", "16105"],
  ["Kayu lapis", "16212"],
  ["Kardus", "17021"],
  ["Kertas tisu", "17091"],
  ["Pupuk organik", "20124"],
  ["Media tanam", "20128"],
  ["Sabun cair", "20232"],
  ["Minyak atsiri", "20294"],
  ["Minyak nilam", "20294"],
  ["Cat tembok", "20221"],
  ["Lulur", "20232"],
  ["Ban vulkanisir", "22111"],
  ["Seal karet", "22192"],
  ["Pipa PVC", "22230"],
  ["Ember plastik", "22230"],
];
export const MODIFIERS = [
  "premium",
  "ekonomis",
  "motif parang",
  "motif kawung",
  "motif mega mendung",
  "warna alami",
  "ukuran besar",
  "ukuran kecil",
  "kemasan 1 kg",
  "kemasan 250 gram",
  "grade A",
  "ekspor",
  "handmade",
  "organik",
  "tahan lama",
  "custom logo",
  "bahan jati",
  "bahan mahoni",
  "finishing natural",
  "anti jamur",
  "standar SNI",
  "food grade",
  "isi 12",
  "lokal",
  "tradisional",
  "modern",
  "minimalis",
  "pedas",
  "original",
  "rasa cokelat",
];
export const NAME_WORDS = [
  "Sinar",
  "Jaya",
  "Makmur",
  "Abadi",
  "Sejahtera",
  "Berkah",
  "Mandiri",
  "Sentosa",
  "Lestari",
  "Karya",
  "Maju",
  "Bersama",
  "Indah",
  "Mulia",
  "Sari",
  "Agung",
  "Rejeki",
  "Barokah",
  "Cahaya",
  "Bintang",
  "Nusantara",
  "Sumber",
  "Tunas",
  "Harapan",
  "Usaha",
  "Putra",
  "Putri",
  "Citra",
  "Mekar",
  "Surya",
  "Kencana",
  "Rahayu",
  "Lancar",
  "Utama",
  "Prima",
  "Murni",
  "Gemilang",
  "Anugerah",
  "Bahagia",
  "Amanah",
];

export const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const sqlArray = (xs: string[]) => `ARRAY[${xs.map(sqlText).join(",")}]::text[]`;

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

export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

async function generate(c: pg.Client, url: string, size: DatasetSize) {
  const UMKM = size.umkm;
  const PER_UMKM = size.perUmkm;
  const PRODUCTS = UMKM * PER_UMKM;
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
  const {
    rows: [{ n: nounCount }],
  } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_noun`);
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
        CROSS JOIN (VALUES ('halal', 0.35), ('sni', 0.15), ('iso9001', 0.06), ('tkdn', 0.12)) AS t(type, share)
        -- "+ 0 * o.g" keeps the condition a join condition, so random() is drawn per organization and type
        -- (v4 filtered the type list once: every organization got exactly one halal certificate)
       WHERE random() + 0 * o.g < t.share`),
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
  await c.query(`COMMENT ON DATABASE "${db.replace(/"/g, '""')}" IS ${sqlText(datasetMarker(size))}`);
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export interface BenchDatabase {
  /** A plain connection (migrated, reference data loaded) for setup queries. */
  client: pg.Client;
  /** A small pool (4 connections) for parallel raw SQL. */
  pool: pg.Pool;
  url: string;
  /** Closes client and pool. */
  close(): Promise<void>;
}

/** Opens (creating and migrating when needed) the benchmark database. */
export async function openBenchDatabase(url: string = benchUrl()): Promise<BenchDatabase> {
  const u = new URL(url);
  console.log(`bench database: ${u.hostname}:${u.port || 5432}${u.pathname}`);
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await prepareDatabase(postgresRunner(client));
  } catch (err) {
    await client.end();
    throw err;
  }
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    client,
    pool,
    url,
    async close() {
      await pool.end();
      await client.end();
    },
  };
}

/**
 * Makes sure the 100k UMKM / 1M products dataset (or the BENCH_UMKM × BENCH_PRODUCTS_PER_UMKM one) is in the
 * database; generates it when the database's comment does not carry this generator's marker or when
 * BENCH_REGENERATE is set. Returns whether it generated.
 */
export async function ensureSupplierDataset(
  bench: Pick<BenchDatabase, "client" | "url">,
  size: DatasetSize = datasetSize(),
): Promise<{ generated: boolean; umkm: number; products: number }> {
  const marker = datasetMarker(size);
  const result = { umkm: size.umkm, products: size.umkm * size.perUmkm };
  // Several bench scripts may start at once: one generates, the others wait for it and then reuse the data.
  await bench.client.query(`SELECT pg_advisory_lock(${DATASET_LOCK})`);
  try {
    const { rows } = await bench.client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
    );
    if (rows[0]?.comment === marker && !process.env.BENCH_REGENERATE) {
      console.log(`reusing generated data (${marker}); BENCH_REGENERATE=1 to rebuild`);
      return { generated: false, ...result };
    }
    await generate(bench.client, bench.url, size);
    return { generated: true, ...result };
  } finally {
    await bench.client.query(`SELECT pg_advisory_unlock(${DATASET_LOCK})`);
  }
}

/** Advisory-lock key held while the dataset is checked or generated. */
const DATASET_LOCK = 7_261_101_126;

/** A Prisma client on the bench database, installed as the app's db (lib/db) so lib/ services use it. */
export function useBenchPrisma(url: string, poolSize = 4): { db: Db; close: () => Promise<void> } {
  const db = createPostgresClient(url, poolSize);
  setDb(db);
  return { db, close: closeDb };
}

// ---------------------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------------------

/** A deterministic pseudo-random generator (mulberry32), so every run asks the same questions. */
export function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs fn once and returns its result with the elapsed milliseconds. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

export const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

/** One table row: label, n, p50, p95, p99, max. */
export function statsRow(label: string, s: Stats): string {
  return `${label.padEnd(18)}${String(s.n).padStart(8)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)} ${ms(s.max)}`;
}

export const STATS_HEADER = `                         n      p50        p95        p99        max`;

export function machineLine(): string {
  return `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, load avg ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`;
}

/**
 * The yardstick: a Prisma findUnique of a random product by primary key, through the same client as the
 * measured work. Interleave timer.once() with the measured queries so both see the same load.
 */
export class PrimaryKeyTimer {
  readonly samples: number[] = [];
  private constructor(
    private readonly db: Db,
    private readonly ids: string[],
    private readonly r: () => number,
  ) {}

  static async create(db: Db, client: pg.Client, seed = 7): Promise<PrimaryKeyTimer> {
    const ids = (await client.query<{ id: string }>(`SELECT id FROM "Product" ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);
    if (ids.length === 0) throw new Error("no products in the bench database");
    return new PrimaryKeyTimer(db, ids, rng(seed));
  }

  async warmUp(n = 30) {
    for (const id of this.ids.slice(0, n)) await this.db.product.findUnique({ where: { id } });
  }

  /** Times one lookup (recorded in samples) and returns its milliseconds. */
  async once(): Promise<number> {
    const id = this.ids[Math.floor(this.r() * this.ids.length)];
    const t0 = performance.now();
    await this.db.product.findUnique({ where: { id } });
    const dt = performance.now() - t0;
    this.samples.push(dt);
    return dt;
  }

  stats(): Stats {
    return stats(this.samples);
  }
}
