// Partnership agreements over /api/v1 on a real database (both backends): the life cycle draft → proposed →
// active → completed with deliveries, payments and ratings; amendments as new versions with optimistic
// concurrency (stale → 409, nothing changes); invalid input refused with field errors and nothing written;
// visibility: parties only (others 404, ministry read-only).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createBuyer, createOrganization, createRfq, createUmkm, createUser } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/agreements/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/agreements/[id]/route";
import { POST as acceptRoute } from "@/app/api/v1/agreements/[id]/accept/route";
import { POST as completeRoute } from "@/app/api/v1/agreements/[id]/complete/route";
import { POST as terminateRoute } from "@/app/api/v1/agreements/[id]/terminate/route";
import { POST as deliveriesRoute } from "@/app/api/v1/agreements/[id]/deliveries/route";
import { POST as reviewRoute } from "@/app/api/v1/agreements/[id]/deliveries/[deliveryId]/review/route";
import { POST as paymentsRoute } from "@/app/api/v1/agreements/[id]/payments/route";
import { POST as ratingsRoute } from "@/app/api/v1/agreements/[id]/ratings/route";
import { GET as versionRoute } from "@/app/api/v1/agreements/[id]/versions/[version]/route";
import { AgreementPageSchema, AgreementSchema, AgreementVersionSchema } from "@/lib/agreements/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { getTrackRecord } from "@/lib/agreements/track-record";

const t = useTestDatabase();

type Org = { id: string; token: string; memberToken?: string };
let buyer: Org, umkm: Org, outsider: Org, ministry: Org, otherBuyer: Org;

async function withToken(kind: "buyer" | "umkm" | "ministry" | "bank") {
  const made =
    kind === "buyer"
      ? await createBuyer(t.db)
      : kind === "umkm"
        ? await createUmkm(t.db, { verificationStatus: "verified" })
        : await createOrganization(t.db, kind);
  const { token } = await createApiToken(made.owner.id, { name: "test" });
  return { id: made.organization.id, token, owner: made.owner };
}

const body = (over: Record<string, unknown> = {}) => ({
  title: "Pasokan kain batik seragam 2027",
  scheme: "rantai_pasok",
  buyerOrgId: buyer.id,
  supplierOrgId: umkm.id,
  valueIdr: 120_000_000,
  startDate: "2025-12-01",
  endDate: "2026-05-31",
  terms: "Pembayaran 30 hari setelah barang diterima.",
  milestones: [
    { title: "Tahap 1: 300 lembar", quantity: 300, unit: "lembar", dueDate: "2026-01-15", amountIdr: 60_000_000, paymentTermDays: 30 },
    { title: "Tahap 2: 300 lembar", quantity: 300, unit: "lembar", dueDate: "2026-03-15", amountIdr: 60_000_000, paymentTermDays: 30 },
  ],
  ...over,
});

const call = (
  h: RouteHandlerFn,
  method: string,
  path: string,
  token: string,
  opts: { params?: Record<string, string>; body?: unknown; query?: Record<string, string> } = {},
) => callRoute(h, method, path, { token, ...opts });
const post = (h: RouteHandlerFn, id: string, suffix: string, token: string, b: unknown = {}) =>
  call(h, "POST", `/api/v1/agreements/${id}/${suffix}`, token, { params: { id }, body: b });
const get = (id: string, token: string) => call(getRoute as RouteHandlerFn, "GET", `/api/v1/agreements/${id}`, token, { params: { id } });

async function rowState(id: string) {
  const [a, versions, milestones, acceptances, deliveries, payments] = await Promise.all([
    t.db.agreement.findUniqueOrThrow({
      where: { id },
      select: { status: true, version: true, title: true, valueIdr: true, endDate: true, scheme: true },
    }),
    t.db.agreementVersion.count({ where: { agreementId: id } }),
    t.db.milestone.findMany({ where: { agreementId: id }, orderBy: { position: "asc" }, select: { title: true, dueDate: true } }),
    t.db.agreementAcceptance.count({ where: { agreementId: id } }),
    t.db.delivery.count({ where: { agreementId: id } }),
    t.db.payment.count({ where: { agreementId: id } }),
  ]);
  return { a, versions, milestones, acceptances, deliveries, payments };
}

