// Supply-chain financing programmes (issue 13; docs/decisions/0026-financing-programmes.md), on both databases:
// the buyer proposes to a bank, the bank accepts; the buyer refers a partner with a qualifying agreement; the
// partner (UMKM or cooperative) accepts; its request under the programme goes to the bank pre-confirmed, capped by
// the programme maximum; other buyers, banks and UMKM get 404; notifications reach the right side.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createCooperative, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/financing-programmes/route";
import { POST as referRoute } from "@/app/api/v1/financing-programmes/[id]/referrals/route";
import { POST as acceptRoute } from "@/app/api/v1/financing-programmes/[id]/accept/route";
import { POST as declineRoute } from "@/app/api/v1/financing-programmes/[id]/decline/route";
import { POST as requestRoute } from "@/app/api/v1/financing-programmes/[id]/requests/route";
import { POST as referralAcceptRoute } from "@/app/api/v1/financing-referrals/[id]/accept/route";
import { POST as referralDeclineRoute } from "@/app/api/v1/financing-referrals/[id]/decline/route";
import { FinancingProgrammeListSchema, FinancingProgrammeSchema } from "@/lib/financing/responses";

const t = useTestDatabase();
const tokenOf = async (userId: string) => (await createApiToken(userId, { name: "test" })).token;
const post = (h: unknown, path: string, tk: string, params: Record<string, string>, body: unknown = {}) =>
  callRoute(h as RouteHandlerFn, "POST", path, { token: tk, params, body });

let buyer: { id: string; tk: string }, otherBuyer: { id: string; tk: string };
let bank: { id: string; tk: string }, otherBank: { id: string; tk: string };
let umkm: { id: string; tk: string }, coop: { id: string; tk: string }, stranger: { id: string; tk: string };
let qualifying: string, noDelivery: string, coopAgreement: string;
let programmeId: string;

async function org(kind: "buyer" | "bank" | "umkm" | "coop") {
  const made =
    kind === "buyer"
      ? await createBuyer(t.db)
      : kind === "umkm"
        ? await createUmkm(t.db, { verificationStatus: "verified" })
        : kind === "coop"
          ? await createCooperative(t.db)
          : await createOrganization(t.db, "bank");
  return { id: made.organization.id, tk: await tokenOf(made.owner.id) };
}

beforeAll(async () => {
  [buyer, otherBuyer, bank, otherBank, umkm, coop, stranger] = await Promise.all([
    org("buyer"),
    org("buyer"),
    org("bank"),
    org("bank"),
    org("umkm"),
    org("coop"),
    org("umkm"),
  ]);
  await t.db.organization.update({ where: { id: coop.id }, data: { verificationStatus: "verified" } });
  const a = await createAgreement(t.db, buyer.id, umkm.id, { valueIdr: 100_000_000n });
  await t.db.delivery.create({ data: { agreementId: a.id, quantity: 10, deliveredOn: new Date(), onTime: true, status: "accepted" } });
  qualifying = a.id;
  noDelivery = (await createAgreement(t.db, buyer.id, umkm.id)).id;
  const c = await createAgreement(t.db, buyer.id, coop.id, { valueIdr: 50_000_000n });
  await t.db.delivery.create({ data: { agreementId: c.id, quantity: 5, deliveredOn: new Date(), onTime: true, status: "accepted" } });
  coopAgreement = c.id;
  // the stranger has an agreement with another buyer only
  const s = await createAgreement(t.db, otherBuyer.id, stranger.id);
  await t.db.delivery.create({ data: { agreementId: s.id, quantity: 5, deliveredOn: new Date(), onTime: true, status: "accepted" } });
});

