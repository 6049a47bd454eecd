// Laporan Kemitraan (issue 13) on a real database: a verified buyer's owner issues the report of a year — the
// index and the list of the partnerships it counts, frozen with a code and a fingerprint; anyone with the code
// verifies it (GET /api/v1/reports/{code}); a report whose stored content was changed does not verify; a
// fingerprint from a changed paper does not match; later records change new reports, not issued ones.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createUmkm, createUser } from "@/tests/helpers/factories";
import { GET as verifyRoute } from "@/app/api/v1/reports/[code]/route";
import { fingerprintMatches, issueReport, listOwnReports, normalizeReportCode, verifyReport } from "@/lib/partnership-index/reports";
import { ReportVerificationResponseSchema } from "@/lib/partnership-index/report-responses";

const t = useTestDatabase();
const YEAR = 2026;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

let buyer: Awaited<ReturnType<typeof createBuyer>>;
let partners: Awaited<ReturnType<typeof createUmkm>>[];
const agreementNumbers: string[] = [];

const verify = (code: string, fingerprint?: string) =>
  callRoute(verifyRoute as RouteHandlerFn, "GET", `/api/v1/reports/${code}`, {
    params: { code },
    ...(fingerprint ? { query: { fingerprint } } : {}),
  });

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Baja Nusantara (Persero)", isStateOwned: true });
  partners = [];
  for (let i = 0; i < 3; i++) {
    const umkm = await createUmkm(t.db, { verificationStatus: "verified", name: `CV Mitra Laporan ${i + 1}` });
    partners.push(umkm);
    const a = await createAgreement(t.db, buyer.organization.id, umkm.organization.id, {
      status: "active",
      startDate: d(`${YEAR}-02-0${i + 1}`),
      endDate: d(`${YEAR}-11-30`),
      valueIdr: BigInt(100_000_000 * (i + 1)),
    });
    agreementNumbers.push(a.number);
  }
});

