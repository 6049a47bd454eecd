// Issue 11, agreements: what is in force is what every party accepted, and completion takes both sides.
// Over /api/v1 and the /kemitraan server actions on a real database (both backends):
// - an amendment of an active agreement leaves valueIdr, the milestones, the payment cap, the financing cap
//   and the bank's view as they were, shows the amendment as `pendingVersion`, and applies on the last
//   acceptance;
// - a plain member cannot amend an active agreement; a consortium member cannot amend, complete or
//   terminate the lead's agreement;
// - completion: the buyer and the lead supplier each confirm; the first leaves it active; open milestones
//   need a reason; a delivery or an amendment clears stale confirmations; a side may withdraw its own;
// - an unverified buyer may prepare a draft but not propose it (403 verification_required);
// - a delivery is not dated in the future nor before the agreement starts;
// - absurd numbers are a 400 on the field, never a database error.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm, createUser, dateInDays } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as createRoute } from "@/app/api/v1/agreements/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/agreements/[id]/route";
import { POST as acceptRoute } from "@/app/api/v1/agreements/[id]/accept/route";
import { DELETE as withdrawRoute, POST as completeRoute } from "@/app/api/v1/agreements/[id]/complete/route";
import { POST as terminateRoute } from "@/app/api/v1/agreements/[id]/terminate/route";
import { POST as deliveriesRoute } from "@/app/api/v1/agreements/[id]/deliveries/route";
import { POST as paymentsRoute } from "@/app/api/v1/agreements/[id]/payments/route";
import { POST as financingRoute } from "@/app/api/v1/agreements/[id]/financing/route";
import { GET as bankGetRoute } from "@/app/api/v1/financing/[id]/route";
import { AgreementSchema } from "@/lib/agreements/responses";
import { FinancingBankDetailSchema } from "@/lib/financing/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { acceptAgreementAction, amendAgreementAction, completeAgreementAction, recordDeliveryAction } from "@/lib/agreements/actions";
import { getTrackRecord } from "@/lib/agreements/track-record";
import { getStatsSummary } from "@/lib/stats/api";
import type { Actor } from "@/lib/auth/types";

/** The national figure for the value of active agreements (what /statistik and the API publish), exact as ministry staff see it. */
const ministryView = {
  membership: {
    organizationId: "ministry",
    organizationName: "Kementerian",
    organizationType: "ministry",
    role: "member",
    verificationStatus: "verified",
  },
} as const;
const publishedValue = async () => BigInt((await getStatsSummary(ministryView as unknown as Actor)).agreementValueIdr ?? -1n);

const t = useTestDatabase();

type Who = { id: string; token: string; owner: { id: string } };
let buyer: Who, umkm: Who, bank: Who, member: Who, buyerMember: { id: string; token: string };

async function who(kind: "buyer" | "umkm" | "bank", verified = true): Promise<Who> {
  const made =
    kind === "buyer"
      ? await createBuyer(t.db, verified ? {} : { verificationStatus: "unverified" })
      : kind === "umkm"
        ? await createUmkm(t.db, { verificationStatus: "verified" })
        : await createOrganization(t.db, "bank");
  return { id: made.organization.id, token: (await createApiToken(made.owner.id, { name: "t" })).token, owner: made.owner };
}

const at = (id: string, suffix = "") => `/api/v1/agreements/${id}${suffix}`;
const send = (h: unknown, method: string, id: string, token: string, body: unknown = {}, extra: Record<string, string> = {}) =>
  callRoute(h as RouteHandlerFn, method, at(id), { token, params: { id, ...extra }, body });
const read = async (id: string, token = buyer.token) =>
  AgreementSchema.parse(await jsonOf(await callRoute(getRoute as RouteHandlerFn, "GET", at(id), { token, params: { id } })));
const errorOf = async (res: Response) => ErrorResponseSchema.parse(await jsonOf(res)).error;
const day = (d: Date) => d.toISOString().slice(0, 10);

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** An active agreement (version 1 accepted by both), value Rp100 juta, two milestones of 50 juta, started 30 days ago. */
async function activeAgreement(supplier: Who = umkm) {
  const a = await createAgreement(t.db, buyer.id, supplier.id, { status: "active", valueIdr: 100_000_000n });
  return { id: a.id, milestones: a.milestones };
}