describe("programmes", () => {
  it("a buyer proposes a programme to a verified bank (201); others cannot; bad input is a 400", async () => {
    const body = { bankId: bank.id, name: "Program Rantai Pasok Batik", maxPerUmkmIdr: 30_000_000, tenorDays: 90 };
    for (const tk of [umkm.tk, bank.tk, coop.tk])
      expect((await callRoute(createRoute as RouteHandlerFn, "POST", "/x", { token: tk, body })).status).toBe(403);
    const badBank = await callRoute(createRoute as RouteHandlerFn, "POST", "/x", { token: buyer.tk, body: { ...body, bankId: umkm.id } });
    expect(badBank.status).toBe(400);
    expect(
      (await callRoute(createRoute as RouteHandlerFn, "POST", "/x", { token: buyer.tk, body: { ...body, maxPerUmkmIdr: 1.5 } })).status,
    ).toBe(400);
    const res = await callRoute(createRoute as RouteHandlerFn, "POST", "/api/v1/financing-programmes", { token: buyer.tk, body });
    expect(res.status).toBe(201);
    const p = FinancingProgrammeSchema.parse(await jsonOf(res));
    expect(p).toMatchObject({
      status: "proposed",
      maxPerUmkmIdr: 30_000_000,
      tenorDays: 90,
      bank: { id: bank.id },
      buyer: { id: buyer.id },
    });
    programmeId = p.id;
    expect(await t.db.notification.count({ where: { type: "financing.programme_proposed", organizationId: bank.id } })).toBeGreaterThan(0);
  });

  it("lists only for its buyer and bank; other buyers and banks do not see it and cannot accept it (404)", async () => {
    for (const who of [buyer, bank]) {
      const list = FinancingProgrammeListSchema.parse(
        await jsonOf(await callRoute(listRoute as RouteHandlerFn, "GET", "/x", { token: who.tk })),
      );
      expect(list.data.map((p) => p.id)).toContain(programmeId);
    }
    for (const who of [otherBuyer, otherBank, umkm]) {
      const list = FinancingProgrammeListSchema.parse(
        await jsonOf(await callRoute(listRoute as RouteHandlerFn, "GET", "/x", { token: who.tk })),
      );
      expect(list.data.map((p) => p.id)).not.toContain(programmeId);
    }
    expect((await post(acceptRoute, "/x", otherBank.tk, { id: programmeId })).status).toBe(404);
    expect((await post(acceptRoute, "/x", buyer.tk, { id: programmeId })).status).toBe(403);
    // not active yet: no referrals
    expect((await post(referRoute, "/x", buyer.tk, { id: programmeId }, { supplierId: umkm.id })).status).toBe(409);
  });

  it("the bank accepts (once); the buyer is notified", async () => {
    const res = await post(acceptRoute, "/x", bank.tk, { id: programmeId }, { note: "Disetujui komite kredit" });
    expect(res.status).toBe(200);
    expect(FinancingProgrammeSchema.parse(await jsonOf(res)).status).toBe("active");
    expect((await post(declineRoute, "/x", bank.tk, { id: programmeId })).status).toBe(409);
    expect(await t.db.notification.count({ where: { type: "financing.programme_accepted", organizationId: buyer.id } })).toBeGreaterThan(0);
  });
});

