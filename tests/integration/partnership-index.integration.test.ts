// The Indeks Kemitraan (issue 13): every component against counts worked out by hand from the records this
// file writes, the trigger-kept rollups against a full recount, excluded (fake) partnerships, the <3-partner
// rule, suppressed ratings, receipt confirmation permissions, the API's visibility matrix and the CSV.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { getPartnershipIndex, listIndexPartnerships } from "@/lib/partnership-index/queries";
import { GET as buyerIndex } from "@/app/api/v1/buyers/[id]/partnership-index/route";
import { GET as ranking } from "@/app/api/v1/stats/partnership-index/route";
import { POST as receipt } from "@/app/api/v1/agreements/[id]/payments/[paymentId]/receipt/route";

const t = useTestDatabase();
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const at = (s: string) => new Date(`${s}Z`);
const Y = 2026;

const ids = {} as Record<string, string>;
const tokens = {} as Record<string, string>;

async function umkm(name: string, sales: bigint, extra: Parameters<typeof createUmkm>[1] = {}) {
  const capital = sales / 4n;
  const u = await createUmkm(t.db, { name, annualSalesIdr: sales, capitalIdr: capital, ...extra });
  return u;
}

beforeAll(async () => {
  const { organization: buyer, owner: buyerOwner } = await createBuyer(t.db, { name: "PT Mitra Teladan" });
  ids.buyer = buyer.id;
  tokens.buyer = (await createApiToken(buyerOwner.id, { name: "erp" })).token;
  const { organization: other, owner: otherOwner } = await createBuyer(t.db, { name: "PT Baru Mulai" });
  ids.other = other.id;
  tokens.other = (await createApiToken(otherOwner.id, { name: "erp" })).token;
  const { owner: analyst } = await createOrganization(t.db, "ministry", { name: "Kementerian UMKM" });
  tokens.ministry = (await createApiToken(analyst.id, { name: "analyst" })).token;
  const { owner: admin } = await createOrganization(t.db, "platform", { name: "Rantai" });
  tokens.admin = (await createApiToken(admin.id, { name: "admin" })).token;

  const u1 = await umkm("UD Mikro Satu", 1_000_000_000n); // mikro
  // kecil since 2026-06-01, mikro before: moved up during A2
  const u2 = await umkm("CV Kecil Dua", 9_000_000_000n, {
    sizeHistory: [{ annualSalesIdr: 1_000_000_000n, capitalIdr: 250_000_000n, effectiveAt: d("2025-01-01") }],
    sizeReportedAt: d("2026-06-01"),
  });
  // menengah since 2026-11-15, after A3 ended (2026-10-31): not "during the partnership"
  const u3 = await umkm("PT Menengah Tiga", 30_000_000_000n, {
    sizeHistory: [{ annualSalesIdr: 9_000_000_000n, capitalIdr: 2_000_000_000n, effectiveAt: d("2025-01-01") }],
    sizeReportedAt: d("2026-11-15"),
  });
  const u4 = await umkm("UD Belum Verifikasi", 1_000_000_000n, { verificationStatus: "unverified" });
  const u5 = await umkm("UD Semu", 1_000_000_000n);
  const u6 = await umkm("UD Anggota Konsorsium", 1_000_000_000n);
  const u7 = await umkm("UD Lain", 1_000_000_000n);
  Object.assign(ids, { u1: u1.organization.id, u2: u2.organization.id, u3: u3.organization.id, u5: u5.organization.id });
  tokens.u1 = (await createApiToken(u1.owner.id, { name: "u1" })).token;
  tokens.u7 = (await createApiToken(u7.owner.id, { name: "u7" })).token;
  tokens.u6 = (await createApiToken(u6.owner.id, { name: "u6" })).token;

  const ms = (amount: bigint, term: number | null, due: string) => ({
    title: "Termin",
    dueDate: d(due),
    amountIdr: amount,
    paymentTermDays: term,
  });
  const a1 = await createAgreement(t.db, buyer.id, u1.organization.id, {
    startDate: d("2026-02-01"),
    endDate: d("2026-12-31"),
    valueIdr: 100_000_000n,
    milestones: [ms(50_000_000n, 30, "2026-03-01"), ms(50_000_000n, null, "2026-05-01")],
  });
  const a2 = await createAgreement(t.db, buyer.id, u2.organization.id, {
    status: "completed",
    startDate: d("2026-03-01"),
    endDate: d("2026-09-30"),
    valueIdr: 200_000_000n,
    milestones: [ms(200_000_000n, 14, "2026-04-01")],
  });
  await t.db.agreementParty.create({ data: { agreementId: a2.id, organizationId: u6.organization.id, role: "consortium_member" } });
  const a3 = await createAgreement(t.db, buyer.id, u3.organization.id, {
    status: "terminated",
    startDate: d("2026-04-01"),
    endDate: d("2026-10-31"),
    valueIdr: 300_000_000n,
    milestones: [ms(300_000_000n, 30, "2026-11-01")],
  });
  // not counted: an unverified partner, a confirmed fake partnership, a draft, another year
  await createAgreement(t.db, buyer.id, u4.organization.id, { startDate: d("2026-02-01"), valueIdr: 999_000_000n });
  const a5 = await createAgreement(t.db, buyer.id, u5.organization.id, { startDate: d("2026-02-01"), valueIdr: 777_000_000n });
  await t.db.agreement.update({ where: { id: a5.id }, data: { excludedAt: new Date() } });
  await createAgreement(t.db, buyer.id, u1.organization.id, { status: "draft", startDate: d("2026-02-01"), valueIdr: 5_000_000n });
  await createAgreement(t.db, buyer.id, u2.organization.id, {
    status: "completed",
    startDate: d("2024-01-01"),
    endDate: d("2024-06-30"),
    valueIdr: 11_000_000n,
  });
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, a5: a5.id });
  const [m1, m2] = a1.milestones;
  const [m3] = a2.milestones;
  const [m4] = a3.milestones;

  const delivery = (
    agreementId: string,
    milestoneId: string | null,
    status: "accepted" | "pending_review",
    created: string,
    reviewed: string | null,
  ) =>
    t.db.delivery.create({
      data: {
        agreementId,
        milestoneId,
        quantity: 10,
        deliveredOn: at(created),
        onTime: true,
        status,
        createdAt: at(created),
        reviewedAt: reviewed ? at(reviewed) : null,
      },
    });
  await delivery(a1.id, m1.id, "accepted", "2026-03-01T08:00:00", "2026-03-03T08:00:00"); // reviewed in 2 days
  await delivery(a1.id, m2.id, "accepted", "2026-05-01T08:00:00", "2026-05-20T08:00:00"); // 19 days: late review
  await delivery(a2.id, m3.id, "accepted", "2026-04-01T08:00:00", "2026-04-02T08:00:00");
  await delivery(a3.id, m4.id, "pending_review", "2026-11-01T08:00:00", null); // waiting > 7 days: late
  const recent = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 19);
  await delivery(a3.id, null, "pending_review", recent, null); // waiting 2 days: not counted yet
  await delivery(a3.id, null, "accepted", "2026-06-01T08:00:00", null); // accepted before reviews were stamped: not counted

  const payment = (agreementId: string, milestoneId: string, amount: bigint, paidOn: string, receivedOn: string | null) =>
    t.db.payment.create({
      data: {
        agreementId,
        milestoneId,
        amountIdr: amount,
        paidOn: d(paidOn),
        receivedOn: receivedOn ? d(receivedOn) : null,
        receiptConfirmedAt: receivedOn ? new Date() : null,
      },
    });
  await payment(a1.id, m1.id, 50_000_000n, "2026-03-20", "2026-04-20"); // 50 days > 30: late
  const p2 = await payment(a1.id, m2.id, 50_000_000n, "2026-05-10", null); // unconfirmed: m2 unpaid past 2026-05-31: late
  await payment(a2.id, m3.id, 200_000_000n, "2026-04-09", "2026-04-10"); // 9 days <= 14: on time
  ids.p2 = p2.id;

  // the buyer's ratings by UMKM partners: two so far (suppressed)
  await t.db.rating.create({ data: { agreementId: a1.id, raterId: u1.organization.id, rateeId: buyer.id, score: 4 } });
  await t.db.rating.create({ data: { agreementId: a2.id, raterId: u2.organization.id, rateeId: buyer.id, score: 5 } });

  // the other buyer: two partners only
  await createAgreement(t.db, other.id, u1.organization.id, { startDate: d("2026-05-01"), valueIdr: 10_000_000n });
  await createAgreement(t.db, other.id, u7.organization.id, { startDate: d("2026-05-01"), valueIdr: 10_000_000n });
});

