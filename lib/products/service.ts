// The product catalogue: an UMKM's members create, edit and archive their products; everyone can list the
// catalogue. Writes need "supplier:products:write" for the actor's active UMKM, and the organization is in
// every `where` clause: someone else's product is "not found" (404), never "forbidden".
// The directory's search documents follow product writes by database triggers (ADR 0006).
//
// Used by the /produk pages' server actions (lib/products/actions.ts) and /api/v1/products.
import "server-only";
import { z } from "zod";
import { authorize, ACTORS, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { decodeCursor, paginate, type Page, cursorInstant } from "@/lib/api/pagination";
import { db, Prisma } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { buildTsQuery, queryWords } from "@/lib/suppliers/search-query";
import { correctWords } from "@/lib/suppliers/spelling";
import { MAX_PHOTOS_PER_PRODUCT, prepareProductImage, storeProductImage, type PhotoSource } from "./images";
import { KBLI_VERSION } from "@/lib/db/reference-data";
import type { ProductCreateInput, ProductUpdateInput } from "./schemas";

const productSelect = {
  id: true,
  supplierId: true,
  name: true,
  description: true,
  kbliCode: true,
  unit: true,
  priceMinIdr: true,
  priceMaxIdr: true,
  moq: true,
  monthlyCapacity: true,
  leadTimeDays: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  kbli: { select: { titleId: true, titleEn: true } },
  images: { select: { id: true, position: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

/** A product as the UI and the API show it. */
export interface ProductView {
  id: string;
  supplierId: string;
  name: string;
  description: string | null;
  kbli: string;
  kbliTitle: { id: string; en: string | null };
  unit: string;
  priceMinIdr: bigint | null;
  priceMaxIdr: bigint | null;
  moq: number | null;
  monthlyCapacity: number | null;
  leadTimeDays: number | null;
  archived: boolean;
  images: { id: string; url: string; thumbnailUrl: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export const productImageUrl = (productId: string, imageId: string, size: "full" | "thumb" = "full") =>
  `/api/v1/products/${encodeURIComponent(productId)}/images/${encodeURIComponent(imageId)}${size === "thumb" ? "?size=thumb" : ""}`;

export function toProductView(p: ProductRow): ProductView {
  return {
    id: p.id,
    supplierId: p.supplierId,
    name: p.name,
    description: p.description,
    kbli: p.kbliCode,
    kbliTitle: { id: p.kbli.titleId, en: p.kbli.titleEn },
    unit: p.unit,
    priceMinIdr: p.priceMinIdr,
    priceMaxIdr: p.priceMaxIdr,
    moq: p.moq,
    monthlyCapacity: p.monthlyCapacity,
    leadTimeDays: p.leadTimeDays,
    archived: p.archivedAt !== null,
    images: p.images.map((i) => ({ id: i.id, url: productImageUrl(p.id, i.id), thumbnailUrl: productImageUrl(p.id, i.id, "thumb") })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** The actor acting for their UMKM with the catalogue permission (403 otherwise). */
export function authorizeCatalogue(actor: Actor | null): AuthorizedActor {
  return authorize(actor, { orgTypes: ACTORS.umkm, permission: "supplier:products:write" });
}

async function assertKbliExists(code: string) {
  const found = await db.kbliCode.findFirst({ where: { version: KBLI_VERSION, code, level: 5 }, select: { code: true } });
  if (!found) throw invalidInput({ kbli: ["errors.field.kbli"] });
}

async function preparePhotos(photos: readonly PhotoSource[] | undefined, already = 0) {
  const list = photos ?? [];
  if (already + list.length > MAX_PHOTOS_PER_PRODUCT) throw invalidInput({ photos: ["products.errors.tooManyPhotos"] });
  const prepared = [];
  for (const p of list) prepared.push(await prepareProductImage(p)); // one at a time: bounded memory
  return prepared;
}

// ---------------------------------------------------------------------------------------------------------
// Own catalogue (members)
// ---------------------------------------------------------------------------------------------------------

export async function listOwnProducts(actor: Actor | null, opts: { archived?: boolean } = {}): Promise<ProductView[]> {
  const a = authorizeCatalogue(actor);
  const rows = await db.product.findMany({
    where: { supplierId: a.membership.organizationId, archivedAt: opts.archived ? { not: null } : null },
    select: productSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map(toProductView);
}

/** One of the actor's organization's products (archived too); not found for anyone else's. */
export async function getOwnProduct(actor: Actor | null, id: string): Promise<ProductView> {
  const a = authorizeCatalogue(actor);
  const row = await db.product.findFirst({ where: { id, supplierId: a.membership.organizationId }, select: productSelect });
  if (!row) throw notFound();
  return toProductView(row);
}

export async function createProduct(actor: Actor | null, input: ProductCreateInput, photos?: readonly PhotoSource[]): Promise<ProductView> {
  const a = authorizeCatalogue(actor);
  await assertKbliExists(input.kbli);
  const prepared = await preparePhotos(photos);
  const organizationId = a.membership.organizationId;
  const id = await db.$transaction(async (tx) => {
    const p = await tx.product.create({
      data: {
        supplierId: organizationId,
        name: input.name,
        description: input.description ?? null,
        kbliVersion: KBLI_VERSION,
        kbliCode: input.kbli,
        unit: input.unit,
        priceMinIdr: input.priceMinIdr,
        priceMaxIdr: input.priceMaxIdr,
        moq: input.moq ?? null,
        monthlyCapacity: input.monthlyCapacity ?? null,
        leadTimeDays: input.leadTimeDays ?? null,
      },
      select: { id: true },
    });
    for (const [i, photo] of prepared.entries()) {
      await storeProductImage(tx, { organizationId, uploadedById: a.user.id, productId: p.id, position: i }, photo);
    }
    await tx.auditLog.create({
      data: { organizationId, actorId: a.user.id, action: "product.created", entityType: "Product", entityId: p.id, data: { name: input.name } },
    });
    return p.id;
  });
  return getOwnProduct(a, id);
}

export async function updateProduct(
  actor: Actor | null,
  id: string,
  patch: ProductUpdateInput,
  opts: { photos?: readonly PhotoSource[]; removeImageIds?: readonly string[] } = {},
): Promise<ProductView> {
  const a = authorizeCatalogue(actor);
  const organizationId = a.membership.organizationId;
  const current = await db.product.findFirst({
    where: { id, supplierId: organizationId },
    select: { id: true, priceMinIdr: true, priceMaxIdr: true, _count: { select: { images: true } } },
  });
  if (!current) throw notFound();
  const min = patch.priceMinIdr ?? current.priceMinIdr;
  const max = patch.priceMaxIdr ?? current.priceMaxIdr;
  if (min !== null && max !== null && min > max) throw invalidInput({ priceMaxIdr: ["products.errors.priceOrder"] });
  if (patch.kbli !== undefined) await assertKbliExists(patch.kbli);
  const removing = opts.removeImageIds?.length ?? 0;
  const prepared = await preparePhotos(opts.photos, Math.max(0, current._count.images - removing));

  await db.$transaction(async (tx) => {
    // Membership in the where clause again: a product moved or deleted meanwhile is not found.
    const { count } = await tx.product.updateMany({
      where: { id, supplierId: organizationId },
      data: {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.kbli !== undefined && { kbliVersion: KBLI_VERSION, kbliCode: patch.kbli }),
        ...(patch.unit !== undefined && { unit: patch.unit }),
        ...(patch.priceMinIdr !== undefined && { priceMinIdr: patch.priceMinIdr }),
        ...(patch.priceMaxIdr !== undefined && { priceMaxIdr: patch.priceMaxIdr }),
        ...(patch.moq !== undefined && { moq: patch.moq }),
        ...(patch.monthlyCapacity !== undefined && { monthlyCapacity: patch.monthlyCapacity }),
        ...(patch.leadTimeDays !== undefined && { leadTimeDays: patch.leadTimeDays }),
      },
    });
    if (count === 0) throw notFound();
    if (removing) {
      const imgs = await tx.productImage.findMany({ where: { productId: id, id: { in: [...opts.removeImageIds!] } }, select: { fileId: true, thumbnailFileId: true } });
      const files = imgs.flatMap((i) => [i.fileId, ...(i.thumbnailFileId ? [i.thumbnailFileId] : [])]);
      await tx.storedFile.deleteMany({ where: { id: { in: files }, organizationId } }); // cascades to ProductImage
    }
    const last = await tx.productImage.aggregate({ where: { productId: id }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;
    for (const photo of prepared) {
      await storeProductImage(tx, { organizationId, uploadedById: a.user.id, productId: id, position: position++ }, photo);
    }
    await tx.auditLog.create({
      data: { organizationId, actorId: a.user.id, action: "product.updated", entityType: "Product", entityId: id, data: { fields: Object.keys(patch) } },
    });
  });
  return getOwnProduct(a, id);
}

/** Archives (or restores) a product: it leaves (or re-enters) the public catalogue and the directory. */
export async function setProductArchived(actor: Actor | null, id: string, archived: boolean): Promise<void> {
  const a = authorizeCatalogue(actor);
  const organizationId = a.membership.organizationId;
  await db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({
      where: { id, supplierId: organizationId },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (count === 0) throw notFound();
    await tx.auditLog.create({
      data: { organizationId, actorId: a.user.id, action: archived ? "product.archived" : "product.restored", entityType: "Product", entityId: id },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Public catalogue
// ---------------------------------------------------------------------------------------------------------

export const productListQuery = z.object({
  q: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(200, "errors.field.tooLong").optional()),
  supplierId: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(64).optional()),
  kbli: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().regex(/^\d{2,5}$/, "errors.field.kbli").optional()),
});

const listCursor = z.tuple([cursorInstant, z.string().min(1)]);

/**
 * Active products of the catalogue, newest first, with keyset pagination. `q` is read like the directory
 * search (typo corrections, prefixes; every word must match the product's name or description);
 * `kbli` takes a 2- to 5-digit code (everything under it).
 */
export async function listProducts(
  query: z.output<typeof productListQuery> & { limit: number; cursor?: string },
): Promise<Page<ProductView>> {
  const after = decodeCursor(query.cursor, listCursor);
  let ids: string[] | null = null;
  if (query.q) {
    const words = await correctWords(queryWords(query.q));
    const tsq = buildTsQuery(words.filter((w) => w.known || w.corrections.length > 0));
    if (words.length > 0 && !tsq) return { data: [], nextCursor: null };
    if (tsq) {
      const q = Prisma.sql`to_tsquery('simple'::regconfig, ${tsq}::text)`;
      // Narrow to suppliers whose search document matches (GIN), then to their matching products.
      const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT p.id FROM "Product" p
         WHERE p."archivedAt" IS NULL
           AND p."supplierId" IN (SELECT s."organizationId" FROM "SupplierSearch" s WHERE s.document @@ ${q})
           AND to_tsvector('simple', p.name || ' ' || coalesce(p.description, '')) @@ ${q}
           ${query.supplierId ? Prisma.sql`AND p."supplierId" = ${query.supplierId}` : Prisma.empty}
           ${query.kbli ? Prisma.sql`AND p."kbliCode" LIKE ${`${query.kbli}%`}` : Prisma.empty}
           ${after ? Prisma.sql`AND (p."createdAt", p.id) < (${new Date(after[0])}, ${after[1]})` : Prisma.empty}
         ORDER BY p."createdAt" DESC, p.id DESC
         LIMIT ${query.limit + 1}`);
      ids = rows.map((r) => r.id);
    }
  }
  const rows = await db.product.findMany({
    where: {
      archivedAt: null,
      ...(ids ? { id: { in: ids } } : {}),
      ...(query.supplierId ? { supplierId: query.supplierId } : {}),
      ...(query.kbli ? { kbliCode: { startsWith: query.kbli } } : {}),
      ...(after && !ids ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    select: productSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = paginate(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.data.map(toProductView), nextCursor: page.nextCursor };
}

/** A public product photo (full size or thumbnail) while its product is in the catalogue; null otherwise. */
export async function getPublicProductImage(productId: string, imageId: string, size: "full" | "thumb") {
  const img = await db.productImage.findFirst({
    where: { id: imageId, productId, product: { archivedAt: null } },
    select: {
      file: { select: { content: true, mimeType: true, sha256: true } },
      thumbnailFile: { select: { content: true, mimeType: true, sha256: true } },
    },
  });
  if (!img) return null;
  return size === "thumb" && img.thumbnailFile ? img.thumbnailFile : img.file;
}

/** One active product of the public catalogue; not found when archived or missing. */
export async function getPublicProduct(id: string): Promise<ProductView> {
  const row = await db.product.findFirst({ where: { id, archivedAt: null }, select: productSelect });
  if (!row) throw notFound();
  return toProductView(row);
}