beforeAll(async () => {
  [buyer, umkm, bank, member] = [await who("buyer"), await who("umkm"), await who("bank"), await who("umkm")];
  const u = await createUser(t.db, { name: "Staf Pengadaan" });
  await t.db.membership.create({ data: { userId: u.id, organizationId: buyer.id, role: "member" } });
  buyerMember = { id: u.id, token: (await createApiToken(u.id, { name: "member" })).token };
});

describe("an amendment of an active agreement changes nothing until every party accepts it", () => {
  it("keeps valueIdr, milestones, the payment cap, the financing cap and the bank's view; shows pendingVersion; applies on the last acceptance", async () => {
    const { id, milestones } = await activeAgreement();
    await t.db.payment.create({ data: { agreementId: id, milestoneId: milestones[0].id, amountIdr: 40_000_000n, paidOn: dateInDays(-5) } });
    // two more partnerships with other UMKM, so that no disclosure threshold (fewer than 3 UMKM) hides the figure
    for (const other of [await who("umkm"), await who("umkm")]) await activeAgreement(other);
    const statsBefore = await publishedValue();
    const r = await send(patchRoute, "PATCH", id, buyer.token, {
      version: 1,
      valueIdr: 150_000_000,
      changeNote: "Tambah tahap 3",
      milestones: [
        ...milestones.map((m) => ({
          title: m.title,
          quantity: m.quantity,
          unit: m.unit,
          dueDate: day(m.dueDate),
          amountIdr: Number(m.amountIdr),
          paymentTermDays: m.paymentTermDays,
        })),
        { title: "Tahap 3", quantity: 100, unit: "lembar", dueDate: day(milestones[1].dueDate), amountIdr: 50_000_000 },
      ],
    });
    expect(r.status).toBe(200);
    const amended = AgreementSchema.parse(await jsonOf(r));
    expect(amended).toMatchObject({ status: "active", version: 2, valueIdr: 100_000_000, lastAcceptedVersion: 1 });
    expect(amended.milestones).toHaveLength(2);
    expect(amended.pendingVersion).toMatchObject({
      version: 2,
      valueIdr: 150_000_000,
      changeNote: "Tambah tahap 3",
      pendingAcceptance: expect.arrayContaining([buyer.id, umkm.id]),
    });
    expect(amended.pendingVersion!.milestones).toHaveLength(3);
    // the row the statistics read is untouched
    const row = await t.db.agreement.findUniqueOrThrow({
      where: { id },
      select: { valueIdr: true, pendingVersion: true, _count: { select: { milestones: true } } },
    });
    expect(row).toEqual({ valueIdr: 100_000_000n, pendingVersion: 2, _count: { milestones: 2 } });
    expect(await publishedValue()).toBe(statsBefore);

    // payment cap: 40 + 70 > 100 (the pending 150 does not count)
    const pay = await send(paymentsRoute, "POST", id, buyer.token, { amountIdr: 70_000_000, paidOn: day(dateInDays(-1)) });
    expect(pay.status).toBe(400);
    expect((await errorOf(pay)).fields?.amountIdr).toBeDefined();
    // financing cap: 120 > 100
    const fin = await send(financingRoute, "POST", id, umkm.token, { bankId: bank.id, type: "purchase_order", amountIdr: 120_000_000 });
    expect(fin.status).toBe(400);
    expect((await errorOf(fin)).fields?.amountIdr).toBeDefined();
    // the bank's view shows the value in force
    const ok = await send(financingRoute, "POST", id, umkm.token, { bankId: bank.id, type: "purchase_order", amountIdr: 50_000_000 });
    expect(ok.status).toBe(201);
    const requestId = ((await jsonOf(ok)) as { id: string }).id;
    const seen = FinancingBankDetailSchema.parse(
      await jsonOf(
        await callRoute(bankGetRoute as RouteHandlerFn, "GET", "/api/v1/financing/x", { token: bank.token, params: { id: requestId } }),
      ),
    );
    expect(seen.agreement.valueIdr).toBe(100_000_000);
    expect(seen.agreement.schedule).toHaveLength(2);

    // first acceptance: still nothing in force changes
    expect((await send(acceptRoute, "POST", id, buyer.token, { version: 2 })).status).toBe(200);
    expect((await read(id)).valueIdr).toBe(100_000_000);
    // the last acceptance applies it
    const applied = AgreementSchema.parse(await jsonOf(await send(acceptRoute, "POST", id, umkm.token, { version: 2 })));
    expect(applied).toMatchObject({ valueIdr: 150_000_000, pendingVersion: null, lastAcceptedVersion: 2, status: "active" });
    expect(applied.milestones.map((m) => m.title)).toEqual([milestones[0].title, milestones[1].title, "Tahap 3"]);
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id } })).valueIdr).toBe(150_000_000n);
    expect(await publishedValue()).toBe(statsBefore + 50_000_000n);
    // the paid milestone kept its id (and its payment)
    expect(applied.milestones[0].id).toBe(milestones[0].id);
    expect((await send(paymentsRoute, "POST", id, buyer.token, { amountIdr: 70_000_000, paidOn: day(dateInDays(-1)) })).status).toBe(201);
  });

  it("the same through the server action: the amended value waits, the row keeps the accepted one", async () => {
    const { id } = await activeAgreement();
    await actAs(buyer.owner);
    const a = await read(id);
    const r = await amendAgreementAction(
      undefined,
      form({
        id,
        version: "1",
        title: a.title,
        scheme: a.scheme,
        valueIdr: "130.000.000",
        startDate: a.startDate,
        endDate: a.endDate,
        terms: a.terms,
        changeNote: "Naik",
      }),
    );
    expect(r.ok).toBe(true);
    const after = await read(id);
    expect(after.valueIdr).toBe(100_000_000);
    expect(after.pendingVersion?.valueIdr).toBe(130_000_000);
    expect(after.pendingVersion?.milestones).toEqual([]);
    expect(await t.db.milestone.count({ where: { agreementId: id } })).toBe(2);
  });

  it("a plain member cannot amend an active agreement (API 403, action refused); nothing is written", async () => {
    const { id } = await activeAgreement();
    const res = await send(patchRoute, "PATCH", id, buyerMember.token, { version: 1, valueIdr: 1_000_000 });
    expect(res.status).toBe(403);
    const u = await t.db.user.findUniqueOrThrow({ where: { id: buyerMember.id } });
    await actAs(u);
    const a = await read(id);
    const r = await amendAgreementAction(
      undefined,
      form({
        id,
        version: "1",
        title: a.title,
        scheme: a.scheme,
        valueIdr: "1000000",
        startDate: a.startDate,
        endDate: a.endDate,
        terms: a.terms,
      }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await t.db.agreementVersion.count({ where: { agreementId: id } })).toBe(1);
  });
});

