// The supplier directory against a real database (both backends): the trigger-maintained search document,
// typo-tolerant full-text search, filters (valid certificates only, minimum TKDN, region, KBLI, size,
// verified), sorting and keyset pagination.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { createCertification, createOrganization, createProduct, createUmkm, dateInDays } from "@/tests/helpers/factories";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery, type SupplierSearchInput } from "@/lib/suppliers/search-query";
import { editDistance, pickCorrections } from "@/lib/suppliers/spelling";

const t = useTestDatabase();

const search = (input: SupplierSearchInput) => searchSuppliers(supplierSearchQuery.parse(input));
const names = async (input: SupplierSearchInput) => (await search(input)).data.map((s) => s.name);

let batik: Awaited<ReturnType<typeof createUmkm>>;
let roti: Awaited<ReturnType<typeof createUmkm>>;
let mebel: Awaited<ReturnType<typeof createUmkm>>;

beforeAll(async () => {
  // Pekalongan (Jawa Tengah 33), batik, verified, valid halal? no: a batik maker holds SNI and a TKDN of 45%.
  batik = await createUmkm(t.db, {
    name: "UD Sekar Jagad",
    regencyCode: "33.75",
    kbliCodes: ["13134"],
    description: "Pengrajin kain tradisional sejak 1990.",
    capitalIdr: 300_000_000n,
    annualSalesIdr: 1_200_000_000n, // mikro
  });
  await createProduct(t.db, batik.organization.id, { name: "Kain batik tulis motif parang", kbliCode: "13134" });
  await createProduct(t.db, batik.organization.id, { name: "Seragam kantor batik cap", kbliCode: "14111" });
  await createCertification(t.db, batik.organization.id, { type: "sni", validUntil: dateInDays(200) });
  await createCertification(t.db, batik.organization.id, { type: "tkdn", tkdnPercent: "45.00", validUntil: dateInDays(100) });
  await createCertification(t.db, batik.organization.id, { type: "tkdn", tkdnPercent: "80.00", validUntil: dateInDays(-1) }); // expired

  // Bandung (Jawa Barat 32), bakery, pending verification, an EXPIRED halal certificate.
  roti = await createUmkm(t.db, {
    name: "CV Roti Mandiri",
    regencyCode: "32.73",
    kbliCodes: ["10710"],
    description: "Roti dan kue untuk kantin pabrik.",
    verificationStatus: "pending",
    capitalIdr: 2_000_000_000n,
    annualSalesIdr: 10_000_000_000n, // kecil
  });
  await createProduct(t.db, roti.organization.id, { name: "Roti tawar gandum", kbliCode: "10710", unit: "bungkus" });
  await createCertification(t.db, roti.organization.id, { type: "halal", validUntil: dateInDays(-3) });

  // Jepara (Jawa Tengah 33.20), furniture, verified, halal without an end date (valid), ISO 9001 valid.
  mebel = await createUmkm(t.db, {
    name: "PT Ukir Jepara",
    regencyCode: "33.20",
    kbliCodes: ["31001"],
    description: "Mebel kayu jati ukir untuk hotel.",
    capitalIdr: 7_000_000_000n,
    annualSalesIdr: 30_000_000_000n, // menengah
  });
  await createProduct(t.db, mebel.organization.id, { name: "Kursi tamu jati", kbliCode: "31001", unit: "set" });
  await createProduct(t.db, mebel.organization.id, { name: "Meja batik resin", kbliCode: "31001", archivedAt: new Date() }); // archived
  await createCertification(t.db, mebel.organization.id, { type: "iso9001", validUntil: dateInDays(30) });
  await createCertification(t.db, mebel.organization.id, { type: "halal", validUntil: null });

  // Not in the directory: a buyer, and an UMKM without a supplier profile.
  await createOrganization(t.db, "buyer", { name: "PT Batik Pembeli" });
  await createOrganization(t.db, "umkm", { name: "UD Batik Tanpa Profil" });
});

