// npm run bench:matching — the matching engine at scale (issue 5; docs/decisions/0014-matching-model.md).
//
// 1. Opens the benchmark database with the shared 100,000 UMKM / 1,000,000 products dataset
//    (scripts/bench/dataset.ts, the same data as bench:search; generated on first use).
// 2. Adds BENCH_RFQS varied RFQs of one bench buyer (kept between runs): a product kind of the generator's
//    vocabulary with a modifier, its KBLI code, a random delivery regency, none/one/two required certificates,
//    sometimes a minimum TKDN, quantities from 200 to 60,000 (the large ones need consortia).
// 3. Measures in the same run, through the same Prisma client, interleaved: a primary-key lookup (the
//    yardstick), a full match (lib/matching/service.ts getRfqMatches: the buyer's RFQ, top 20 with reasons and
//    the almost-qualified list) and, for the RFQs too large for one UMKM, the consortium proposals.
//    Target: match p95 ≤ 30 × primary-key p95 and < 80 ms on 2 cores; consortia p95 < 300 ms.
//
// Options (environment): BENCH_RFQS (300), BENCH_UMKM / BENCH_PRODUCTS_PER_UMKM / BENCH_REGENERATE (dataset).
import type { Actor } from "../lib/auth/types";
import { getConsortiumProposals, getRfqMatches } from "../lib/matching/service";
import {
  datasetSize,
  ensureSupplierDataset,
  machineLine,
  measure,
  ms,
  MODIFIERS,
  NOUNS,
  openBenchDatabase,
  PrimaryKeyTimer,
  rng,
  sqlText,
  stats,
  STATS_HEADER,
  statsRow,
  useBenchPrisma,
} from "./bench/dataset";

const RFQS = Number(process.env.BENCH_RFQS || 300);
const BUYER_ID = "bench-matching-buyer";

