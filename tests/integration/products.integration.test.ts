// The product catalogue on a real database (both backends): create/edit/archive through the server actions
// and the HTTP API, photos resized server-side, invalid input refused with nothing changed, and the
// cross-tenant rule: another UMKM's member gets "not found" and the row stays as it was.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import sharp from "sharp";
import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createProduct as createProductRow, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { createProductAction, setProductArchivedAction, updateProductAction } from "@/lib/products/actions";
import { ProductPageSchema, ProductSchema } from "@/lib/products/responses";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/products/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/products/[id]/route";
import { GET as imageRoute } from "@/app/api/v1/products/[id]/images/[imageId]/route";
import { GET as suppliersRoute } from "@/app/api/v1/suppliers/route";
import { SupplierPageSchema } from "@/lib/suppliers/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";

const t = useTestDatabase();

let mine: Awaited<ReturnType<typeof createUmkm>>;
let other: Awaited<ReturnType<typeof createUmkm>>;
let myToken: string;
let otherToken: string;
let buyerToken: string;

const valid = {
  name: "Kain batik tulis motif sekar jagad",
  description: "Katun primisima, pewarna alami.",
  kbli: "13134",
  unit: "lembar",
  priceMinIdr: "150.000",
  priceMaxIdr: "350000",
  moq: "20",
  monthlyCapacity: "400",
  leadTimeDays: "14",
};

