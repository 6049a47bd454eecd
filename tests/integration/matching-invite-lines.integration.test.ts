// Issue 17 on a real database (both backends). Matching per line: an RFQ for "kain batik" and "tas kain" is
// matched line by line — the batik workshop fits the cloth line, the bag maker the bag line, capacity is
// measured against each line's quantity, a split covers both lines — and the API's matches say which lines
// each supplier fits (existing fields unchanged). Invitations from the matches: several at once, a near-miss
// ("Hampir memenuhi syarat") included, all or nothing with a clear count; from a supplier's public page to one
// of the buyer's open RFQs. Refused with nothing written: another buyer's RFQ, a closed RFQ, an unverified
// buyer, an id that is not a supplier among good ones.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { installWriteLog, type WriteLog } from "@/tests/helpers/write-log";
import { createBuyer, createCertification, createProduct, createRfq, createUmkm, dateInDays } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { getProfileInviteOptions, getRfqMatches } from "@/lib/matching/service";
import { inviteFromProfileAction, inviteMatchesAction } from "@/lib/matching/actions";
import { GET as matchesRoute } from "@/app/api/v1/rfqs/[id]/matches/route";
import { MatchesResponseSchema } from "@/lib/matching/responses";

const t = useTestDatabase();

type Org = Awaited<ReturnType<typeof createUmkm>>;
let buyer: Awaited<ReturnType<typeof createBuyer>>;
let otherBuyer: Awaited<ReturnType<typeof createBuyer>>;
let unverifiedBuyer: Awaited<ReturnType<typeof createBuyer>>;
let batik: Org;
let batik2: Org;
let bags: Org;
let nearMiss: Org;
let multi: { id: string };
let sniRfq: { id: string };
let closedRfq: { id: string };
let otherRfq: { id: string };
let unverifiedRfq: { id: string };
let log: WriteLog;

async function umkm(name: string, products: { name: string; kbli: string; unit: string; capacity: number }[], sniUntil: Date | null) {
  const m = await createUmkm(t.db, {
    name,
    regencyCode: "33.75",
    kbliCodes: [...new Set(products.map((p) => p.kbli))],
    description: "Usaha keluarga.",
    verificationStatus: "verified",
  });
  for (const p of products)
    await createProduct(t.db, m.organization.id, {
      name: p.name,
      description: "Buatan perajin setempat.",
      kbliCode: p.kbli,
      unit: p.unit,
      monthlyCapacity: p.capacity,
    });
  if (sniUntil) await createCertification(t.db, m.organization.id, { type: "sni", validUntil: sniUntil });
  return m;
}

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Pembeli Seragam" });
  otherBuyer = await createBuyer(t.db, { name: "PT Pembeli Lain" });
  unverifiedBuyer = await createBuyer(t.db, { name: "PT Belum Terverifikasi", verificationStatus: "unverified" });
  batik = await umkm(
    "CV Batik Sekar",
    [{ name: "Kain batik cap motif parang", kbli: "13134", unit: "lembar", capacity: 5000 }],
    dateInDays(700),
  );
  batik2 = await umkm(
    "UD Batik Pesisir",
    [{ name: "Kain batik tulis pesisiran", kbli: "13134", unit: "lembar", capacity: 3000 }],
    dateInDays(700),
  );
  bags = await umkm("UD Tas Kain Lestari", [{ name: "Tas kain belanja", kbli: "13929", unit: "pcs", capacity: 2500 }], dateInDays(700));
  // SNI ends before the deadline: "Hampir memenuhi syarat"
  nearMiss = await umkm(
    "UD Batik Kedaluwarsa",
    [{ name: "Kain batik cap klasik", kbli: "13134", unit: "lembar", capacity: 4000 }],
    dateInDays(3),
  );

  multi = await createRfq(t.db, buyer.organization.id, {
    title: "Seragam dan suvenir HUT perusahaan",
    kbliCode: "13134",
    deliveryRegencyCode: "33.74",
    deadline: dateInDays(21),
    items: [
      { name: "Kain batik cap", quantity: 7000, unit: "lembar" },
      { name: "Tas kain", quantity: 2000, unit: "pcs" },
    ],
  });
  sniRfq = await createRfq(t.db, buyer.organization.id, {
    title: "Kain batik cap ber-SNI",
    kbliCode: "13134",
    deadline: dateInDays(21),
    requiredCertifications: ["sni"],
    items: [{ name: "Kain batik cap", quantity: 500, unit: "lembar" }],
  });
  closedRfq = await createRfq(t.db, buyer.organization.id, { title: "Batik yang sudah ditutup", status: "closed" });
  otherRfq = await createRfq(t.db, otherBuyer.organization.id, { title: "RFQ pembeli lain" });
  unverifiedRfq = await createRfq(t.db, unverifiedBuyer.organization.id, { title: "RFQ pembeli belum terverifikasi" });
  log = await installWriteLog(t.sql);
}, 120_000);

