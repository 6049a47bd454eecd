// npm run bench:clusters — a cluster's page and the statistics' cluster filter at scale (issue 12; ADR 0028).
//
// 1. Opens the benchmark database (scripts/bench/dataset.ts; the supplier dataset shared with bench:search and
//    bench:stats). An existing dataset of at least 25,000 UMKM is reused whatever its size; otherwise one of
//    BENCH_UMKM (default here 30,000) UMKM × BENCH_PRODUCTS_PER_UMKM (default 3) products is generated.
// 2. Adds (once; the marker is the table bench_clusters_marker) 50 verified buyers, BENCH_CLUSTER_AGREEMENTS
//    (150,000) agreements between them and the UMKM (mixed statuses, 1% excluded as fake, 3% with consortium
//    members), size-class histories, and a cluster of 20,000 UMKM: 19,000 direct members plus a member
//    cooperative with 2,000 members (1,000 of them also direct members: each counted once), 10 anchors. Then
//    the statistics rollups (stats_rebuild()) and ANALYZE. BENCH_REGENERATE=1 or BENCH_CLUSTERS_REGENERATE=1 rebuilds.
// 3. Times, in one run and through the same Prisma client, each query of the cluster page and the statistics'
//    cluster filter, interleaved with primary-key lookups; prints p50/p95/p99 and p95 ÷ PK p95. Target ≤ 50 ×.
//
// Options (environment): BENCH_CLUSTER_AGREEMENTS (150000), BENCH_CLUSTERS_ROUNDS (30), BENCH_STRICT=1.
import type pg from "pg";
import {
  queryCapacity,
  queryCertificates,
  queryMembers,
  queryMovedUp,
  queryNamedMembers,
  queryPartnerships,
} from "../lib/clusters/summary-queries";
import { getClusterSummary, getClusterTitle } from "../lib/clusters/summary";
import { getClustersTable } from "../lib/clusters/summary-ministry";
import { Disclosure } from "../lib/stats/disclosure";
import { getStatisticsOverview } from "../lib/stats/overview";
import type { Actor } from "../lib/auth/types";
import {
  ensureSupplierDataset,
  machineLine,
  openBenchDatabase,
  PrimaryKeyTimer,
  stats,
  STATS_HEADER,
  statsRow,
  timed,
  useBenchPrisma,
  type DatasetSize,
} from "./bench/dataset";

const AGREEMENTS = Number(process.env.BENCH_CLUSTER_AGREEMENTS || 150_000);
const ROUNDS = Number(process.env.BENCH_CLUSTERS_ROUNDS || 30);
const TARGET = 50;
const CLUSTER = "bclu1";
const DIRECT = 19_000;
const COOP_FROM = 18_001;
const COOP_TO = 20_000;

/** The dataset already in the database when it is big enough, else the knobs (smaller defaults than bench:search). */
async function chooseSize(c: pg.Client): Promise<DatasetSize> {
  const { rows } = await c.query<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
  );
  const m = /umkm=(\d+) products=(\d+)/.exec(rows[0]?.comment ?? "");
  if (m && Number(m[1]) >= 25_000 && !process.env.BENCH_UMKM) {
    const umkm = Number(m[1]);
    return { umkm, perUmkm: Math.round(Number(m[2]) / umkm) };
  }
  return { umkm: Number(process.env.BENCH_UMKM || 30_000), perUmkm: Number(process.env.BENCH_PRODUCTS_PER_UMKM || 3) };
}

const umkmId = (expr: string) => `'bench' || lpad((${expr})::text, 7, '0')`;

