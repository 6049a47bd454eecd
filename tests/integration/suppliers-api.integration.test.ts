// /api/v1/suppliers/{id} (GET public profile, PATCH by members), /api/v1/reference/* — the same validation
// and permissions as the UI, over HTTP. Cross-tenant: another UMKM's member gets 404 and changes nothing.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createOrganization, createProduct, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { GET as getSupplier, PATCH as patchSupplier } from "@/app/api/v1/suppliers/[id]/route";
import { GET as kbli } from "@/app/api/v1/reference/kbli/route";
import { GET as regions } from "@/app/api/v1/reference/regions/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { OwnSupplierSchema, PublicSupplierSchema } from "@/lib/suppliers/responses";

const t = useTestDatabase();

async function umkmWithToken(name = `UMKM ${Math.random().toString(36).slice(2, 8)}`) {
  const { organization, owner } = await createOrganization(t.db, "umkm", { name });
  await t.db.supplierProfile.create({ data: { organizationId: organization.id } });
  const { token } = await createApiToken(owner.id, { name: "erp" });
  return { organization, owner, token };
}

const patch = (id: string, token: string, body: unknown, headers?: Record<string, string>) =>
  callRoute(patchSupplier, "PATCH", `/api/v1/suppliers/${id}`, { params: { id }, token, body, headers });

async function state(orgId: string) {
  const [org, profile, kbliRows, history, certs] = await Promise.all([
    t.db.organization.findUniqueOrThrow({ where: { id: orgId } }),
    t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: orgId } }),
    t.db.supplierKbli.findMany({ where: { supplierId: orgId } }),
    t.db.sizeClassChange.count({ where: { supplierId: orgId } }),
    t.db.certification.findMany({ where: { organizationId: orgId } }),
  ]);
  return { org, profile, kbliRows, history, certs };
}