describe("matching per line", () => {
  it("matches each line on its own words and quantity, and splits the lines across suppliers", async () => {
    const res = await getRfqMatches(await actAs(buyer.owner), multi.id);
    expect(res.rfq.lines.map((l) => [l.name, l.quantity, l.unit])).toEqual([
      ["Kain batik cap", 7000, "lembar"],
      ["Tas kain", 2000, "pcs"],
    ]);
    const [cloth, bag] = res.lines;
    const clothIds = cloth.matches.map((m) => m.supplier.id);
    expect(clothIds).toContain(batik.organization.id);
    expect(clothIds).not.toContain(bags.organization.id);
    expect(bag.matches.map((m) => m.supplier.id)).toEqual([bags.organization.id]);
    // capacity against the line's own quantity: 2,500 pcs covers the 2,000 bags
    expect(bag.matches[0].reasons.find((r) => r.code === "capacity_full")?.params).toMatchObject({
      capacity: 2500,
      quantity: 2000,
      unit: "pcs",
    });
    // 5,000 lembar is 71% of the 7,000 asked for the cloth line
    expect(
      cloth.matches.find((m) => m.supplier.id === batik.organization.id)!.reasons.find((r) => r.code === "capacity_partial")?.params,
    ).toMatchObject({
      quantity: 7000,
    });

    // the split covers both lines: the cloth shared by the batik workshops by capacity, the bags to the bag maker
    expect(res.split.uncovered).toEqual([]);
    const parts = res.split.parts.map((p) => [p.lineIndex, p.supplierId, p.quantity]);
    expect(parts).toContainEqual([1, bags.organization.id, 2000]);
    const clothParts = res.split.parts.filter((p) => p.lineIndex === 0);
    expect(clothParts.reduce((a, p) => a + p.quantity, 0)).toBe(7000);
    expect(clothParts.map((p) => p.supplierId)).toContain(batik.organization.id);
    expect(clothParts.map((p) => p.supplierId)).not.toContain(bags.organization.id);

    expect(res.linesOf[batik.organization.id]).toEqual([0]);
    expect(res.linesOf[bags.organization.id]).toEqual([1]);
  });

  it("the API's matches carry the lines each supplier fits, beside every existing field", async () => {
    const { token } = await createApiToken(buyer.owner.id, { name: "erp" });
    const res = await callRoute(matchesRoute, "GET", `/api/v1/rfqs/${multi.id}/matches`, { params: { id: multi.id }, token });
    expect(res.status).toBe(200);
    const body = MatchesResponseSchema.parse(await jsonOf(res));
    const byId = new Map(body.data.map((m) => [m.supplier.id, m]));
    expect(byId.get(bags.organization.id)?.lines).toEqual([{ index: 1, name: "Tas kain" }]);
    expect(byId.get(batik.organization.id)?.lines).toEqual([{ index: 0, name: "Kain batik cap" }]);
    expect(byId.get(batik.organization.id)).toMatchObject({
      score: expect.any(Number),
      qualified: true,
      reasons: expect.any(Array),
      gaps: [],
    });
    expect(body.rfq).toMatchObject({ id: multi.id, quantity: 7000, unit: "lembar" });
    expect(body.lines.map((l) => [l.index, l.name, l.matched])).toEqual([
      [0, "Kain batik cap", true],
      [1, "Tas kain", true],
    ]);
    expect(body.split.parts.find((p) => p.lineIndex === 1)).toMatchObject({
      supplier: { id: bags.organization.id, name: "UD Tas Kain Lestari" },
      quantity: 2000,
      reasons: expect.arrayContaining([{ code: "covers_line", label: "Kapasitas 2.500 pcs/bulan menutup seluruh 2.000 pcs" }]),
    });
  });
});