async function ensureCluster(c: pg.Client, umkm: number) {
  const marker = `cluster v1 agreements=${AGREEMENTS} umkm=${umkm}`;
  await c.query(`CREATE TABLE IF NOT EXISTS bench_clusters_marker (marker text)`);
  const { rows } = await c.query<{ marker: string }>(`SELECT marker FROM bench_clusters_marker`);
  const present = rows[0]?.marker === marker && (await c.query(`SELECT 1 FROM "Cluster" WHERE id = $1`, [CLUSTER])).rowCount === 1;
  if (present && !process.env.BENCH_REGENERATE && !process.env.BENCH_CLUSTERS_REGENERATE) {
    console.log(`reusing the generated cluster (${marker})`);
    return;
  }
  const t0 = performance.now();
  await c.query(`SET session_replication_role = replica`); // no triggers during the bulk load
  await timed("clearing an earlier cluster", async () => {
    await c.query(`DELETE FROM "Cluster" WHERE id = $1`, [CLUSTER]);
    await c.query(`DELETE FROM "AgreementParty" WHERE id LIKE 'bcpty%'`);
    await c.query(`DELETE FROM "Agreement" WHERE id LIKE 'bcag%'`);
    await c.query(`DELETE FROM "CooperativeMembership" WHERE id LIKE 'bccm%'`);
    await c.query(`DELETE FROM "SizeClassChange" WHERE id LIKE 'bcsc%'`);
    await c.query(`DELETE FROM "Organization" WHERE id LIKE 'bcbuy%' OR id IN ('bclumgr', 'bclucoop')`);
  });
  await timed("50 buyers, a manager, a cooperative", async () => {
    await c.query(`
      INSERT INTO "Organization" (id, type, name, "verificationStatus", "verifiedAt", "createdAt", "updatedAt")
      SELECT 'bcbuy' || lpad(g::text, 3, '0'), 'buyer', 'PT Jangkar Industri ' || g, 'verified', now(), now(), now()
        FROM generate_series(1, 50) g`);
    await c.query(`
      INSERT INTO "Organization" (id, type, name, "verificationStatus", "verifiedAt", "createdAt", "updatedAt")
      VALUES ('bclumgr', 'cluster_manager', 'Asosiasi IKM Komponen', 'verified', now(), now(), now()),
             ('bclucoop', 'cooperative', 'Koperasi Produsen Komponen', 'verified', now(), now(), now())`);
  });
  await timed(`${AGREEMENTS.toLocaleString("en")} agreements`, () =>
    c.query(`
      INSERT INTO "Agreement" (id, number, title, scheme, "buyerId", "supplierId", "valueIdr", "startDate", "endDate",
                               terms, status, version, "activatedAt", "completedAt", "excludedAt", "createdAt", "updatedAt")
      SELECT 'bcag' || g, 'BCK-' || g, 'Pasokan komponen ' || g,
             (ARRAY['rantai_pasok','subkontrak','perdagangan_umum','inti_plasma'])[1 + floor(x.r1 * 4)::int]::"PartnershipScheme",
             'bcbuy' || lpad((1 + floor(x.r2 * 50))::text, 3, '0'),
             ${umkmId(`1 + floor(power(x.r3, 2) * ${umkm})::int`)},
             floor(power(10, 7 + x.r4 * 2.5))::bigint, x.start, x.start + 180, '',
             CASE WHEN x.r5 < 0.05 THEN 'draft' WHEN x.r5 < 0.10 THEN 'proposed' WHEN x.r5 < 0.60 THEN 'active'
                  WHEN x.r5 < 0.95 THEN 'completed' ELSE 'terminated' END::"AgreementStatus",
             1, CASE WHEN x.r5 >= 0.10 THEN x.start END, CASE WHEN x.r5 >= 0.60 AND x.r5 < 0.95 THEN x.start + 150 END,
             CASE WHEN x.r1 < 0.01 THEN now() END, now(), now()
        FROM generate_series(1, ${AGREEMENTS}) g
        CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                                   (date '2024-01-01' + floor(random() * 1000)::int) AS start, g AS gg) x`),
  );
  await timed("parties (buyer, supplier, 3% consortium members)", async () => {
    await c.query(`
      INSERT INTO "AgreementParty" (id, "agreementId", "organizationId", role)
      SELECT 'bcpty' || a.id || '-b', a.id, a."buyerId", 'buyer'::"AgreementPartyRole" FROM "Agreement" a WHERE a.id LIKE 'bcag%'
      UNION ALL
      SELECT 'bcpty' || a.id || '-s', a.id, a."supplierId", 'supplier'::"AgreementPartyRole" FROM "Agreement" a WHERE a.id LIKE 'bcag%'`);
    await c.query(`
      INSERT INTO "AgreementParty" (id, "agreementId", "organizationId", role)
      SELECT 'bcpty' || g || '-c' || k, 'bcag' || g, ${umkmId(`1 + floor(random() * ${umkm})::int`)}, 'consortium_member'
        FROM generate_series(1, ${AGREEMENTS}, 33) g, generate_series(1, 2) k
      ON CONFLICT DO NOTHING`);
  });
  await timed("size-class histories (10% moved up)", () =>
    c.query(`
      INSERT INTO "SizeClassChange" (id, "supplierId", "sizeClass", basis, "annualSalesIdr", "effectiveAt")
      SELECT 'bcsc' || sp."organizationId", sp."organizationId", 'mikro', 'annual_sales', 1000000000, date '2024-03-01'
        FROM "SupplierProfile" sp
       WHERE sp."organizationId" LIKE 'bench%' AND sp."sizeClass" IN ('kecil', 'menengah') AND random() < 0.10
      ON CONFLICT DO NOTHING`),
  );
  await timed("a 20,000-UMKM cluster (19,000 direct + a cooperative of 2,000), 10 anchors", async () => {
    await c.query(
      `
      INSERT INTO "Cluster" (id, name, description, "kbliSections", "provinceCodes", "regencyCodes", "managerId", "createdAt", "updatedAt")
      VALUES ($1, 'Klaster Komponen Kendaraan Listrik', 'Bench', ARRAY['C', '29'], ARRAY['32'], ARRAY[]::text[], 'bclumgr', now(), now())`,
      [CLUSTER],
    );
    await c.query(
      `INSERT INTO "ClusterMember" (id, "clusterId", "organizationId", status, "requestedAt", "joinedAt", "updatedAt")
       SELECT 'bclm' || g, $1, ${umkmId("g")}, 'active'::"ClusterMemberStatus", now(), now(), now() FROM generate_series(1, ${DIRECT}) g
       UNION ALL SELECT 'bclmcoop', $1, 'bclucoop', 'active', now(), now(), now()
       UNION ALL SELECT 'bclmr' || g, $1, ${umkmId("g")}, 'requested'::"ClusterMemberStatus", now(), NULL, now()
                   FROM generate_series(${COOP_TO + 1}, ${COOP_TO + 500}) g`,
      [CLUSTER],
    );
    await c.query(`
      INSERT INTO "CooperativeMembership" (id, "cooperativeId", "memberId", status, "joinedAt")
      SELECT 'bccm' || g, 'bclucoop', ${umkmId("g")}, 'active', now() FROM generate_series(${COOP_FROM}, ${COOP_TO}) g`);
    await c.query(
      `INSERT INTO "ClusterAnchor" (id, "clusterId", "buyerId", status, "invitedAt", "decidedAt", "updatedAt")
       SELECT 'bcla' || g, $1, 'bcbuy' || lpad(g::text, 3, '0'), CASE WHEN g <= 10 THEN 'active' ELSE 'invited' END::"ClusterAnchorStatus",
              now(), now(), now() FROM generate_series(1, 12) g`,
      [CLUSTER],
    );
  });
  await c.query(`SET session_replication_role = origin`);
  await timed("rollups (stats_rebuild)", () => c.query(`SELECT stats_rebuild()`));
  await timed("ANALYZE", () => c.query(`ANALYZE`));
  await c.query(`DELETE FROM bench_clusters_marker`);
  await c.query(`INSERT INTO bench_clusters_marker VALUES ($1)`, [marker]);
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  const bench = await openBenchDatabase();
  try {
    const size = await chooseSize(bench.client);
    const { umkm } = await ensureSupplierDataset(bench, size);
    if (umkm < COOP_TO + 500) throw new Error(`the cluster needs at least ${COOP_TO + 500} UMKM (BENCH_UMKM)`);
    await ensureCluster(bench.client, umkm);
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
      await c.query<{ a: string; s: string; p: string; m: string }>(`
        SELECT (SELECT count(*) FROM "Agreement") AS a, (SELECT count(*) FROM "SupplierProfile") AS s,
               (SELECT count(*) FROM "Product") AS p,
               (SELECT count(*) FROM "ClusterMember" WHERE "clusterId" = '${CLUSTER}' AND status = 'active') AS m`)
    ).rows[0];
    console.log(
      `data: ${Number(sizes.s).toLocaleString("en")} UMKM, ${Number(sizes.p).toLocaleString("en")} products, ` +
        `${Number(sizes.a).toLocaleString("en")} agreements; cluster: ${Number(sizes.m).toLocaleString("en")} active member rows`,
    );
    console.log(machineLine());
    const pk = await PrimaryKeyTimer.create(db, c, 12);
    await pk.warmUp();
    const now = new Date();
    const ministry = {
      user: { id: "bench", email: "bench@rantai.test", name: "Bench", locale: "id", memberships: [] },
      membership: {
        organizationId: "bench-ministry",
        organizationName: "Kementerian",
        organizationType: "ministry",
        role: "owner",
        verificationStatus: "verified",
      },
      via: "session",
    } as Actor;
    const members = await queryMembers(CLUSTER);
    console.log(`cluster UMKM (distinct, direct + via the cooperative): ${members.umkm.toLocaleString("en")}`);

    const kinds: { label: string; run: () => Promise<unknown> }[] = [
      { label: "cluster + anchors", run: () => getClusterTitle(CLUSTER) },
      { label: "members by dims", run: () => queryMembers(CLUSTER) },
      { label: "certificates", run: () => queryCertificates(CLUSTER, now) },
      { label: "capacity", run: () => queryCapacity(CLUSTER) },
      { label: "partnerships", run: () => queryPartnerships(CLUSTER) },
      { label: "moved up", run: () => queryMovedUp(CLUSTER) },
      { label: "named members", run: () => queryNamedMembers(CLUSTER, 200) },
      { label: "stats by scheme", run: () => new Disclosure("public", "id").partnerships("scheme", { clusterId: CLUSTER }) },
      { label: "stats by province", run: () => new Disclosure("public", "id").partnerships("province", { clusterId: CLUSTER }) },
    ];
    const wholes: { label: string; run: () => Promise<unknown> }[] = [
      { label: "whole page (public)", run: () => getClusterSummary(CLUSTER, null, { now }) },
      { label: "statistik (cluster)", run: () => getStatisticsOverview({ clusterId: CLUSTER }, "id", "public") },
      { label: "ministry table", run: () => getClustersTable(ministry) },
    ];
    for (const k of [...kinds, ...wholes]) await k.run(); // warm up
    const samples = new Map<string, number[]>([...kinds, ...wholes].map((k) => [k.label, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const k of [...kinds, ...(i % 3 === 0 ? wholes : [])]) {
        await pk.once();
        const t0 = performance.now();
        await k.run();
        samples.get(k.label)!.push(performance.now() - t0);
      }
    }
    const p = pk.stats();
    console.log(`\n${STATS_HEADER}   p95/PK`);
    let worst = 0;
    for (const k of kinds) {
      const s = stats(samples.get(k.label)!);
      const ratio = s.p95 / p.p95;
      worst = Math.max(worst, ratio);
      console.log(`${statsRow(k.label, s)}   ${ratio.toFixed(1).padStart(6)} ×`);
    }
    for (const k of wholes) {
      const s = stats(samples.get(k.label)!);
      console.log(`${statsRow(k.label, s)}   ${(s.p95 / p.p95).toFixed(1).padStart(6)} ×   (several queries, in parallel)`);
    }
    console.log(statsRow("primary-key lookup", p));
    console.log(`worst ratio (p95 query / p95 PK): ${worst.toFixed(1)} × (target ≤ ${TARGET} ×)`);
    return worst <= TARGET;
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
