// What a bank sees of ONE financing request addressed to it (issue 13), on a real database: the supplier's
// public basics, its size class now and its history, only the certificates valid today on its own clock, its
// track record, and the buyer's days-to-pay from the Indeks Kemitraan (no figures with fewer than 3 UMKM
// partners). Every figure is worked out here from the rows this file writes. The exact set of keys of the
// answer is pinned, so nothing else of the supplier or the buyer (NIB, NPWP, contacts, owners, documents,
// capital, sales, address) can leak in unnoticed. Other banks: 404.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createCertification, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as requestRoute } from "@/app/api/v1/agreements/[id]/financing/route";
import { GET as listRoute } from "@/app/api/v1/financing/route";
import { GET as getRoute } from "@/app/api/v1/financing/[id]/route";
import { FinancingBankDetailSchema, FinancingBankPageSchema } from "@/lib/financing/responses";

const t = useTestDatabase();
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const Y = new Date().getUTCFullYear();
const DAY = 86_400_000;
/** Today in Kota Pekalongan (WIB), the supplier's own clock, and days around it: worked out without lib/. */
const todayWib = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
const shift = (days: number) => new Date(Date.parse(`${todayWib}T00:00:00Z`) + days * DAY);
const iso = (x: Date) => x.toISOString().slice(0, 10);

const SECRET = {
  email: "rahasia.usaha@umkm.test",
  phone: "+62811000777",
  ownerEmail: "pemilik.rahasia@umkm.test",
  ownerName: "Ibu Pemilik Rahasia",
  address: "Jl. Rahasia Bank No. 7",
  capital: 2_345_678_901n,
  sales: 9_876_543_210n,
  oldCapital: 250_111_111n,
  oldSales: 1_000_222_222n,
};

const call = (h: unknown, token: string, params: Record<string, string>, body?: unknown) =>
  callRoute(h as RouteHandlerFn, body === undefined ? "GET" : "POST", "/api/v1/x", { token, params, body });

let supplierToken: string, bankToken: string, otherBankToken: string;
let supplier: Awaited<ReturnType<typeof createUmkm>>;
let mainRequest: string, smallBuyerRequest: string;
const certNumbers = {} as Record<string, string>;
const daysToPay: number[] = [];