describe("referrals and requests", () => {
  let referralId: string;

  it("the buyer refers only verified partners with a qualifying agreement; another buyer gets 404", async () => {
    expect((await post(referRoute, "/x", buyer.tk, { id: programmeId }, { supplierId: stranger.id })).status).toBe(400);
    expect((await post(referRoute, "/x", otherBuyer.tk, { id: programmeId }, { supplierId: stranger.id })).status).toBe(404);
    const res = await post(referRoute, "/x", buyer.tk, { id: programmeId }, { supplierId: umkm.id });
    expect(res.status).toBe(201);
    const p = FinancingProgrammeSchema.parse(await jsonOf(res));
    referralId = p.referrals.find((r) => r.supplier.id === umkm.id)!.id;
    expect((await post(referRoute, "/x", buyer.tk, { id: programmeId }, { supplierId: umkm.id })).status).toBe(409);
    expect(await t.db.notification.count({ where: { type: "financing.referral_received", organizationId: umkm.id } })).toBeGreaterThan(0);
  });

  it("only the referred partner accepts; then it sees the programme", async () => {
    expect((await post(referralAcceptRoute, "/x", stranger.tk, { id: referralId })).status).toBe(404);
    // before accepting: no request under the programme
    const early = await post(
      requestRoute,
      "/x",
      umkm.tk,
      { id: programmeId },
      { agreementId: qualifying, type: "invoice", amountIdr: 1_000_000 },
    );
    expect(early.status).toBe(404);
    expect((await post(referralAcceptRoute, "/x", umkm.tk, { id: referralId })).status).toBe(200);
    expect((await post(referralAcceptRoute, "/x", umkm.tk, { id: referralId })).status).toBe(409);
    const list = FinancingProgrammeListSchema.parse(
      await jsonOf(await callRoute(listRoute as RouteHandlerFn, "GET", "/x", { token: umkm.tk })),
    );
    expect(list.data.map((p) => p.id)).toEqual([programmeId]);
    expect(list.data[0].referrals.map((r) => r.supplier.id)).toEqual([umkm.id]);
    expect(await t.db.notification.count({ where: { type: "financing.referral_accepted", organizationId: buyer.id } })).toBeGreaterThan(0);
  });

  it("a request under the programme: qualifying agreement only, capped by the maximum, pre-confirmed, to the bank", async () => {
    const req = (body: Record<string, unknown>, tk = umkm.tk) =>
      post(requestRoute, "/x", tk, { id: programmeId }, { type: "invoice", ...body });
    expect((await req({ agreementId: noDelivery, amountIdr: 1_000_000 })).status).toBe(400); // no accepted delivery
    expect((await req({ agreementId: qualifying, amountIdr: 30_000_001 })).status).toBe(400); // above the maximum
    const ok = await req({ agreementId: qualifying, amountIdr: 20_000_000 });
    expect(ok.status).toBe(201);
    const { id } = await jsonOf<{ id: string }>(ok);
    const row = await t.db.financingRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ bankId: bank.id, programmeId, amountIdr: 20_000_000n, status: "submitted" });
    expect(row.buyerConfirmedAt).not.toBeNull();
    // what is left of the maximum: 10,000,000 (the open request counts)
    await t.db.financingRequest.update({ where: { id }, data: { status: "approved" } });
    expect((await req({ agreementId: qualifying, amountIdr: 10_000_001 })).status).toBe(400);
    expect((await req({ agreementId: qualifying, amountIdr: 10_000_000 })).status).toBe(201);
    expect((await req({ agreementId: qualifying, amountIdr: 1_000_000 }, stranger.tk)).status).toBe(404);
  });

  it("a referral under a programme that is no longer active cannot be accepted (409), only declined", async () => {
    const closed = await t.db.financingProgramme.create({
      data: { buyerId: buyer.id, bankId: bank.id, name: "Program ditutup", maxPerUmkmIdr: 10_000_000n, tenorDays: 90, status: "closed" },
    });
    const ref = await t.db.financingReferral.create({ data: { programmeId: closed.id, supplierId: umkm.id } });
    expect((await post(referralAcceptRoute, "/x", umkm.tk, { id: ref.id })).status).toBe(409);
    expect((await t.db.financingReferral.findUniqueOrThrow({ where: { id: ref.id } })).status).toBe("referred");
    expect((await post(referralDeclineRoute, "/x", umkm.tk, { id: ref.id })).status).toBe(200);
  });

  it("a cooperative is referred and requests like an UMKM", async () => {
    const res = await post(referRoute, "/x", buyer.tk, { id: programmeId }, { supplierId: coop.id });
    expect(res.status).toBe(201);
    const rid = FinancingProgrammeSchema.parse(await jsonOf(res)).referrals.find((r) => r.supplier.id === coop.id)!.id;
    expect((await post(referralAcceptRoute, "/x", coop.tk, { id: rid })).status).toBe(200);
    const r = await post(
      requestRoute,
      "/x",
      coop.tk,
      { id: programmeId },
      { agreementId: coopAgreement, type: "purchase_order", amountIdr: 5_000_000 },
    );
    expect(r.status).toBe(201);
    const { id } = await jsonOf<{ id: string }>(r);
    expect(await t.db.financingRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ supplierId: coop.id, bankId: bank.id });
  });
});
