// Regional governments (issue 12, ADR 0023) against real databases: who sees which region (types × own/other
// region × province/regency scope), every dashboard figure against counts computed here from the rows, the
// follow-up list's rules, the follow-up CSV, and sign-up of the new organization types with hostile scopes.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { actAs, signOut } from "@/tests/helpers/act-as";
import {
  createAgreement,
  createBuyer,
  createCertification,
  createOrganization,
  createProduct,
  createUmkm,
} from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { registerAccount } from "@/lib/auth/accounts";
import { isDomainError } from "@/lib/errors";
import { GET as dashboardRoute } from "@/app/api/v1/regions/[code]/dashboard/route";
import { GET as followUpRoute } from "@/app/daerah/tindak-lanjut.csv/route";
import { RegionDashboardSchema } from "@/lib/regions/responses";
import { regionDashboard } from "@/lib/regions/dashboard";
import { findRegion } from "@/lib/regions/scope";
import { followUpRows } from "@/lib/regions/follow-up";
import { jakartaToday } from "@/lib/suppliers/search-hits";

const t = useTestDatabase();

/** A calendar day n days from today in Asia/Jakarta (what the rules judge on), as a UTC-midnight Date. */
const today = jakartaToday();
const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000);

const MIKRO = { capitalIdr: 300_000_000n, annualSalesIdr: 1_200_000_000n };
const MENENGAH = { capitalIdr: 6_000_000_000n, annualSalesIdr: 20_000_000_000n };

interface Caller {
  id: string;
  token: string;
  owner: { id: string };
}
async function org(type: Parameters<typeof createOrganization>[1], o: Parameters<typeof createOrganization>[2] = {}): Promise<Caller> {
  const made = await createOrganization(t.db, type, o);
  return { id: made.organization.id, owner: made.owner, token: (await createApiToken(made.owner.id, { name: "t" })).token };
}

let province: Caller; // Jawa Tengah (33)
let kotaPekalongan: Caller; // 33.75
let kabPekalongan: Caller; // 33.26
let unverifiedGov: Caller;
let ministry: Caller;
let platform: Caller;
let buyerCaller: Caller;
let umkmCaller: Caller;
const ids: Record<string, string> = {};

