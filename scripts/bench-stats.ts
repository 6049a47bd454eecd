// npm run bench:stats — the ministry's partnership statistics at scale.
//
// 1. Opens the benchmark database (scripts/bench/dataset.ts: 100,000 UMKM, shared with bench:search) and adds
//    1,000,000 agreements (INSERT … SELECT over generate_series, triggers off), 500 buyers, consortium members
//    for 3% of them, 300,000 payments and size-class histories; then builds the rollups once with
//    stats_rebuild() (docs/decisions/0012-partnership-statistics.md). Reused on later runs (the marker is the
//    table bench_stats_marker); BENCH_REGENERATE=1 or BENCH_STATS_REGENERATE=1 rebuilds it.
// 2. Times, in the same run and through the same Prisma client, every statistics query the page and the API
//    make (summary; partnerships by province, KBLI section, scheme, size class, month with varied filters;
//    in-supply-chain rate; median days to pay; moved up a class; the ministry drill-down), each interleaved
//    with primary-key lookups, and prints p50/p95/p99 and p95 ÷ p95 of the PK lookup. Target: ≤ 50 ×.
// 3. Checks the figures stay right after new agreements: creates, activates and completes agreements through
//    Prisma with the triggers on (timing those writes), compares the rollups' totals with direct counts over
//    the 1M agreements, then removes them again.
//
// Options (environment): BENCH_AGREEMENTS (1000000), BENCH_STATS_ROUNDS (40 per query kind), BENCH_STRICT=1.
import type pg from "pg";
import { getPartnershipStats } from "../lib/stats/partnerships";
import { getPublicSummary, getSupplyChainShare } from "../lib/stats/public-summary";
import { countMovedUp, medianDaysToPay } from "../lib/stats/overview";
import { getTopSuppliers } from "../lib/stats/drilldown";
import { GROUP_BYS, type StatsFilter } from "../lib/stats/schemas";
import type { Actor } from "../lib/auth/types";
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
const ROUNDS = Number(process.env.BENCH_STATS_ROUNDS || 40);
const TARGET = 50;