beforeAll(async () => {
  const buyer = (await createBuyer(t.db, { name: "PT Pembeli Utama" })).organization;
  const smallBuyer = (await createBuyer(t.db, { name: "PT Pembeli Kecil" })).organization;
  const unverifiedBuyer = (await createBuyer(t.db, { verificationStatus: "unverified" })).organization;
  const bank = await createOrganization(t.db, "bank");
  const otherBank = await createOrganization(t.db, "bank");
  bankToken = (await createApiToken(bank.owner.id, { name: "bank" })).token;
  otherBankToken = (await createApiToken(otherBank.owner.id, { name: "bank" })).token;

  // mikro (on old figures) since 2023-03-01, kecil since 2025-06-01
  supplier = await createUmkm(t.db, {
    name: "UD Batik Terpercaya",
    email: SECRET.email,
    phone: SECRET.phone,
    owner: { email: SECRET.ownerEmail, name: SECRET.ownerName, phone: "+62811999000" },
    address: SECRET.address,
    capitalIdr: SECRET.capital,
    annualSalesIdr: SECRET.sales,
    employees: 23,
    foundedYear: 2009,
    kbliCodes: ["13134", "14111"],
    sizeHistory: [{ capitalIdr: SECRET.oldCapital, annualSalesIdr: SECRET.oldSales, effectiveAt: d("2023-03-01") }],
    sizeReportedAt: d("2025-06-01"),
  });
  const s = supplier.organization.id;
  supplierToken = (await createApiToken(supplier.owner.id, { name: "umkm" })).token;

  // Certificates: valid today are the ones ending today or tomorrow, one without an end, and a pending one.
  const cert = async (key: string, o: Parameters<typeof createCertification>[2]) => {
    certNumbers[key] = (await createCertification(t.db, s, { number: `CERT-${key.toUpperCase()}-${Y}`, ...o })).number;
  };
  await cert("expired", { type: "halal", validUntil: shift(-1) });
  await cert("today", { type: "sni", validUntil: shift(0) });
  await cert("tomorrow", { type: "iso9001", validUntil: shift(1) });
  await cert("noend", { type: "tkdn", tkdnPercent: "43.50", validUntil: null });
  await cert("notyet", { type: "halal", validFrom: shift(1), validUntil: shift(400) });
  await cert("returned", { type: "other", name: "Sertifikat ditolak", verificationStatus: "returned" });
  await cert("pending", { type: "other", name: "SVLK", verificationStatus: "pending", validUntil: shift(30) });

  // The buyer's payments this year: three partners, each one milestone paid in full after its accepted delivery.
  const paid = async (supplierId: string, delivered: string, received: string, onTime = true) => {
    const a = await createAgreement(t.db, buyer.id, supplierId, {
      startDate: d(`${Y}-01-02`),
      endDate: d(`${Y}-12-31`),
      valueIdr: 100_000_000n,
      milestones: [{ title: "Termin", dueDate: d(delivered), amountIdr: 100_000_000n, paymentTermDays: 30 }],
    });
    const m = a.milestones[0];
    await t.db.delivery.create({
      data: { agreementId: a.id, milestoneId: m.id, quantity: 10, deliveredOn: d(delivered), onTime, status: "accepted" },
    });
    await t.db.payment.create({
      data: {
        agreementId: a.id,
        milestoneId: m.id,
        amountIdr: 100_000_000n,
        paidOn: d(received),
        receivedOn: d(received),
        receiptConfirmedAt: new Date(),
      },
    });
    daysToPay.push((Date.parse(received) - Date.parse(delivered)) / DAY);
    return a;
  };
  const a1 = await paid(s, `${Y}-01-10`, `${Y}-01-20`); // the financed agreement; its delivery counts in the track record
  await paid((await createUmkm(t.db)).organization.id, `${Y}-01-10`, `${Y}-03-01`); // later than its 30-day term
  await paid((await createUmkm(t.db)).organization.id, `${Y}-01-10`, `${Y}-01-30`);

  // Track record: completed with the buyer two years ago and with the small buyer last year (with its
  // deliveries), one with an unverified buyer (not counted), a terminated one and a draft (neither counted).
  await createAgreement(t.db, buyer.id, s, { status: "completed", startDate: d(`${Y - 2}-01-01`), endDate: d(`${Y - 2}-06-30`) });
  const a3 = await createAgreement(t.db, smallBuyer.id, s, {
    status: "completed",
    startDate: d(`${Y - 1}-01-01`),
    endDate: d(`${Y - 1}-06-30`),
  });
  const deliveries: [string, boolean][] = [
    ["accepted", true],
    ["accepted", false],
    ["rejected", true],
    ["pending_review", true],
  ];
  for (const [status, onTime] of deliveries) {
    await t.db.delivery.create({
      data: {
        agreementId: a3.id,
        milestoneId: a3.milestones[0].id,
        quantity: 5,
        deliveredOn: d(`${Y - 1}-02-01`),
        onTime,
        status: status as "accepted" | "rejected" | "pending_review",
      },
    });
  }
  await createAgreement(t.db, unverifiedBuyer.id, s, { status: "completed", startDate: d(`${Y - 1}-01-01`), endDate: d(`${Y - 1}-03-01`) });
  await createAgreement(t.db, buyer.id, s, { status: "terminated", startDate: d(`${Y - 1}-01-01`), endDate: d(`${Y - 1}-03-01`) });
  await createAgreement(t.db, buyer.id, s, { status: "draft" });
  // An active agreement with the small buyer (its only UMKM partner): the second request.
  const a6 = await createAgreement(t.db, smallBuyer.id, s, { startDate: d(`${Y}-01-02`), endDate: d(`${Y}-12-31`) });

  const ask = async (agreementId: string) => {
    const res = await call(
      requestRoute,
      supplierToken,
      { id: agreementId },
      { bankId: bank.organization.id, type: "invoice", amountIdr: 10_000_000 },
    );
    expect(res.status).toBe(201);
    return (await jsonOf<{ id: string }>(res)).id;
  };
  mainRequest = await ask(a1.id);
  smallBuyerRequest = await ask(a6.id);
});

/** Every key path of a JSON value: "a.b", arrays as "a[].b" (the union over their items). */
function keyPaths(v: unknown, prefix = ""): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => keyPaths(x, `${prefix}[]`)))];
  if (v === null || typeof v !== "object") return [];
  return Object.entries(v).flatMap(([k, x]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return [p, ...keyPaths(x, p)];
  });
}

