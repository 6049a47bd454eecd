// The /pembiayaan/program server actions (lib/financing/programme-actions.ts, issue 13) on both databases: what
// the forms post reaches lib/financing/programmes.ts with the right side's rules. A refused call (wrong role,
// another tenant's programme or referral, an unverified buyer, a decline without a reason, an amount above
// what is left) comes back as an error and changes nothing; the prefilled request a referred UMKM sends goes to
// the programme's bank pre-confirmed by the buyer, and so does a cooperative's. The pages' read
// (programmeDetail) offers exactly the eligible partners and what is still available, and 404s outsiders.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { createAgreement, createBuyer, createCooperative, createOrganization, createUmkm, createUser } from "@/tests/helpers/factories";
import {
  createProgrammeAction,
  decideProgrammeAction,
  decideReferralAction,
  referSupplierAction,
  requestUnderProgrammeAction,
} from "@/lib/financing/programme-actions";
import { programmeDetail } from "@/lib/financing/programme-views";

const t = useTestDatabase();

type Made = { organization: { id: string }; owner: { id: string } };
let buyer: Made, unverifiedBuyer: Made, otherBuyer: Made, bank: Made, otherBank: Made;
let umkm: Made, coop: Made, stranger: Made, unverifiedUmkm: Made;
let buyerMember: { id: string };
let qualifying: string, coopAgreement: string;
let programmeId: string;

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** Every row the programme tables hold, to show a refused call changed nothing. */
async function snapshot() {
  const [programmes, referrals, requests] = await Promise.all([
    t.db.financingProgramme.findMany({ orderBy: { id: "asc" } }),
    t.db.financingReferral.findMany({ orderBy: { id: "asc" } }),
    t.db.financingRequest.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { programmes, referrals, requests };
}

async function delivered(agreementId: string) {
  await t.db.delivery.create({ data: { agreementId, quantity: 10, deliveredOn: new Date(), onTime: true, status: "accepted" } });
}

beforeAll(async () => {
  [buyer, unverifiedBuyer, otherBuyer, bank, otherBank, umkm, coop, stranger, unverifiedUmkm] = await Promise.all([
    createBuyer(t.db),
    createBuyer(t.db, { verificationStatus: "pending" }),
    createBuyer(t.db),
    createOrganization(t.db, "bank"),
    createOrganization(t.db, "bank"),
    createUmkm(t.db, { verificationStatus: "verified" }),
    createCooperative(t.db),
    createUmkm(t.db, { verificationStatus: "verified" }),
    createUmkm(t.db, { verificationStatus: "pending" }),
  ]);
  buyerMember = await createUser(t.db);
  await t.db.membership.create({ data: { userId: buyerMember.id, organizationId: buyer.organization.id, role: "member" } });
  const a = await createAgreement(t.db, buyer.organization.id, umkm.organization.id, { valueIdr: 40_000_000n });
  await delivered(a.id);
  qualifying = a.id;
  await createAgreement(t.db, buyer.organization.id, umkm.organization.id); // active, nothing delivered: does not qualify
  const c = await createAgreement(t.db, buyer.organization.id, coop.organization.id, { valueIdr: 50_000_000n });
  await delivered(c.id);
  coopAgreement = c.id;
  // an unverified workshop with a qualifying agreement: never eligible
  await delivered((await createAgreement(t.db, buyer.organization.id, unverifiedUmkm.organization.id)).id);
  // the stranger supplies another buyer only
  await delivered((await createAgreement(t.db, otherBuyer.organization.id, stranger.organization.id)).id);
});

const programmeForm = (extra: Record<string, string> = {}) =>
  form({ bankId: bank.organization.id, name: "Pembiayaan Pemasok Batik 2027", maxPerUmkmIdr: "30.000.000", tenorDays: "90", ...extra });

describe("proposing a programme", () => {
  it("an unverified buyer, a buyer's plain member, an UMKM and a bank are refused and nothing is written", async () => {
    const before = await snapshot();
    await actAs(unverifiedBuyer.owner);
    const r1 = await createProgrammeAction(null, programmeForm({ requireAcceptedDeliveries: "on" }));
    expect(r1).toMatchObject({ ok: false, error: { code: "verification_required" } });
    for (const [user, org] of [
      [buyerMember, buyer],
      [umkm.owner, umkm],
      [bank.owner, bank],
    ] as const) {
      await actAs(user, org.organization.id);
      expect(await createProgrammeAction(null, programmeForm())).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    await actAs(buyer.owner);
    const badBank = await createProgrammeAction(null, programmeForm({ bankId: umkm.organization.id }));
    expect(badBank.ok).toBe(false);
    if (!badBank.ok) expect(badBank.error.fields?.bankId?.[0]).toMatch(/bank mitra/);
    expect(await snapshot()).toEqual(before);
  });

  it("the form's checkbox decides whether an accepted delivery is required (unticked: not required)", async () => {
    await actAs(buyer.owner);
    const loose = await createProgrammeAction(null, programmeForm({ name: "Program tanpa syarat pengiriman" }));
    expect(loose.ok).toBe(true);
    const strict = await createProgrammeAction(null, programmeForm({ requireAcceptedDeliveries: "on" }));
    expect(strict.ok).toBe(true);
    if (!loose.ok || !strict.ok) return;
    const rows = await t.db.financingProgramme.findMany({
      where: { id: { in: [loose.data.id, strict.data.id] } },
      select: { id: true, status: true, bankId: true, maxPerUmkmIdr: true, tenorDays: true, requireAcceptedDeliveries: true },
    });
    expect(rows.find((r) => r.id === loose.data.id)).toMatchObject({ requireAcceptedDeliveries: false, status: "proposed" });
    expect(rows.find((r) => r.id === strict.data.id)).toMatchObject({
      requireAcceptedDeliveries: true,
      status: "proposed",
      bankId: bank.organization.id,
      maxPerUmkmIdr: 30_000_000n,
      tenorDays: 90,
    });
    programmeId = strict.data.id;
  });
});

describe("the bank's decision", () => {
  it("another bank gets not found, a buyer is refused, a decline needs a reason: nothing changes", async () => {
    const before = await snapshot();
    await actAs(otherBank.owner);
    expect(await decideProgrammeAction(null, form({ id: programmeId, decision: "accept" }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    await actAs(buyer.owner);
    expect(await decideProgrammeAction(null, form({ id: programmeId, decision: "accept" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    await actAs(bank.owner);
    const noReason = await decideProgrammeAction(null, form({ id: programmeId, decision: "decline", note: "  " }));
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.fields?.note).toEqual(["Tuliskan alasan penolakan untuk pembeli."]);
    expect(await snapshot()).toEqual(before);
  });

  it("the programme's bank accepts it once", async () => {
    await actAs(bank.owner);
    expect(await decideProgrammeAction(null, form({ id: programmeId, decision: "accept" }))).toEqual({
      ok: true,
      data: { id: programmeId },
    });
    expect((await t.db.financingProgramme.findUniqueOrThrow({ where: { id: programmeId } })).status).toBe("active");
    expect(await decideProgrammeAction(null, form({ id: programmeId, decision: "decline", note: "Berubah pikiran" }))).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    expect((await t.db.financingProgramme.findUniqueOrThrow({ where: { id: programmeId } })).status).toBe("active");
  });
});

describe("referring partners", () => {
  it("the buyer is offered its verified partners with a qualifying agreement, nobody else", async () => {
    await actAs(buyer.owner);
    const d = await programmeDetail(await actAs(buyer.owner), programmeId);
    expect(d.side).toBe("buyer");
    if (d.side !== "buyer") return;
    expect(d.eligible.map((e) => e.id).sort()).toEqual([umkm.organization.id, coop.organization.id].sort());
  });

  it("another buyer, a bank and the UMKM itself cannot refer; a partner without a qualifying agreement is refused", async () => {
    const before = await snapshot();
    const refer = (supplierId: string) => referSupplierAction(null, form({ programmeId, supplierId }));
    await actAs(otherBuyer.owner);
    expect(await refer(umkm.organization.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
    for (const who of [bank, umkm]) {
      await actAs(who.owner);
      expect(await refer(umkm.organization.id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    await actAs(buyer.owner);
    for (const supplierId of [stranger.organization.id, unverifiedUmkm.organization.id]) {
      const r = await refer(supplierId);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields?.supplierId).toHaveLength(1);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the buyer refers the UMKM and the cooperative; they leave the eligible list", async () => {
    await actAs(buyer.owner);
    for (const supplierId of [umkm.organization.id, coop.organization.id])
      expect(await referSupplierAction(null, form({ programmeId, supplierId }))).toEqual({ ok: true, data: { id: programmeId } });
    const d = await programmeDetail(await actAs(buyer.owner), programmeId);
    if (d.side !== "buyer") throw new Error("buyer side expected");
    expect(d.eligible).toEqual([]);
    expect(d.programme.referrals.map((r) => r.status)).toEqual(["referred", "referred"]);
  });
});

describe("answering a referral and requesting under the programme", () => {
  const referralOf = async (supplierId: string) =>
    (await t.db.financingReferral.findUniqueOrThrow({ where: { programmeId_supplierId: { programmeId, supplierId } } })).id;

  it("nobody else answers the UMKM's referral, and it cannot request before accepting", async () => {
    const id = await referralOf(umkm.organization.id);
    const before = await snapshot();
    await actAs(stranger.owner);
    expect(await decideReferralAction(null, form({ id, decision: "accept" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    await actAs(coop.owner);
    expect(await decideReferralAction(null, form({ id, decision: "accept" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    for (const who of [buyer, bank]) {
      await actAs(who.owner);
      expect(await decideReferralAction(null, form({ id, decision: "accept" }))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    await actAs(umkm.owner);
    const early = await requestUnderProgrammeAction(
      null,
      form({ programmeId, agreementId: qualifying, type: "invoice", amountIdr: "10000000" }),
    );
    expect(early).toMatchObject({ ok: false, error: { code: "not_found" } });
    await actAs(stranger.owner);
    await expect(programmeDetail(await actAs(stranger.owner), programmeId)).rejects.toMatchObject({ code: "not_found" });
    await expect(programmeDetail(await actAs(otherBuyer.owner), programmeId)).rejects.toMatchObject({ code: "not_found" });
    await expect(programmeDetail(await actAs(otherBank.owner), programmeId)).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("the UMKM accepts; its prefilled request goes to the programme's bank pre-confirmed by the buyer", async () => {
    await actAs(umkm.owner);
    const id = await referralOf(umkm.organization.id);
    expect(await decideReferralAction(null, form({ id, decision: "accept" }))).toEqual({ ok: true, data: { id, programmeId } });
    expect((await t.db.financingReferral.findUniqueOrThrow({ where: { id } })).status).toBe("accepted");

    const d = await programmeDetail(await actAs(umkm.owner), programmeId);
    if (d.side !== "supplier") throw new Error("supplier side expected");
    // only the agreement with an accepted delivery; the programme maximum (30 M) is below its value (40 M)
    expect(d.supplier.agreements.map((a) => a.id)).toEqual([qualifying]);
    const [offer] = d.supplier.agreements;
    expect(offer).toMatchObject({ openCapIdr: 40_000_000n, openRequest: false, availableIdr: 30_000_000n });
    expect(d.supplier.remainingIdr).toBe(30_000_000n);

    const res = await requestUnderProgrammeAction(
      null,
      form({ programmeId, agreementId: offer.id, type: "purchase_order", amountIdr: offer.availableIdr.toString() }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const req = await t.db.financingRequest.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(req).toMatchObject({
      agreementId: qualifying,
      supplierId: umkm.organization.id,
      bankId: bank.organization.id,
      programmeId,
      type: "purchase_order",
      amountIdr: 30_000_000n,
      status: "submitted",
    });
    expect(req.buyerConfirmedAt).toBeInstanceOf(Date);

    // the bank sees it under the programme; nothing is left for the UMKM
    const b = await programmeDetail(await actAs(bank.owner), programmeId);
    if (b.side !== "bank") throw new Error("bank side expected");
    expect(b.requests.map((r) => r.id)).toEqual([req.id]);
    const after = await programmeDetail(await actAs(umkm.owner), programmeId);
    if (after.side !== "supplier") throw new Error("supplier side expected");
    expect(after.supplier.remainingIdr).toBe(0n);
    expect(after.supplier.agreements[0]).toMatchObject({ openRequest: true, availableIdr: 0n });
  });

  it("an amount above what is left, or another buyer's agreement, is refused and nothing is written", async () => {
    const before = await snapshot();
    await actAs(umkm.owner);
    const above = await requestUnderProgrammeAction(null, form({ programmeId, agreementId: qualifying, type: "invoice", amountIdr: "1" }));
    expect(above.ok).toBe(false);
    if (!above.ok) expect(above.error.fields?.amountIdr).toEqual(["Jumlah melebihi sisa batas program per UMKM."]);
    await actAs(stranger.owner);
    const notReferred = await requestUnderProgrammeAction(
      null,
      form({ programmeId, agreementId: qualifying, type: "invoice", amountIdr: "1000000" }),
    );
    expect(notReferred).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await snapshot()).toEqual(before);
  });

  it("a cooperative accepts its referral and requests like an UMKM", async () => {
    await actAs(coop.owner);
    const id = await referralOf(coop.organization.id);
    expect(await decideReferralAction(null, form({ id, decision: "accept" }))).toEqual({ ok: true, data: { id, programmeId } });
    const res = await requestUnderProgrammeAction(
      null,
      form({ programmeId, agreementId: coopAgreement, type: "invoice", amountIdr: "12.500.000" }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const req = await t.db.financingRequest.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(req).toMatchObject({ supplierId: coop.organization.id, bankId: bank.organization.id, programmeId, amountIdr: 12_500_000n });
    expect(req.buyerConfirmedAt).not.toBeNull();
  });
});