describe("consortium members accept their own share only", () => {
  it("cannot amend, complete or terminate the lead's agreement (403); nothing changes", async () => {
    const { id } = await activeAgreement();
    await t.db.agreementParty.create({
      data: { agreementId: id, organizationId: member.id, role: "consortium_member", shareQuantity: 100 },
    });
    await t.db.agreementAcceptance.create({ data: { agreementId: id, version: 1, organizationId: member.id } });
    expect((await send(patchRoute, "PATCH", id, member.token, { version: 1, title: "Diubah anggota" })).status).toBe(403);
    expect((await send(completeRoute, "POST", id, member.token, { reason: "Anggota menutup perjanjian" })).status).toBe(403);
    expect((await send(terminateRoute, "POST", id, member.token, { reason: "Anggota mengakhiri" })).status).toBe(403);
    const row = await t.db.agreement.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "active", version: 1, buyerConfirmedCompletionAt: null, supplierConfirmedCompletionAt: null });
    // and it can still accept an amendment of its share (the lead's amendment is its to accept too)
    expect((await send(patchRoute, "PATCH", id, umkm.token, { version: 1, terms: "Ketentuan baru" })).status).toBe(200);
    expect((await send(acceptRoute, "POST", id, member.token, { version: 2 })).status).toBe(200);
  });
});