describe("inviting from the matches", () => {
  it("lists the near-miss with what it lacks", async () => {
    const res = await getRfqMatches(await actAs(buyer.owner), sniRfq.id);
    const almost = res.almostQualified.find((m) => m.supplier.id === nearMiss.organization.id);
    expect(almost?.gaps.map((g) => g.code)).toEqual(["cert_expires"]);
  });

  it("invites several at once, a near-miss included, and says how many were new", async () => {
    await actAs(buyer.owner);
    const mark = await log.mark();
    const r = await inviteMatchesAction({ rfqId: sniRfq.id, supplierIds: [batik.organization.id, nearMiss.organization.id] });
    expect(r).toEqual({ ok: true, data: { invited: 2, alreadyInvited: 0 } });
    const rows = await log.since(mark);
    const invitations = rows.filter((w) => w.table === "RfqInvitation" && w.op === "INSERT");
    expect(invitations.map((w) => w.row?.supplierId).sort()).toEqual([batik.organization.id, nearMiss.organization.id].sort());
    // the RFQ service's path: audit entry and the invitees' notifications
    expect(rows.some((w) => w.table === "AuditLog" && w.row?.action === "rfq.invited")).toBe(true);
    const notified = rows.filter((w) => w.table === "Notification" && w.row?.type === "rfq.invited").map((w) => w.row?.organizationId);
    expect(new Set(notified)).toEqual(new Set([batik.organization.id, nearMiss.organization.id]));

    // again with one more: only the new one is invited
    const again = await inviteMatchesAction({ rfqId: sniRfq.id, supplierIds: [batik.organization.id, batik2.organization.id] });
    expect(again).toEqual({ ok: true, data: { invited: 1, alreadyInvited: 1 } });
  });

  it("takes the ticked checkboxes of the page's form", async () => {
    await actAs(buyer.owner);
    const form = new FormData();
    form.set("rfqId", multi.id);
    form.append("supplierIds[]", bags.organization.id);
    form.append("supplierIds[]", batik.organization.id);
    expect(await inviteMatchesAction(form)).toEqual({ ok: true, data: { invited: 2, alreadyInvited: 0 } });
    const none = new FormData();
    none.set("rfqId", multi.id);
    const r = await inviteMatchesAction(none);
    expect(r).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("refuses, writing nothing: another buyer's RFQ, a closed RFQ, an unverified buyer, a non-supplier among suppliers", async () => {
    const ids = [batik2.organization.id, bags.organization.id];
    const cases: [() => Promise<unknown>, string][] = [
      [async () => (await actAs(buyer.owner), inviteMatchesAction({ rfqId: otherRfq.id, supplierIds: ids })), "not_found"],
      [async () => (await actAs(buyer.owner), inviteMatchesAction({ rfqId: closedRfq.id, supplierIds: ids })), "conflict"],
      [
        async () => (await actAs(unverifiedBuyer.owner), inviteMatchesAction({ rfqId: unverifiedRfq.id, supplierIds: ids })),
        "verification_required",
      ],
      [
        async () => (
          await actAs(buyer.owner),
          inviteMatchesAction({ rfqId: multi.id, supplierIds: [batik2.organization.id, otherBuyer.organization.id] })
        ),
        "invalid_input",
      ],
      [async () => (await actAs(batik.owner), inviteMatchesAction({ rfqId: multi.id, supplierIds: ids })), "forbidden"],
      [async () => (signOut(), inviteMatchesAction({ rfqId: multi.id, supplierIds: ids })), "unauthorized"],
    ];
    for (const [call, code] of cases) {
      const mark = await log.mark();
      const r = (await call()) as { ok: boolean; error?: { code: string } };
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe(code);
      expect(await log.since(mark)).toEqual([]);
    }
  });
});

describe("inviting from a supplier's public page", () => {
  it("offers the buyer its own open RFQs only, says which already invite this supplier, and invites", async () => {
    const actor = await actAs(buyer.owner);
    const options = await getProfileInviteOptions(actor, batik2.organization.id);
    expect(options?.verified).toBe(true);
    const ids = options!.rfqs.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([multi.id, sniRfq.id]));
    expect(ids).not.toContain(closedRfq.id);
    expect(ids).not.toContain(otherRfq.id);
    expect(options!.rfqs.find((r) => r.id === sniRfq.id)?.invited).toBe(true);
    expect(options!.rfqs.find((r) => r.id === multi.id)?.invited).toBe(false);

    const form = new FormData();
    form.set("rfqId", multi.id);
    form.set("supplierId", batik2.organization.id);
    expect(await inviteFromProfileAction(form)).toEqual({ ok: true, data: { rfqId: multi.id, alreadyInvited: false } });
    expect(await t.db.rfqInvitation.count({ where: { rfqId: multi.id, supplierId: batik2.organization.id } })).toBe(1);
    expect(await inviteFromProfileAction(form)).toEqual({ ok: true, data: { rfqId: multi.id, alreadyInvited: true } });
  });

  it("offers nothing to other organizations and visitors; an unverified buyer may look, not invite", async () => {
    expect(await getProfileInviteOptions(null, batik.organization.id)).toBeNull();
    expect(await getProfileInviteOptions(await actAs(bags.owner), batik.organization.id)).toBeNull();
    // a buyer is not a supplier to invite
    expect(await getProfileInviteOptions(await actAs(buyer.owner), otherBuyer.organization.id)).toBeNull();
    const unverified = await getProfileInviteOptions(await actAs(unverifiedBuyer.owner), batik.organization.id);
    expect(unverified?.verified).toBe(false);

    const mark = await log.mark();
    const r = await inviteFromProfileAction({ rfqId: unverifiedRfq.id, supplierId: batik.organization.id });
    expect(r).toMatchObject({ ok: false, error: { code: "verification_required" } });
    await actAs(buyer.owner);
    expect(await inviteFromProfileAction({ rfqId: otherRfq.id, supplierId: batik.organization.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await inviteFromProfileAction({ rfqId: closedRfq.id, supplierId: batik.organization.id })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    expect(await inviteFromProfileAction({ rfqId: "", supplierId: batik.organization.id })).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { rfqId: ["Pilih RFQ."] } },
    });
    expect(await log.since(mark)).toEqual([]);
  });
});