const REQUEST_KEYS = [
  "id",
  "type",
  "amountIdr",
  "status",
  "buyerConfirmed",
  "buyerConfirmedAt",
  "decisionNote",
  "decidedAt",
  "createdAt",
  "agreement",
  "agreement.number",
  "agreement.scheme",
  "agreement.status",
  "agreement.valueIdr",
  "agreement.startDate",
  "agreement.endDate",
  "agreement.buyer",
  "agreement.buyer.id",
  "agreement.buyer.name",
  "agreement.buyer.paymentBehaviour",
  "agreement.buyer.paymentBehaviour.year",
  "agreement.buyer.paymentBehaviour.enoughData",
  "agreement.buyer.paymentBehaviour.daysToPayMedian",
  "agreement.buyer.paymentBehaviour.daysToPayP90",
  "agreement.buyer.paymentBehaviour.latePaymentShare",
  "agreement.buyer.paymentBehaviour.paymentsCounted",
  "agreement.schedule",
  "agreement.schedule[].position",
  "agreement.schedule[].title",
  "agreement.schedule[].quantity",
  "agreement.schedule[].unit",
  "agreement.schedule[].dueDate",
  "agreement.schedule[].amountIdr",
  "agreement.schedule[].paymentTermDays",
  "supplier",
  "supplier.id",
  "supplier.name",
];

const SUPPLIER_KEYS = [
  "supplier.type",
  "supplier.verified",
  "supplier.regency",
  "supplier.regency.code",
  "supplier.regency.name",
  "supplier.province",
  "supplier.province.code",
  "supplier.province.name",
  "supplier.kbli",
  "supplier.kbli[].code",
  "supplier.kbli[].title",
  "supplier.kbli[].titleEn",
  "supplier.kbli[].isPrimary",
  "supplier.foundedYear",
  "supplier.employees",
  "supplier.sizeClass",
  "supplier.sizeHistory",
  "supplier.sizeHistory[].sizeClass",
  "supplier.sizeHistory[].effectiveAt",
  "supplier.certificates",
  "supplier.certificates[].type",
  "supplier.certificates[].name",
  "supplier.certificates[].number",
  "supplier.certificates[].issuer",
  "supplier.certificates[].validFrom",
  "supplier.certificates[].validUntil",
  "supplier.certificates[].tkdnPercent",
  "supplier.certificates[].verified",
  "supplier.trackRecord",
  "supplier.trackRecord.completedAgreements",
  "supplier.trackRecord.activeAgreements",
  "supplier.trackRecord.deliveriesAccepted",
  "supplier.trackRecord.deliveriesOnTime",
  "supplier.trackRecord.acceptedShare",
];