describe("completion takes both sides", () => {
  it("open milestones need a reason; the first confirmation leaves it active; the second completes with the reason kept", async () => {
    const { id } = await activeAgreement();
    const noReason = await send(completeRoute, "POST", id, buyer.token, {});
    expect(noReason.status).toBe(400);
    expect((await errorOf(noReason)).fields?.reason?.[0]).toMatch(/alasan/i);
    const first = AgreementSchema.parse(
      await jsonOf(await send(completeRoute, "POST", id, buyer.token, { reason: "Tahap 2 dibatalkan bersama" })),
    );
    expect(first.status).toBe("active");
    expect(first.completion.buyerConfirmedAt).not.toBeNull();
    expect(first.completion).toMatchObject({ supplierConfirmedAt: null, reason: "Tahap 2 dibatalkan bersama" });
    expect(first.completion.open.map((o) => [o.position, o.undelivered, o.unpaid])).toEqual([
      [1, true, true],
      [2, true, true],
    ]);
    expect((await send(completeRoute, "POST", id, buyer.token, { reason: "lagi dan lagi" })).status).toBe(409);
    expect(await t.db.notification.count({ where: { type: "agreement.completion_confirmed" } })).toBeGreaterThan(0);
    const done = AgreementSchema.parse(await jsonOf(await send(completeRoute, "POST", id, umkm.token, {})));
    expect(done.status).toBe("completed");
    const row = await t.db.agreement.findUniqueOrThrow({ where: { id } });
    expect(row.completionReason).toBe("Tahap 2 dibatalkan bersama");
    expect(row.buyerConfirmedCompletionAt).not.toBeNull();
    expect(row.supplierConfirmedCompletionAt).not.toBeNull();
  });

  it("with nothing open no reason is needed or kept", async () => {
    const { id, milestones } = await activeAgreement();
    for (const m of milestones) {
      await t.db.delivery.create({
        data: { agreementId: id, milestoneId: m.id, quantity: m.quantity!, deliveredOn: dateInDays(-3), onTime: true, status: "accepted" },
      });
      await t.db.payment.create({ data: { agreementId: id, milestoneId: m.id, amountIdr: m.amountIdr!, paidOn: dateInDays(-1) } });
    }
    expect((await send(completeRoute, "POST", id, umkm.token, { reason: "tidak perlu sebenarnya" })).status).toBe(200);
    const done = AgreementSchema.parse(await jsonOf(await send(completeRoute, "POST", id, buyer.token, {})));
    expect(done).toMatchObject({ status: "completed", completion: { reason: null, open: [] } });
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id } })).completionReason).toBeNull();
  });

  it("a new delivery or an amendment clears stale confirmations; a side may withdraw its own", async () => {
    const { id } = await activeAgreement();
    await send(completeRoute, "POST", id, buyer.token, { reason: "Sisa pesanan dibatalkan" });
    const delivered = await send(deliveriesRoute, "POST", id, umkm.token, { quantity: 10, deliveredOn: day(new Date()) });
    expect(delivered.status).toBe(201);
    expect((await read(id)).completion).toMatchObject({ buyerConfirmedAt: null, supplierConfirmedAt: null, reason: null });
    expect(await t.db.notification.count({ where: { type: "agreement.completion_withdrawn" } })).toBeGreaterThan(0);

    await send(completeRoute, "POST", id, umkm.token, { reason: "Sisa pesanan dibatalkan" });
    expect((await send(patchRoute, "PATCH", id, buyer.token, { version: 1, terms: "Ketentuan baru" })).status).toBe(200);
    const amended = await read(id);
    expect(amended.completion.supplierConfirmedAt).toBeNull();
    // no completion while the amendment is pending
    expect((await send(completeRoute, "POST", id, buyer.token, { reason: "Sisa pesanan dibatalkan" })).status).toBe(409);
    await send(acceptRoute, "POST", id, buyer.token, { version: 2 });
    await send(acceptRoute, "POST", id, umkm.token, { version: 2 });

    expect((await send(withdrawRoute, "DELETE", id, buyer.token)).status).toBe(409); // nothing to withdraw
    await send(completeRoute, "POST", id, buyer.token, { reason: "Sisa pesanan dibatalkan" });
    const withdrawn = AgreementSchema.parse(await jsonOf(await send(withdrawRoute, "DELETE", id, buyer.token)));
    expect(withdrawn.completion).toMatchObject({ buyerConfirmedAt: null, reason: null });
    expect(withdrawn.status).toBe("active");
    // the supplier's confirmation alone does not complete it
    await send(completeRoute, "POST", id, umkm.token, { reason: "Sisa pesanan dibatalkan" });
    expect((await read(id)).status).toBe("active");
  });

  it("through the server action: a reason is required with open milestones, then the status stays active", async () => {
    const { id } = await activeAgreement();
    await actAs(buyer.owner);
    const r = await completeAgreementAction(undefined, form({ id, version: "1" }));
    expect(r).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(r.ok ? null : r.error.fields?.reason?.[0]).toMatch(/Tuliskan alasan/);
    const ok = await completeAgreementAction(undefined, form({ id, version: "1", reason: "Pesanan dikurangi" }));
    expect(ok).toMatchObject({ ok: true, data: { status: "active" } });
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id } })).buyerConfirmedCompletionAt).not.toBeNull();
  });
});