function form(fields: Record<string, string>, files: { name: string; bytes: Uint8Array; type?: string }[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append("photos", new File([Buffer.from(f.bytes)], f.name, { type: f.type ?? "image/jpeg" }));
  return fd;
}

const snapshot = (id: string) =>
  t.db.product.findUniqueOrThrow({
    where: { id },
    select: { name: true, priceMinIdr: true, priceMaxIdr: true, kbliCode: true, archivedAt: true, updatedAt: true, moq: true },
  });

beforeAll(async () => {
  mine = await createUmkm(t.db, { name: "UD Batik Sekar", regencyCode: "33.75", kbliCodes: ["13134", "14111"] });
  other = await createUmkm(t.db, { name: "CV Lain Usaha", regencyCode: "32.73", kbliCodes: ["10710"] });
  myToken = (await createApiToken(mine.owner.id, { name: "erp" })).token;
  otherToken = (await createApiToken(other.owner.id, { name: "erp" })).token;
  const buyer = await createBuyer(t.db);
  buyerToken = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
});

describe("server actions", () => {
  it("create, edit with a photo (resized, thumbnail), archive and restore", async () => {
    await actAs(mine.owner);
    const created = await createProductAction(undefined, form(valid));
    expect(created).toEqual({ ok: true, data: { id: expect.any(String) } });
    const id = (created as { data: { id: string } }).data.id;
    expect(await snapshot(id)).toMatchObject({
      name: valid.name,
      priceMinIdr: 150_000n,
      priceMaxIdr: 350_000n,
      kbliCode: "13134",
      moq: 20,
    });

    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#8a5a2b" } })
      .png()
      .toBuffer();
    const edited = await updateProductAction(
      undefined,
      form({ ...valid, id, name: "Kain batik tulis halus", moq: "" }, [{ name: "foto.png", bytes: big, type: "image/png" }]),
    );
    expect(JSON.stringify(edited)).toContain('"ok":true');
    const row = await t.db.product.findUniqueOrThrow({
      where: { id },
      include: { images: { include: { file: true, thumbnailFile: true } } },
    });
    expect(row).toMatchObject({ name: "Kain batik tulis halus", moq: null });
    expect(row.images).toHaveLength(1);
    const photo = await sharp(Buffer.from(row.images[0].file.content)).metadata();
    expect([photo.format, photo.width, photo.height]).toEqual(["jpeg", 1200, 800]);
    const thumb = await sharp(Buffer.from(row.images[0].thumbnailFile!.content)).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 320]);

    // The photo is public while the product is active.
    const img = await callRoute(imageRoute, "GET", `/api/v1/products/${id}/images/${row.images[0].id}`, {
      params: { id, imageId: row.images[0].id },
      query: { size: "thumb" },
    });
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/jpeg");

    expect(await setProductArchivedAction({ id, archived: true })).toMatchObject({ ok: true });
    expect((await snapshot(id)).archivedAt).not.toBeNull();
    const gone = await callRoute(imageRoute, "GET", `/api/v1/products/${id}/images/${row.images[0].id}`, {
      params: { id, imageId: row.images[0].id },
    });
    expect(gone.status).toBe(404);
    expect(await setProductArchivedAction({ id, archived: "false" })).toMatchObject({ ok: true });
    expect((await snapshot(id)).archivedAt).toBeNull();
  });

  it("refuses negative and fractional Rupiah, min > max, unknown KBLI and disguised photos, changing nothing", async () => {
    await actAs(mine.owner);
    const before = await t.db.product.count();
    const cases: [Record<string, string>, string][] = [
      [{ ...valid, priceMinIdr: "-5000" }, "priceMinIdr"],
      [{ ...valid, priceMinIdr: "1500,50" }, "priceMinIdr"],
      [{ ...valid, priceMaxIdr: "12.5" }, "priceMaxIdr"],
      [{ ...valid, priceMinIdr: "500000", priceMaxIdr: "100000" }, "priceMaxIdr"],
      [{ ...valid, kbli: "99999" }, "kbli"],
      [{ ...valid, kbli: "1313" }, "kbli"],
      [{ ...valid, name: "" }, "name"],
    ];
    for (const [fields, field] of cases) {
      const r = await createProductAction(undefined, form(fields));
      expect(r.ok, JSON.stringify(fields)).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {})).toContain(field);
    }
    // A real KBLI that is not one of the profile's (issue 17: chosen from the profile's codes) is refused on its field.
    const outside = await createProductAction(undefined, form({ ...valid, kbli: "10710" }));
    expect(outside).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { kbli: ["Pilih salah satu kode KBLI di profil usaha Anda."] } },
    });
    const disguised = await createProductAction(
      undefined,
      form(valid, [{ name: "foto.jpg", bytes: new TextEncoder().encode("%PDF-1.4 not a photo") }]),
    );
    expect(disguised).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { photos: [expect.any(String)] } } });
    const truncated = await createProductAction(
      undefined,
      form(valid, [{ name: "rusak.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) }]),
    );
    expect(truncated.ok).toBe(false);
    expect(await t.db.product.count()).toBe(before);
    // from the first test only
    expect(await t.db.storedFile.count({ where: { kind: "product_image", organizationId: mine.organization.id } })).toBe(2);

    const p = await createProductRow(t.db, mine.organization.id, { priceMinIdr: 100_000n, priceMaxIdr: 200_000n });
    const was = await snapshot(p.id);
    const r = await updateProductAction(undefined, form({ ...valid, id: p.id, priceMinIdr: "300000", priceMaxIdr: "250000" }));
    expect(r.ok).toBe(false);
    expect(await snapshot(p.id)).toEqual(was);
  });

  it("a disguised photo is refused by the shared content checks (lib/files/upload.ts) with the photo message; nothing stored", async () => {
    await actAs(mine.owner);
    const products = await t.db.product.count();
    const files = await t.db.storedFile.count();
    const disguises: { name: string; bytes: Uint8Array; type: string }[] = [
      // HTML with a script, named and typed as a PNG
      { name: "foto.png", bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>"), type: "image/png" },
      // a Windows executable named as a JPEG
      { name: "foto.jpg", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 3, 0, 0, 0]), type: "image/jpeg" },
      // a PDF (a valid certificate document, but not a photo) named as a WebP
      { name: "foto.webp", bytes: new TextEncoder().encode("%PDF-1.4 scan"), type: "image/webp" },
    ];
    for (const d of disguises) {
      const r = await createProductAction(undefined, form(valid, [d]));
      expect(r, d.name).toMatchObject({
        ok: false,
        error: { code: "invalid_input", fields: { photos: ["Berkas ini bukan foto JPEG, PNG, atau WebP yang dapat dibaca."] } },
      });
    }
    // over the size limit: refused on the declared size before reading
    const huge = await createProductAction(
      undefined,
      form(valid, [{ name: "besar.jpg", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff) }]),
    );
    expect(huge).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { photos: [expect.stringMatching(/5 MB/)] } } });
    expect(await t.db.product.count()).toBe(products);
    expect(await t.db.storedFile.count()).toBe(files);
  });

  it("another UMKM's member cannot edit or archive my product: not found, row unchanged", async () => {
    const p = await createProductRow(t.db, mine.organization.id, { name: "Produk milik saya" });
    const was = await snapshot(p.id);
    await actAs(other.owner);
    const edit = await updateProductAction(undefined, form({ ...valid, id: p.id, name: "Dibajak" }));
    expect(edit).toMatchObject({ ok: false, error: { code: "not_found" } });
    const archive = await setProductArchivedAction({ id: p.id, archived: true });
    expect(archive).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await snapshot(p.id)).toEqual(was);
  });
});