describe("the components", () => {
  it("count partners, agreements, value and the micro/small share from verified, non-excluded agreements", async () => {
    const ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    // u1, u2, u3 lead; u6 is a consortium member; u4 unverified, u5 excluded, 2024 and the draft outside
    expect(ix.components.partners).toBe(4);
    expect(ix.components.agreements).toEqual({ active: 1, completed: 1, terminated: 1, total: 3 });
    expect(ix.components.valueIdr).toBe(600_000_000n);
    // mikro (u1: 100M) + kecil (u2: 200M) of 600M
    expect(ix.components.microSmallShare).toBe(0.5);
    expect(ix.components.partnersMovedUp).toBe(1);
  });

  it("counts days to pay and late payments from confirmed receipts, and unpaid milestones past their term", async () => {
    const ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    // confirmed: 50 days (late, term 30) and 9 days (term 14); m2's payment is not confirmed, so m2 is unpaid
    // past its term (30 days after 2026-05-01); m4's delivery has waited for review since 2026-11-01, which
    // starts its term all the same (a buyer that never reviews is not spared): unpaid past 2026-12-01
    expect(ix.components.daysToPayMedian).toBe(9);
    expect(ix.components.daysToPayP90).toBe(50);
    expect(ix.counts).toMatchObject({ paymentsCounted: 4, paymentsLate: 3, unpaidPastTerm: 2 });
    expect(ix.components.latePaymentShare).toBeCloseTo(3 / 4, 10);
  });

  it("counts deliveries reviewed within 7 days; waiting longer counts as not on time", async () => {
    const ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    // reviewed in 2 days, 19 days, 1 day; one waiting since 2026-11-01; the 2-day-old one and the unstamped one not counted
    expect(ix.counts.deliveriesCounted).toBe(4);
    expect(ix.counts.deliveriesOnTime).toBe(2);
    expect(ix.components.deliveryReviewOnTimeShare).toBe(0.5);
  });

  it("shows the partners' rating only from 3 ratings, and gives a grade from 3 partners", async () => {
    let ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    expect(ix.components.partnerRating).toBeNull();
    expect(ix.enoughData).toBe(true);
    expect(ix.score).not.toBeNull();
    expect(ix.grade).not.toBeNull();
    await t.db.rating.create({
      data: { agreementId: ids.a2, raterId: (await orgByName("UD Anggota Konsorsium")).id, rateeId: ids.buyer, score: 3 },
    });
    ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    expect(ix.components.partnerRating).toEqual({ mean: 4, count: 3 });

    const small = (await getPartnershipIndex(ids.other, { kind: "year", year: Y }))!;
    expect(small.components.partners).toBe(2);
    expect(small).toMatchObject({ enoughData: false, score: null, grade: null });
  });

  it("lists the counted partnerships of the year for the report", async () => {
    const list = await listIndexPartnerships(ids.buyer, Y);
    expect(list.map((p) => [p.id, p.status, p.valueIdr])).toEqual([
      [ids.a1, "active", 100_000_000n],
      [ids.a2, "completed", 200_000_000n],
      [ids.a3, "terminated", 300_000_000n],
    ]);
  });
});

