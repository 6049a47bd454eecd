// npm run eval:matching — how good is the ranking? (issue 5; docs/decisions/0014-matching-model.md)
//
// Builds a labelled set in an embedded in-memory database (PGlite: nothing to install), with the bench data
// generator's vocabulary (scripts/bench/dataset.ts: real KBLI 2020 codes per product kind, modifiers, business
// names) and the real regions with their reference points:
//   - a background population of UMKM making other product kinds (some with the same KBLI codes), anywhere;
//   - EVAL_RFQS RFQs, each for one product kind, with a required certificate (halal for food, SNI otherwise),
//     sometimes a minimum TKDN, a quantity and a delivery regency;
//   - for each RFQ, by construction, 10 truly suitable UMKM (same KBLI, the product in their catalogue,
//     the certificate valid past the deadline, TKDN met, within 150 km, capacity for the quantity), and traps:
//     3 with the right words but the wrong KBLI division, 3 with the right KBLI and product but a certificate
//     expiring before the deadline, 3 right in everything but at least 2,000 km away.
// Then it ranks every RFQ three ways in the same run — the matching engine (lib/matching), keyword search
// alone (the directory search of lib/suppliers/search.ts with the RFQ's item name, best first) and random —
// and prints precision@10 and nDCG@10 (binary relevance: the 10 suitable UMKM) of each, plus how many traps
// reached the engine's top 10. Target: nDCG@10 ≥ 0.9 and well above keyword-only.
//
// Options (environment): EVAL_RFQS (30), EVAL_BACKGROUND (3000), EVAL_SEED (42).
import { openPGlite } from "../lib/db/pglite";
import { createPGliteClient } from "../lib/db/client";
import { setDb } from "../lib/db";
import { pgliteRunner } from "../lib/db/sql-runner";
import { prepareDatabase } from "../lib/db/setup";
import { rankSuppliers } from "../lib/matching/engine";
import { loadRfqContexts } from "../lib/matching/rfq-context";
import { searchSuppliers } from "../lib/suppliers/search";
import { supplierSearchQuery } from "../lib/suppliers/search-query";
import { kmBetween } from "../lib/matching/consortium-plan";
import { MODIFIERS, NAME_WORDS, NOUNS, rng } from "./bench/dataset";

const RFQS = Number(process.env.EVAL_RFQS || 30);
const BACKGROUND = Number(process.env.EVAL_BACKGROUND || 3000);
const SEED = Number(process.env.EVAL_SEED || 42);
const SUITABLE = 10;
const K = 10;

const FOOD = (kbli: string) => kbli.startsWith("10") || kbli.startsWith("11");
const DAY = 86_400_000;

interface Regency {
  code: string;
  lat: number;
  lon: number;
}