describe("PATCH /api/v1/suppliers/{id}", () => {
  it("updates the caller's own profile with the same rules as the form", async () => {
    const { organization, token } = await umkmWithToken();
    const res = await patch(organization.id, token, {
      name: "Konveksi Maju Jaya",
      nib: "9120001112223",
      npwp: "092542943407000",
      legalForm: "cv",
      regencyCode: "32.04",
      kbli: ["14111"],
      capitalIdr: 2_500_000_000,
      certifications: [{ type: "tkdn", number: "TKDN-1", validUntil: "2027-12-31", percent: 40 }],
    });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(OwnSupplierSchema.safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({
      name: "Konveksi Maju Jaya",
      npwp: "0092542943407000",
      sizeClass: "kecil",
      capitalIdr: 2_500_000_000,
      kbli: ["14111"],
      certifications: [{ type: "tkdn", percent: 40, validUntil: "2027-12-31", hasDocument: false }],
    });
  });

  it.each([
    [{ nib: "123" }, "nib", /13 digit/],
    [{ npwp: "01.855.081.5-412.000" }, "npwp", /digit pemeriksa/],
    [{ capitalIdr: -1 }, "capitalIdr", /negatif/],
    [{ annualSalesIdr: 1500000.5 }, "annualSalesIdr", /bilangan bulat/],
    [{ annualSalesIdr: "1,5" }, "annualSalesIdr", /bilangan bulat/],
    [{ kbli: ["99999"] }, "kbli", /KBLI 2020/],
    [{ regencyCode: "33.99" }, "regencyCode", /Kemendagri/],
    [{ annualSalesIdr: 60_000_000_000 }, "annualSalesIdr", /PP 7\/2021/],
    [{ certifications: [{ type: "tkdn", number: "T", validUntil: "2027-01-01" }] }, "certifications.0.percent", /TKDN/],
  ])("refuses %j with 400 and a message on %s, changing nothing", async (body, field, message) => {
    const { organization, token } = await umkmWithToken();
    const before = await state(organization.id);
    const res = await patch(organization.id, token, body);
    expect(res.status).toBe(400);
    const json = await jsonOf<{ error: { code: string; fields: Record<string, string[]> } }>(res);
    expect(json.error.code).toBe("invalid_input");
    expect(json.error.fields[field]?.join(" ")).toMatch(message);
    expect(await state(organization.id)).toEqual(before);
  });

  it("answers in English with Accept-Language: en", async () => {
    const { organization, token } = await umkmWithToken();
    const res = await patch(organization.id, token, { nib: "12" }, { "accept-language": "en" });
    expect((await jsonOf<{ error: { fields: Record<string, string[]> } }>(res)).error.fields.nib[0]).toMatch(/13 digits/);
  });

  it("another UMKM's member gets 404 and nothing changes; a buyer gets 403; no token 401", async () => {
    const victim = await umkmWithToken("UMKM Korban API");
    const intruder = await umkmWithToken("UMKM Penyusup API");
    const before = await state(victim.organization.id);
    const res = await patch(victim.organization.id, intruder.token, { name: "Diambil", certifications: [] });
    expect(res.status).toBe(404);
    expect((await jsonOf<{ error: { code: string } }>(res)).error.code).toBe("not_found");
    // naming the victim org explicitly is refused too (not a member)
    expect(
      (await patch(victim.organization.id, intruder.token, { name: "x" }, { "x-organization-id": victim.organization.id })).status,
    ).toBe(403);
    const { owner: buyer } = await createOrganization(t.db, "buyer");
    const buyerToken = (await createApiToken(buyer.id, { name: "b" })).token;
    expect((await patch(victim.organization.id, buyerToken, { name: "x" })).status).toBe(403);
    expect((await callRoute(patchSupplier, "PATCH", "/x", { params: { id: victim.organization.id }, body: { name: "x" } })).status).toBe(
      401,
    );
    expect(await state(victim.organization.id)).toEqual(before);
  });
});

describe("GET /api/v1/suppliers/{id}", () => {
  it("returns the public profile with products, without private fields", async () => {
    const { organization } = await createUmkm(t.db);
    await createProduct(t.db, organization.id, { name: "Kain batik tulis" });
    const res = await callRoute(getSupplier, "GET", `/api/v1/suppliers/${organization.id}`, { params: { id: organization.id } });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(PublicSupplierSchema.safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ id: organization.id, verified: true, products: [{ name: "Kain batik tulis" }] });
    expect(Object.keys(body)).not.toEqual(expect.arrayContaining(["npwp"]));
    expect((await callRoute(getSupplier, "GET", "/api/v1/suppliers/nope", { params: { id: "nope" } })).status).toBe(404);
  });
});

describe("reference endpoints", () => {
  it("searches KBLI and lists regions", async () => {
    const k = await jsonOf<{ data: { code: string }[] }>(await callRoute(kbli, "GET", "/api/v1/reference/kbli", { query: { q: "batik" } }));
    expect(k.data.map((d) => d.code)).toContain("13134");
    expect((await callRoute(kbli, "GET", "/api/v1/reference/kbli")).status).toBe(400);
    const p = await jsonOf<{ data: unknown[] }>(await callRoute(regions, "GET", "/api/v1/reference/regions"));
    expect(p.data).toHaveLength(38);
    const r = await jsonOf<{ data: { code: string }[] }>(
      await callRoute(regions, "GET", "/api/v1/reference/regions", { query: { province: "33" } }),
    );
    expect(r.data.map((x) => x.code)).toContain("33.75");
    expect((await callRoute(regions, "GET", "/api/v1/reference/regions", { query: { province: "99" } })).status).toBe(404);
  });

  it("are in the OpenAPI document", async () => {
    const doc = await jsonOf<{ paths: Record<string, Record<string, unknown>> }>(await callRoute(openapi, "GET", "/api/v1/openapi.json"));
    for (const [p, m] of [
      ["/api/v1/suppliers/{id}", "get"],
      ["/api/v1/suppliers/{id}", "patch"],
      ["/api/v1/reference/kbli", "get"],
      ["/api/v1/reference/regions", "get"],
      ["/api/files/{id}", "get"],
    ]) {
      expect(doc.paths[p]?.[m], `${m} ${p}`).toBeDefined();
    }
  });
});
