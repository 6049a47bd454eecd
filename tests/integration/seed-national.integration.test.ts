// The national demo data (prisma/seed/national.ts) and the programme layer (prisma/seed/demo-clusters.ts) at a
// small size (60 UMKM): every province is covered, identifiers are valid and unique, the three clusters have
// active anchors and members (one of them a cooperative with its own members), the new demo accounts sign in
// to the right organization type and region, the trigger-kept tables (statistics, track records, search
// documents) equal a full rebuild and an independent count, the index inputs have real shapes, and a second
// database gets the same data. The knob at 0 is covered by seed.integration.test.ts (the base demo).
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useTestDatabase } from "@/tests/helpers/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { verifyCredentials } from "@/lib/auth/accounts";
import { loadSessionUser } from "@/lib/auth/session-user";
import { parseNpwp, PROVINCE_CODES } from "@/lib/suppliers/identifiers";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery } from "@/lib/suppliers/search-query";
import { seedDemoData } from "@/prisma/seed/demo";
import type { Db } from "@/lib/db/client";

const t = useTestDatabase();
const SEED_TIMEOUT = 180_000; // a loaded 2-core machine
const SIZE = 60;
let hash = "";

beforeAll(async () => {
  hash = await hashPassword(DEMO_PASSWORD);
  const result = await seedDemoData(t.db, { passwordHash: hash, nationalUmkm: SIZE });
  expect(result.national).toMatchObject({ umkm: SIZE, provinces: 38 });
}, SEED_TIMEOUT);

const rows = <T>(sql: string) => t.sql.query(sql) as Promise<T[]>;