describe("search document (maintained by triggers)", () => {
  it("has one row per UMKM with a profile, with products, KBLI prefixes and certificate dates", async () => {
    const rows = await t.db.supplierSearch.findMany({ orderBy: { name: "asc" } });
    expect(rows.map((r) => r.name)).toEqual(["CV Roti Mandiri", "PT Ukir Jepara", "UD Sekar Jagad"]);
    const b = rows.find((r) => r.organizationId === batik.organization.id)!;
    expect(b.productCount).toBe(2);
    expect(b.kbliCodes).toEqual(["13134", "14111"]);
    expect(b.kbliPrefixes).toEqual(expect.arrayContaining(["C", "13", "131", "1313", "13134", "14", "14111"]));
    expect(b.provinceCode).toBe("33");
    expect(b.verified).toBe(true);
    const m = rows.find((r) => r.organizationId === mebel.organization.id)!;
    expect(m.productCount).toBe(1); // the archived product is not counted
    expect(m.halalUntil?.toISOString().slice(0, 10)).toBe("9999-12-31");
  });

  it("follows renames, verification, product changes and deletions, and rolls back with the transaction", async () => {
    const id = roti.organization.id;
    await t.db.organization.update({ where: { id }, data: { name: "CV Roti Mandiri Jaya" } });
    await t.db.supplierProfile.update({ where: { organizationId: id }, data: { verificationStatus: "verified" } });
    const extra = await createProduct(t.db, id, { name: "Bolu pandan", kbliCode: "10710" });
    let doc = await t.db.supplierSearch.findUniqueOrThrow({ where: { organizationId: id } });
    expect(doc).toMatchObject({ name: "CV Roti Mandiri Jaya", verified: true, productCount: 2 });
    expect(await names({ q: "bolu" })).toEqual(["CV Roti Mandiri Jaya"]);

    await expect(
      t.db.$transaction(async (tx) => {
        await tx.product.update({ where: { id: extra.id }, data: { name: "Bolu kukus" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await names({ q: "kukus" })).toEqual([]);

    await t.db.product.delete({ where: { id: extra.id } });
    await t.db.organization.update({ where: { id }, data: { name: "CV Roti Mandiri" } });
    await t.db.supplierProfile.update({ where: { organizationId: id }, data: { verificationStatus: "pending" } });
    doc = await t.db.supplierSearch.findUniqueOrThrow({ where: { organizationId: id } });
    expect(doc).toMatchObject({ name: "CV Roti Mandiri", verified: false, productCount: 1 });
    expect(await names({ q: "bolu" })).toEqual([]);
  });
});

describe("searchSuppliers", () => {
  it("finds a supplier by a misspelled product word and says which product matched", async () => {
    const page = await search({ q: "btik tulis" });
    expect(page.data.map((s) => s.name)).toEqual(["UD Sekar Jagad"]);
    expect(page.data[0].matchedProduct?.name).toBe("Kain batik tulis motif parang");
    expect(page.interpretation.corrections).toEqual([{ word: "btik", to: expect.arrayContaining(["batik"]) }]);
  });

  it("matches names, descriptions, prefixes and ignores stop words and words found nowhere", async () => {
    expect(await names({ q: "jagad" })).toEqual(["UD Sekar Jagad"]);
    expect(await names({ q: "mebel untuk hotel" })).toEqual(["PT Ukir Jepara"]);
    expect(await names({ q: "gandu" })).toEqual(["CV Roti Mandiri"]); // prefix of "gandum"
    expect(await names({ q: "ROTI" })).toEqual(["CV Roti Mandiri"]);
    const page = await search({ q: "roti qzxwv" });
    expect(page.data.map((s) => s.name)).toEqual(["CV Roti Mandiri"]);
    expect(page.interpretation.ignored).toEqual(["qzxwv"]);
    expect(await names({ q: "qzxwv" })).toEqual([]);
  });

  it("does not find archived products", async () => {
    expect(await names({ q: "resin" })).toEqual([]);
  });

  it("counts only certificates that are valid today", async () => {
    expect(await names({ certification: "halal", sort: "name" })).toEqual(["PT Ukir Jepara"]); // Roti's halal expired
    expect(await names({ certification: "iso9001,halal" })).toEqual(["PT Ukir Jepara"]);
    expect(await names({ certification: ["sni", "halal"] })).toEqual([]);
    expect(await names({ certification: "sni" })).toEqual(["UD Sekar Jagad"]);

    const [hit] = (await search({ q: "jagad" })).data;
    expect(hit.certifications.map((c) => c.type).sort()).toEqual(["sni", "tkdn"]);
    const [jepara] = (await search({ q: "jepara" })).data;
    expect(jepara.certifications).toContainEqual({ type: "halal", validUntil: null });
  });

  it("filters by minimum TKDN using valid TKDN certificates only", async () => {
    expect(await names({ minTkdn: "40" })).toEqual(["UD Sekar Jagad"]);
    expect(await names({ minTkdn: "45" })).toEqual(["UD Sekar Jagad"]);
    expect(await names({ minTkdn: "50" })).toEqual([]); // the 80% certificate expired yesterday
  });

  it("filters by province, regency, KBLI section or code, size class and verification", async () => {
    expect(await names({ province: "33", sort: "name" })).toEqual(["PT Ukir Jepara", "UD Sekar Jagad"]);
    expect(await names({ regency: "32.73" })).toEqual(["CV Roti Mandiri"]);
    expect(await names({ kbli: "C", sort: "name" })).toEqual(["CV Roti Mandiri", "PT Ukir Jepara", "UD Sekar Jagad"]);
    expect(await names({ kbli: "1313" })).toEqual(["UD Sekar Jagad"]);
    expect(await names({ kbli: "14111" })).toEqual(["UD Sekar Jagad"]); // through a product's KBLI
    expect(await names({ kbli: "10" })).toEqual(["CV Roti Mandiri"]);
    expect(await names({ sizeClass: "menengah" })).toEqual(["PT Ukir Jepara"]);
    expect(await names({ verified: "true", sort: "name" })).toEqual(["PT Ukir Jepara", "UD Sekar Jagad"]);
    expect(await names({ q: "batik", province: "32" })).toEqual([]);
  });

  it("returns the region names and the API's fields", async () => {
    const [hit] = (await search({ q: "sekar" })).data;
    expect(hit).toEqual({
      id: batik.organization.id,
      name: "UD Sekar Jagad",
      sizeClass: "mikro",
      province: { code: "33", name: "Jawa Tengah" },
      regency: { code: "33.75", name: "Kota Pekalongan" },
      kbli: ["13134", "14111"],
      certifications: [
        { type: "sni", validUntil: dateInDays(200).toISOString().slice(0, 10) },
        { type: "tkdn", validUntil: dateInDays(100).toISOString().slice(0, 10) },
      ],
      verified: true,
      productCount: 2,
      matchedProduct: null,
      flagships: [], // issue 12: flagship products of its region it matches (none tagged here)
    });
  });

  it("sorts by name and newest, and pages with cursors without gaps or repeats", async () => {
    for (let i = 0; i < 5; i++) {
      const u = await createUmkm(t.db, { name: `UD Anyaman Bambu ${i}`, regencyCode: "34.02", kbliCodes: ["16291"] });
      await createProduct(t.db, u.organization.id, { name: `Keranjang anyaman bambu ${i}`, kbliCode: "16291" });
    }
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ q: "anyaman", limit: "2", ...(cursor ? { cursor } : {}) });
      all.push(...page.data.map((s) => s.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `UD Anyaman Bambu ${i}`));

    const byName: string[] = [];
    cursor = undefined;
    do {
      const page = await search({ province: "34", sort: "name", limit: "2", ...(cursor ? { cursor } : {}) });
      byName.push(...page.data.map((s) => s.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(byName).toEqual([0, 1, 2, 3, 4].map((i) => `UD Anyaman Bambu ${i}`));

    const newest = await search({ province: "34", sort: "newest", limit: "3" });
    expect(newest.data.map((s) => s.name)).toEqual(["UD Anyaman Bambu 4", "UD Anyaman Bambu 3", "UD Anyaman Bambu 2"]);
    const rest = await search({ province: "34", sort: "newest", limit: "3", cursor: newest.nextCursor! });
    expect(rest.data.map((s) => s.name)).toEqual(["UD Anyaman Bambu 1", "UD Anyaman Bambu 0"]);
    expect(rest.nextCursor).toBeNull();

    // A cursor from another sort is refused.
    await expect(search({ province: "34", sort: "name", cursor: newest.nextCursor! })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("relevance for one word (name, then product names, then elsewhere; verified first among equals)", () => {
  it("orders the three bands and pages through them without gaps or repeats", async () => {
    const mk = async (name: string, product: string, description: string, verified: boolean) => {
      const u = await createUmkm(t.db, {
        name,
        regencyCode: "35.78",
        kbliCodes: ["10799"],
        description,
        verificationStatus: verified ? "verified" : "unverified",
      });
      await createProduct(t.db, u.organization.id, { name: product, kbliCode: "10799" });
    };
    await mk("UD Lain B", "Kerupuk udang", "Juga membuat rengginang ketan.", false); // description only: 0
    await mk("UD Produk Satu", "Rengginang ketan manis", "Makanan ringan.", false); // a product name: 4
    await mk("UD Rengginang Nama", "Kerupuk bawang", "Makanan ringan.", false); // the name: 8
    await mk("UD Lain A", "Kerupuk ikan", "Ada rengginang juga.", true); // description only, verified: 1
    await mk("UD Produk Dua", "Rengginang terasi", "Makanan ringan.", true); // a product name, verified: 5
    await mk("UD Rengginang Lengkap", "Rengginang pedas", "Makanan ringan.", false); // name and product: 12
    await mk("UD Rengginang Terverifikasi", "Kerupuk kulit", "Makanan ringan.", true); // the name, verified: 9

    const first = await search({ q: "rengginang" });
    expect(first.data.map((s) => s.name)).toEqual([
      "UD Rengginang Lengkap",
      "UD Rengginang Terverifikasi",
      "UD Rengginang Nama",
      "UD Produk Dua",
      "UD Produk Satu",
      "UD Lain A",
      "UD Lain B",
    ]);

    // bandWindow 1 and 3: the bounded index walk rarely fills a page, so the full ranking takes over
    for (const [limit, bandWindow] of [
      ["1", undefined],
      ["2", undefined],
      ["4", undefined],
      ["2", 1],
      ["3", 3],
    ] as const) {
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchSuppliers(supplierSearchQuery.parse({ q: "rengginang", limit, ...(cursor ? { cursor } : {}) }), {
          bandWindow,
        });
        all.push(...page.data.map((s) => s.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(all, `limit ${limit}, window ${bandWindow}`).toEqual(first.data.map((s) => s.name));
    }

    const ketan = await search({ q: "ketan" });
    expect(ketan.data.map((s) => s.name)).toEqual(["UD Produk Satu", "UD Lain B"]);
  });

  it("corrects swapped, dropped and doubled letters towards the closest word (edit distance)", async () => {
    expect((await search({ q: "btaik" })).interpretation.corrections).toEqual([{ word: "btaik", to: ["batik"] }]);
    expect(await names({ q: "btaik" })).toContain("UD Sekar Jagad");
    expect((await search({ q: "rengginnang" })).interpretation.corrections).toEqual([{ word: "rengginnang", to: ["rengginang"] }]);
    expect((await search({ q: "jpeara" })).data.map((s) => s.name)).toEqual(["PT Ukir Jepara"]);
  });
});

describe("editDistance / pickCorrections", () => {
  it("counts a swap of neighbouring letters as one edit and keeps only the closest candidates", () => {
    expect(editDistance("btaik", "batik")).toBe(1);
    expect(editDistance("mkuena", "mukena")).toBe(1);
    expect(editDistance("kerpik", "keripik")).toBe(1);
    expect(editDistance("roti", "kopi")).toBe(2);
    expect(
      pickCorrections("btaik", [
        { term: "batu", sim: 0.25 },
        { term: "batik", sim: 0.2 },
      ]),
    ).toEqual(["batik"]);
    // nothing within the tolerated typos: the trigram best, if similar enough
    expect(pickCorrections("qzxwv", [{ term: "batik", sim: 0.2 }])).toEqual([]);
  });
});

describe("supplierSearchQuery", () => {
  it("refuses unknown size classes and certification types with field errors, ignores blanks", () => {
    const r = supplierSearchQuery.safeParse({ sizeClass: "besar", certification: "halal,gold", minTkdn: "120", kbli: "1" });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => String(i.path[0])));
    expect(fields).toEqual(new Set(["sizeClass", "certification", "minTkdn", "kbli"]));
    expect(supplierSearchQuery.parse({ sizeClass: "", q: " ", province: "" })).toMatchObject({ sizeClass: undefined, province: undefined });
  });
});