beforeAll(async () => {
  province = await org("regional_government", { regionProvinceCode: "33" });
  kotaPekalongan = await org("regional_government", { regionRegencyCode: "33.75" });
  kabPekalongan = await org("regional_government", { regionRegencyCode: "33.26" });
  unverifiedGov = await org("regional_government", { regionProvinceCode: "33", verificationStatus: "unverified" });
  ministry = await org("ministry");
  platform = await org("platform");
  buyerCaller = await org("buyer");
  const u = await createUmkm(t.db, { regencyCode: "32.04" });
  umkmCaller = { id: u.organization.id, owner: u.owner, token: (await createApiToken(u.owner.id, { name: "t" })).token };

  // Kota Pekalongan (33.75)
  const mk = async (name: string, o: Parameters<typeof createUmkm>[1]) => {
    const made = await createUmkm(t.db, { name, ...o });
    ids[name] = made.organization.id;
    return made.organization.id;
  };
  // micro food maker without halal: followed up; with a "keripik" product
  const a = await mk("Keripik Micro", { regencyCode: "33.75", kbliCodes: ["10710"], ...MIKRO });
  await createProduct(t.db, a, { name: "Keripik tempe renyah", kbliCode: "10710", unit: "bungkus" });
  // medium food maker without halal: NOT followed up (the 2026 deadline is micro and small)
  await mk("Roti Medium", { regencyCode: "33.75", kbliCodes: ["10710"], ...MENENGAH });
  // micro food maker WITH a valid halal certificate
  const c = await mk("Roti Halal", { regencyCode: "33.75", kbliCodes: ["10710"], ...MIKRO });
  await createCertification(t.db, c, { type: "halal", validUntil: day(400) });
  // batik maker: SNI ends in 59 days (listed), ISO 9001 in 61 (not), TKDN ended 5 days ago (listed)
  const d = await mk("Batik Sertifikat", { regencyCode: "33.75", kbliCodes: ["13134"], ...MIKRO });
  await createCertification(t.db, d, { type: "sni", validUntil: day(59), number: "SNI-59" });
  await createCertification(t.db, d, { type: "iso9001", validUntil: day(61), number: "ISO-61" });
  await createCertification(t.db, d, { type: "tkdn", validUntil: day(-5), number: "TKDN-EXPIRED" });
  // an expired halal that was renewed: not listed
  await createCertification(t.db, d, { type: "halal", validUntil: day(-30), number: "HALAL-OLD" });
  await createCertification(t.db, d, { type: "halal", validUntil: day(300), number: "HALAL-NEW" });
  // an unverified (pending) profile: on the NIB list; its certificate pending review does not count as valid
  const g = await mk("Batik Pending", { regencyCode: "33.75", kbliCodes: ["13134"], verificationStatus: "pending", ...MIKRO });
  await createCertification(t.db, g, { type: "sni", validUntil: day(400), verificationStatus: "pending" });

  // Kabupaten Pekalongan (33.26)
  const h = await mk("Batik Kabupaten", { regencyCode: "33.26", kbliCodes: ["13134"], ...MIKRO });
  await createProduct(t.db, h, { name: "Kain batik tulis", kbliCode: "13134" });
  // Kabupaten Bandung (32.04): another province, with a keripik product
  const i = await mk("Keripik Bandung", { regencyCode: "32.04", kbliCodes: ["10710"], ...MIKRO });
  await createProduct(t.db, i, { name: "Keripik singkong", kbliCode: "10710", unit: "bungkus" });

  // Agreements with a verified buyer
  const buyer = buyerCaller.id;
  await createAgreement(t.db, buyer, a, { status: "active", valueIdr: 100_000_000n });
  await createAgreement(t.db, buyer, d, { status: "completed", valueIdr: 40_000_000n });
  await createAgreement(t.db, buyer, h, { status: "completed", valueIdr: 50_000_000n });
  await createAgreement(t.db, buyer, i, { status: "active", valueIdr: 70_000_000n });
  await createAgreement(t.db, buyer, a, { status: "draft", valueIdr: 999_000_000n }); // not counted
  await createAgreement(t.db, buyer, g, { status: "active", valueIdr: 11_000_000n }); // unverified party: not counted
  const excluded = await createAgreement(t.db, buyer, d, { status: "active", valueIdr: 33_000_000n });
  await t.db.agreement.update({ where: { id: excluded.id }, data: { excludedAt: new Date() } }); // fake: not counted
  const unverifiedBuyer = await createBuyer(t.db, { verificationStatus: "pending" });
  await createAgreement(t.db, unverifiedBuyer.organization.id, a, { status: "active", valueIdr: 22_000_000n }); // not counted
});

const dashboard = (caller: Caller | null, code: string) =>
  callRoute(dashboardRoute, "GET", `/api/v1/regions/${code}/dashboard`, { token: caller?.token, params: { code } });