describe("an unverified buyer prepares drafts but cannot propose them", () => {
  it("creates a draft, then accepting it is 403 verification_required over the API and the action; nothing is written", async () => {
    const unverified = await who("buyer", false);
    const res = await callRoute(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", {
      token: unverified.token,
      body: {
        title: "Draf pembeli baru",
        scheme: "subkontrak",
        buyerOrgId: unverified.id,
        supplierOrgId: umkm.id,
        valueIdr: 10_000_000,
        startDate: "2026-01-01",
        endDate: "2026-06-30",
      },
    });
    expect(res.status).toBe(201);
    const { id } = (await jsonOf(res)) as { id: string };
    const refused = await send(acceptRoute, "POST", id, unverified.token, { version: 1 });
    expect(refused.status).toBe(403);
    const err = await errorOf(refused);
    expect(err.code).toBe("verification_required");
    expect(err.message).toMatch(/belum terverifikasi/);
    await actAs(unverified.owner);
    const r = await acceptAgreementAction(undefined, form({ id, version: "1" }));
    expect(r).toMatchObject({ ok: false, error: { code: "verification_required" } });
    const row = await t.db.agreement.findUniqueOrThrow({
      where: { id },
      select: { status: true, _count: { select: { acceptances: true } } },
    });
    expect(row).toEqual({ status: "draft", _count: { acceptances: 0 } });
  });
});

describe("delivery dates", () => {
  it("refuses a date in the future or before the agreement starts (400 on deliveredOn); today is fine", async () => {
    const { id } = await activeAgreement();
    for (const deliveredOn of [day(dateInDays(2)), day(dateInDays(-31))]) {
      const res = await send(deliveriesRoute, "POST", id, umkm.token, { quantity: 5, deliveredOn });
      expect(res.status, deliveredOn).toBe(400);
      expect((await errorOf(res)).fields?.deliveredOn).toBeDefined();
    }
    await actAs(umkm.owner);
    const r = await recordDeliveryAction(undefined, form({ id, quantity: "5", deliveredOn: day(dateInDays(3)) }));
    expect(r).toMatchObject({ ok: false, error: { fields: { deliveredOn: [expect.stringMatching(/masa depan/)] } } });
    expect(await t.db.delivery.count({ where: { agreementId: id } })).toBe(0);
    expect((await send(deliveriesRoute, "POST", id, umkm.token, { quantity: 5, deliveredOn: day(dateInDays(-1)) })).status).toBe(201);
  });

  it("a supplier's delivery counts in its track record only once the buyer accepts it", async () => {
    const supplier = await who("umkm");
    const { id } = await activeAgreement(supplier);
    const res = await send(deliveriesRoute, "POST", id, supplier.token, { quantity: 5, deliveredOn: day(dateInDays(-1)) });
    expect(res.status).toBe(201);
    expect((await getTrackRecord(supplier.id)).deliveries).toBe(0);
    const d = await t.db.delivery.findFirstOrThrow({ where: { agreementId: id } });
    await t.db.delivery.update({ where: { id: d.id }, data: { status: "accepted" } });
    expect((await getTrackRecord(supplier.id)).deliveries).toBe(1);
  });
});

