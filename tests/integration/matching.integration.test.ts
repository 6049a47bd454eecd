// The matching engine on a real database (both backends): a batik RFQ ranks the right UMKM first with reasons;
// traps (right words but wrong KBLI, right KBLI but a certificate expiring before the deadline, right everything
// but 3,000 km away) rank lower or land in "almost qualified" with their gap; a newly onboarded UMKM is matched
// and sees the RFQ recommended without any manual step; an RFQ too large for anyone alone yields consortia, and
// inviting one creates it with shares, invites the lead and notifies members. Cross-tenant: only the buyer's
// organization sees its RFQ's matches; only an UMKM's members see its recommendations.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import {
  createBuyer,
  createCertification,
  createCooperative,
  createProduct,
  createRfq,
  createUmkm,
  dateInDays,
  createAgreement,
} from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { getConsortiumProposals, getRecommendedRfqs, getRfqMatches } from "@/lib/matching/service";
import { inviteConsortium } from "@/lib/matching/invite";
import { scoreOf } from "@/lib/matching/signals";
import { candidatesSql, rankSuppliers } from "@/lib/matching/engine";
import { loadRfqContexts } from "@/lib/matching/rfq-context";
import { buildTsQueryGroups } from "@/lib/suppliers/search-query";
import { correctWords } from "@/lib/suppliers/spelling";
import { GET as matchesRoute } from "@/app/api/v1/rfqs/[id]/matches/route";
import { GET as consortiaRoute, POST as inviteRoute } from "@/app/api/v1/rfqs/[id]/consortia/route";
import { GET as recommendedRoute } from "@/app/api/v1/suppliers/[id]/recommended-rfqs/route";
import { ConsortiaResponseSchema, MatchesResponseSchema, RecommendedRfqsResponseSchema } from "@/lib/matching/responses";

const t = useTestDatabase();

type Umkm = Awaited<ReturnType<typeof createUmkm>>;
let buyer: Awaited<ReturnType<typeof createBuyer>>;
let otherBuyer: Awaited<ReturnType<typeof createBuyer>>;
let rfq: Awaited<ReturnType<typeof createRfq>>;
const u: Record<string, Umkm> = {};

async function batikUmkm(
  key: string,
  o: {
    name: string;
    regencyCode?: string;
    kbli?: string;
    product?: string;
    capacity?: number;
    sniUntil?: Date | null;
    tkdn?: number | null;
    verified?: boolean;
  },
) {
  const m = await createUmkm(t.db, {
    name: o.name,
    regencyCode: o.regencyCode ?? "33.75",
    kbliCodes: [o.kbli ?? "13134"],
    description: "Usaha keluarga sejak 2010.",
    verificationStatus: o.verified === false ? "unverified" : "verified",
  });
  await createProduct(t.db, m.organization.id, {
    name: o.product ?? "Kain batik tulis motif parang",
    description: "Dibuat perajin setempat.",
    kbliCode: o.kbli ?? "13134",
    unit: "lembar",
    monthlyCapacity: o.capacity ?? 800,
  });
  if (o.sniUntil !== null) await createCertification(t.db, m.organization.id, { type: "sni", validUntil: o.sniUntil ?? dateInDays(700) });
  if (o.tkdn !== null) await createCertification(t.db, m.organization.id, { type: "tkdn", tkdnPercent: o.tkdn ?? 40 });
  u[key] = m;
  return m;
}

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Pembeli Batik" });
  otherBuyer = await createBuyer(t.db, { name: "PT Pembeli Lain" });
  // The right ones: batik tulis workshops on Java.
  await batikUmkm("best", { name: "CV Batik Tulis Sekar", capacity: 900 });
  await batikUmkm("good", { name: "UD Batik Pesisir", regencyCode: "33.26", capacity: 600 });
  await batikUmkm("smaller", { name: "UD Batik Kecil", regencyCode: "33.76", capacity: 200, verified: false });
  // Traps.
  await batikUmkm("wrongKbli", { name: "CV Mebel Ukir", kbli: "31001", product: "Meja ukir motif batik tulis" });
  await batikUmkm("expiring", { name: "UD Batik Kedaluwarsa", sniUntil: dateInDays(5) });
  await batikUmkm("noTkdn", { name: "UD Batik Tanpa TKDN", tkdn: null });
  await batikUmkm("far", { name: "CV Batik Tulis Jayapura", regencyCode: "91.71", capacity: 900 });
  // Unrelated (its product description happens to mention batik: not enough to be a match).
  await batikUmkm("bakery", { name: "UD Roti Enak", kbli: "10710", product: "Roti tawar gandum" });
  await createProduct(t.db, u.bakery.organization.id, { name: "Bolu pandan", description: "Dikemas dalam kain batik.", kbliCode: "10710" });

  rfq = await createRfq(t.db, buyer.organization.id, {
    title: "Pengadaan kain batik tulis seragam",
    kbliCode: "13134",
    deliveryRegencyCode: "33.74", // Kota Semarang
    deadline: dateInDays(21),
    requiredCertifications: ["sni"],
    minTkdn: 25,
    items: [{ name: "Kain batik tulis motif korporat", quantity: 500, unit: "lembar" }],
  });
});