async function ensureAgreements(c: pg.Client, umkm: number) {
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
  await timed("VACUUM ANALYZE", () => c.query(`VACUUM ANALYZE`));
  await c.query(`DELETE FROM bench_stats_marker`);
  await c.query(`INSERT INTO bench_stats_marker VALUES ($1)`, [marker]);
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  const bench = await openBenchDatabase();
  try {
    const { umkm } = await ensureSupplierDataset(bench);
    await ensureAgreements(bench.client, umkm);
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
      await c.query<{ a: string; s: string; sup: string; p: string; cells: string }>(`
        SELECT (SELECT count(*) FROM "Agreement") AS a, (SELECT count(*) FROM "SupplierProfile") AS s,
               (SELECT count(*) FROM "StatsSupplier") AS sup, (SELECT count(*) FROM "Payment") AS p,
               (SELECT count(*) FROM "StatsCell") AS cells`)
    ).rows[0];
    console.log(
      `data: ${Number(sizes.a).toLocaleString("en")} agreements, ${Number(sizes.s).toLocaleString("en")} UMKM, ` +
        `${Number(sizes.sup).toLocaleString("en")} partnering suppliers, ${Number(sizes.p).toLocaleString("en")} payments; ` +
        `${Number(sizes.cells).toLocaleString("en")} rollup cells`,
    );
    const provinces = (await c.query<{ code: string }>(`SELECT code FROM "Province" ORDER BY code`)).rows.map((r) => r.code);
    const sections = ["A", "C", "C", "C", "G", "I", "F"];
    const pk = await PrimaryKeyTimer.create(db, c, 11);
    await pk.warmUp();
    const ministry: Actor = {
      user: { id: "bench", email: "bench@rantai.test", name: "Bench", locale: "id", memberships: [] },
      membership: {
        organizationId: "bench-ministry",
        organizationName: "Kementerian",
        organizationType: "ministry",
        role: "member",
        verificationStatus: "verified",
      },
      via: "token",
    };

    const r = rng(20261122);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const month = () => `${pick(["2023", "2024", "2025", "2026"])}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}`;
    const filter = (): StatsFilter => {
      const f: StatsFilter = {};
      const x = r();
      if (x < 0.35) {
        const a = month();
        const b = month();
        [f.from, f.to] = a <= b ? [a, b] : [b, a];
      } else if (x < 0.5) f.from = month();
      if (r() < 0.35) f.province = pick(provinces);
      if (r() < 0.3) f.kbliSection = pick(sections);
      return f;
    };

    const kinds: { label: string; run: () => Promise<unknown> }[] = [
      { label: "summary", run: () => getPublicSummary() },
      ...GROUP_BYS.map((g) => ({ label: `by ${g}`, run: () => getPartnershipStats(g, filter(), "id") })),
      { label: "supply-chain rate", run: () => getSupplyChainShare(filter()) },
      { label: "median days to pay", run: () => medianDaysToPay(filter()) },
      { label: "moved up a class", run: () => countMovedUp(filter()) },
      { label: "drill-down (staff)", run: () => getTopSuppliers(ministry, filter()) },
    ];
    for (const k of kinds) await k.run(); // warm up
    const samples = new Map<string, number[]>(kinds.map((k) => [k.label, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const k of kinds) {
        await pk.once();
        const t0 = performance.now();
        await k.run();
        samples.get(k.label)!.push(performance.now() - t0);
      }
    }

    // Figures stay right after new agreements: write through Prisma with the triggers on.
    const before = await getPartnershipStats("scheme", {}, "id");
    const buyer = "bbuy0001";
    const writeMs: number[] = [];
    const created: string[] = [];
    // verified UMKM: only agreements between verified parties count (issue 11)
    const verifiedUmkm = (
      await c.query<{ id: string }>(
        `SELECT id FROM "Organization" WHERE type = 'umkm' AND "verificationStatus" = 'verified' AND id LIKE 'bench%' ORDER BY id LIMIT 5000`,
      )
    ).rows.map((x) => x.id);
    for (let i = 0; i < 30; i++) {
      const supplierId = verifiedUmkm[Math.floor(r() * verifiedUmkm.length)];
      let t0 = performance.now();
      const a = await db.agreement.create({
        data: {
          id: `bagnew${i}-${Date.now()}`,
          number: `BNT-NEW-${i}-${Date.now()}`,
          title: "Bench",
          scheme: "bagi_hasil",
          buyerId: buyer,
          supplierId,
          valueIdr: 1_000_000n,
          startDate: new Date("2026-11-01"),
          endDate: new Date("2027-02-01"),
          status: "draft",
        },
      });
      writeMs.push(performance.now() - t0);
      created.push(a.id);
      t0 = performance.now();
      await db.agreement.update({ where: { id: a.id }, data: { status: "active", activatedAt: new Date() } });
      writeMs.push(performance.now() - t0);
      if (i % 2 === 0) {
        t0 = performance.now();
        await db.agreement.update({ where: { id: a.id }, data: { status: "completed", completedAt: new Date() } });
        writeMs.push(performance.now() - t0);
      }
    }
    const after = await getPartnershipStats("scheme", {}, "id");
    const bagi = (s: typeof before) => s.rows.find((x) => x.key === "bagi_hasil")?.agreements ?? 0;
    const moved = bagi(after) - bagi(before);
    const direct = (
      await c.query<{ n: string; v: string }>(`SELECT count(*) AS n, sum(a."valueIdr")::text AS v FROM "Agreement" a
           JOIN "Organization" b ON b.id = a."buyerId" AND b."verificationStatus" = 'verified'
           JOIN "Organization" s ON s.id = a."supplierId" AND s."verificationStatus" = 'verified'
          WHERE a.status IN ('active','completed')`)
    ).rows[0];
    const rolled = (await c.query<{ n: string; v: string }>(`SELECT sum(agreements) AS n, sum("valueIdr")::text AS v FROM "StatsCell"`))
      .rows[0];
    const exact = moved === created.length && direct.n === rolled.n && direct.v === rolled.v;
    await db.agreement.deleteMany({ where: { id: { in: created } } });
    const back = await getPartnershipStats("scheme", {}, "id");

    // Report
    const p = pk.stats();
    console.log("");
    console.log(machineLine());
    console.log(`${ROUNDS} runs per query kind, random filters (period, province, KBLI section), interleaved with PK lookups`);
    console.log(STATS_HEADER + "    ÷ PK p95");
    let worst = 0;
    for (const k of kinds) {
      const s = stats(samples.get(k.label)!);
      const ratio = s.p95 / p.p95;
      worst = Math.max(worst, ratio);
      console.log(`${statsRow(k.label, s)}   ${ratio.toFixed(1).padStart(6)} ×`);
    }
    console.log(statsRow("primary-key lookup", p));
    console.log(`worst ratio (p95 query / p95 PK): ${worst.toFixed(1)} × (target ≤ ${TARGET} ×)`);
    console.log(statsRow("agreement write", stats(writeMs)) + "   (create / activate / complete, triggers on)");
    console.log(
      `after ${created.length} new agreements: bagi_hasil +${moved}; rollup total ${rolled.n} = direct count ${direct.n}: ` +
        `${exact ? "exact" : "MISMATCH"}; removed again: ${bagi(back) === bagi(before) ? "back to " + bagi(before) : "MISMATCH"}`,
    );
    return worst <= TARGET && exact && bagi(back) === bagi(before);
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