describe("absurd numbers are a 400 on the field, never a database error", () => {
  const base = () => ({
    title: "Angka besar",
    scheme: "subkontrak",
    buyerOrgId: buyer.id,
    supplierOrgId: umkm.id,
    valueIdr: 10_000_000,
    startDate: "2026-01-01",
    endDate: "2026-06-30",
  });
  const cases: [string, () => Record<string, unknown>, string][] = [
    ["value above bigint", () => ({ ...base(), valueIdr: "99999999999999999999999" }), "valueIdr"],
    ["value 1e30", () => ({ ...base(), valueIdr: 1e30 }), "valueIdr"],
    [
      "milestone quantity above int4",
      () => ({ ...base(), milestones: [{ title: "Tahap", quantity: 3_000_000_000, dueDate: "2026-02-01" }] }),
      "milestones.0.quantity",
    ],
    [
      "milestone amount above bigint",
      () => ({ ...base(), milestones: [{ title: "Tahap", dueDate: "2026-02-01", amountIdr: "9223372036854775808" }] }),
      "milestones.0.amountIdr",
    ],
    [
      "payment term above int4",
      () => ({ ...base(), milestones: [{ title: "Tahap", dueDate: "2026-02-01", paymentTermDays: 1e12 }] }),
      "milestones.0.paymentTermDays",
    ],
  ];
  for (const [name, b, field] of cases) {
    it(`create: ${name}`, async () => {
      const before = await t.db.agreement.count();
      const res = await callRoute(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", { token: buyer.token, body: b() });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).fields?.[field]).toBeDefined();
      expect(await t.db.agreement.count()).toBe(before);
    });
  }

  it("amendments, deliveries, payments, financing and versions", async () => {
    const { id } = await activeAgreement();
    const tries: [unknown, string, string, unknown, string][] = [
      [patchRoute, "PATCH", buyer.token, { version: 1, valueIdr: "1e25" }, "valueIdr"],
      [patchRoute, "PATCH", buyer.token, { version: 99_999_999_999, title: "Versi raksasa" }, "version"],
      [deliveriesRoute, "POST", umkm.token, { quantity: 2_147_483_648, deliveredOn: day(dateInDays(-1)) }, "quantity"],
      [paymentsRoute, "POST", buyer.token, { amountIdr: "100000000000000000000", paidOn: day(dateInDays(-1)) }, "amountIdr"],
      [financingRoute, "POST", umkm.token, { bankId: bank.id, type: "invoice", amountIdr: 1e19 }, "amountIdr"],
      [completeRoute, "POST", buyer.token, { version: 1e15, reason: "Versi raksasa" }, "version"],
      [acceptRoute, "POST", buyer.token, { version: 2 ** 31 }, "version"],
    ];
    for (const [h, method, token, body, field] of tries) {
      const res = await send(h, method, id, token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(res)).fields?.[field], JSON.stringify(body)).toBeDefined();
    }
    const row = await t.db.agreement.findUniqueOrThrow({
      where: { id },
      select: { version: true, valueIdr: true, _count: { select: { deliveries: true, payments: true, financing: true } } },
    });
    expect(row).toEqual({ version: 1, valueIdr: 100_000_000n, _count: { deliveries: 0, payments: 0, financing: 0 } });
  });
});

describe("agreements completed before the two-sided rule", () => {
  it("the backfill migration gives those completed with open milestones a reason, and only those", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const dir = readdirSync("prisma/migrations").find((d) => d.endsWith("_agreement_completion_backfill"))!;
    const sql = readFileSync(`prisma/migrations/${dir}/migration.sql`, "utf8");
    const open = await createAgreement(t.db, buyer.id, umkm.id, { status: "completed" });
    const done = await createAgreement(t.db, buyer.id, umkm.id, { status: "completed" });
    for (const m of done.milestones) {
      await t.db.delivery.create({
        data: {
          agreementId: done.id,
          milestoneId: m.id,
          quantity: m.quantity!,
          deliveredOn: dateInDays(-40),
          onTime: true,
          status: "accepted",
        },
      });
      await t.db.payment.create({ data: { agreementId: done.id, milestoneId: m.id, amountIdr: m.amountIdr!, paidOn: dateInDays(-35) } });
    }
    await t.db.$executeRawUnsafe(sql);
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id: open.id } })).completionReason).toMatch(/satu pihak/);
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id: done.id } })).completionReason).toBeNull();
  });
});