describe("national demo data", () => {
  it("spreads the UMKM over all 38 provinces with real codes, valid unique identifiers, mostly verified micro and small firms", async () => {
    const national = await t.db.organization.findMany({
      where: { id: { startsWith: "natu" } },
      select: {
        type: true,
        verificationStatus: true,
        regency: { select: { provinceCode: true } },
        supplierProfile: {
          select: { nib: true, npwp: true, sizeClass: true, regencyCode: true, kbli: { select: { kbli: { select: { level: true } } } } },
        },
        products: { select: { id: true } },
      },
    });
    expect(national).toHaveLength(SIZE);
    expect(national.every((o) => o.type === "umkm" && o.supplierProfile !== null && o.products.length >= 2)).toBe(true);
    const provinces = new Set(national.map((o) => o.regency!.provinceCode));
    expect(provinces).toEqual(new Set(PROVINCE_CODES));
    expect(national.every((o) => o.supplierProfile!.kbli.length >= 1 && o.supplierProfile!.kbli.every((k) => k.kbli.level === 5))).toBe(
      true,
    );
    const verified = national.filter((o) => o.verificationStatus === "verified").length;
    expect(verified / SIZE).toBeGreaterThan(0.8);
    const small = national.filter((o) => o.supplierProfile!.sizeClass === "mikro" || o.supplierProfile!.sizeClass === "kecil").length;
    expect(small / SIZE).toBeGreaterThan(0.75);

    // Every profile of the database (base demo too): NIB 13 digits, NPWP valid, both unique.
    const ids = await t.db.supplierProfile.findMany({ select: { nib: true, npwp: true } });
    const nibs = ids.map((p) => p.nib).filter((x): x is string => !!x);
    const npwps = ids.map((p) => p.npwp).filter((x): x is string => !!x);
    expect(nibs.every((n) => /^\d{13}$/.test(n))).toBe(true);
    expect(new Set(nibs).size).toBe(nibs.length);
    expect(npwps.every((n) => parseNpwp(n).ok)).toBe(true);
    expect(new Set(npwps).size).toBe(npwps.length);
  });

  it("gives most provinces at least 3 verified UMKM that partner with verified buyers", async () => {
    const perProvince = await rows<{ province: string; umkm: number }>(`
      SELECT r."provinceCode" AS province, count(DISTINCT a."supplierId")::int AS umkm
        FROM "Agreement" a
        JOIN "Organization" s ON s.id = a."supplierId" AND s."verificationStatus" = 'verified'
        JOIN "Organization" b ON b.id = a."buyerId" AND b."verificationStatus" = 'verified'
        JOIN "Regency" r ON r.code = s."regencyCode"
       WHERE a.status IN ('active', 'completed') GROUP BY 1`);
    // 60 UMKM: the first 38 partner, one per province (at 2,000, the first 114 give every province three).
    expect(perProvince).toHaveLength(38);
  });

  it("creates the three clusters with active anchors and members, a member cooperative with its own members, and their managers", async () => {
    const clusters = await t.db.cluster.findMany({
      orderBy: { name: "asc" },
      select: {
        name: true,
        regencyCodes: true,
        provinceCodes: true,
        manager: { select: { type: true, regionProvinceCode: true, regionRegencyCode: true, verificationStatus: true } },
        anchors: { where: { status: "active" }, select: { buyer: { select: { type: true } } } },
        members: { select: { status: true, organization: { select: { type: true, id: true } } } },
      },
    });
    expect(clusters.map((c) => c.name)).toEqual([
      "Klaster Batik Pekalongan",
      "Klaster Komponen Motor Listrik Jawa Barat",
      "Klaster Pangan Olahan Jawa Timur",
    ]);
    const [batik, emotor, food] = clusters;
    for (const c of clusters) {
      expect(c.anchors.length, c.name).toBeGreaterThanOrEqual(1);
      expect(c.anchors.every((a) => a.buyer.type === "buyer")).toBe(true);
      expect(c.members.filter((m) => m.status === "active").length, c.name).toBeGreaterThanOrEqual(3);
      expect(c.manager.verificationStatus).toBe("verified");
    }
    expect(emotor.manager.type).toBe("cluster_manager");
    expect(food.manager).toMatchObject({ type: "regional_government", regionProvinceCode: "35", regionRegencyCode: null });
    expect(batik.manager).toMatchObject({ type: "regional_government", regionProvinceCode: null, regionRegencyCode: "33.75" });
    // real regency codes for the clusters' regions
    const codes = [...emotor.regencyCodes, ...batik.regencyCodes];
    expect(await t.db.regency.count({ where: { code: { in: codes } } })).toBe(codes.length);
    expect(emotor.regencyCodes.every((c) => c.startsWith("32."))).toBe(true);
    // the cooperative member of the batik cluster has its own active members
    const coop = batik.members.find((m) => m.organization.type === "cooperative" && m.status === "active");
    expect(coop).toBeDefined();
    expect(
      await t.db.cooperativeMembership.count({ where: { cooperativeId: coop!.organization.id, status: "active" } }),
    ).toBeGreaterThanOrEqual(3);
    // waiting decisions on both sides of the membership flow
    expect(emotor.members.map((m) => m.status)).toEqual(expect.arrayContaining(["invited", "requested"]));
    // national UMKM joined too
    expect(clusters.some((c) => c.members.some((m) => m.organization.id.startsWith("natu")))).toBe(true);
  });

  it("lets the new demo accounts sign in to a verified organization of the right type and region", async () => {
    for (const email of ["klaster@demo.rantai.id", "pemprov@demo.rantai.id", "pemkab@demo.rantai.id"]) {
      const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
      const user = await verifyCredentials({ email, password: DEMO_PASSWORD }, { address: "203.0.113.7" });
      const session = await loadSessionUser(user.id);
      expect(session?.memberships).toHaveLength(1);
      expect(session!.memberships[0]).toMatchObject({
        organizationType: account.orgType,
        organizationName: account.organization,
        verificationStatus: "verified",
        role: "owner",
      });
      const org = await t.db.organization.findUniqueOrThrow({
        where: { id: session!.memberships[0].organizationId },
        select: { regionProvinceCode: true, regionRegencyCode: true },
      });
      const region = account.region as { provinceCode?: string; regencyCode?: string } | undefined;
      expect(org).toEqual({ regionProvinceCode: region?.provinceCode ?? null, regionRegencyCode: region?.regencyCode ?? null });
    }
  });

  it("leaves the statistics, track records and search documents exactly as a full rebuild and a recount", async () => {
    const snapshot = async () => ({
      cells: await t.sql.query(`SELECT * FROM "StatsCell" ORDER BY 1,2,3,4,5`),
      suppliers: await t.sql.query(`SELECT * FROM "StatsSupplier" ORDER BY 1`),
      months: await t.sql.query(`SELECT * FROM "StatsSupplierMonth" ORDER BY 1,2,3`),
      statuses: await t.sql.query(`SELECT * FROM "StatsAgreementStatus" WHERE agreements <> 0 ORDER BY 1`),
      umkm: await t.sql.query(`SELECT * FROM "StatsUmkm" ORDER BY 1`),
      sizeUps: await t.sql.query(`SELECT * FROM "StatsSizeUp" ORDER BY 1`),
      totals: await t.sql.query(`SELECT * FROM "StatsSupplierTotal" ORDER BY 1`),
      steps: await t.sql.query(`SELECT * FROM "StatsSchemeStep" ORDER BY 1,2,3,4`),
      payments: await t.sql.query(`SELECT * FROM "StatsPayment" ORDER BY 1`),
      trackRecords: await t.sql.query(`SELECT * FROM "SupplierTrackRecord" ORDER BY 1`),
      search: await t.sql.query(
        `SELECT "organizationId", name, "provinceCode", "regencyCode", "sizeClass", verified, "kbliCodes", "kbliPrefixes", "halalUntil",
                "sniUntil", "iso9001Until", "tkdnUntil", "productCount", document::text FROM "SupplierSearch" ORDER BY 1`,
      ),
      terms: await t.sql.query(`SELECT count(*)::int AS n FROM "SearchTerm"`),
    });
    const seeded = await snapshot();
    await t.sql.query(`SELECT stats_rebuild()`);
    await t.sql.query(`SELECT rantai_search_refresh(ARRAY(SELECT "organizationId" FROM "SupplierProfile"))`);
    expect(await snapshot()).toEqual(seeded);

    // Independently: counted agreements by status (both parties verified), and one search document per UMKM.
    const recount = await rows<{ status: string; agreements: number; value: string }>(`
      SELECT a.status::text AS status, count(*)::int AS agreements, sum(a."valueIdr")::text AS value FROM "Agreement" a
        JOIN "Organization" b ON b.id = a."buyerId" AND b."verificationStatus" = 'verified'
        JOIN "Organization" s ON s.id = a."supplierId" AND s."verificationStatus" = 'verified'
       GROUP BY 1 ORDER BY 1`);
    const stored = await rows<{ status: string; agreements: number; valueIdr: string | number | bigint }>(
      `SELECT status, agreements, "valueIdr" FROM "StatsAgreementStatus" WHERE agreements <> 0 ORDER BY 1`,
    );
    expect(stored.map((s) => ({ status: s.status, agreements: s.agreements, value: String(s.valueIdr) }))).toEqual(recount);
    expect(recount.find((r) => r.status === "completed")!.agreements).toBeGreaterThan(10);
    expect(seeded.search).toHaveLength(await t.db.supplierProfile.count());
    expect(seeded.trackRecords.length).toBeGreaterThan(30);
  });

  it("finds seeded UMKM in the directory by the words of their name and products", async () => {
    const org = await t.db.organization.findFirstOrThrow({
      where: { id: { startsWith: "natu" }, verificationStatus: "verified", name: { startsWith: "CV " } },
      orderBy: { id: "asc" },
      select: { id: true, name: true, products: { select: { name: true }, take: 1 } },
    });
    const byName = await searchSuppliers(supplierSearchQuery.parse({ q: org.name.slice(3), limit: 50 }));
    expect(byName.data.map((h) => h.id)).toContain(org.id);
    const byProduct = await searchSuppliers(supplierSearchQuery.parse({ q: org.products[0].name.split(" ")[0], limit: 100 }));
    expect(byProduct.data.length).toBeGreaterThan(0);
  });

  it("records three years of partnerships with the shapes the partnership index reads", async () => {
    const year = new Date().getUTCFullYear();
    const starts = await rows<{ y: number }>(
      `SELECT DISTINCT extract(year FROM "startDate")::int AS y FROM "Agreement" WHERE id LIKE 'nata%'`,
    );
    expect(starts.map((s) => s.y)).toEqual(expect.arrayContaining([year - 2, year - 1, year]));
    const [shape] = await rows<{
      payments: number;
      late: number;
      confirmed: number;
      deliveries: number;
      reviewed7: number;
      reviewedLater: number;
      ratingsOfBuyers: number;
      movedUp: number;
      published: number;
      schemes: number;
    }>(`
      SELECT (SELECT count(*)::int FROM "Payment" p WHERE p.id LIKE 'nata%') AS payments,
             (SELECT count(*)::int FROM "Payment" p JOIN "Milestone" m ON m.id = p."milestoneId"
               WHERE p.id LIKE 'nata%' AND p."paidOn" - p."invoicedOn" > m."paymentTermDays") AS late,
             (SELECT count(*)::int FROM "Payment" p WHERE p.id LIKE 'nata%' AND p."receiptConfirmedAt" IS NOT NULL AND p."receivedOn" >= p."paidOn") AS confirmed,
             (SELECT count(*)::int FROM "Delivery" d WHERE d.id LIKE 'nata%') AS deliveries,
             (SELECT count(*)::int FROM "Delivery" d WHERE d.id LIKE 'nata%' AND d."reviewedAt" <= d."createdAt" + interval '7 days') AS "reviewed7",
             (SELECT count(*)::int FROM "Delivery" d WHERE d.id LIKE 'nata%' AND d."reviewedAt" > d."createdAt" + interval '7 days') AS "reviewedLater",
             (SELECT count(*)::int FROM "Rating" r JOIN "Organization" o ON o.id = r."rateeId" AND o.type = 'buyer'
                JOIN "Organization" u ON u.id = r."raterId" AND u.type = 'umkm') AS "ratingsOfBuyers",
             (SELECT count(DISTINCT "supplierId")::int FROM "SizeClassChange" WHERE id LIKE 'natsc%-2') AS "movedUp",
             (SELECT count(*)::int FROM "Organization" WHERE type = 'buyer' AND "indexPublishedAt" IS NOT NULL) AS published,
             (SELECT count(DISTINCT scheme)::int FROM "Agreement" WHERE id LIKE 'nata%') AS schemes`);
    expect(shape.payments).toBeGreaterThan(50);
    expect(shape.late).toBeGreaterThan(0);
    expect(shape.late).toBeLessThan(shape.payments / 2);
    expect(shape.confirmed / shape.payments).toBeGreaterThan(0.6);
    expect(shape.confirmed).toBeLessThan(shape.payments);
    expect(shape.reviewed7 / shape.deliveries).toBeGreaterThan(0.6);
    expect(shape.reviewedLater).toBeGreaterThan(0);
    expect(shape.ratingsOfBuyers).toBeGreaterThan(5);
    expect(shape.movedUp).toBeGreaterThan(0);
    expect(shape.schemes).toBeGreaterThanOrEqual(4);
    // milestones agree with what happened to them
    const [bad] = await rows<{ n: number }>(`
      SELECT count(*)::int AS n FROM "Milestone" m
       WHERE m.id LIKE 'nata%' AND ((m.status = 'paid') <> EXISTS (SELECT 1 FROM "Payment" p WHERE p."milestoneId" = m.id)
          OR (m.status = 'pending') = EXISTS (SELECT 1 FROM "Delivery" d WHERE d."milestoneId" = m.id))`);
    expect(bad.n).toBe(0);
    const sums = await rows<{ n: number }>(`
      SELECT count(*)::int AS n FROM "Agreement" a WHERE a.id LIKE 'nata%'
         AND a."valueIdr" <> (SELECT sum(m."amountIdr") FROM "Milestone" m WHERE m."agreementId" = a.id)`);
    expect(sums[0].n).toBe(0);
  });

  it(
    "is deterministic: a second database gets the same organizations, identifiers, products and agreements",
    { timeout: SEED_TIMEOUT },
    async () => {
      const other = await createTestDatabase();
      try {
        await seedDemoData(other.db, { passwordHash: hash, nationalUmkm: SIZE });
        const facts = async (db: Db) => ({
          orgs: await db.organization.findMany({
            where: { id: { startsWith: "nat" } },
            orderBy: { id: "asc" },
            select: {
              id: true,
              name: true,
              type: true,
              regencyCode: true,
              verificationStatus: true,
              isStateOwned: true,
              supplierProfile: { select: { nib: true, npwp: true, sizeClass: true, annualSalesIdr: true } },
              products: { orderBy: { id: "asc" }, select: { name: true, kbliCode: true, priceMinIdr: true, monthlyCapacity: true } },
              certifications: { orderBy: { id: "asc" }, select: { type: true, number: true, tkdnPercent: true } },
            },
          }),
          agreements: await db.agreement.findMany({
            where: { id: { startsWith: "nata" } },
            orderBy: { id: "asc" },
            select: {
              number: true,
              buyer: { select: { name: true } },
              supplier: { select: { name: true } },
              scheme: true,
              status: true,
              valueIdr: true,
              milestones: { orderBy: { position: "asc" }, select: { status: true, amountIdr: true } },
            },
          }),
        });
        const [mine, theirs] = [await facts(t.db), await facts(other.db)];
        expect(mine.orgs.length).toBeGreaterThan(SIZE);
        expect(theirs).toEqual(mine);
      } finally {
        await other.release(); // the run's teardown drops it
      }
    },
  );
});