describe("ranking an RFQ", () => {
  it("puts the right batik workshops first, with reasons; traps rank lower or are almost qualified with their gap", async () => {
    await expect(getRfqMatches(null, rfq.id)).rejects.toMatchObject({ code: "unauthorized" });
    const actor = await actAs(buyer.owner);
    const res = await getRfqMatches(actor, rfq.id);
    const ids = res.matches.map((m) => m.supplier.id);
    expect(ids.slice(0, 2)).toEqual([u.best.organization.id, u.good.organization.id]);
    expect(ids).toContain(u.far.organization.id);
    expect(ids.indexOf(u.far.organization.id)).toBeGreaterThan(ids.indexOf(u.smaller.organization.id));
    expect(ids.indexOf(u.wrongKbli.organization.id)).toBeGreaterThan(ids.indexOf(u.far.organization.id));
    expect(ids).not.toContain(u.bakery.organization.id);
    // the expiring certificate and the missing TKDN are gaps, not ranks
    expect(ids).not.toContain(u.expiring.organization.id);
    expect(ids).not.toContain(u.noTkdn.organization.id);
    const almost = new Map(res.almostQualified.map((m) => [m.supplier.id, m.gaps.map((g) => g.code)]));
    expect(almost.get(u.expiring.organization.id)).toEqual(["cert_expires"]);
    expect(almost.get(u.noTkdn.organization.id)).toEqual(["tkdn_missing"]);

    const best = res.matches[0];
    expect(best.score).toBeGreaterThanOrEqual(85);
    expect(best.score).toBeLessThanOrEqual(100);
    const codes = best.reasons.map((x) => x.code);
    expect(codes).toEqual(
      expect.arrayContaining(["kbli_exact", "words_product", "certs_held", "tkdn_met", "capacity_full", "distance_near", "verified"]),
    );
    // the SQL's score is the documented arithmetic
    for (const m of [...res.matches, ...res.almostQualified]) expect(m.score).toBe(scoreOf(m.signals));
  });

  it("finds the same candidates whether common item words go through the index or are checked on the rows", async () => {
    // Two bakeries beside "UD Roti Enak" (roti tawar gandum): one also makes it, one only sweet bread.
    for (const [name, product] of [
      ["UD Roti Tawar Sari", "Roti tawar gandum utuh"],
      ["UD Roti Manis", "Roti manis cokelat"],
    ]) {
      const m = await createUmkm(t.db, {
        name,
        regencyCode: "33.74",
        kbliCodes: ["10710"],
        description: "Toko roti.",
        verificationStatus: "verified",
      });
      await createProduct(t.db, m.organization.id, { name: product, kbliCode: "10710", unit: "pcs", monthlyCapacity: 500 });
    }
    const bread = await createRfq(t.db, otherBuyer.organization.id, {
      title: "Roti tawar gandum",
      kbliCode: "10710",
      deliveryRegencyCode: "33.74",
      deadline: dateInDays(21),
      items: [{ name: "Roti tawar gandum", quantity: 100, unit: "pcs" }],
    });
    const [ctx] = await loadRfqContexts([bread.id]);
    expect(ctx.words).toEqual(["roti", "tawar", "gandum"]);
    const viaIndex = { ...ctx, frequent: [false, false, false] };
    const checked = { ...ctx, frequent: [false, true, true] }; // "tawar" and "gandum" checked on the rows "roti" found
    expect(candidatesSql(checked, { pass: 1 }, 3, 10).sql).toContain("ts_match_vq");
    expect(candidatesSql(viaIndex, { pass: 1 }, 3, 10).sql).not.toContain("ts_match_vq");
    const a = await rankSuppliers(viaIndex, { limit: 3 });
    // the first pass finds only the two that make roti tawar gandum, so a wider pass adds the sweet bread
    expect(a.pass).toBeGreaterThan(1);
    expect(await rankSuppliers(checked, { limit: 3 })).toEqual(a);
  });

  it("looks prefixes up as the vocabulary's exact words (same UMKM, same scores) and counts capacity of products named by the RFQ's words", async () => {
    const tailor = await createUmkm(t.db, {
      name: "CV Konveksi Rapi",
      regencyCode: "33.74",
      kbliCodes: ["14111"],
      description: "Konveksi pakaian kerja.",
      verificationStatus: "verified",
    });
    await createProduct(t.db, tailor.organization.id, {
      name: "Jahitan seragam kerja",
      kbliCode: "14111",
      unit: "pcs",
      monthlyCapacity: 300,
    });
    await createProduct(t.db, tailor.organization.id, {
      name: "Seragam rajut jahitan tangan",
      kbliCode: "14302",
      unit: "pcs",
      monthlyCapacity: 200,
    });
    await createProduct(t.db, tailor.organization.id, { name: "Masker medis", kbliCode: "13929", unit: "pcs", monthlyCapacity: 5000 });
    const sewing = await createRfq(t.db, otherBuyer.organization.id, {
      title: "Jahit seragam",
      kbliCode: "14111",
      deliveryRegencyCode: "33.74",
      deadline: dateInDays(21),
      items: [{ name: "Jahit seragam kerja", quantity: 1000, unit: "pcs" }],
    });
    const [ctx] = await loadRfqContexts([sewing.id]);
    const jahit = ctx.groups[ctx.words.indexOf("jahit")];
    expect(jahit).toContain("'jahitan'");
    expect(ctx.groups.join(" ")).not.toContain(":*");
    // the same context with the words as prefixes (what the directory's search sends) ranks identically
    const asPrefixes = { ...ctx, groups: buildTsQueryGroups(await correctWords(ctx.words)) };
    expect(asPrefixes.groups[ctx.words.indexOf("jahit")]).toBe("'jahit':*");
    const exact = await rankSuppliers(ctx, { limit: 5 });
    expect(await rankSuppliers(asPrefixes, { limit: 5 })).toEqual(exact);
    const found = exact.matches.find((m) => m.supplier.id === tailor.organization.id)!;
    expect(found.signals.wordHits[ctx.words.indexOf("jahit")]).toBe(3);
    // "Jahitan seragam kerja" (same KBLI class) + "Seragam rajut jahitan tangan" (named by the words); not the masks
    expect(found.signals.capacity).toBe(500);
  });

  it("lets UMKM that can meet a minimum TKDN into the capped candidates first, so the first pass finds them", async () => {
    // three near, verified rattan workshops without any TKDN certificate, and a far, unverified one with TKDN 40%
    for (const [name, regencyCode, tkdn, verified] of [
      ["UD Rotan Dekat Satu", "33.74", null, true],
      ["UD Rotan Dekat Dua", "33.74", null, true],
      ["UD Rotan Dekat Tiga", "33.22", null, true],
      ["CV Rotan Jauh Ber-TKDN", "35.78", 40, false],
    ] as const) {
      const m = await createUmkm(t.db, {
        name,
        regencyCode,
        kbliCodes: ["16292"],
        description: "Kerajinan rotan.",
        verificationStatus: verified ? "verified" : "unverified",
      });
      await createProduct(t.db, m.organization.id, { name: "Tikar anyaman rotan", kbliCode: "16292", unit: "pcs", monthlyCapacity: 400 });
      if (tkdn !== null) await createCertification(t.db, m.organization.id, { type: "tkdn", tkdnPercent: tkdn });
    }
    const mats = await createRfq(t.db, otherBuyer.organization.id, {
      title: "Tikar anyaman rotan",
      kbliCode: "16292",
      deliveryRegencyCode: "33.74",
      deadline: dateInDays(21),
      minTkdn: 25,
      items: [{ name: "Tikar anyaman rotan", quantity: 300, unit: "pcs" }],
    });
    const [ctx] = await loadRfqContexts([mats.id]);
    // with room for only two candidates, the one that can qualify is one of them, ahead of nearer, verified ones
    const res = await rankSuppliers(ctx, { limit: 1, almost: 1, caps: { firstPass: 2, shortlist: 2 } });
    expect(res.pass).toBe(1);
    expect(res.matches.map((m) => m.supplier.name)).toEqual(["CV Rotan Jauh Ber-TKDN"]);
    expect(res.almostQualified).toHaveLength(1);
    expect(res.almostQualified[0].gaps.map((g) => g.code)).toContain("tkdn_missing");
  });

  it("answers the API in the reader's language; another buyer gets 404, an UMKM 403", async () => {
    const token = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
    const res = await callRoute(matchesRoute, "GET", `/api/v1/rfqs/${rfq.id}/matches`, {
      token,
      params: { id: rfq.id },
      query: { limit: "3" },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(200);
    const body = MatchesResponseSchema.parse(await jsonOf(res));
    expect(body.data).toHaveLength(3);
    expect(body.data[0].supplier.name).toBe("CV Batik Tulis Sekar");
    expect(body.data[0].reasons.map((r) => r.label)).toContain("Same KBLI code (13134)");
    expect(body.almostQualified.find((m) => m.supplier.name === "UD Batik Kedaluwarsa")?.gaps[0].label).toMatch(
      /^SNI expires .+, before the deadline/,
    );

    const idRes = await callRoute(matchesRoute, "GET", `/api/v1/rfqs/${rfq.id}/matches`, { token, params: { id: rfq.id } });
    const idBody = MatchesResponseSchema.parse(await jsonOf(idRes));
    expect(idBody.almostQualified.find((m) => m.supplier.name === "UD Batik Tanpa TKDN")?.gaps[0].label).toBe(
      "Belum memiliki sertifikat TKDN (minimum 25%)",
    );

    const otherToken = (await createApiToken(otherBuyer.owner.id, { name: "erp" })).token;
    expect(
      (await callRoute(matchesRoute, "GET", `/api/v1/rfqs/${rfq.id}/matches`, { token: otherToken, params: { id: rfq.id } })).status,
    ).toBe(404);
    expect(
      (await callRoute(consortiaRoute, "GET", `/api/v1/rfqs/${rfq.id}/consortia`, { token: otherToken, params: { id: rfq.id } })).status,
    ).toBe(404);
    const umkmToken = (await createApiToken(u.best.owner.id, { name: "x" })).token;
    expect(
      (await callRoute(matchesRoute, "GET", `/api/v1/rfqs/${rfq.id}/matches`, { token: umkmToken, params: { id: rfq.id } })).status,
    ).toBe(403);
    expect(
      (await callRoute(matchesRoute, "GET", `/api/v1/rfqs/${rfq.id}/matches`, { token, params: { id: rfq.id }, query: { limit: "0" } }))
        .status,
    ).toBe(400);
  });

  it("counts a track record of completed agreements and on-time deliveries", async () => {
    const actor = await actAs(buyer.owner);
    const before = (await getRfqMatches(actor, rfq.id)).matches.find((m) => m.supplier.id === u.good.organization.id)!;
    const agreement = await createAgreement(t.db, otherBuyer.organization.id, u.good.organization.id, { status: "completed" });
    await t.db.delivery.create({
      data: { agreementId: agreement.id, quantity: 100, deliveredOn: dateInDays(-30), onTime: true, status: "accepted" },
    });
    const after = (await getRfqMatches(actor, rfq.id)).matches.find((m) => m.supplier.id === u.good.organization.id)!;
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.reasons.find((r) => r.code === "track_record")?.params).toMatchObject({ completed: 1, onTimePercent: 100 });
  });
});

describe("a newly onboarded UMKM", () => {
  it("is in the buyer's matches and sees the RFQ recommended, without any manual step", async () => {
    const fresh = await createUmkm(t.db, { name: "UD Batik Baru Semarang", regencyCode: "33.74", kbliCodes: ["13134"] });
    const actor = await actAs(buyer.owner);
    expect((await getRfqMatches(actor, rfq.id)).almostQualified.map((m) => m.supplier.id)).toContain(fresh.organization.id);
    await createProduct(t.db, fresh.organization.id, {
      name: "Kain batik tulis halus",
      kbliCode: "13134",
      unit: "lembar",
      monthlyCapacity: 1000,
    });
    await createCertification(t.db, fresh.organization.id, { type: "sni" });
    await createCertification(t.db, fresh.organization.id, { type: "tkdn", tkdnPercent: 60 });
    const ranked = (await getRfqMatches(actor, rfq.id)).matches.map((m) => m.supplier.id);
    expect(ranked.slice(0, 3)).toContain(fresh.organization.id);

    const umkmActor = await actAs(fresh.owner);
    const recs = await getRecommendedRfqs(umkmActor, fresh.organization.id);
    expect(recs[0]).toMatchObject({ rfq: { id: rfq.id, buyerName: "PT Pembeli Batik" }, qualified: true, gaps: [] });
  });

  it("an UMKM missing a requirement sees the RFQ with the gap and where to fix it; nobody else sees its list", async () => {
    const token = (await createApiToken(u.expiring.owner.id, { name: "x" })).token;
    const res = await callRoute(recommendedRoute, "GET", `/api/v1/suppliers/${u.expiring.organization.id}/recommended-rfqs`, {
      token,
      params: { id: u.expiring.organization.id },
    });
    expect(res.status).toBe(200);
    const body = RecommendedRfqsResponseSchema.parse(await jsonOf(res));
    const item = body.data.find((d) => d.rfq.id === rfq.id)!;
    expect(item.qualified).toBe(false);
    expect(item.gaps).toEqual([expect.objectContaining({ code: "cert_expires", fixPath: "/profil-usaha/langkah/sertifikat" })]);
    // the bakery is not offered a batik RFQ
    const bakeryActor = await actAs(u.bakery.owner);
    expect((await getRecommendedRfqs(bakeryActor, u.bakery.organization.id)).map((r) => r.rfq.id)).not.toContain(rfq.id);
    // another UMKM's member, and a buyer, get 404 / 403
    const other = (await createApiToken(u.best.owner.id, { name: "y" })).token;
    expect(
      (
        await callRoute(recommendedRoute, "GET", `/api/v1/suppliers/${u.expiring.organization.id}/recommended-rfqs`, {
          token: other,
          params: { id: u.expiring.organization.id },
        })
      ).status,
    ).toBe(404);
    const buyerToken = (await createApiToken(buyer.owner.id, { name: "z" })).token;
    expect(
      (
        await callRoute(recommendedRoute, "GET", `/api/v1/suppliers/${u.expiring.organization.id}/recommended-rfqs`, {
          token: buyerToken,
          params: { id: u.expiring.organization.id },
        })
      ).status,
    ).toBe(403);
  });
});

describe("consortia", () => {
  it("proposes groups whose capacities cover a quantity no single UMKM can supply, a cooperative's first; inviting one creates it", async () => {
    const coop = await createCooperative(t.db, {
      name: "Koperasi Batik Semarang",
      members: [u.best.organization.id, u.good.organization.id, u.smaller.organization.id],
    });
    const big = await createRfq(t.db, buyer.organization.id, {
      title: "Kain batik tulis untuk 20 cabang",
      kbliCode: "13134",
      deliveryRegencyCode: "33.74",
      deadline: dateInDays(30),
      items: [{ name: "Kain batik tulis", quantity: 1600, unit: "lembar" }],
    });
    const actor = await actAs(buyer.owner);
    const c = await getConsortiumProposals(actor, big.id);
    expect(c.needed).toBe(true);
    expect(c.proposals.length).toBeGreaterThan(0);
    for (const p of c.proposals) {
      expect(p.coveredQuantity).toBeGreaterThanOrEqual(1600);
      expect(p.members.length).toBeGreaterThanOrEqual(2);
      expect(p.members.length).toBeLessThanOrEqual(5);
      expect(p.members.reduce((a, m) => a + m.shareQuantity, 0)).toBe(1600);
      for (const m of p.members) expect(m.shareQuantity).toBeLessThanOrEqual(m.capacity);
    }
    expect(c.proposals[0]).toMatchObject({ kind: "cooperative", cooperative: { id: coop.organization.id } });

    // the small RFQ needs none
    expect((await getConsortiumProposals(actor, rfq.id)).needed).toBe(false);

    const token = (await createApiToken(buyer.owner.id, { name: "erp2" })).token;
    const listed = ConsortiaResponseSchema.parse(
      await jsonOf(await callRoute(consortiaRoute, "GET", `/api/v1/rfqs/${big.id}/consortia`, { token, params: { id: big.id } })),
    );
    const chosen = listed.data[0];
    const res = await callRoute(inviteRoute, "POST", `/api/v1/rfqs/${big.id}/consortia`, {
      token,
      params: { id: big.id },
      body: { memberIds: chosen.members.map((m) => m.supplier.id) },
    });
    expect(res.status).toBe(201);
    const invited = await jsonOf<{ id: string; leadId: string; cooperativeId: string | null; members: { shareQuantity: number }[] }>(res);
    expect(invited.cooperativeId).toBe(coop.organization.id);
    expect(invited.members.reduce((a, m) => a + m.shareQuantity, 0)).toBe(1600);
    const invitation = await t.db.rfqInvitation.findUnique({ where: { rfqId_supplierId: { rfqId: big.id, supplierId: invited.leadId } } });
    expect(invitation?.consortiumId).toBe(invited.id);
    const members = await t.db.consortiumMember.findMany({ where: { consortiumId: invited.id } });
    expect(members).toHaveLength(chosen.members.length);
    const notified = await t.db.notification.findMany({
      where: { type: "consortium.invited", organizationId: { in: members.map((m) => m.supplierId) } },
    });
    expect(new Set(notified.map((n) => n.organizationId)).size).toBe(members.length);
    expect(await t.db.auditLog.count({ where: { action: "rfq.consortium_invited", entityId: big.id } })).toBe(1);
    // a member cannot be invited twice for the same RFQ
    await expect(
      inviteConsortium(actor, big.id, { memberIds: [chosen.members[0].supplier.id, u.far.organization.id] }),
    ).rejects.toMatchObject({ code: "conflict" });
    // a member missing a hard requirement is refused
    await expect(inviteConsortium(actor, rfq.id, { memberIds: [u.far.organization.id, u.noTkdn.organization.id] })).rejects.toMatchObject({
      code: "invalid_input",
    });
    // another buyer cannot invite to this RFQ
    const other = await actAs(otherBuyer.owner);
    await expect(inviteConsortium(other, big.id, { memberIds: [u.far.organization.id, u.smaller.organization.id] })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await t.db.consortium.count({ where: { rfqId: big.id } })).toBe(1);
  });
});