beforeAll(async () => {
  buyer = await withToken("buyer");
  umkm = await withToken("umkm");
  outsider = await withToken("umkm");
  ministry = await withToken("ministry");
  otherBuyer = await withToken("buyer");
  // A plain member of the buyer: may record, may not accept.
  const member = await createUser(t.db, { name: "Anggota Pembeli" });
  await t.db.membership.create({ data: { userId: member.id, organizationId: buyer.id, role: "member" } });
  buyer.memberToken = (await createApiToken(member.id, { name: "member" })).token;
});

describe("the life cycle over the API", () => {
  let id: string;

  it("creates a draft (version 1) and lists it for both parties only", async () => {
    const res = await call(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", buyer.token, { body: body() });
    expect(res.status).toBe(201);
    const a = AgreementSchema.parse(await jsonOf(res));
    id = a.id;
    expect(a).toMatchObject({
      status: "draft",
      version: 1,
      scheme: "rantai_pasok",
      valueIdr: 120_000_000,
      startDate: "2025-12-01",
      endDate: "2026-05-31",
      yourRole: "buyer",
    });
    expect(a.milestones.map((m) => m.dueDate)).toEqual(["2026-01-15", "2026-03-15"]);
    expect(a.pendingAcceptance.sort()).toEqual([buyer.id, umkm.id].sort());

    for (const who of [buyer, umkm]) {
      const list = AgreementPageSchema.parse(await jsonOf(await call(listRoute as RouteHandlerFn, "GET", "/api/v1/agreements", who.token)));
      expect(list.data.map((x) => x.id)).toContain(id);
    }
    const foreign = AgreementPageSchema.parse(
      await jsonOf(await call(listRoute as RouteHandlerFn, "GET", "/api/v1/agreements", outsider.token)),
    );
    expect(foreign.data.map((x) => x.id)).not.toContain(id);
  });

  it("hides the agreement from everyone outside the parties (404), ministry staff read it but cannot change it", async () => {
    for (const who of [outsider, otherBuyer]) {
      const res = await get(id, who.token);
      expect(res.status).toBe(404);
      expect(ErrorResponseSchema.parse(await jsonOf(res)).error.code).toBe("not_found");
      expect((await post(acceptRoute as RouteHandlerFn, id, "accept", who.token)).status).toBe(404);
      const patch = await call(patchRoute as RouteHandlerFn, "PATCH", `/api/v1/agreements/${id}`, who.token, {
        params: { id },
        body: { version: 1, title: "Diambil alih" },
      });
      expect(patch.status).toBe(404);
    }
    const seen = AgreementSchema.parse(await jsonOf(await get(id, ministry.token)));
    expect(seen.yourRole).toBeNull();
    expect((await post(acceptRoute as RouteHandlerFn, id, "accept", ministry.token)).status).toBe(403);
    expect(
      (
        await call(patchRoute as RouteHandlerFn, "PATCH", `/api/v1/agreements/${id}`, ministry.token, {
          params: { id },
          body: { version: 1, title: "Ubah" },
        })
      ).status,
    ).toBe(403);
    expect((await rowState(id)).a).toMatchObject({ status: "draft", version: 1, title: "Pasokan kain batik seragam 2027" });
  });

  it("refuses a stale amendment with 409 and changes nothing; a current one creates version 2", async () => {
    const ok = await call(patchRoute as RouteHandlerFn, "PATCH", `/api/v1/agreements/${id}`, umkm.token, {
      params: { id },
      body: { version: 1, valueIdr: 125_000_000, changeNote: "Harga bahan naik" },
    });
    expect(ok.status).toBe(200);
    expect(AgreementSchema.parse(await jsonOf(ok))).toMatchObject({ version: 2, valueIdr: 125_000_000, status: "draft" });

    const before = await rowState(id);
    const stale = await call(patchRoute as RouteHandlerFn, "PATCH", `/api/v1/agreements/${id}`, buyer.token, {
      params: { id },
      body: { version: 1, title: "Judul lain" },
    });
    expect(stale.status).toBe(409);
    const err = ErrorResponseSchema.parse(await jsonOf(stale)).error;
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/diubah orang lain/);
    expect(await rowState(id)).toEqual(before);

    const v1 = AgreementVersionSchema.parse(
      await jsonOf(
        await call(versionRoute as RouteHandlerFn, "GET", `/api/v1/agreements/${id}/versions/1`, umkm.token, {
          params: { id, version: "1" },
        }),
      ),
    );
    expect(v1.snapshot.valueIdr).toBe("120000000");
    expect(v1.currentVersion).toBe(2);
  });

  it("the first acceptance proposes, the second activates; a plain member cannot accept; accepting twice is a conflict", async () => {
    expect((await post(acceptRoute as RouteHandlerFn, id, "accept", buyer.memberToken!)).status).toBe(403);
    const stale = await post(acceptRoute as RouteHandlerFn, id, "accept", buyer.token, { version: 1 });
    expect(stale.status).toBe(409);

    const first = AgreementSchema.parse(
      await jsonOf(await post(acceptRoute as RouteHandlerFn, id, "accept", buyer.token, { version: 2, declareNoControl: true })),
    );
    expect(first.status).toBe("proposed");
    expect(first.acceptances).toEqual([expect.objectContaining({ organizationId: buyer.id, version: 2, userName: expect.any(String) })]);
    expect(first.pendingAcceptance).toEqual([umkm.id]);
    expect((await post(acceptRoute as RouteHandlerFn, id, "accept", buyer.token)).status).toBe(409);

    const second = AgreementSchema.parse(await jsonOf(await post(acceptRoute as RouteHandlerFn, id, "accept", umkm.token)));
    expect(second).toMatchObject({ status: "active", lastAcceptedVersion: 2, pendingAcceptance: [] });
    expect(second.activatedAt).not.toBeNull();
    // the supplier was told it was proposed; the buyer that it became active
    expect(await t.db.notification.count({ where: { type: "agreement.proposed" } })).toBeGreaterThan(0);
    expect(await t.db.notification.count({ where: { type: "agreement.activated" } })).toBeGreaterThan(0);
  });

  it("an amendment of an active agreement changes nothing in force until both accept version 3 (shown as pendingVersion); it cannot be completed meanwhile; version 2 stays readable", async () => {
    const amended = AgreementSchema.parse(
      await jsonOf(
        await call(patchRoute as RouteHandlerFn, "PATCH", `/api/v1/agreements/${id}`, buyer.token, {
          params: { id },
          body: { version: 2, endDate: "2026-06-30", changeNote: "Diperpanjang sebulan" },
        }),
      ),
    );
    // still active (the partnership does not stop while an amendment is discussed: statistics keep counting it)
    // issue 11: what is in force stays version 2; the amendment is shown beside it
    expect(amended).toMatchObject({ version: 3, status: "active", lastAcceptedVersion: 2, endDate: "2026-05-31" });
    expect(amended.pendingVersion).toMatchObject({
      version: 3,
      endDate: "2026-06-30",
      changeNote: "Diperpanjang sebulan",
      acceptances: [],
    });
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id } })).endDate.toISOString().slice(0, 10)).toBe("2026-05-31");
    expect(amended.pendingAcceptance.sort()).toEqual([buyer.id, umkm.id].sort());
    expect(amended.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const early = await post(completeRoute as RouteHandlerFn, id, "complete", buyer.token, { version: 3 });
    expect(early.status).toBe(409);
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("active");
    await post(acceptRoute as RouteHandlerFn, id, "accept", buyer.token, { version: 3 });
    const active = AgreementSchema.parse(await jsonOf(await post(acceptRoute as RouteHandlerFn, id, "accept", umkm.token, { version: 3 })));
    expect(active).toMatchObject({
      status: "active",
      lastAcceptedVersion: 3,
      pendingAcceptance: [],
      endDate: "2026-06-30",
      pendingVersion: null,
    });
    const again = await post(acceptRoute as RouteHandlerFn, id, "accept", umkm.token, { version: 3 });
    expect(again.status).toBe(409);
  });

  it("records a supplier's delivery for the buyer's review, the buyer's own on time, a payment with days to pay", async () => {
    const a = AgreementSchema.parse(await jsonOf(await get(id, buyer.token)));
    const [m1, m2] = a.milestones;
    const bySupplier = await post(deliveriesRoute as RouteHandlerFn, id, "deliveries", umkm.token, {
      milestoneId: m1.id,
      quantity: 300,
      deliveredOn: "2026-01-20",
    });
    expect(bySupplier.status).toBe(201);
    const afterSupplier = AgreementSchema.parse(await jsonOf(bySupplier));
    const late = afterSupplier.deliveries[0];
    expect(late).toMatchObject({ status: "pending_review", onTime: false, quantity: 300 });
    // only the buyer reviews
    expect(
      (
        await call(reviewRoute as RouteHandlerFn, "POST", "x", umkm.token, {
          params: { id, deliveryId: late.id },
          body: { status: "accepted" },
        })
      ).status,
    ).toBe(400);
    const reviewed = AgreementSchema.parse(
      await jsonOf(
        await call(reviewRoute as RouteHandlerFn, "POST", "x", buyer.token, {
          params: { id, deliveryId: late.id },
          body: { status: "accepted" },
        }),
      ),
    );
    expect(reviewed.deliveries[0].status).toBe("accepted");
    expect(reviewed.milestones[0].status).toBe("accepted");

    const byBuyer = AgreementSchema.parse(
      await jsonOf(
        await post(deliveriesRoute as RouteHandlerFn, id, "deliveries", buyer.memberToken!, {
          milestoneId: m2.id,
          quantity: 300,
          deliveredOn: "2026-03-10",
        }),
      ),
    );
    expect(byBuyer.deliveries.find((d) => d.milestoneId === m2.id)).toMatchObject({ status: "accepted", onTime: true });

    const paid = AgreementSchema.parse(
      await jsonOf(
        await post(paymentsRoute as RouteHandlerFn, id, "payments", buyer.token, {
          milestoneId: m1.id,
          amountIdr: 60_000_000,
          paidOn: "2026-02-14",
        }),
      ),
    );
    expect(paid.payments[0]).toMatchObject({ amountIdr: 60_000_000, daysToPay: 25, paidOn: "2026-02-14" });
    expect(paid.milestones[0].status).toBe("paid");
    const invoiced = AgreementSchema.parse(
      await jsonOf(
        await post(paymentsRoute as RouteHandlerFn, id, "payments", buyer.token, {
          milestoneId: m2.id,
          amountIdr: "65000000",
          invoicedOn: "2026-03-12",
          paidOn: "2026-04-01",
        }),
      ),
    );
    expect(invoiced.payments.find((p) => p.milestoneId === m2.id)?.daysToPay).toBe(20);
  });

  it("refuses a payment above the value, fractional Rupiah and bad dates, writing nothing", async () => {
    const before = await rowState(id);
    const over = await post(paymentsRoute as RouteHandlerFn, id, "payments", buyer.token, { amountIdr: 1, paidOn: "2026-04-02" });
    expect(over.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(over)).error.fields?.amountIdr?.[0]).toMatch(/melebihi nilai perjanjian/);
    const frac = await post(paymentsRoute as RouteHandlerFn, id, "payments", buyer.token, { amountIdr: 1500.5, paidOn: "2026-04-02" });
    expect(frac.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(frac)).error.fields?.amountIdr?.[0]).toMatch(/bilangan bulat/);
    const bad = await post(deliveriesRoute as RouteHandlerFn, id, "deliveries", buyer.token, { quantity: 1, deliveredOn: "2026-02-30" });
    expect(bad.status).toBe(400);
    expect(await rowState(id)).toEqual(before);
  });

  it("completes, then each party rates the other once; the track record follows", async () => {
    expect((await post(ratingsRoute as RouteHandlerFn, id, "ratings", buyer.token, { score: 5 })).status).toBe(409); // not completed yet
    // issue 11: both sides confirm; the first leaves it active
    const first = AgreementSchema.parse(await jsonOf(await post(completeRoute as RouteHandlerFn, id, "complete", buyer.token)));
    expect(first.status).toBe("active");
    expect(first.completion).toMatchObject({ open: [], reason: null, supplierConfirmedAt: null });
    expect(first.completion.buyerConfirmedAt).not.toBeNull();
    const done = AgreementSchema.parse(await jsonOf(await post(completeRoute as RouteHandlerFn, id, "complete", umkm.token)));
    expect(done.status).toBe("completed");
    expect(done.completion.reason).toBeNull();
    expect(
      (await post(deliveriesRoute as RouteHandlerFn, id, "deliveries", buyer.token, { quantity: 1, deliveredOn: "2026-04-02" })).status,
    ).toBe(409);
    const r1 = await post(ratingsRoute as RouteHandlerFn, id, "ratings", buyer.token, { score: 5, comment: "Rapi dan sesuai." });
    expect(r1.status).toBe(201);
    const r2 = AgreementSchema.parse(await jsonOf(await post(ratingsRoute as RouteHandlerFn, id, "ratings", umkm.token, { score: 4 })));
    expect(r2.ratings.map((r) => [r.raterId, r.rateeId, r.score])).toEqual([
      [buyer.id, umkm.id, 5],
      [umkm.id, buyer.id, 4],
    ]);
    expect((await post(ratingsRoute as RouteHandlerFn, id, "ratings", umkm.token, { score: 1 })).status).toBe(409);
    expect((await post(ratingsRoute as RouteHandlerFn, id, "ratings", umkm.token, { score: 6 })).status).toBe(400);

    const record = await getTrackRecord(umkm.id);
    expect(record).toMatchObject({ completedAgreements: 1, deliveries: 2, onTimeRate: 0.5, averageRating: 5, ratings: 1 });
    expect((await getTrackRecord(buyer.id)).averageDaysToPay).toBe(22.5);
  });
});

