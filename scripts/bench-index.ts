// npm run bench:index — the Indeks Kemitraan at scale (issue 13; docs/decisions/0024-partnership-index.md).
//
// 1. The bench:stats dataset (scripts/bench-stats.ts: 500 buyers, 1,000,000 agreements, 300,000 payments over the
//    scripts/bench/dataset.ts UMKM; reused when present, generated the same way otherwise), plus what the index
//    reads and bench:stats does not make: a milestone per paid agreement with a payment term, its accepted
//    delivery (reviewed 0–14 days after it was recorded) and the UMKM's confirmed receipt of 90% of the payments;
//    then the rollups once with pindex_rebuild() (marker table bench_index_marker; BENCH_INDEX_REGENERATE=1).
// 2. Times, in one run and through one Prisma client, one firm's index (a random buyer and year, the API's read)
//    and the ministry ranking (random year and filters), each interleaved with primary-key lookups; prints
//    p50/p95/p99 and p95 ÷ PK p95. Target ≤ 50 ×.
// 3. Checks a write: confirms a payment's receipt through Prisma with the triggers on (timed) and compares the
//    buyer's stored year row with a full recount (pindex_compute).
//
// Options (environment): BENCH_AGREEMENTS (1000000), BENCH_UMKM, BENCH_PRODUCTS_PER_UMKM (the dataset's size),
// BENCH_INDEX_ROUNDS (40), BENCH_STRICT=1.
import type pg from "pg";
import { getPartnershipIndex } from "../lib/partnership-index/queries";
import { getRanking } from "../lib/partnership-index/ranking";
import {
  ensureSupplierDataset,
  machineLine,
  openBenchDatabase,
  PrimaryKeyTimer,
  rng,
  stats,
  STATS_HEADER,
  statsRow,
  timed,
  useBenchPrisma,
} from "./bench/dataset";

const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS || 1_000_000);
const ROUNDS = Number(process.env.BENCH_INDEX_ROUNDS || 40);
const TARGET = 50;