describe("who sees which region (GET /api/v1/regions/{code}/dashboard)", () => {
  const cases: [string, () => Caller | null, string, number][] = [
    ["province government, its province", () => province, "33", 200],
    ["province government, a regency in it", () => province, "33.75", 200],
    ["province government, another regency in it", () => province, "33.26", 200],
    ["province government, another province", () => province, "32", 404],
    ["province government, a regency of another province", () => province, "32.04", 404],
    ["regency government, its regency", () => kotaPekalongan, "33.75", 200],
    ["regency government, its province", () => kotaPekalongan, "33", 404],
    ["regency government, a neighbouring regency", () => kotaPekalongan, "33.26", 404],
    ["other regency government, Kota Pekalongan", () => kabPekalongan, "33.75", 404],
    ["unverified government, its province", () => unverifiedGov, "33", 403],
    ["ministry, any province", () => ministry, "32", 200],
    ["ministry, any regency", () => ministry, "33.26", 200],
    ["platform admin, any region", () => platform, "33.75", 200],
    ["buyer", () => buyerCaller, "33", 403],
    ["UMKM", () => umkmCaller, "32.04", 403],
    ["anonymous", () => null, "33", 401],
    ["ministry, unknown province", () => ministry, "99", 404],
    ["ministry, unknown regency", () => ministry, "33.99", 404],
    ["ministry, malformed code", () => ministry, "33.7x", 404],
    ["province government, malformed code", () => province, "../32", 404],
  ];
  it.each(cases)("%s (%s) → %i", async (_name, caller, code, status) => {
    const res = await dashboard(caller(), code);
    expect(res.status).toBe(status);
    if (status === 200) expect(RegionDashboardSchema.safeParse(await jsonOf(res)).success).toBe(true);
  });

  it("a forbidden or missing answer carries none of the region's figures", async () => {
    const res = await dashboard(kotaPekalongan, "33.26");
    const text = await res.text();
    expect(text).not.toContain("Batik Kabupaten");
    expect(text).not.toContain("umkm");
  });
});

describe("the dashboard's figures", () => {
  /** Counts computed here from the rows, independently of lib/regions' SQL. */
  async function expected(regencies: string[]) {
    const profiles = await t.db.supplierProfile.findMany({
      where: { regencyCode: { in: regencies }, organization: { type: "umkm" } },
      select: { organizationId: true, sizeClass: true, verificationStatus: true },
    });
    const idsIn = new Set(profiles.map((p) => p.organizationId));
    const certs = await t.db.certification.findMany({ where: { organizationId: { in: [...idsIn] } } });
    const valid = (type: string) =>
      new Set(
        certs
          .filter(
            (c) =>
              c.type === type &&
              c.verificationStatus === "verified" &&
              c.verifiedAt !== null &&
              c.verifiedAt <= new Date() &&
              (c.validUntil === null || c.validUntil.toISOString().slice(0, 10) >= today),
          )
          .map((c) => c.organizationId),
      ).size;
    const agreements = await t.db.agreement.findMany({
      where: { supplierId: { in: [...idsIn] } },
      select: { status: true, valueIdr: true, supplierId: true, excludedAt: true, buyer: true, supplier: true },
    });
    const counted = agreements.filter(
      (a) =>
        (a.status === "active" || a.status === "completed") &&
        a.excludedAt === null &&
        a.buyer.verificationStatus === "verified" &&
        a.supplier.verificationStatus === "verified",
    );
    return {
      total: profiles.length,
      mikro: profiles.filter((p) => p.sizeClass === "mikro").length,
      menengah: profiles.filter((p) => p.sizeClass === "menengah").length,
      verified: profiles.filter((p) => p.verificationStatus === "verified").length,
      pending: profiles.filter((p) => p.verificationStatus === "pending").length,
      halal: valid("halal"),
      sni: valid("sni"),
      iso9001: valid("iso9001"),
      tkdn: valid("tkdn"),
      agreements: counted.length,
      active: counted.filter((a) => a.status === "active").length,
      completed: counted.filter((a) => a.status === "completed").length,
      value: counted.reduce((s, a) => s + a.valueIdr, 0n),
      partnering: new Set(counted.map((a) => a.supplierId)).size,
    };
  }

  it("a regency: UMKM by size, verification and certificates, and its counted partnerships, exact", async () => {
    const d = await regionDashboard((await findRegion("33.75"))!);
    const e = await expected(["33.75"]);
    expect(d.umkm.total).toBe(e.total);
    expect(d.umkm.total).toBe(5);
    expect(d.umkm.bySizeClass.mikro).toBe(e.mikro);
    expect(d.umkm.bySizeClass.menengah).toBe(e.menengah);
    expect(d.umkm.byVerification.verified).toBe(e.verified);
    expect(d.umkm.byVerification.pending).toBe(e.pending);
    expect(d.umkm.certificates).toEqual({ halal: e.halal, sni: e.sni, iso9001: e.iso9001, tkdn: e.tkdn });
    // the pending SNI does not count; the batik maker's 59-day SNI does
    expect(d.umkm.certificates.sni).toBe(1);
    expect(d.partnerships).toEqual({
      agreements: e.agreements,
      active: e.active,
      completed: e.completed,
      valueIdr: e.value,
      umkm: e.partnering,
    });
    // 100 M (active) + 40 M (completed); not the draft, the unverified party's, the excluded one, the unverified buyer's
    expect(d.partnerships.valueIdr).toBe(140_000_000n);
    expect(d.umkm.bySector.find((s) => s.section === "C")?.count).toBe(5);
    expect(d.regencies).toEqual([expect.objectContaining({ code: "33.75", umkm: 5, agreements: 2, valueIdr: 140_000_000n })]);
  });

  it("a province: the sum over its regencies, each regency row exact, nothing from another province", async () => {
    const d = await regionDashboard((await findRegion("33"))!);
    const regencies = (await t.db.regency.findMany({ where: { provinceCode: "33" }, select: { code: true } })).map((r) => r.code);
    const e = await expected(regencies);
    expect(d.umkm.total).toBe(e.total);
    expect(d.umkm.total).toBe(6);
    expect(d.partnerships.agreements).toBe(e.agreements);
    expect(d.partnerships.valueIdr).toBe(190_000_000n);
    expect(d.regencies).toHaveLength(regencies.length);
    const kab = d.regencies.find((r) => r.code === "33.26")!;
    expect(kab).toMatchObject({ umkm: 1, verifiedUmkm: 1, agreements: 1, valueIdr: 50_000_000n, partneringUmkm: 1 });
    expect(d.regencies.reduce((s, r) => s + r.umkm, 0)).toBe(d.umkm.total);
    expect(d.regencies.reduce((s, r) => s + r.valueIdr, 0n)).toBe(d.partnerships.valueIdr);
  });

  it("the API answers the same figures as integers", async () => {
    const body = await jsonOf<{ partnerships: { valueIdr: number }; umkm: { total: number } }>(await dashboard(province, "33.75"));
    expect(body.partnerships.valueIdr).toBe(140_000_000);
    expect(body.umkm.total).toBe(5);
  });
});