describe("issuing a Laporan Kemitraan", () => {
  it("freezes the index and the partnerships the index counts, with a code and a fingerprint", async () => {
    await actAs(buyer.owner, buyer.organization.id);
    const report = await issueReport((await import("@/tests/helpers/act-as")).currentActor(), YEAR);
    expect(report.code).toMatch(/^LK-2026-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(report.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    const s = report.snapshot;
    expect(s.buyer.name).toBe("PT Baja Nusantara (Persero)");
    expect(s.buyer.stateOwned).toBe(true);
    expect(s.index.components.partners).toBe(3);
    expect(s.index.components.valueIdr).toBe("600000000");
    expect(s.partnerships.map((p) => p.number).sort()).toEqual([...agreementNumbers].sort());
    expect(s.partnerships.map((p) => p.partner).sort()).toEqual(["CV Mitra Laporan 1", "CV Mitra Laporan 2", "CV Mitra Laporan 3"]);
    const stored = await t.db.partnershipReport.findUniqueOrThrow({ where: { code: report.code } });
    expect(stored.buyerId).toBe(buyer.organization.id);
    expect(stored.year).toBe(YEAR);
    const audit = await t.db.auditLog.findFirst({ where: { action: "partnership_report.issued", entityId: report.code } });
    expect(audit?.organizationId).toBe(buyer.organization.id);
  });

  it("is refused to a plain member, an unverified buyer, an UMKM and a visitor; nothing is written", async () => {
    const before = await t.db.partnershipReport.count();
    const member = await createUser(t.db);
    await t.db.membership.create({ data: { userId: member.id, organizationId: buyer.organization.id, role: "member" } });
    const unverified = await createBuyer(t.db, { verificationStatus: "pending" });
    const { currentActor } = await import("@/tests/helpers/act-as");

    await actAs(member, buyer.organization.id);
    await expect(issueReport(currentActor(), YEAR)).rejects.toMatchObject({ code: "forbidden" });
    await actAs(unverified.owner, unverified.organization.id);
    await expect(issueReport(currentActor(), YEAR)).rejects.toMatchObject({ code: "verification_required" });
    await actAs(partners[0].owner, partners[0].organization.id);
    await expect(issueReport(currentActor(), YEAR)).rejects.toMatchObject({ code: "forbidden" });
    signOut();
    await expect(issueReport(null, YEAR)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await t.db.partnershipReport.count()).toBe(before);
  });

  it("keeps an issued report as it was when later records change the index; a new report shows them", async () => {
    const { currentActor } = await import("@/tests/helpers/act-as");
    await actAs(buyer.owner, buyer.organization.id);
    const first = await issueReport(currentActor(), YEAR);
    const fourth = await createUmkm(t.db, { verificationStatus: "verified" });
    await createAgreement(t.db, buyer.organization.id, fourth.organization.id, {
      status: "active",
      startDate: d(`${YEAR}-06-01`),
      endDate: d(`${YEAR}-12-31`),
      valueIdr: 50_000_000n,
    });
    const second = await issueReport(currentActor(), YEAR);
    expect(second.snapshot.index.components.partners).toBe(4);
    expect(second.fingerprint).not.toBe(first.fingerprint);

    const again = await verifyReport(first.code);
    expect(again?.status).toBe("genuine");
    if (again?.status !== "genuine") throw new Error("unreachable");
    expect(again.report.snapshot.index.components.partners).toBe(3);
    expect(again.report.fingerprint).toBe(first.fingerprint);

    const own = await listOwnReports(currentActor(), YEAR);
    expect(own.map((r) => r.code)).toEqual(expect.arrayContaining([first.code, second.code]));
    const other = await createBuyer(t.db);
    await actAs(other.owner, other.organization.id);
    expect(await listOwnReports(currentActor(), YEAR)).toEqual([]);
  });
});

describe("GET /api/v1/reports/{code} — verification", () => {
  let code: string;
  let fingerprint: string;

  beforeAll(async () => {
    const { currentActor } = await import("@/tests/helpers/act-as");
    await actAs(buyer.owner, buyer.organization.id);
    const r = await issueReport(currentActor(), YEAR);
    code = r.code;
    fingerprint = r.fingerprint;
    signOut();
  });

  it("shows anyone a genuine, unchanged report as issued, and compares a typed fingerprint", async () => {
    const res = await verify(code);
    expect(res.status).toBe(200);
    const body = ReportVerificationResponseSchema.parse(await jsonOf(res));
    expect(body).toMatchObject({ code, genuine: true, unchanged: true, year: YEAR, fingerprint, fingerprintMatches: null });
    expect(body.buyer.name).toBe("PT Baja Nusantara (Persero)");
    expect(body.report?.partnerships).toHaveLength(4);

    const typed = fingerprint.toLowerCase().replace(/-/g, " ");
    expect(((await jsonOf(await verify(code, typed))) as { fingerprintMatches: boolean }).fingerprintMatches).toBe(true);
    // A paper whose figures were edited carries another fingerprint (or the same one over other figures).
    const changed = fingerprint.slice(0, -1) + (fingerprint.endsWith("0") ? "1" : "0");
    expect(((await jsonOf(await verify(code, changed))) as { fingerprintMatches: boolean }).fingerprintMatches).toBe(false);
  });

  it("accepts the code as people type it, and answers 404 to unknown and malformed codes", async () => {
    const typed = code.toLowerCase().replace(/0/g, "o");
    expect(normalizeReportCode(typed)).toBe(code);
    expect((await verify(encodeURIComponent(typed))).status).toBe(200);
    const unknown = code.slice(0, -4) + (code.endsWith("ZZZZ") ? "YYYY" : "ZZZZ");
    expect((await verify(unknown)).status).toBe(404);
    for (const bad of ["LK-2026", "x".repeat(41), "' OR 1=1 --", "LK-2026-AAAA-AAAA-AAAU"]) {
      expect((await verify(encodeURIComponent(bad))).status, bad).toBe(404);
    }
  });

  it("does not verify a report whose stored content was changed after it was issued", async () => {
    const { currentActor } = await import("@/tests/helpers/act-as");
    await actAs(buyer.owner, buyer.organization.id);
    const victim = await issueReport(currentActor(), YEAR);
    signOut();
    await t.db.$executeRaw`
      UPDATE "PartnershipReport"
         SET snapshot = jsonb_set(snapshot::jsonb, '{index,components,valueIdr}', '"999000000000"')
       WHERE code = ${victim.code}`;
    const v = await verifyReport(victim.code);
    expect(v?.status).toBe("altered");
    const res = await verify(victim.code);
    expect(res.status).toBe(200);
    const body = ReportVerificationResponseSchema.parse(await jsonOf(res));
    expect(body).toMatchObject({ genuine: true, unchanged: false, fingerprint: null, report: null });
  });
});

describe("fingerprintMatches", () => {
  it("ignores case, spaces and dashes, and never matches an empty input", () => {
    expect(fingerprintMatches("3f2a 9c1b-77d0 12ab e45f", "3F2A-9C1B-77D0-12AB-E45F")).toBe(true);
    expect(fingerprintMatches("3F2A-9C1B-77D0-12AB-E45E", "3F2A-9C1B-77D0-12AB-E45F")).toBe(false);
    expect(fingerprintMatches("--", "3F2A-9C1B-77D0-12AB-E45F")).toBe(false);
  });
});
