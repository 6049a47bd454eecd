// Flagship products (produk unggulan daerah, ADR 0023) against real databases: who may tag them, the matching
// rule (region, KBLI prefix, words in products or profile text), the directory filter on /pemasok's query and
// GET /api/v1/suppliers, and the badge on the list and the public page.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { actAs } from "@/tests/helpers/act-as";
import { createOrganization, createProduct, createUmkm } from "@/tests/helpers/factories";
import { isDomainError } from "@/lib/errors";
import { createFlagship, deleteFlagship, flagshipBadges, listFlagships, updateFlagship } from "@/lib/regions/flagship";
import { searchSuppliers } from "@/lib/suppliers/search";
import { supplierSearchQuery } from "@/lib/suppliers/search-query";
import { getDirectoryProfile } from "@/lib/suppliers/directory-profile";
import { GET as suppliersRoute } from "@/app/api/v1/suppliers/route";
import type { Actor } from "@/lib/auth/types";

const t = useTestDatabase();

let jateng: Actor; // province government of Jawa Tengah (33), verified
let kabPekalongan: Actor; // regency government of 33.26, verified
let unverified: Actor; // province government of 33, unverified
let buyer: Actor;
const id: Record<string, string> = {};

async function gov(
  scope: { regionProvinceCode?: string; regionRegencyCode?: string },
  verificationStatus: "verified" | "unverified" = "verified",
) {
  const made = await createOrganization(t.db, "regional_government", { ...scope, verificationStatus });
  return actAs(made.owner, made.organization.id);
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (isDomainError(err)) return err.code;
    throw err;
  }
  return "ok";
};

beforeAll(async () => {
  jateng = await gov({ regionProvinceCode: "33" });
  kabPekalongan = await gov({ regionRegencyCode: "33.26" });
  unverified = await gov({ regionProvinceCode: "33" }, "unverified");
  const b = await createOrganization(t.db, "buyer");
  buyer = await actAs(b.owner, b.organization.id);

  const mk = async (name: string, o: Parameters<typeof createUmkm>[1], product?: Parameters<typeof createProduct>[2]) => {
    const made = await createUmkm(t.db, { name, ...o });
    id[name] = made.organization.id;
    if (product) await createProduct(t.db, made.organization.id, product);
  };
  // Jawa Tengah
  await mk(
    "Batik Tulis Kota",
    { regencyCode: "33.75", kbliCodes: ["13134"], description: "Pengrajin." },
    { name: "Kain batik TULIS sutra", kbliCode: "13134" },
  );
  await mk(
    "Batik Cap Kabupaten",
    { regencyCode: "33.26", kbliCodes: ["13134"], description: "Batik cap untuk seragam." },
    { name: "Seragam", kbliCode: "14111" },
  );
  await mk(
    "Tenun Kabupaten",
    { regencyCode: "33.26", kbliCodes: ["13121"], description: "Tenun ikat." },
    { name: "Kain tenun", kbliCode: "13121" },
  );
  // words only in an ARCHIVED product: no match
  await mk(
    "Batik Arsip",
    { regencyCode: "33.75", kbliCodes: ["13134"], description: "Pengrajin." },
    { name: "Batik tulis lama", kbliCode: "13134", archivedAt: new Date() },
  );
  // Jawa Barat: same KBLI and words, another province
  await mk(
    "Batik Tulis Bandung",
    { regencyCode: "32.04", kbliCodes: ["13134"], description: "Batik tulis Bandung." },
    { name: "Batik tulis", kbliCode: "13134" },
  );
});

const search = async (input: Record<string, string>) => (await searchSuppliers(supplierSearchQuery.parse(input))).data;