async function main() {
  const t0 = performance.now();
  const r = rng(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const pglite = await openPGlite(undefined);
  await prepareDatabase(pgliteRunner(pglite, { closeOnDispose: false }));
  const db = createPGliteClient(pglite);
  setDb(db);

  const kbliKnown = new Set(
    (await db.kbliCode.findMany({ where: { version: "2020", level: 5 }, select: { code: true } })).map((k) => k.code),
  );
  const nouns = NOUNS.filter(([, k]) => kbliKnown.has(k));
  const regencies: Regency[] = (await db.regency.findMany({ select: { code: true, lat: true, lon: true } }))
    .filter((x) => x.lat !== null && x.lon !== null)
    .map((x) => ({ code: x.code, lat: x.lat!, lon: x.lon! }));

  // RFQ product kinds: distinct nouns; the background makes the other kinds only (so every UMKM making an
  // RFQ's product kind is labelled: suitable or a trap).
  const shuffled = [...nouns].sort(() => r() - 0.5);
  const targets = shuffled.slice(0, Math.min(RFQS, Math.floor(nouns.length / 2)));
  const backgroundNouns = shuffled.slice(targets.length);
  const now = new Date();

  let n = 0;
  const orgs: { id: string; name: string; regencyCode: string; verified: boolean }[] = [];
  const profiles: { organizationId: string; regencyCode: string; description: string; kbli: string; verified: boolean }[] = [];
  const products: { supplierId: string; name: string; description: string; kbliCode: string; unit: string; monthlyCapacity: number }[] = [];
  const certs: { organizationId: string; type: "halal" | "sni" | "iso9001" | "tkdn"; validUntil: Date; tkdnPercent: number | null }[] = [];
  const addUmkm = (o: {
    noun: string;
    kbli: string;
    regencyCode: string;
    verified?: boolean;
    products?: { noun: string; kbli: string; capacity: number }[];
  }) => {
    n += 1;
    const id = `eval${String(n).padStart(6, "0")}`;
    const verified = o.verified ?? r() < 0.5;
    const name = `${pick(["UD", "CV", "PT"])} ${pick(NAME_WORDS)} ${o.noun.split(" ")[0]} ${pick(NAME_WORDS)} ${n}`;
    orgs.push({ id, name, regencyCode: o.regencyCode, verified });
    profiles.push({
      organizationId: id,
      regencyCode: o.regencyCode,
      description: `Produsen ${o.noun.toLowerCase()} ${pick(MODIFIERS)}.`,
      kbli: o.kbli,
      verified,
    });
    for (const p of o.products ?? [{ noun: o.noun, kbli: o.kbli, capacity: 100 + Math.floor(r() * 5000) }]) {
      products.push({
        supplierId: id,
        name: `${p.noun} ${pick(MODIFIERS)}`,
        description: `${p.noun} ${pick(MODIFIERS)}, bisa pesan dalam jumlah besar.`,
        kbliCode: p.kbli,
        unit: "pcs",
        monthlyCapacity: p.capacity,
      });
    }
    return id;
  };
  const cert = (organizationId: string, type: "halal" | "sni" | "iso9001" | "tkdn", validUntil: Date, tkdnPercent: number | null = null) =>
    certs.push({ organizationId, type, validUntil, tkdnPercent });

  // Background.
  for (let i = 0; i < BACKGROUND; i++) {
    const [noun, kbli] = pick(backgroundNouns);
    const other = pick(backgroundNouns);
    const id = addUmkm({
      noun,
      kbli,
      regencyCode: pick(regencies).code,
      products: [
        { noun, kbli, capacity: 100 + Math.floor(r() * 8000) },
        { noun, kbli, capacity: 100 + Math.floor(r() * 8000) },
        { noun: other[0], kbli: other[1], capacity: 100 + Math.floor(r() * 8000) },
      ],
    });
    for (const [type, share] of [
      ["halal", 0.35],
      ["sni", 0.15],
      ["iso9001", 0.06],
      ["tkdn", 0.12],
    ] as const) {
      if (r() < share)
        cert(id, type, new Date(now.getTime() + (Math.floor(r() * 1400) - 300) * DAY), type === "tkdn" ? 25 + Math.round(r() * 60) : null);
    }
  }

  // Labelled RFQs.
  interface Labelled {
    title: string;
    item: string;
    kbli: string;
    delivery: string;
    required: "halal" | "sni";
    minTkdn: number | null;
    deadline: Date;
    quantity: number;
    suitable: Set<string>;
    traps: Map<string, "wrong_kbli" | "expired_cert" | "far">;
  }
  const labelled: Labelled[] = [];
  for (const [noun, kbli] of targets) {
    const delivery = pick(
      regencies.filter(
        (x) =>
          regencies.filter((y) => (kmBetween(x, y) ?? 1e9) <= 150).length >= 4 && regencies.some((y) => (kmBetween(x, y) ?? 0) >= 2000),
      ),
    );
    const near = regencies.filter((y) => (kmBetween(delivery, y) ?? 1e9) <= 150);
    const far = regencies.filter((y) => (kmBetween(delivery, y) ?? 0) >= 2000);
    const required = FOOD(kbli) ? "halal" : "sni";
    const minTkdn = r() < 0.35 ? 25 : null;
    const deadline = new Date(now.getTime() + (14 + Math.floor(r() * 30)) * DAY);
    const quantity = 1000 + Math.floor(r() * 4) * 500;
    const l: Labelled = {
      title: `Pengadaan ${noun.toLowerCase()} ${pick(MODIFIERS)}`,
      item: noun,
      kbli,
      delivery: delivery.code,
      required,
      minTkdn,
      deadline,
      quantity,
      suitable: new Set(),
      traps: new Map(),
    };
    const qualify = (id: string, until: Date) => {
      cert(id, required, until);
      if (minTkdn !== null) cert(id, "tkdn", new Date(deadline.getTime() + 365 * DAY), 30 + Math.round(r() * 50));
    };
    for (let i = 0; i < SUITABLE; i++) {
      const id = addUmkm({
        noun,
        kbli,
        regencyCode: pick(near).code,
        products: [{ noun, kbli, capacity: quantity + Math.floor(r() * 3000) }],
      });
      qualify(id, new Date(deadline.getTime() + (30 + Math.floor(r() * 700)) * DAY));
      l.suitable.add(id);
    }
    for (let i = 0; i < 3; i++) {
      const wrong = pick(nouns.filter(([, k]) => k.slice(0, 2) !== kbli.slice(0, 2)));
      const id = addUmkm({
        noun,
        kbli: wrong[1],
        regencyCode: pick(near).code,
        products: [{ noun, kbli: wrong[1], capacity: quantity * 2 }],
      });
      qualify(id, new Date(deadline.getTime() + 400 * DAY));
      l.traps.set(id, "wrong_kbli");
    }
    for (let i = 0; i < 3; i++) {
      const id = addUmkm({ noun, kbli, regencyCode: pick(near).code, verified: true, products: [{ noun, kbli, capacity: quantity * 2 }] });
      qualify(id, new Date(deadline.getTime() - (3 + Math.floor(r() * 20)) * DAY)); // valid today, not on the deadline
      l.traps.set(id, "expired_cert");
    }
    for (let i = 0; i < 3; i++) {
      const id = addUmkm({ noun, kbli, regencyCode: pick(far).code, verified: true, products: [{ noun, kbli, capacity: quantity * 2 }] });
      qualify(id, new Date(deadline.getTime() + 400 * DAY));
      l.traps.set(id, "far");
    }
    labelled.push(l);
  }

  // Insert (the search triggers build the documents, as in the app).
  const buyer = await db.organization.create({ data: { type: "buyer", name: "PT Evaluasi Pembeli", verificationStatus: "verified" } });
  const chunk = <T>(xs: T[], size = 2000) =>
    Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
  for (const c of chunk(orgs))
    await db.organization.createMany({
      data: c.map((o) => ({
        id: o.id,
        type: "umkm" as const,
        name: o.name,
        regencyCode: o.regencyCode,
        verificationStatus: o.verified ? ("verified" as const) : ("unverified" as const),
      })),
    });
  for (const c of chunk(profiles))
    await db.supplierProfile.createMany({
      data: c.map((p) => ({
        organizationId: p.organizationId,
        regencyCode: p.regencyCode,
        description: p.description,
        onboardingStep: 4,
        onboardedAt: now,
        verificationStatus: p.verified ? ("verified" as const) : ("unverified" as const),
        verifiedAt: p.verified ? now : null,
      })),
    });
  for (const c of chunk(profiles))
    await db.supplierKbli.createMany({
      data: c.map((p) => ({ supplierId: p.organizationId, kbliVersion: "2020", kbliCode: p.kbli, isPrimary: true })),
    });
  for (const c of chunk(products)) await db.product.createMany({ data: c.map((p) => ({ ...p, kbliVersion: "2020" })) });
  for (const c of chunk(certs))
    await db.certification.createMany({
      data: c.map((x, i) => ({
        organizationId: x.organizationId,
        type: x.type,
        number: `EVAL-${i}-${x.organizationId}`,
        validUntil: x.validUntil,
        tkdnPercent: x.tkdnPercent === null ? null : String(x.tkdnPercent),
        verificationStatus: "verified" as const,
      })),
    });
  const rfqIds: string[] = [];
  for (const l of labelled) {
    const rfq = await db.rfq.create({
      data: {
        buyerId: buyer.id,
        title: l.title,
        kbliCode: l.kbli,
        deliveryRegencyCode: l.delivery,
        deadline: l.deadline,
        status: "open",
        publishedAt: now,
        requiredCertifications: [l.required],
        minTkdn: l.minTkdn === null ? null : String(l.minTkdn),
        items: { create: [{ position: 1, name: l.item, quantity: l.quantity, unit: "pcs" }] },
      },
    });
    rfqIds.push(rfq.id);
  }
  const built = ((performance.now() - t0) / 1000).toFixed(1);

  // Rank three ways.
  const allIds = orgs.map((o) => o.id);
  const metric = (ranked: string[], relevant: Set<string>) => {
    const top = ranked.slice(0, K);
    const hits = top.filter((id) => relevant.has(id)).length;
    const dcg = top.reduce((a, id, i) => a + (relevant.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
    const ideal = Array.from({ length: Math.min(K, relevant.size) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, x) => a + x, 0);
    return { p: hits / K, ndcg: ideal > 0 ? dcg / ideal : 0 };
  };
  const sums = { engine: { p: 0, ndcg: 0 }, keyword: { p: 0, ndcg: 0 }, random: { p: 0, ndcg: 0 } };
  const trapsInTop: Record<string, number> = { wrong_kbli: 0, expired_cert: 0, far: 0 };
  const contexts = await loadRfqContexts(rfqIds);
  for (let i = 0; i < labelled.length; i++) {
    const l = labelled[i];
    const engine = (await rankSuppliers(contexts[i], { limit: K })).matches.map((m) => m.supplier.id);
    const keyword = (await searchSuppliers(supplierSearchQuery.parse({ q: l.item, sort: "relevance", limit: String(K) }))).data.map(
      (h) => h.id,
    );
    const random = Array.from({ length: K }, () => allIds[Math.floor(r() * allIds.length)]);
    for (const [name, ranked] of [
      ["engine", engine],
      ["keyword", keyword],
      ["random", random],
    ] as const) {
      const m = metric(ranked, l.suitable);
      sums[name].p += m.p;
      sums[name].ndcg += m.ndcg;
    }
    for (const id of engine) {
      const trap = l.traps.get(id);
      if (trap) trapsInTop[trap] += 1;
    }
  }
  const avg = (x: { p: number; ndcg: number }) => ({ p: x.p / labelled.length, ndcg: x.ndcg / labelled.length });
  const row = (label: string, x: { p: number; ndcg: number }) =>
    `${label.padEnd(26)}${avg(x).p.toFixed(3).padStart(14)}${avg(x).ndcg.toFixed(3).padStart(11)}`;

  console.log(
    `eval:matching — ${labelled.length} RFQs, ${orgs.length.toLocaleString("en")} UMKM (${BACKGROUND.toLocaleString("en")} background), ${products.length.toLocaleString("en")} products; built in ${built} s (seed ${SEED})`,
  );
  console.log(
    `each RFQ: ${SUITABLE} suitable UMKM by construction; traps: 3 right words/wrong KBLI, 3 certificate expiring before the deadline, 3 ≥ 2,000 km away`,
  );
  console.log("");
  console.log(`${"ranking".padEnd(26)}${"precision@10".padStart(14)}${"nDCG@10".padStart(11)}`);
  console.log(row("matching engine", sums.engine));
  console.log(row("keyword search alone", sums.keyword));
  console.log(row("random", sums.random));
  console.log("");
  console.log(
    `traps in the engine's top 10 (of ${labelled.length * 3} each): wrong KBLI ${trapsInTop.wrong_kbli}, expired certificate ${trapsInTop.expired_cert}, far away ${trapsInTop.far}`,
  );
  const ok = avg(sums.engine).ndcg >= 0.9 && avg(sums.engine).ndcg > avg(sums.keyword).ndcg + 0.1;
  console.log(`target nDCG@10 ≥ 0.9 and well above keyword-only: ${ok ? "met" : "NOT met"}`);
  await db.$disconnect();
  await pglite.close();
  if (!ok && process.env.EVAL_STRICT) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