async function orgByName(name: string) {
  return t.db.organization.findFirstOrThrow({ where: { name } });
}

async function rollups() {
  const periods = await t.sql.query(`SELECT * FROM "PartnershipIndexPeriod" ORDER BY "buyerId", period`);
  const open = await t.sql.query(`SELECT * FROM "PartnershipIndexOpen" ORDER BY id`);
  expect(periods.length).toBeGreaterThan(0);
  expect(open.length).toBeGreaterThan(0);
  return JSON.stringify([periods, open], (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

describe("kept current by the writing transactions", () => {
  it("drops a confirmed fake partnership and takes it back when the exclusion is lifted", async () => {
    await t.db.agreement.update({ where: { id: ids.a5 }, data: { excludedAt: null } });
    let ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    expect(ix.components.partners).toBe(5);
    expect(ix.components.valueIdr).toBe(1_377_000_000n);
    await t.db.agreement.update({ where: { id: ids.a5 }, data: { excludedAt: new Date() } });
    ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    expect(ix.components.partners).toBe(4);
    expect(ix.components.valueIdr).toBe(600_000_000n);
  });

  it("equal a full recount after a sequence of writes", async () => {
    const a1 = await t.db.agreement.findUniqueOrThrow({ where: { id: ids.a1 }, include: { milestones: true } });
    await t.db.milestone.update({ where: { id: a1.milestones[0].id }, data: { paymentTermDays: 60 } }); // p1 now on time
    await t.db.organization.update({ where: { id: ids.u3 }, data: { verificationStatus: "unverified" } });
    await t.db.delivery.updateMany({
      where: { agreementId: ids.a3, status: "pending_review" },
      data: { status: "accepted", reviewedAt: new Date() },
    });
    await t.db.agreement.update({ where: { id: ids.a1 }, data: { status: "completed", completedAt: at("2026-11-30T00:00:00") } });
    const ix = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    expect(ix.components.partners).toBe(3); // u3 no longer verified
    // p1 on time now (term 60), p3 on time, m2 still unpaid past its term
    expect(ix.counts).toMatchObject({ paymentsCounted: 3, paymentsLate: 1 });
    const incremental = await rollups();
    await t.sql.query(`SELECT pindex_rebuild()`);
    expect(await rollups()).toBe(incremental);
    await t.db.organization.update({ where: { id: ids.u3 }, data: { verificationStatus: "verified" } });
  });
});

describe("POST /api/v1/agreements/{id}/payments/{paymentId}/receipt", () => {
  const post = (token: string | undefined, body: unknown, id = ids.a1, paymentId = ids.p2) =>
    callRoute(receipt, "POST", `/api/v1/agreements/${id}/payments/${paymentId}/receipt`, { token, body, params: { id, paymentId } });

  it("refuses the buyer (403), another UMKM (404), a consortium member (403) and a bad date (400)", async () => {
    expect((await post(tokens.buyer, { receivedOn: "2026-06-02" })).status).toBe(403);
    expect((await post(tokens.u7, { receivedOn: "2026-06-02" })).status).toBe(404);
    expect((await post(tokens.u6, { receivedOn: "2026-06-02" }, ids.a2, ids.p2)).status).toBe(404); // not a2's payment
    expect((await post(tokens.u1, { receivedOn: "2099-01-01" })).status).toBe(400);
    expect((await post(tokens.u1, { receivedOn: "2025-01-01" })).status).toBe(400);
    expect((await post(undefined, { receivedOn: "2026-06-02" })).status).toBe(401);
    const p = await t.db.payment.findUniqueOrThrow({ where: { id: ids.p2 } });
    expect(p.receiptConfirmedAt).toBeNull();
  });

  it("lets the lead supplier confirm once; the payment then counts with its date of receipt", async () => {
    const before = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    const res = await post(tokens.u1, { receivedOn: "2026-06-02" });
    expect(res.status).toBe(200);
    const body = await jsonOf<{ payments: { id: string; receivedOn: string | null }[] }>(res);
    expect(body.payments.find((p) => p.id === ids.p2)?.receivedOn).toBe("2026-06-02");
    expect((await post(tokens.u1, { receivedOn: "2026-06-03" })).status).toBe(409);
    const after = (await getPartnershipIndex(ids.buyer, { kind: "year", year: Y }))!;
    // m2: term from 2026-05-01, received 2026-06-02 = 32 days > 30: still late, now as a paid payment
    expect(after.counts.unpaidPastTerm).toBe(before.counts.unpaidPastTerm - 1);
    expect(after.counts.paymentsCounted).toBe(before.counts.paymentsCounted);
    expect(after.counts.paymentsLate).toBe(before.counts.paymentsLate);
  });
});

describe("GET /api/v1/buyers/{id}/partnership-index", () => {
  const get = (id: string, token?: string) =>
    callRoute(buyerIndex, "GET", `/api/v1/buyers/${id}/partnership-index`, { token, params: { id }, query: { year: String(Y) } });

  it("answers the firm itself, ministry staff and admins; 404 to others while unpublished", async () => {
    for (const who of ["buyer", "ministry", "admin"]) {
      const res = await get(ids.buyer, tokens[who]);
      expect(res.status, who).toBe(200);
      const body = await jsonOf<{ buyer: { id: string }; components: { partners: number }; published: boolean }>(res);
      expect(body.buyer.id).toBe(ids.buyer);
      expect(body.components.partners).toBe(4);
      expect(body.published).toBe(false);
    }
    for (const who of [undefined, "other", "u1"]) expect((await get(ids.buyer, who && tokens[who])).status, String(who)).toBe(404);
    // not a buyer
    expect((await get(ids.u1, tokens.ministry)).status).toBe(404);
  });

  it("answers anyone once published; a published firm with fewer than 3 partners shows no figures", async () => {
    await t.db.organization.updateMany({ where: { id: { in: [ids.buyer, ids.other] } }, data: { indexPublishedAt: new Date() } });
    const res = await get(ids.buyer);
    expect(res.status).toBe(200);
    const body = await jsonOf<{ grade: string | null; components: { partners: number } | null; published: boolean }>(res);
    expect(body.published).toBe(true);
    expect(body.components?.partners).toBe(4);
    expect(body.grade).not.toBeNull();
    const small = await jsonOf<{ grade: string | null; score: number | null; components: unknown }>(await get(ids.other, tokens.u1));
    expect(small).toMatchObject({ grade: null, score: null, components: null });
    // the firm itself still sees its own counts
    const own = await jsonOf<{ components: { partners: number } }>(await get(ids.other, tokens.other));
    expect(own.components.partners).toBe(2);
    await t.db.organization.updateMany({ where: { id: { in: [ids.buyer, ids.other] } }, data: { indexPublishedAt: null } });
  });
});

describe("GET /api/v1/stats/partnership-index", () => {
  const get = (token?: string, opts: { csv?: boolean; lang?: string; query?: Record<string, string> } = {}) =>
    callRoute(ranking, "GET", "/api/v1/stats/partnership-index", {
      token,
      query: { year: String(Y), ...opts.query },
      headers: { ...(opts.csv ? { accept: "text/csv" } : {}), ...(opts.lang ? { "accept-language": opts.lang } : {}) },
    });

  it("ranks every verified buyer for ministry staff and admins; 401 anonymous, 403 others", async () => {
    const res = await get(tokens.ministry);
    expect(res.status).toBe(200);
    const body = await jsonOf<{ data: { rank: number | null; buyer: { id: string }; grade: string | null }[] }>(res);
    const mine = body.data.find((r) => r.buyer.id === ids.buyer)!;
    const small = body.data.find((r) => r.buyer.id === ids.other)!;
    expect(mine.rank).toBe(1);
    expect(small).toMatchObject({ rank: null, grade: null });
    expect(body.data.indexOf(mine)).toBeLessThan(body.data.indexOf(small));
    expect((await get(tokens.admin)).status).toBe(200);
    expect((await get(undefined)).status).toBe(401);
    expect((await get(tokens.buyer)).status).toBe(403);
    expect((await get(tokens.u1)).status).toBe(403);
    // filters: the buyers are private (not BUMN) in Kabupaten Bekasi (Jawa Barat, 32)
    const bumn = await jsonOf<{ data: unknown[] }>(await get(tokens.ministry, { query: { stateOwned: "true" } }));
    expect(bumn.data).toHaveLength(0);
    const jabar = await jsonOf<{ data: { buyer: { id: string } }[] }>(await get(tokens.ministry, { query: { province: "32" } }));
    expect(jabar.data.map((r) => r.buyer.id).sort()).toEqual([ids.buyer, ids.other].sort());
    expect((await get(tokens.ministry, { query: { province: "x" } })).status).toBe(400);
  });

  it("downloads CSV for Excel: BOM, ';', headers in the reader's language", async () => {
    const res = await get(tokens.ministry, { csv: true, lang: "id" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
    const [header, first] = new TextDecoder().decode(bytes).split("\r\n");
    expect(header.split(";").slice(0, 3)).toEqual(["Peringkat", "Perusahaan", "Kepemilikan"]);
    expect(first.split(";").slice(0, 3)).toEqual(["1", "PT Mitra Teladan", "Swasta"]);
    const en = await (await get(tokens.ministry, { csv: true, lang: "en" })).text();
    expect(en.split(";")[0]).toBe("Rank");
  });
});