describe("GET /api/v1/financing/{id} for the bank", () => {
  it("answers exactly these keys, and nothing private of the supplier or the buyer", async () => {
    const res = await call(getRoute, bankToken, { id: mainRequest });
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    const body = await jsonOf(res);
    expect(keyPaths(body).sort()).toEqual([...REQUEST_KEYS, ...SUPPLIER_KEYS].sort());
    FinancingBankDetailSchema.parse(body); // strict at every level it declares

    const p = supplier.profile;
    const forbidden = [
      p.npwp!,
      p.nib!,
      SECRET.email,
      SECRET.phone,
      SECRET.ownerEmail,
      SECRET.ownerName,
      SECRET.address,
      String(SECRET.capital),
      String(SECRET.sales),
      String(SECRET.oldCapital),
      String(SECRET.oldSales),
      "sertifikat-", // certificate document file names
      certNumbers.returned,
      certNumbers.expired,
    ];
    for (const s of forbidden) expect(text, s).not.toContain(s);
    expect(keyPaths(body).join(" ")).not.toMatch(/npwp|nik|nib|email|phone|owner|address|document|capital|sales|website/i);
  });

  it("gives the bank's list the inbox's keys only (the supplier's id and name)", async () => {
    const page = FinancingBankPageSchema.parse(await jsonOf(await call(listRoute, bankToken, {})));
    expect(page.data.map((r) => r.id).sort()).toEqual([mainRequest, smallBuyerRequest].sort());
    for (const r of page.data) expect(keyPaths(r).sort()).toEqual([...REQUEST_KEYS].sort());
  });

  it("shows the supplier's public basics and its size class now and since when", async () => {
    const v = FinancingBankDetailSchema.parse(await jsonOf(await call(getRoute, bankToken, { id: mainRequest })));
    expect(v.supplier).toMatchObject({
      id: supplier.organization.id,
      name: "UD Batik Terpercaya",
      type: "umkm",
      verified: true,
      regency: { code: "33.75" },
      province: { code: "33" },
      foundedYear: 2009,
      employees: 23,
      sizeClass: "kecil",
    });
    expect(v.supplier.kbli.map((k) => [k.code, k.isPrimary])).toEqual([
      ["13134", true],
      ["14111", false],
    ]);
    expect(v.supplier.sizeHistory).toEqual([
      { sizeClass: "mikro", effectiveAt: d("2023-03-01").toISOString() },
      { sizeClass: "kecil", effectiveAt: d("2025-06-01").toISOString() },
    ]);
  });

  it("lists only the certificates valid today: one ending today or tomorrow is, an expired or not yet valid one is not", async () => {
    const v = FinancingBankDetailSchema.parse(await jsonOf(await call(getRoute, bankToken, { id: mainRequest })));
    const byNumber = Object.fromEntries(v.supplier.certificates.map((c) => [c.number, c]));
    expect(Object.keys(byNumber).sort()).toEqual([certNumbers.today, certNumbers.tomorrow, certNumbers.noend, certNumbers.pending].sort());
    expect(byNumber[certNumbers.today]).toMatchObject({ type: "sni", validUntil: todayWib, verified: true });
    expect(byNumber[certNumbers.tomorrow]).toMatchObject({ type: "iso9001", validUntil: iso(shift(1)) });
    expect(byNumber[certNumbers.noend]).toMatchObject({ type: "tkdn", validUntil: null, tkdnPercent: 43.5 });
    expect(byNumber[certNumbers.pending]).toMatchObject({ name: "SVLK", verified: false });
  });

  it("counts the track record: agreements with verified parties, deliveries buyers accepted and on time", async () => {
    const v = FinancingBankDetailSchema.parse(await jsonOf(await call(getRoute, bankToken, { id: mainRequest })));
    // completed: with the buyer (two years ago) and the small buyer; not the unverified buyer's, the terminated
    // one or the draft. Active: the financed agreement and the small buyer's.
    // Deliveries: the financed agreement's (accepted, on time) and last year's: accepted on time, accepted late,
    // rejected, waiting: 3 accepted, 2 on time, 3 of 4 reviewed accepted.
    expect(v.supplier.trackRecord).toEqual({
      completedAgreements: 2,
      activeAgreements: 2,
      deliveriesAccepted: 3,
      deliveriesOnTime: 2,
      acceptedShare: 0.75,
    });
  });

  it("shows the buyer's days-to-pay this year from the index: median, 90th percentile and late share", async () => {
    const v = FinancingBankDetailSchema.parse(await jsonOf(await call(getRoute, bankToken, { id: mainRequest })));
    // percentile_disc: the smallest value whose cumulative share reaches p
    const sorted = [...daysToPay].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.ceil(p * sorted.length) - 1];
    const late = daysToPay.filter((x) => x > 30).length;
    expect(late).toBe(1);
    expect(v.agreement.buyer.paymentBehaviour).toEqual({
      year: Y,
      enoughData: true,
      daysToPayMedian: pct(0.5),
      daysToPayP90: pct(0.9),
      latePaymentShare: late / daysToPay.length,
      paymentsCounted: daysToPay.length,
    });
  });

  it("shows no figure of a buyer with fewer than 3 UMKM partners (belum cukup data)", async () => {
    const v = FinancingBankDetailSchema.parse(await jsonOf(await call(getRoute, bankToken, { id: smallBuyerRequest })));
    expect(v.agreement.buyer.paymentBehaviour).toEqual({
      year: Y,
      enoughData: false,
      daysToPayMedian: null,
      daysToPayP90: null,
      latePaymentShare: null,
      paymentsCounted: null,
    });
  });

  it("is not found for another bank and refused to the supplier", async () => {
    expect((await call(getRoute, otherBankToken, { id: mainRequest })).status).toBe(404);
    expect((await call(getRoute, supplierToken, { id: mainRequest })).status).toBe(403);
  });
});