async function ensureStatsAgreements(c: pg.Client, umkm: number) {
  const marker = `agreements=${AGREEMENTS} umkm=${umkm} v1`;
  await c.query(`CREATE TABLE IF NOT EXISTS bench_stats_marker (marker text)`);
  const { rows } = await c.query<{ marker: string }>(`SELECT marker FROM bench_stats_marker`);
  const present =
    rows[0]?.marker === marker && (await c.query(`SELECT 1 FROM "Agreement" WHERE id = 'bag' || $1::int`, [AGREEMENTS])).rowCount === 1;
  if (present && !process.env.BENCH_REGENERATE && !process.env.BENCH_STATS_REGENERATE) {
    console.log(`reusing generated agreements (${marker})`);
    return;
  }
  console.log(`generating ${AGREEMENTS.toLocaleString("en")} agreements…`);
  const t0 = performance.now();
  await c.query(`SET session_replication_role = replica`); // no triggers, no FK checks during the bulk load
  await timed("clearing earlier agreements", async () => {
    await c.query(`DELETE FROM "Payment" WHERE id LIKE 'bpay%'`);
    await c.query(`DELETE FROM "AgreementParty" WHERE id LIKE 'bpty%'`);
    await c.query(`DELETE FROM "Agreement" WHERE id LIKE 'bag%'`);
    await c.query(`DELETE FROM "SizeClassChange" WHERE id LIKE 'bsc%'`);
    await c.query(`DELETE FROM "Organization" WHERE id LIKE 'bbuy%'`);
  });
  await timed("500 buyers", () =>
    c.query(`
      INSERT INTO "Organization" (id, type, name, "verificationStatus", "verifiedAt", "createdAt", "updatedAt")
      SELECT 'bbuy' || lpad(g::text, 4, '0'), 'buyer', 'PT Pembeli Industri ' || g, 'verified', now(), now(), now()
        FROM generate_series(1, 500) g`),
  );
  // Suppliers are skewed (a cube of a uniform number): a minority of UMKM hold most agreements, as in life.
  const insert = (from: number, to: number) => `
    INSERT INTO "Agreement" (id, number, title, scheme, "buyerId", "supplierId", "valueIdr", "startDate", "endDate",
                             terms, status, version, "activatedAt", "completedAt", "createdAt", "updatedAt")
    SELECT 'bag' || g, 'BNT-' || g, 'Perjanjian pasokan ' || g,
           (ARRAY['rantai_pasok','rantai_pasok','rantai_pasok','rantai_pasok','subkontrak','subkontrak','perdagangan_umum',
                  'inti_plasma','distribusi_keagenan','waralaba','bagi_hasil','kerja_sama_operasional','usaha_patungan',
                  'penyumberluaran'])[1 + floor(x.r1 * 14)::int]::"PartnershipScheme",
           'bbuy' || lpad((1 + floor(x.r2 * 500))::text, 4, '0'),
           'bench' || lpad((1 + floor(power(x.r3, 3) * ${umkm}))::int::text, 7, '0'),
           floor(power(10, 7 + x.r4 * 2.7))::bigint,
           x.start, x.start + 90 + floor(x.r2 * 270)::int, '',
           CASE WHEN x.r5 < 0.05 THEN 'draft' WHEN x.r5 < 0.10 THEN 'proposed' WHEN x.r5 < 0.55 THEN 'active'
                WHEN x.r5 < 0.95 THEN 'completed' ELSE 'terminated' END::"AgreementStatus",
           1, CASE WHEN x.r5 >= 0.10 THEN x.start END, CASE WHEN x.r5 >= 0.55 AND x.r5 < 0.95 THEN x.start + 120 END, now(), now()
      FROM generate_series(${from}, ${to}) g
      CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                                 (date '2023-01-01' + floor(random() * 1420)::int) AS start, g AS gg) x`;
  await timed(`agreements (${AGREEMENTS.toLocaleString("en")})`, async () => {
    const step = 250_000;
    for (let s = 1; s <= AGREEMENTS; s += step) await c.query(insert(s, Math.min(AGREEMENTS, s + step - 1)));
  });
  await timed("consortium members (3% of agreements, 2 members each)", () =>
    c.query(`
      INSERT INTO "AgreementParty" (id, "agreementId", "organizationId", role)
      SELECT 'bpty' || g || '-' || k, 'bag' || g, 'bench' || lpad((1 + floor(random() * ${umkm}))::int::text, 7, '0'), 'consortium_member'
        FROM generate_series(1, ${AGREEMENTS}, 33) g, generate_series(1, 2) k
      ON CONFLICT DO NOTHING`),
  );
  await timed("payments (300,000)", () =>
    c.query(`
      INSERT INTO "Payment" (id, "agreementId", "amountIdr", "invoicedOn", "paidOn", "daysToPay", "createdAt")
      SELECT 'bpay' || g, a.id, a."valueIdr" / 2, a."startDate" + 30, a."startDate" + 30 + d.days, d.days, now()
        FROM generate_series(1, 300000) g
        CROSS JOIN LATERAL (SELECT floor(random() * random() * 120)::int AS days, g AS gg) d
        JOIN "Agreement" a ON a.id = 'bag' || (1 + (g * 3) % ${AGREEMENTS})
       WHERE a.status IN ('active', 'completed')`),
  );
  await timed("size-class histories (100,000 + 8% moved up)", async () => {
    await c.query(`
      INSERT INTO "SizeClassChange" (id, "supplierId", "sizeClass", basis, "annualSalesIdr", "effectiveAt")
      SELECT 'bsc' || sp."organizationId", sp."organizationId",
             CASE WHEN random() < 0.08 AND sp."sizeClass" <> 'mikro'
                  THEN (CASE sp."sizeClass" WHEN 'kecil' THEN 'mikro' ELSE 'kecil' END)::"SizeClass" ELSE sp."sizeClass" END,
             'annual_sales', sp."annualSalesIdr", sp."createdAt"
        FROM "SupplierProfile" sp WHERE sp."organizationId" LIKE 'bench%' AND sp."sizeClass" IS NOT NULL`);
    await c.query(`
      INSERT INTO "SizeClassChange" (id, "supplierId", "sizeClass", basis, "annualSalesIdr", "effectiveAt")
      SELECT 'bsc2' || sp."organizationId", sp."organizationId", sp."sizeClass", 'annual_sales', sp."annualSalesIdr",
             date '2024-01-01' + floor(random() * 1000)::int
        FROM "SupplierProfile" sp JOIN "SizeClassChange" h ON h.id = 'bsc' || sp."organizationId"
       WHERE h."sizeClass" <> sp."sizeClass"`);
  });
  await c.query(`SET session_replication_role = origin`);
  await timed("rollups (stats_rebuild)", () => c.query(`SELECT stats_rebuild()`));
  await c.query(`DELETE FROM bench_index_marker`).catch(() => undefined);
  await timed("VACUUM ANALYZE", () => c.query(`VACUUM ANALYZE`));
  await c.query(`DELETE FROM bench_stats_marker`);
  await c.query(`INSERT INTO bench_stats_marker VALUES ($1)`, [marker]);
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function ensureIndexData(c: pg.Client) {
  const marker = `agreements=${AGREEMENTS} index v1`;
  await c.query(`CREATE TABLE IF NOT EXISTS bench_index_marker (marker text)`);
  const { rows } = await c.query<{ marker: string }>(`SELECT marker FROM bench_index_marker`);
  if (rows[0]?.marker === marker && !process.env.BENCH_INDEX_REGENERATE) {
    console.log(`reusing index data (${marker})`);
    return;
  }
  const t0 = performance.now();
  await c.query(`SET session_replication_role = replica`);
  await timed("clearing earlier index data", async () => {
    await c.query(`DELETE FROM "Delivery" WHERE id LIKE 'bdl%'`);
    await c.query(`UPDATE "Payment" SET "milestoneId" = NULL WHERE id LIKE 'bpay%'`);
    await c.query(`DELETE FROM "Milestone" WHERE id LIKE 'bms%'`);
  });
  await timed("milestones, accepted deliveries and confirmed receipts for the payments", async () => {
    await c.query(`
      INSERT INTO "Milestone" (id, "agreementId", position, title, "dueDate", "amountIdr", "paymentTermDays", status)
      SELECT 'bms' || p.id, p."agreementId", 1, 'Termin', a."startDate" + 30, p."amountIdr",
             (ARRAY[14, 30, 30, 45, 60, NULL])[1 + floor(random() * 6)::int], 'paid'
        FROM "Payment" p JOIN "Agreement" a ON a.id = p."agreementId" WHERE p.id LIKE 'bpay%'`);
    await c.query(`
      INSERT INTO "Delivery" (id, "agreementId", "milestoneId", quantity, "deliveredOn", "onTime", status, "createdAt", "reviewedAt")
      SELECT 'bdl' || m.id, m."agreementId", m.id, 100, p."invoicedOn", true, 'accepted', p."invoicedOn"::timestamp,
             p."invoicedOn"::timestamp + floor(random() * 15)::int * interval '1 day'
        FROM "Milestone" m JOIN "Payment" p ON 'bms' || p.id = m.id WHERE m.id LIKE 'bms%'`);
    await c.query(`
      UPDATE "Payment" p SET "milestoneId" = 'bms' || p.id,
             "receivedOn" = CASE WHEN random() < 0.9 THEN least(p."paidOn" + floor(random() * 3)::int, current_date) END,
             "receiptConfirmedAt" = now()
       WHERE p.id LIKE 'bpay%'`);
    await c.query(`UPDATE "Payment" SET "receiptConfirmedAt" = NULL WHERE id LIKE 'bpay%' AND "receivedOn" IS NULL`);
  });
  await c.query(`SET session_replication_role = origin`);
  await timed("index rollups (pindex_rebuild)", () => c.query(`SELECT pindex_rebuild()`));
  await timed("VACUUM ANALYZE", () => c.query(`VACUUM ANALYZE`));
  await c.query(`DELETE FROM bench_index_marker`);
  await c.query(`INSERT INTO bench_index_marker VALUES ($1)`, [marker]);
  console.log(`index data in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  const bench = await openBenchDatabase();
  try {
    const { umkm } = await ensureSupplierDataset(bench);
    await ensureStatsAgreements(bench.client, umkm);
    await ensureIndexData(bench.client);
    const ok = await run(bench.url, bench.client);
    return ok || !process.env.BENCH_STRICT;
  } finally {
    await bench.close();
  }
}

async function run(url: string, c: pg.Client): Promise<boolean> {
  const { db, close } = useBenchPrisma(url, 4);
  try {
    const sizes = (
      await c.query<{ a: string; p: string; rows: string; buyers: string }>(`
        SELECT (SELECT count(*) FROM "Agreement") AS a, (SELECT count(*) FROM "Payment") AS p,
               (SELECT count(*) FROM "PartnershipIndexPeriod") AS rows, (SELECT count(*) FROM "Organization" WHERE type = 'buyer') AS buyers`)
    ).rows[0];
    console.log(
      `data: ${Number(sizes.a).toLocaleString("en")} agreements, ${Number(sizes.p).toLocaleString("en")} payments, ` +
        `${Number(sizes.buyers).toLocaleString("en")} buyers; ${Number(sizes.rows).toLocaleString("en")} index rollup rows`,
    );
    const buyers = (await c.query<{ id: string }>(`SELECT id FROM "Organization" WHERE id LIKE 'bbuy%' ORDER BY id`)).rows.map((x) => x.id);
    const provinces = (await c.query<{ code: string }>(`SELECT code FROM "Province" ORDER BY code`)).rows.map((x) => x.code);
    const pk = await PrimaryKeyTimer.create(db, c, 13);
    await pk.warmUp();
    const r = rng(20261207);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const year = () => pick([2023, 2024, 2025, 2026]);
    const kinds: { label: string; run: () => Promise<unknown> }[] = [
      { label: "one firm's index", run: () => getPartnershipIndex(pick(buyers), { kind: "year", year: year() }) },
      {
        label: "ministry ranking",
        run: () =>
          getRanking(
            {
              year: year(),
              stateOwned: r() < 0.3 ? r() < 0.5 : undefined,
              province: r() < 0.3 ? pick(provinces) : undefined,
              kbliSection: r() < 0.2 ? pick(["C", "G", "F"]) : undefined,
            },
            { publishedOnly: false },
          ),
      },
      { label: "one firm, rolling 12 m", run: () => getPartnershipIndex(pick(buyers), { kind: "rolling12" }) },
    ];
    for (const k of kinds) await k.run();
    const samples = new Map<string, number[]>(kinds.map((k) => [k.label, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const k of kinds) {
        await pk.once();
        const t0 = performance.now();
        await k.run();
        samples.get(k.label)!.push(performance.now() - t0);
      }
    }

    // A write with the triggers on: a receipt confirmed, then undone; the stored row equals a recount.
    const pay = (
      await c.query<{ id: string; buyer: string; received: Date | null }>(`
        SELECT p.id, a."buyerId" AS buyer, p."receivedOn" AS received FROM "Payment" p JOIN "Agreement" a ON a.id = p."agreementId"
         WHERE p.id LIKE 'bpay%' AND p."receivedOn" IS NULL AND a."buyerId" = 'bbuy0001' LIMIT 1`)
    ).rows[0];
    let writeMs = 0;
    let exact = true;
    if (pay) {
      const t0 = performance.now();
      await db.payment.update({ where: { id: pay.id }, data: { receivedOn: new Date(), receiptConfirmedAt: new Date() } });
      writeMs = performance.now() - t0;
      const y = new Date().getUTCFullYear();
      const cmp = await c.query<{ same: boolean }>(
        `SELECT (SELECT to_jsonb(x) - 'buyerId' - 'period' FROM "PartnershipIndexPeriod" x WHERE x."buyerId" = $1 AND x.period = $2)
              = (SELECT to_jsonb(n) - 'buyerId' - 'period' FROM pindex_compute(ARRAY[$1], ARRAY[$2], ARRAY[make_date($3, 1, 1)], ARRAY[make_date($3, 12, 31)]) n) AS same`,
        [pay.buyer, `Y${y}`, y],
      );
      exact = cmp.rows[0]?.same !== false;
      await db.payment.update({ where: { id: pay.id }, data: { receivedOn: null, receiptConfirmedAt: null } });
    }

    const p = pk.stats();
    console.log("");
    console.log(machineLine());
    console.log(`${ROUNDS} runs per query kind (random buyer, year, filters), interleaved with PK lookups`);
    console.log(STATS_HEADER + "    ÷ PK p95");
    let worst = 0;
    for (const k of kinds) {
      const s = stats(samples.get(k.label)!);
      const ratio = s.p95 / p.p95;
      if (k.label !== "one firm, rolling 12 m") worst = Math.max(worst, ratio);
      console.log(`${statsRow(k.label, s)}   ${ratio.toFixed(1).padStart(6)} ×`);
    }
    console.log(statsRow("primary-key lookup", p));
    console.log(`worst ratio (firm index, ranking; p95 / PK p95): ${worst.toFixed(1)} × (target ≤ ${TARGET} ×)`);
    console.log(
      `receipt confirmed with triggers on (buyer bbuy0001): ${writeMs.toFixed(1)} ms; rollup = recount: ${exact ? "exact" : "MISMATCH"}`,
    );
    return worst <= TARGET && exact;
  } finally {
    await close();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