describe("invalid agreements are refused with clear errors and nothing is written", () => {
  async function refused(b: unknown, field: string, message: RegExp) {
    const before = await t.db.agreement.count();
    const res = await call(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", buyer.token, { body: b });
    expect(res.status).toBe(400);
    const err = ErrorResponseSchema.parse(await jsonOf(res)).error;
    expect(err.code).toBe("invalid_input");
    expect(err.fields?.[field]?.join(" ")).toMatch(message);
    expect(await t.db.agreement.count()).toBe(before);
  }

  it("an unknown scheme", () => refused(body({ scheme: "monopoli" }), "scheme", /sepuluh pola kemitraan/));
  it("an end before the start", () =>
    refused(body({ startDate: "2026-01-01", endDate: "2025-12-31", milestones: [] }), "endDate", /tidak boleh sebelum tanggal mulai/));
  it("fractional Rupiah", () => refused(body({ valueIdr: 1_000_000.5 }), "valueIdr", /bilangan bulat/));
  it("fractional Rupiah written the Indonesian way", () => refused(body({ valueIdr: "1.500,50" }), "valueIdr", /bilangan bulat/));
  it("a milestone outside the term", () =>
    refused(body({ milestones: [{ title: "Tahap awal", dueDate: "2025-11-01" }] }), "milestones.0.dueDate", /di antara tanggal mulai/));
  it("milestones above the value", () =>
    refused(
      body({ valueIdr: 10_000_000, milestones: [{ title: "Semua", dueDate: "2026-01-01", amountIdr: 20_000_000 }] }),
      "milestones",
      /melebihi nilai/,
    ));
  it("an agreement between two other organizations", () => refused(body({ buyerOrgId: otherBuyer.id }), "buyerOrgId", /salah satu pihak/));
  it("a counterparty that is not an UMKM or cooperative", () =>
    refused(body({ supplierOrgId: otherBuyer.id }), "supplierOrgId", /tidak ada di Rantai/));

  it("in English when asked", async () => {
    const res = await callRoute(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", {
      token: buyer.token,
      body: body({ scheme: "x" }),
      headers: { "accept-language": "en" },
    });
    expect(ErrorResponseSchema.parse(await jsonOf(res)).error.fields?.scheme?.[0]).toBe(
      "Choose one of the ten PP 7/2021 partnership schemes.",
    );
  });

  it("an amendment whose new end date falls before the start", async () => {
    const a = AgreementSchema.parse(
      await jsonOf(await call(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", umkm.token, { body: body({ milestones: [] }) })),
    );
    const res = await call(patchRoute as RouteHandlerFn, "PATCH", `/api/v1/agreements/${a.id}`, umkm.token, {
      params: { id: a.id },
      body: { version: 1, endDate: "2025-06-01" },
    });
    expect(res.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(res)).error.fields?.endDate?.[0]).toMatch(/tidak boleh sebelum/);
    expect((await rowState(a.id)).a).toMatchObject({ version: 1 });
    const missing = await call(patchRoute as RouteHandlerFn, "PATCH", `/api/v1/agreements/${a.id}`, umkm.token, {
      params: { id: a.id },
      body: { title: "Tanpa versi" },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(ErrorResponseSchema.parse(await jsonOf(missing)).error.fields ?? {})).toContain("version");
  });

  it("terminating needs a reason, then ends the agreement for both parties", async () => {
    const a = AgreementSchema.parse(
      await jsonOf(
        await call(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", buyer.token, { body: body({ milestones: [] }) }),
      ),
    );
    expect((await post(terminateRoute as RouteHandlerFn, a.id, "terminate", buyer.token, { reason: "" })).status).toBe(400);
    const ended = AgreementSchema.parse(
      await jsonOf(await post(terminateRoute as RouteHandlerFn, a.id, "terminate", buyer.token, { reason: "Kebutuhan dibatalkan" })),
    );
    expect(ended).toMatchObject({ status: "terminated", terminationReason: "Kebutuhan dibatalkan" });
    expect((await post(acceptRoute as RouteHandlerFn, a.id, "accept", umkm.token)).status).toBe(409);
  });
});

describe("a consortium agreement", () => {
  it("makes every member a party: active only when the buyer, the lead and each member accepted", async () => {
    const member = await withToken("umkm");
    const rfq = await createRfq(t.db, buyer.id);
    const consortium = await t.db.consortium.create({
      data: {
        rfqId: rfq.id,
        name: "Konsorsium Batik Pesisir",
        leadId: umkm.id,
        members: {
          create: [
            { supplierId: umkm.id, shareQuantity: 400 },
            { supplierId: member.id, shareQuantity: 200 },
          ],
        },
      },
    });
    const bad = await call(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", buyer.token, {
      body: body({ consortiumId: consortium.id, supplierOrgId: member.id }),
    });
    expect(bad.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(bad)).error.fields?.consortiumId).toBeDefined();
    // The same lead in a consortium another buyer formed for its RFQ: not this buyer's to name.
    const theirs = await t.db.consortium.create({
      data: {
        rfqId: (await createRfq(t.db, otherBuyer.id)).id,
        name: "Konsorsium Pembeli Lain",
        leadId: umkm.id,
        members: {
          create: [
            { supplierId: umkm.id, shareQuantity: 100 },
            { supplierId: member.id, shareQuantity: 100 },
          ],
        },
      },
    });
    const before = await t.db.agreement.count();
    const foreign = await call(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", buyer.token, {
      body: body({ consortiumId: theirs.id }),
    });
    expect(foreign.status).toBe(400);
    expect(ErrorResponseSchema.parse(await jsonOf(foreign)).error.fields?.consortiumId).toBeDefined();
    expect(await t.db.agreement.count()).toBe(before);

    const a = AgreementSchema.parse(
      await jsonOf(
        await call(createRoute as RouteHandlerFn, "POST", "/api/v1/agreements", buyer.token, {
          body: body({ consortiumId: consortium.id, milestones: [] }),
        }),
      ),
    );
    expect(a.parties.map((p) => [p.organizationId, p.role, p.shareQuantity]).sort()).toEqual(
      [
        [buyer.id, "buyer", null],
        [umkm.id, "supplier", 400],
        [member.id, "consortium_member", 200],
      ].sort(),
    );
    expect(AgreementSchema.parse(await jsonOf(await get(a.id, member.token))).yourRole).toBe("consortium_member");
    await post(acceptRoute as RouteHandlerFn, a.id, "accept", buyer.token, { declareNoControl: true });
    const two = AgreementSchema.parse(await jsonOf(await post(acceptRoute as RouteHandlerFn, a.id, "accept", umkm.token)));
    expect(two).toMatchObject({ status: "proposed", pendingAcceptance: [member.id] });
    const all = AgreementSchema.parse(await jsonOf(await post(acceptRoute as RouteHandlerFn, a.id, "accept", member.token)));
    expect(all.status).toBe("active");
  });
});