describe("tagging flagship products", () => {
  let batik: string;

  it("a verified government tags one; its list counts the matching UMKM of its region", async () => {
    batik = (await createFlagship(jateng, { name: "Batik tulis Jawa Tengah", kbliCode: "1313", keywords: "Batik Tulis, sutra" })).id;
    const list = await listFlagships(jateng);
    expect(list).toEqual([expect.objectContaining({ id: batik, kbliCode: "1313", keywords: ["batik tulis", "sutra"], matchingUmkm: 1 })]);
  });

  it("matching: region, KBLI prefix, and a word in an active product or the profile text", async () => {
    const badges = await flagshipBadges(Object.values(id));
    const matched = Object.entries(id)
      .filter(([, v]) => badges.has(v))
      .map(([k]) => k);
    // the product name (case-insensitive); not the archived product; not the other province
    expect(matched).toEqual(["Batik Tulis Kota"]);
    expect(badges.get(id["Batik Tulis Kota"])).toEqual([{ flagshipId: batik, name: "Batik tulis Jawa Tengah", regionName: "Jawa Tengah" }]);
  });

  it("words in the profile description match too; without words, the KBLI prefix alone", async () => {
    await createFlagship(kabPekalongan, { name: "Batik cap", kbliCode: "13134", keywords: ["batik cap"] });
    await createFlagship(kabPekalongan, { name: "Tekstil", kbliCode: "131", keywords: [] });
    const badges = await flagshipBadges(Object.values(id));
    expect(
      badges
        .get(id["Batik Cap Kabupaten"])
        ?.map((b) => b.name)
        .sort(),
    ).toEqual(["Batik cap", "Tekstil"]);
    expect(badges.get(id["Tenun Kabupaten"])?.map((b) => b.name)).toEqual(["Tekstil"]);
    // a regency government's flagship stays in its regency
    expect(badges.get(id["Batik Tulis Kota"])?.map((b) => b.name)).toEqual(["Batik tulis Jawa Tengah"]);
    expect(badges.get(id["Batik Arsip"])).toBeUndefined();
  });

  it("the directory filters by it (unggulan / flagship=true) and shows the badge; the public page too", async () => {
    const hits = await search({ flagship: "true" });
    expect(hits.map((h) => h.name).sort()).toEqual(["Batik Cap Kabupaten", "Batik Tulis Kota", "Tenun Kabupaten"]);
    const withText = await search({ flagship: "1", q: "tenun" });
    expect(withText.map((h) => h.name)).toEqual(["Tenun Kabupaten"]);
    expect((await search({ flagship: "false" })).length).toBe(Object.keys(id).length);
    const kota = hits.find((h) => h.name === "Batik Tulis Kota")!;
    expect(kota.flagships).toEqual([expect.objectContaining({ name: "Batik tulis Jawa Tengah", regionName: "Jawa Tengah" })]);

    const res = await callRoute(suppliersRoute, "GET", "/api/v1/suppliers", { query: { flagship: "true", province: "33" } });
    expect(res.status).toBe(200);
    const body = await jsonOf<{ data: { name: string; flagships: { regionName: string }[] }[] }>(res);
    expect(body.data.map((d) => d.name).sort()).toEqual(["Batik Cap Kabupaten", "Batik Tulis Kota", "Tenun Kabupaten"]);
    expect(body.data.find((d) => d.name === "Tenun Kabupaten")?.flagships[0].regionName).toBe("Kabupaten Pekalongan");
    expect((await callRoute(suppliersRoute, "GET", "/api/v1/suppliers", { query: { flagship: "maybe" } })).status).toBe(400);

    const page = await getDirectoryProfile(id["Tenun Kabupaten"]);
    expect(page?.hit.flagships?.map((f) => f.regionName)).toEqual(["Kabupaten Pekalongan"]);
  });

  it("an unverified, or later suspended, government's flagships give no badge", async () => {
    // written directly: the service refuses unverified governments (below)
    await t.db.flagshipProduct.create({
      data: { governmentId: unverified.membership!.organizationId, name: "X", kbliCode: "13121", keywords: [] },
    });
    expect((await flagshipBadges([id["Tenun Kabupaten"]])).get(id["Tenun Kabupaten"])?.map((b) => b.name)).toEqual(["Tekstil"]);
    await t.db.organization.update({ where: { id: kabPekalongan.membership!.organizationId }, data: { suspendedAt: new Date() } });
    expect((await flagshipBadges([id["Tenun Kabupaten"]])).get(id["Tenun Kabupaten"])).toBeUndefined();
    await t.db.organization.update({ where: { id: kabPekalongan.membership!.organizationId }, data: { suspendedAt: null } });
  });

  it("refused: unverified government, other types, another government's flagship, bad KBLI and words", async () => {
    const before = await t.db.flagshipProduct.count();
    expect(await codeOf(createFlagship(unverified, { name: "Batik", kbliCode: "13", keywords: [] }))).toBe("verification_required");
    expect(await codeOf(createFlagship(buyer, { name: "Batik", kbliCode: "13", keywords: [] }))).toBe("forbidden");
    expect(await codeOf(updateFlagship(kabPekalongan, { id: batik, name: "Diambil alih", kbliCode: "13", keywords: [] }))).toBe(
      "not_found",
    );
    expect(await codeOf(deleteFlagship(kabPekalongan, { id: batik }))).toBe("not_found");
    for (const kbliCode of ["1", "131345", "A", "99999", "13'--"]) {
      expect(await codeOf(createFlagship(jateng, { name: "Batik", kbliCode, keywords: [] }))).toBe("invalid_input");
    }
    expect(await codeOf(createFlagship(jateng, { name: "Batik", kbliCode: "13", keywords: ["x"] }))).toBe("invalid_input");
    expect(
      await codeOf(createFlagship(jateng, { name: "Batik", kbliCode: "13", keywords: Array.from({ length: 11 }, (_, i) => `kata${i}`) })),
    ).toBe("invalid_input");
    expect(await t.db.flagshipProduct.count()).toBe(before);
    expect((await t.db.flagshipProduct.findUniqueOrThrow({ where: { id: batik } })).name).toBe("Batik tulis Jawa Tengah");
  });

  it("the owner changes and removes its own", async () => {
    await updateFlagship(jateng, { id: batik, name: "Batik tulis", kbliCode: "13134", keywords: "sutra" });
    expect((await flagshipBadges([id["Batik Tulis Kota"]])).get(id["Batik Tulis Kota"])?.map((b) => b.name)).toEqual(["Batik tulis"]);
    await deleteFlagship(jateng, { id: batik });
    expect((await flagshipBadges([id["Batik Tulis Kota"]])).get(id["Batik Tulis Kota"])).toBeUndefined();
  });
});