async function main() {
  const bench = await openBenchDatabase();
  const size = datasetSize();
  await ensureSupplierDataset(bench, size);
  const c = bench.client;

  // The bench buyer and its RFQs (deterministic ids: reused between runs).
  await c.query(
    `INSERT INTO "Organization" (id, type, name, "verificationStatus", "createdAt", "updatedAt")
     VALUES ($1, 'buyer', 'PT Bench Pembeli', 'verified', now(), now()) ON CONFLICT (id) DO NOTHING`,
    [BUYER_ID],
  );
  const { rows: have } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Rfq" WHERE "buyerId" = $1`, [BUYER_ID]);
  if (have[0].n < RFQS) {
    const r = rng(5_2026);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const { rows: regs } = await c.query<{ code: string }>(`SELECT code FROM "Regency" WHERE lat IS NOT NULL ORDER BY code`);
    const { rows: known } = await c.query<{ code: string }>(`SELECT code FROM "KbliCode" WHERE version = '2020' AND level = 5`);
    const kbli = new Set(known.map((k) => k.code));
    const nouns = NOUNS.filter(([, k]) => kbli.has(k));
    const values: string[] = [];
    const items: string[] = [];
    for (let i = have[0].n; i < RFQS; i++) {
      const [noun, code] = pick(nouns);
      const mod = pick(MODIFIERS);
      const certs = pick([[], [], ["halal"], ["sni"], ["iso9001"], ["halal", "sni"]] as string[][]);
      const minTkdn = r() < 0.25 ? pick(["25.00", "40.00"]) : null;
      const quantity = pick([200, 500, 1000, 2000, 5000, 12000, 30000, 60000]);
      const id = `bench-rfq-${String(i).padStart(5, "0")}`;
      values.push(
        `(${sqlText(id)}, ${sqlText(BUYER_ID)}, ${sqlText(`Pengadaan ${noun.toLowerCase()} ${mod}`)}, '', '2020', ${sqlText(code)}, ${sqlText(pick(regs).code)},
          now() + interval '${10 + Math.floor(r() * 40)} days', 'open', 'public', false, ARRAY[${certs.map(sqlText).join(",")}]::"CertificationType"[],
          ${minTkdn ?? "NULL"}, now(), now(), now())`,
      );
      items.push(
        `(${sqlText(`${id}-1`)}, ${sqlText(id)}, 1, ${sqlText(r() < 0.5 ? noun : `${noun} ${mod}`)}, ${quantity}, ${sqlText(pick(["pcs", "kg", "lembar", "paket"]))})`,
      );
    }
    await c.query(`INSERT INTO "Rfq" (id, "buyerId", title, description, "kbliVersion", "kbliCode", "deliveryRegencyCode", deadline, status,
                     visibility, sealed, "requiredCertifications", "minTkdn", "publishedAt", "createdAt", "updatedAt")
                   VALUES ${values.join(",\n")} ON CONFLICT (id) DO NOTHING`);
    await c.query(
      `INSERT INTO "RfqItem" (id, "rfqId", position, name, quantity, unit) VALUES ${items.join(",")} ON CONFLICT (id) DO NOTHING`,
    );
    await c.query(`ANALYZE "Rfq"; ANALYZE "RfqItem"`);
    console.log(`added ${RFQS - have[0].n} bench RFQs`);
  }
  // Deadlines move with time: keep them open.
  await c.query(
    `UPDATE "Rfq" SET deadline = now() + interval '20 days', status = 'open' WHERE "buyerId" = $1 AND deadline < now() + interval '5 days'`,
    [BUYER_ID],
  );
  const { rows: rfqRows } = await c.query<{ id: string; quantity: number }>(
    `SELECT r.id, max(i.quantity)::int AS quantity FROM "Rfq" r JOIN "RfqItem" i ON i."rfqId" = r.id
      WHERE r."buyerId" = $1 GROUP BY r.id ORDER BY r.id LIMIT $2`,
    [BUYER_ID, RFQS],
  );

  const { db, close } = useBenchPrisma(bench.url, 4);
  const actor: Actor = {
    user: { id: "bench-user", email: "bench@rantai.test", name: "Bench", locale: "id", memberships: [] },
    membership: {
      organizationId: BUYER_ID,
      organizationName: "PT Bench Pembeli",
      organizationType: "buyer",
      role: "owner",
      verificationStatus: "verified",
    },
    via: "token",
  };
  const pk = await PrimaryKeyTimer.create(db, c);
  await pk.warmUp();
  for (const r of rfqRows.slice(0, 20)) await getRfqMatches(actor, r.id, { limit: 20 });

  const matchMs: number[] = [];
  const consortiumMs: number[] = [];
  let withMatches = 0;
  const passes = [0, 0, 0, 0];
  let needed = 0;
  let proposals = 0;
  for (const r of rfqRows) {
    await pk.once();
    const m = await measure(() => getRfqMatches(actor, r.id, { limit: 20 }));
    matchMs.push(m.ms);
    if (m.result.matches.length > 0) withMatches += 1;
    await pk.once();
    if (r.quantity >= 12000) {
      const cons = await measure(() => getConsortiumProposals(actor, r.id));
      consortiumMs.push(cons.ms);
      if (cons.result.needed) needed += 1;
      proposals += cons.result.proposals.length;
      await pk.once();
    }
  }
  // which candidate pass answered (for the record)
  for (const r of rfqRows.slice(0, 60)) {
    const { rankSuppliers } = await import("../lib/matching/engine");
    const { loadRfqContexts } = await import("../lib/matching/rfq-context");
    const [ctx] = await loadRfqContexts([r.id]);
    passes[(await rankSuppliers(ctx, { limit: 20 })).pass] += 1;
  }

  const pkS = pk.stats();
  const mS = stats(matchMs);
  const cS = stats(consortiumMs);
  console.log("");
  console.log(
    `bench:matching — ${size.umkm.toLocaleString("en")} UMKM, ${(size.umkm * size.perUmkm).toLocaleString("en")} products, ${rfqRows.length} RFQs`,
  );
  console.log(machineLine());
  console.log(STATS_HEADER);
  console.log(statsRow("primary key", pkS));
  console.log(statsRow("match (top 20)", mS));
  console.log(statsRow("consortia", cS));
  console.log("");
  console.log(`match p95 = ${(mS.p95 / pkS.p95).toFixed(1)} × primary-key p95 (target ≤ 30 ×) and ${ms(mS.p95).trim()} (target < 80 ms)`);
  console.log(
    `consortia p95 ${ms(cS.p95).trim()} (target < 300 ms); ${needed}/${consortiumMs.length} large RFQs needed a consortium, ${proposals} proposals`,
  );
  console.log(
    `RFQs with at least one qualified match: ${withMatches}/${rfqRows.length}; candidate pass used (first 60): 1 → ${passes[1]}, 2 → ${passes[2]}, 3 → ${passes[3]}`,
  );
  await close();
  await bench.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