describe("the follow-up list", () => {
  it("halal: micro/small food and drink makers without a valid halal certificate, not medium ones, not certified ones", async () => {
    const rows = await followUpRows((await findRegion("33.75"))!, today, { kind: "halal" });
    expect(rows.map((r) => r.name)).toEqual(["Keripik Micro"]);
  });

  it("certificates: ended, or ending within 60 days (59 yes, 61 no); a renewed one is not listed", async () => {
    const rows = await followUpRows((await findRegion("33.75"))!, today, { kind: "certificate" });
    const numbers = rows.map((r) => r.certificateNumber);
    expect(numbers).toContain("SNI-59");
    expect(numbers).toContain("TKDN-EXPIRED");
    expect(numbers).not.toContain("ISO-61");
    expect(numbers).not.toContain("HALAL-OLD");
    expect(rows.find((r) => r.certificateNumber === "SNI-59")?.daysLeft).toBe(59);
    expect(rows.find((r) => r.certificateNumber === "TKDN-EXPIRED")?.daysLeft).toBe(-5);
  });

  it("NIB: UMKM whose profile is not verified", async () => {
    const rows = await followUpRows((await findRegion("33.75"))!, today, { kind: "nib" });
    expect(rows.map((r) => r.name)).toEqual(["Batik Pending"]);
  });

  it("the CSV: for Excel (BOM, ';'), headers in the reader's language, only the asker's region", async () => {
    const kota = await t.db.user.findUniqueOrThrow({ where: { id: kotaPekalongan.owner.id } });
    await actAs(kota);
    const res = await callRoute(followUpRoute, "GET", "/daerah/tindak-lanjut.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...lines] = text.trim().split("\r\n");
    expect(header.split(";")[0]).toBe("Jenis tindak lanjut");
    expect(lines.some((l) => l.includes("Keripik Micro"))).toBe(true);
    expect(lines.some((l) => l.includes("SNI-59"))).toBe(true);
    expect(text).not.toContain("Keripik Bandung");
    expect(text).not.toContain("Roti Medium");

    const en = await callRoute(followUpRoute, "GET", "/daerah/tindak-lanjut.csv", {
      headers: { cookie: "NEXT_LOCALE=en" },
      query: { jenis: "halal" },
    });
    const enText = (await en.text()).replace(/^\uFEFF/, "");
    expect(enText.split("\r\n")[0].split(";")[0]).toBe("Follow-up");
    expect(enText.split("\r\n").filter((l) => l).length).toBe(2); // header + Keripik Micro

    // another regency of the same province: 404; a buyer: 403; nobody signed in: 401
    expect((await callRoute(followUpRoute, "GET", "/daerah/tindak-lanjut.csv", { query: { wilayah: "33.26" } })).status).toBe(404);
    await actAs(await t.db.user.findUniqueOrThrow({ where: { id: buyerCaller.owner.id } }));
    expect((await callRoute(followUpRoute, "GET", "/daerah/tindak-lanjut.csv", { query: { wilayah: "33.75" } })).status).toBe(403);
    signOut();
    expect((await callRoute(followUpRoute, "GET", "/daerah/tindak-lanjut.csv")).status).toBe(401);
  });
});

describe("sign-up of the new organization types", () => {
  const base = (type: string, scope: Record<string, string> = {}) => ({
    email: `daftar-${Math.random().toString(36).slice(2)}@contoh.id`,
    password: "kata-sandi-panjang",
    name: "Petugas Dinas",
    organization: { name: "Dinas Koperasi dan UKM Contoh", type, ...scope },
  });
  const fieldsOf = async (input: unknown) => {
    try {
      await registerAccount(input);
    } catch (err) {
      if (isDomainError(err) && err.code === "invalid_input") return err.fields ?? {};
      throw err;
    }
    throw new Error("expected invalid_input");
  };

  it("a regency government is stored with its scope and starts unverified", async () => {
    const r = await registerAccount(base("regional_government", { regionRegencyCode: "33.26" }));
    expect(r.organization).toMatchObject({
      type: "regional_government",
      verificationStatus: "unverified",
      regionRegencyCode: "33.26",
      regionProvinceCode: null,
    });
    const row = await t.db.organization.findUniqueOrThrow({ where: { id: r.organization.id } });
    expect(row.regionRegencyCode).toBe("33.26");
  });

  it("a province government and a cluster manager sign up too", async () => {
    const p = await registerAccount(base("regional_government", { regionProvinceCode: "32" }));
    expect(p.organization).toMatchObject({ regionProvinceCode: "32", regionRegencyCode: null, verificationStatus: "unverified" });
    const c = await registerAccount(base("cluster_manager"));
    expect(c.organization).toMatchObject({ type: "cluster_manager", verificationStatus: "unverified", regionProvinceCode: null });
  });

  it.each([
    ["both scopes", base("regional_government", { regionProvinceCode: "33", regionRegencyCode: "33.26" })],
    ["no scope", base("regional_government")],
    ["unknown province", base("regional_government", { regionProvinceCode: "99" })],
    ["unknown regency", base("regional_government", { regionRegencyCode: "33.99" })],
    ["malformed code", base("regional_government", { regionRegencyCode: "33.26'; --" })],
    ["a scope on an UMKM", base("umkm", { regionProvinceCode: "33" })],
    ["a type one may not sign up as", base("ministry")],
  ])("refused: %s (nothing written)", async (_name, input) => {
    const before = await t.db.organization.count();
    const fields = await fieldsOf(input);
    expect(Object.keys(fields).some((k) => k.startsWith("organization."))).toBe(true);
    expect(await t.db.organization.count()).toBe(before);
  });
});
