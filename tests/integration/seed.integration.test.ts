// The demo seed (prisma/seed/demo.ts) and the factories (tests/helpers/factories.ts): the demo data is large
// and varied enough, uses only real reference codes, its accounts log in with the demo password, it is
// deterministic, its notifications render, and the factories produce valid, unique rows.
import { describe, expect, it } from "vitest";
import { createTestDatabase, useTestDatabase } from "@/tests/helpers/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { CERTIFICATION_TYPES } from "@/lib/enums";
import { isDatabaseEmpty, seedDemoData } from "@/prisma/seed/demo";
import {
  createAgreement,
  createBuyer,
  createCertification,
  createCooperative,
  createProduct,
  createQuote,
  createRfq,
  createUmkm,
  createUmkms,
  createUser,
  luhnCheckDigit,
} from "@/tests/helpers/factories";
import { deriveSizeClass } from "@/lib/suppliers/size-class";
import { openItems } from "@/lib/agreements/views";
import { renderNotification } from "@/lib/notifications/notify";
import { safeLink } from "@/lib/notifications/service";

const t = useTestDatabase();
const SEED_TIMEOUT = 120_000; // a loaded 2-core machine

const DAY = 86_400_000;

describe("seedDemoData", () => {
  it("seeds an empty database once", { timeout: SEED_TIMEOUT }, async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    expect(await t.db.installationMarker.count()).toBe(0);
    const result = await seedDemoData(t.db);
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    // The marker the sign-in page looks for before listing the demo accounts (issue 11).
    expect(await t.db.installationMarker.findMany({ select: { key: true } })).toEqual([{ key: "demo-data" }]);
    expect(result.umkm).toBeGreaterThanOrEqual(40);
    expect(result.provinces).toBeGreaterThanOrEqual(8);
  });

  // The demo seed's notifications (here, on the database seeded above, rather than in a file that seeds its own):
  // each demo account that should have some does (with unread ones for the UMKM, buyer, cooperative and bank),
  // every one renders a complete sentence in both languages (no missing ICU values, no message keys), links stay
  // inside the app, and each is about a thing that exists.
  it("gives the demo accounts read and unread notifications that render in both languages", async () => {
    const unreadOf = (email: string) => t.db.notification.count({ where: { user: { email }, readAt: null } });
    expect(await unreadOf("umkm@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("umkm2@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("buyer@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("koperasi@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("bank@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(
      await t.db.notification.count({ where: { user: { email: "umkm@demo.rantai.id" }, readAt: { not: null } } }),
    ).toBeGreaterThanOrEqual(1);

    const all = await t.db.notification.findMany({ include: { organization: { select: { id: true } } } });
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const n of all) {
      for (const locale of ["id", "en"]) {
        const { title, body } = renderNotification(locale, n.type, n.params);
        for (const text of [title, body]) {
          expect(text, `${n.type} ${locale}`).not.toMatch(/notifications\.types|\{|\}|Terjadi kesalahan|went wrong/);
        }
      }
      expect(safeLink(n.link)).toBe(n.link);
      expect(n.organization).not.toBeNull();
    }
    // The batik workshop's invitation is a real one.
    const invited = all.find((n) => n.type === "rfq.invited" && n.organizationId);
    const rfqId = invited!.link!.split("/").pop()!;
    expect(await t.db.rfqInvitation.count({ where: { rfqId, supplierId: invited!.organizationId! } })).toBe(1);
    expect(renderNotification("id", "rfq.invited", invited!.params).body).toMatch(/pukul \d{2}\.\d{2} WIB/);
  });

  it("creates at least 40 UMKM across at least 8 provinces, with a mix of size classes and verification states", async () => {
    const profiles = await t.db.supplierProfile.findMany({
      select: {
        sizeClass: true,
        sizeBasis: true,
        capitalIdr: true,
        annualSalesIdr: true,
        verificationStatus: true,
        nib: true,
        npwp: true,
        regency: { select: { provinceCode: true } },
        organization: { select: { type: true, regencyCode: true, verificationStatus: true } },
        regencyCode: true,
      },
    });
    expect(profiles.length).toBeGreaterThanOrEqual(40);
    expect(profiles.every((p) => p.organization.type === "umkm")).toBe(true);
    expect(new Set(profiles.map((p) => p.regency?.provinceCode)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(profiles.map((p) => p.sizeClass))).toEqual(new Set(["mikro", "kecil", "menengah"]));
    const states = new Set(profiles.map((p) => p.verificationStatus));
    expect(states).toContain("verified");
    expect(states).toContain("pending");
    for (const p of profiles) {
      // The stored class is the one derived from the stored inputs (PP 7/2021 Pasal 35).
      expect(deriveSizeClass({ capitalIdr: p.capitalIdr, annualSalesIdr: p.annualSalesIdr })).toEqual({
        sizeClass: p.sizeClass,
        basis: p.sizeBasis,
      });
      expect(p.nib).toMatch(/^\d{13}$/);
      expect(p.npwp).toMatch(/^0\d{15}$/);
      expect(luhnCheckDigit(p.npwp!.slice(1, 9))).toBe(Number(p.npwp![9]));
      expect(p.organization.regencyCode).toBe(p.regencyCode);
      expect(p.organization.verificationStatus).toBe(p.verificationStatus);
    }
    expect(new Set(profiles.map((p) => p.nib)).size).toBe(profiles.length);
  });

  it("keeps the size-class history, including businesses that moved up a class", async () => {
    const suppliers = await t.db.supplierProfile.findMany({
      select: { sizeClass: true, sizeHistory: { orderBy: { effectiveAt: "asc" }, select: { sizeClass: true, effectiveAt: true } } },
    });
    for (const s of suppliers) {
      expect(s.sizeHistory.length).toBeGreaterThanOrEqual(1);
      expect(s.sizeHistory.at(-1)!.sizeClass).toBe(s.sizeClass);
    }
    const movedUp = suppliers.filter((s) => s.sizeHistory.length > 1 && s.sizeHistory[0].sizeClass !== s.sizeClass);
    expect(movedUp.length).toBeGreaterThanOrEqual(2);
  });

  it("uses only KBLI 2020 kelompok codes and regency codes from the reference tables, across several sectors", async () => {
    // Foreign keys already reject unknown codes; check the level too and look at the spread of sectors.
    const [kbliUsed] = await t.sql.query<{ bad: number; codes: string[] }>(`
      WITH used AS (
        SELECT "kbliVersion" AS v, "kbliCode" AS c FROM "SupplierKbli"
        UNION SELECT "kbliVersion", "kbliCode" FROM "Product"
        UNION SELECT "kbliVersion", "kbliCode" FROM "Rfq")
      SELECT count(*) FILTER (WHERE k.code IS NULL OR k.level <> 5 OR u.v <> '2020')::int AS bad,
             array_agg(DISTINCT u.c) AS codes
      FROM used u LEFT JOIN "KbliCode" k ON k.version = u.v AND k.code = u.c`);
    expect(kbliUsed.bad).toBe(0);
    const divisions = new Set(kbliUsed.codes.map((c) => c.slice(0, 2)));
    // food, textiles, apparel, leather, wood, paper, chemicals, rubber/plastics, basic metals, metal products,
    // automotive, furniture
    for (const d of ["10", "13", "14", "15", "16", "17", "20", "22", "24", "25", "29", "31"]) expect(divisions).toContain(d);

    const [regencies] = await t.sql.query<{ bad: number; used: number }>(`
      WITH used AS (
        SELECT "regencyCode" AS c FROM "Organization" WHERE "regencyCode" IS NOT NULL
        UNION SELECT "regencyCode" FROM "SupplierProfile" WHERE "regencyCode" IS NOT NULL
        UNION SELECT "deliveryRegencyCode" FROM "Rfq")
      SELECT count(*) FILTER (WHERE r.code IS NULL)::int AS bad, count(*)::int AS used
      FROM used u LEFT JOIN "Regency" r ON r.code = u.c`);
    expect(regencies.bad).toBe(0);
    expect(regencies.used).toBeGreaterThanOrEqual(30);

    // Batik from Kota Pekalongan (33.75) is there, under Industri Batik (13134).
    const pekalonganBatik = await t.db.supplierProfile.count({ where: { regencyCode: "33.75", kbli: { some: { kbliCode: "13134" } } } });
    expect(pekalonganBatik).toBeGreaterThanOrEqual(3);
  });

  it("gives products realistic integer-Rupiah prices and capacities, and certifications in every state", async () => {
    const products = await t.db.product.findMany({
      select: { priceMinIdr: true, priceMaxIdr: true, moq: true, monthlyCapacity: true, leadTimeDays: true, unit: true },
    });
    expect(products.length).toBeGreaterThanOrEqual(80);
    for (const p of products) {
      expect(typeof p.priceMinIdr).toBe("bigint");
      expect(p.priceMinIdr! > 0n && p.priceMinIdr! <= p.priceMaxIdr!).toBe(true);
      expect(p.moq! > 0 && p.monthlyCapacity! >= p.moq! && p.leadTimeDays! > 0).toBe(true);
      expect(p.unit.length).toBeGreaterThan(0);
    }
    const today = new Date();
    const certs = await t.db.certification.findMany({ select: { type: true, validUntil: true, documentId: true, tkdnPercent: true } });
    const types = new Set(certs.map((c) => c.type));
    for (const ty of CERTIFICATION_TYPES) expect(types).toContain(ty);
    expect(certs.some((c) => c.validUntil && c.validUntil < today)).toBe(true); // expired
    expect(certs.some((c) => c.validUntil && c.validUntil > today && c.validUntil.getTime() - today.getTime() < 60 * DAY)).toBe(true);
    expect(certs.some((c) => c.documentId === null)).toBe(true);
    expect(certs.some((c) => c.documentId !== null)).toBe(true);
    for (const c of certs.filter((c) => c.type === "tkdn")) {
      expect(Number(c.tkdnPercent)).toBeGreaterThanOrEqual(25);
      expect(Number(c.tkdnPercent)).toBeLessThanOrEqual(100);
    }
    // Halal certification for the food and beverage makers (KBLI division 10).
    const foodMakers = await t.db.organization.findMany({
      where: { supplierProfile: { kbli: { some: { isPrimary: true, kbliCode: { startsWith: "10" } } } } },
      select: { certifications: { select: { type: true } } },
    });
    expect(foodMakers.length).toBeGreaterThanOrEqual(8);
    expect(foodMakers.every((o) => o.certifications.some((c) => c.type === "halal"))).toBe(true);
  });

  it("creates all demo accounts with the right organization types and the demo password", { timeout: SEED_TIMEOUT }, async () => {
    expect(DEMO_ACCOUNTS).toHaveLength(11);
    for (const account of DEMO_ACCOUNTS) {
      const user = await t.db.user.findUnique({
        where: { email: account.email },
        select: {
          passwordHash: true,
          memberships: { select: { role: true, organization: { select: { type: true, name: true, verificationStatus: true } } } },
        },
      });
      expect(user, account.email).not.toBeNull();
      expect(user!.memberships).toHaveLength(1);
      expect(user!.memberships[0].role).toBe("owner");
      expect(user!.memberships[0].organization).toMatchObject({ type: account.orgType, name: account.organization });
      expect(await verifyPassword(user!.passwordHash, DEMO_PASSWORD), account.email).toBe(true);
      expect(await verifyPassword(user!.passwordHash, "salah")).toBe(false);
    }
    const orgOf = async (email: string) =>
      (
        await t.db.membership.findFirstOrThrow({
          where: { user: { email } },
          select: {
            organization: {
              select: {
                id: true,
                isStateOwned: true,
                verificationStatus: true,
                regencyCode: true,
                supplierProfile: { select: { verificationStatus: true, kbli: { select: { kbliCode: true } } } },
              },
            },
          },
        })
      ).organization;
    const batik = await orgOf("umkm@demo.rantai.id");
    expect(batik.regencyCode).toBe("33.75");
    expect(batik.supplierProfile?.verificationStatus).toBe("verified");
    expect(batik.supplierProfile?.kbli.map((k) => k.kbliCode)).toContain("13134");
    expect((await orgOf("umkm2@demo.rantai.id")).id).not.toBe(batik.id);
    const energy = await orgOf("buyer@demo.rantai.id");
    expect(energy.isStateOwned).toBe(true);
    expect((await orgOf("buyer2@demo.rantai.id")).id).not.toBe(energy.id);
    const buyers = await t.db.organization.findMany({ where: { type: "buyer" }, select: { verificationStatus: true } });
    expect(buyers.length).toBe(3);
    expect(buyers.every((b) => b.verificationStatus === "verified")).toBe(true);
    // One hash for all demo accounts; other users have no password.
    const hashes = await t.db.user.findMany({ where: { passwordHash: { not: null } }, select: { email: true, passwordHash: true } });
    expect(hashes.map((h) => h.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(new Set(hashes.map((h) => h.passwordHash)).size).toBe(1);
  });

  it("gives every buyer open RFQs with line items, one sealed and one invite-only with invitations", async () => {
    const now = new Date();
    const buyers = await t.db.organization.findMany({
      where: { type: "buyer" },
      select: {
        name: true,
        rfqs: {
          select: {
            status: true,
            deadline: true,
            sealed: true,
            visibility: true,
            minTkdn: true,
            requiredCertifications: true,
            publishedAt: true,
            items: true,
            invitations: true,
          },
        },
      },
    });
    for (const b of buyers) {
      expect(b.rfqs.length, b.name).toBeGreaterThanOrEqual(1);
      expect(b.rfqs.length, b.name).toBeLessThanOrEqual(3);
      for (const r of b.rfqs) {
        expect(r.status).toBe("open");
        expect(r.deadline > now).toBe(true);
        expect(r.publishedAt).not.toBeNull();
        expect(r.items.length).toBeGreaterThanOrEqual(1);
        for (const it of r.items) expect(it.quantity > 0 && it.targetUnitPriceIdr! > 0n).toBe(true);
      }
    }
    const rfqs = buyers.flatMap((b) => b.rfqs);
    expect(rfqs.some((r) => r.sealed)).toBe(true);
    const invited = rfqs.filter((r) => r.visibility === "invited");
    expect(invited.length).toBeGreaterThanOrEqual(1);
    expect(invited.every((r) => r.invitations.length >= 2)).toBe(true);
    expect(rfqs.some((r) => r.minTkdn !== null && r.requiredCertifications.includes("tkdn"))).toBe(true);
    // The demo UMKM accounts have no quotes yet, so they can try quoting.
    expect(
      await t.db.quote.count({
        where: { supplier: { memberships: { some: { user: { email: { in: ["umkm@demo.rantai.id", "umkm2@demo.rantai.id"] } } } } } },
      }),
    ).toBe(0);
    expect(await t.db.quote.count({ where: { status: "submitted" } })).toBeGreaterThanOrEqual(3);
  });

  it("creates a cooperative with about eight member UMKM and agreements across schemes with milestones", async () => {
    const coop = await t.db.organization.findFirstOrThrow({
      where: { type: "cooperative" },
      select: { cooperativeMembers: { select: { status: true, member: { select: { type: true } } } } },
    });
    expect(coop.cooperativeMembers.length).toBeGreaterThanOrEqual(6);
    expect(coop.cooperativeMembers.every((m) => m.status === "active" && m.member.type === "umkm")).toBe(true);

    const agreements = await t.db.agreement.findMany({
      select: { status: true, scheme: true, version: true, parties: true, versions: true, milestones: true, acceptances: true },
    });
    const statuses = new Set(agreements.map((a) => a.status));
    for (const s of ["active", "completed", "draft"]) expect(statuses).toContain(s);
    expect(new Set(agreements.map((a) => a.scheme)).size).toBeGreaterThanOrEqual(3);
    for (const a of agreements) {
      expect(a.parties.map((p) => p.role).sort()).toEqual(["buyer", "supplier"]);
      expect(a.versions.map((v) => v.version)).toEqual([1]);
      expect(a.milestones.length).toBeGreaterThanOrEqual(1);
      if (a.status === "active" || a.status === "completed") expect(a.acceptances).toHaveLength(2);
    }
    for (const type of ["ministry", "bank", "platform"] as const) {
      expect(await t.db.organization.count({ where: { type } })).toBe(1);
    }
  });

  it("with the national knob at 0 (the default) adds only the clusters, governments and their accounts (issue 12)", async () => {
    expect(await t.db.organization.count({ where: { id: { startsWith: "nat" } } })).toBe(0);
    expect(await t.db.agreement.count()).toBe(8); // seven in demo.ts, one in demo-financing.ts (issue 13)
    expect(await t.db.cluster.count()).toBe(3);
    expect(await t.db.clusterAnchor.count({ where: { status: "active" } })).toBe(3);
    expect(await t.db.organization.count({ where: { type: "cluster_manager" } })).toBe(1);
    expect(await t.db.organization.count({ where: { type: "regional_government" } })).toBe(2);
    // the rollups were rebuilt at the end of the seed: a rebuild changes nothing
    const cells = await t.sql.query(`SELECT * FROM "StatsCell" ORDER BY 1,2,3,4,5`);
    const tracks = await t.sql.query(`SELECT * FROM "SupplierTrackRecord" ORDER BY 1`);
    await t.sql.query(`SELECT stats_rebuild()`);
    expect(await t.sql.query(`SELECT * FROM "StatsCell" ORDER BY 1,2,3,4,5`)).toEqual(cells);
    expect(await t.sql.query(`SELECT * FROM "SupplierTrackRecord" ORDER BY 1`)).toEqual(tracks);
    expect(cells.length).toBeGreaterThan(0);
  });

  it("completes agreements the way the app does: both sides confirmed, a reason exactly when milestones were left open (issue 11)", async () => {
    const completed = await t.db.agreement.findMany({
      where: { status: "completed" },
      select: {
        title: true,
        valueIdr: true,
        buyerConfirmedCompletionAt: true,
        supplierConfirmedCompletionAt: true,
        completionReason: true,
        milestones: { select: { id: true, position: true, title: true, quantity: true, amountIdr: true } },
        deliveries: { select: { milestoneId: true, quantity: true, status: true } },
        payments: { select: { milestoneId: true, amountIdr: true } },
      },
    });
    expect(completed.length).toBeGreaterThanOrEqual(2);
    for (const a of completed) {
      expect(a.buyerConfirmedCompletionAt, a.title).not.toBeNull();
      expect(a.supplierConfirmedCompletionAt, a.title).not.toBeNull();
      expect(a.completionReason !== null, a.title).toBe(openItems(a).length > 0);
    }
  });

  it("is deterministic: a second database gets the same suppliers, identifiers and products", { timeout: SEED_TIMEOUT }, async () => {
    const other = await createTestDatabase();
    try {
      await seedDemoData(other.db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
      const snapshot = async (db: typeof t.db) =>
        await db.organization.findMany({
          where: { type: "umkm" },
          orderBy: { name: "asc" },
          select: {
            name: true,
            supplierProfile: { select: { nib: true, npwp: true, sizeClass: true } },
            products: { orderBy: { name: "asc" }, select: { name: true, priceMinIdr: true } },
          },
        });
      expect(await snapshot(other.db)).toEqual(await snapshot(t.db));
    } finally {
      await other.release(); // the run's teardown drops it
    }
  });
});

describe("factories", () => {
  it("produce unique users, organizations and identifiers (also next to the demo data)", async () => {
    const [a, b] = [await createUmkm(t.db), await createUmkm(t.db)];
    expect(a.owner.email).not.toBe(b.owner.email);
    expect(a.organization.name).not.toBe(b.organization.name);
    expect(a.profile.nib).not.toBe(b.profile.nib);
    expect(a.profile.npwp).not.toBe(b.profile.npwp);
    for (const p of [a.profile, b.profile]) {
      expect(p.nib).toMatch(/^\d{13}$/);
      expect(p.npwp).toMatch(/^0\d{15}$/);
      expect(luhnCheckDigit(p.npwp!.slice(1, 9))).toBe(Number(p.npwp![9]));
    }
    const users = await Promise.all([createUser(t.db), createUser(t.db), createUser(t.db)]);
    expect(new Set(users.map((u) => u.email)).size).toBe(3);
    const batch = await createUmkms(t.db, [
      { name: "UD Uji Batch Satu" },
      { name: "UD Uji Batch Dua", regencyCode: "35.78", kbliCodes: ["17022"] },
    ]);
    expect(batch.size).toBe(2);
    expect(
      await t.db.supplierKbli.count({
        where: { supplierId: batch.get("UD Uji Batch Dua")!.organizationId, kbliCode: "17022", isPrimary: true },
      }),
    ).toBe(1);
  });

  it("derive the size class from capital and sales and record it in the history", async () => {
    const { profile } = await createUmkm(t.db, { capitalIdr: 3_000_000_000n, annualSalesIdr: null });
    expect(profile).toMatchObject({ sizeClass: "kecil", sizeBasis: "capital" });
    const grown = await createUmkm(t.db, {
      capitalIdr: 900_000_000n,
      annualSalesIdr: 16_000_000_000n,
      sizeHistory: [{ annualSalesIdr: 1_500_000_000n, effectiveAt: new Date(Date.now() - 400 * DAY) }],
    });
    expect(grown.profile).toMatchObject({ sizeClass: "menengah", sizeBasis: "annual_sales" });
    const history = await t.db.sizeClassChange.findMany({ where: { supplierId: grown.organization.id }, orderBy: { effectiveAt: "asc" } });
    expect(history.map((h) => h.sizeClass)).toEqual(["mikro", "menengah"]);
  });

  it("build RFQs, quotes, certifications, products, cooperatives and agreements that hang together", async () => {
    const buyer = await createBuyer(t.db);
    const supplier = await createUmkm(t.db);
    const rfq = await createRfq(t.db, buyer.organization.id, { visibility: "invited", invitedSupplierIds: [supplier.organization.id] });
    expect(rfq.status).toBe("open");
    expect(rfq.deadline.getTime()).toBeGreaterThan(Date.now());
    expect(rfq.items.length).toBeGreaterThanOrEqual(1);
    expect(rfq.invitations.map((i) => i.supplierId)).toEqual([supplier.organization.id]);
    const quote = await createQuote(t.db, rfq.id, supplier.organization.id);
    expect(quote.items).toHaveLength(rfq.items.length);

    const cert = await createCertification(t.db, supplier.organization.id, { type: "tkdn", tkdnPercent: "43.25" });
    expect(cert.documentId).not.toBeNull();
    expect(Number(cert.tkdnPercent)).toBe(43.25);
    const product = await createProduct(t.db, supplier.organization.id, { unit: "kodi" });
    expect(product.unit).toBe("kodi");

    const coop = await createCooperative(t.db, { members: [supplier.organization.id] });
    expect(await t.db.cooperativeMembership.count({ where: { cooperativeId: coop.organization.id } })).toBe(1);

    const agreement = await createAgreement(t.db, buyer.organization.id, supplier.organization.id);
    expect(agreement.number).toMatch(/^RNT-\d{4}-\d{6}$/);
    expect(agreement.versions).toHaveLength(1);
    expect(agreement.parties).toHaveLength(2);
    expect(agreement.milestones.length).toBeGreaterThanOrEqual(1);
    const sum = agreement.milestones.reduce((s, m) => s + (m.amountIdr ?? 0n), 0n);
    expect(sum).toBe(agreement.valueIdr);
    const second = await createAgreement(t.db, buyer.organization.id, supplier.organization.id, { status: "draft" });
    expect(second.number).not.toBe(agreement.number);
    expect(second.acceptances).toHaveLength(0);
  });
});