describe("HTTP API", () => {
  it("POST creates with the documented shape; bad input is 400 with fields and creates nothing", async () => {
    const res = await callRoute(createRoute, "POST", "/api/v1/products", {
      token: myToken,
      body: { name: "Seragam batik cap", kbli: "14111", unit: "potong", priceMinIdr: 85000, priceMaxIdr: 120000, moq: 50 },
    });
    expect(res.status).toBe(201);
    const body = ProductSchema.parse(await jsonOf(res));
    expect(body).toMatchObject({
      supplierId: mine.organization.id,
      priceMinIdr: 85000,
      priceMaxIdr: 120000,
      moq: 50,
      leadTimeDays: null,
      archived: false,
    });

    const before = await t.db.product.count();
    for (const bad of [{ priceMinIdr: -1 }, { priceMinIdr: 1000.5 }, { priceMinIdr: 900000, priceMaxIdr: 1000 }, { kbli: "00000" }]) {
      const r = await callRoute(createRoute, "POST", "/api/v1/products", {
        token: myToken,
        body: { name: "Produk", kbli: "13134", unit: "pcs", priceMinIdr: 1000, priceMaxIdr: 2000, ...bad },
      });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      const err = ErrorResponseSchema.parse(await jsonOf(r));
      expect(err.error.code).toBe("invalid_input");
      expect(Object.keys(err.error.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect(await t.db.product.count()).toBe(before);

    const forbidden = await callRoute(createRoute, "POST", "/api/v1/products", {
      token: buyerToken,
      body: { name: "x", kbli: "13134", unit: "pcs", priceMinIdr: 1, priceMaxIdr: 2 },
    });
    expect(forbidden.status).toBe(403);
    const anonymous = await callRoute(createRoute, "POST", "/api/v1/products", { body: {} });
    expect(anonymous.status).toBe(401);
  });

  it("PATCH and DELETE by another UMKM are 404 and change nothing; the owner's work", async () => {
    const p = await createProductRow(t.db, mine.organization.id, { name: "Batik cap kawung", priceMinIdr: 90_000n, priceMaxIdr: 150_000n });
    const was = await snapshot(p.id);
    const patch = await callRoute(patchRoute, "PATCH", `/api/v1/products/${p.id}`, {
      token: otherToken,
      params: { id: p.id },
      body: { name: "Dibajak" },
    });
    expect(patch.status).toBe(404);
    expect(ErrorResponseSchema.parse(await jsonOf(patch)).error.code).toBe("not_found");
    const del = await callRoute(deleteRoute, "DELETE", `/api/v1/products/${p.id}`, { token: otherToken, params: { id: p.id } });
    expect(del.status).toBe(404);
    expect(await snapshot(p.id)).toEqual(was);

    const badOrder = await callRoute(patchRoute, "PATCH", `/api/v1/products/${p.id}`, {
      token: myToken,
      params: { id: p.id },
      body: { priceMinIdr: 200000 },
    });
    expect(badOrder.status).toBe(400); // 200.000 > the stored max 150.000
    expect(await snapshot(p.id)).toEqual(was);

    const ok = await callRoute(patchRoute, "PATCH", `/api/v1/products/${p.id}`, {
      token: myToken,
      params: { id: p.id },
      body: { priceMaxIdr: 250000, leadTimeDays: null },
    });
    expect(ok.status).toBe(200);
    expect(ProductSchema.parse(await jsonOf(ok))).toMatchObject({ priceMinIdr: 90000, priceMaxIdr: 250000, leadTimeDays: null });

    const archived = await callRoute(deleteRoute, "DELETE", `/api/v1/products/${p.id}`, { token: myToken, params: { id: p.id } });
    expect(archived.status).toBe(204);
    expect((await snapshot(p.id)).archivedAt).not.toBeNull();
    expect((await callRoute(getRoute, "GET", `/api/v1/products/${p.id}`, { params: { id: p.id } })).status).toBe(404);
  });

  it("GET lists active products publicly with q (typos too), supplierId, kbli and cursors", async () => {
    const all = await callRoute(listRoute, "GET", "/api/v1/products", { query: { supplierId: mine.organization.id, limit: "2" } });
    expect(all.status).toBe(200);
    const page1 = ProductPageSchema.parse(await jsonOf(all));
    expect(page1.data).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = ProductPageSchema.parse(
      await jsonOf(
        await callRoute(listRoute, "GET", "/api/v1/products", {
          query: { supplierId: mine.organization.id, limit: "2", cursor: page1.nextCursor! },
        }),
      ),
    );
    expect(page2.data.map((p) => p.id)).not.toContain(page1.data[0].id);
    expect([...page1.data, ...page2.data].every((p) => !p.archived && p.supplierId === mine.organization.id)).toBe(true);

    const typo = ProductPageSchema.parse(await jsonOf(await callRoute(listRoute, "GET", "/api/v1/products", { query: { q: "seragm" } })));
    expect(typo.data.map((p) => p.name)).toEqual(["Seragam batik cap"]);
    const byKbli = ProductPageSchema.parse(await jsonOf(await callRoute(listRoute, "GET", "/api/v1/products", { query: { kbli: "141" } })));
    expect(byKbli.data.map((p) => p.kbli)).toEqual(["14111"]);
    const bad = await callRoute(listRoute, "GET", "/api/v1/products", { query: { cursor: "not-a-cursor!" } });
    expect(bad.status).toBe(400);
  });

  it("GET /api/v1/suppliers answers the documented shape and validates filters", async () => {
    const res = await callRoute(suppliersRoute, "GET", "/api/v1/suppliers", { query: { q: "btik", province: "33" } });
    expect(res.status).toBe(200);
    const page = SupplierPageSchema.parse(await jsonOf(res));
    expect(page.data.map((s) => s.name)).toEqual(["UD Batik Sekar"]);
    expect(page.data[0]).toMatchObject({
      id: mine.organization.id,
      province: { code: "33", name: "Jawa Tengah" },
      regency: { code: "33.75", name: "Kota Pekalongan" },
      kbli: expect.arrayContaining(["13134"]),
      verified: true,
    });
    const bad = await callRoute(suppliersRoute, "GET", "/api/v1/suppliers", { query: { sizeClass: "raksasa", certification: "emas" } });
    expect(bad.status).toBe(400);
    const err = ErrorResponseSchema.parse(await jsonOf(bad));
    expect(
      Object.keys(err.error.fields ?? {})
        .map((k) => k.split(".")[0])
        .sort(),
    ).toEqual(["certification", "sizeClass"]);
  });
});
