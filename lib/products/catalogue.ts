// The UMKM's own product catalogue: its members list, create, edit and archive their products. Writes need
// "supplier:products:write" for the actor's active UMKM (lib/products/access.ts), and the organization is in
// every `where` clause: someone else's product is "not found" (404), never "forbidden".
// The directory's search documents follow product writes by database triggers (ADR 0006).
//
// Used by the /produk pages, their server actions (lib/products/actions.ts) and /api/v1/products. Everyone's
// reads of the public catalogue: lib/products/public-reads.ts.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db, type Prisma } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { KBLI_VERSION } from "@/lib/db/reference-data";
import { authorizeCatalogue } from "./access";
import { MAX_PHOTOS_PER_PRODUCT, prepareProductImage, storeProductImage, type PhotoSource } from "./images";
import { productRoutes } from "./routes";
import type { ProductCreateInput, ProductUpdateInput } from "./schemas";

export const productSelect = {
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
    images: p.images.map((i) => ({
      id: i.id,
      url: productRoutes.image(p.id, i.id),
      thumbnailUrl: productRoutes.image(p.id, i.id, "thumb"),
    })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/**
 * A product's KBLI is one of its supplier profile's codes (issue 17: chosen from the profile, never typed
 * freely), or, when editing, the code the product already has (a code since dropped from the profile stays
 * until it is changed). An unknown code is errors.field.kbli, a real one outside the profile
 * products.errors.kbliNotInProfile.
 */
async function assertProfileKbli(organizationId: string, code: string, keep?: string | null) {
  const found = await db.kbliCode.findFirst({ where: { version: KBLI_VERSION, code, level: 5 }, select: { code: true } });
  if (!found) throw invalidInput({ kbli: ["errors.field.kbli"] });
  if (keep === code) return;
  const own = await db.supplierKbli.findFirst({
    where: { supplierId: organizationId, kbliVersion: KBLI_VERSION, kbliCode: code },
    select: { kbliCode: true },
  });
  if (!own) throw invalidInput({ kbli: ["products.errors.kbliNotInProfile"] });
}

export interface KbliOption {
  code: string;
  title: { id: string; en: string | null };
}

/** The KBLI codes the actor's UMKM may give a product: its profile's, primary first (the product form's choices). */
export async function listProfileKbliOptions(actor: Actor | null): Promise<KbliOption[]> {
  const a = authorizeCatalogue(actor);
  const rows = await db.supplierKbli.findMany({
    where: { supplierId: a.membership.organizationId, kbliVersion: KBLI_VERSION },
    orderBy: [{ isPrimary: "desc" }, { kbliCode: "asc" }],
    select: { kbliCode: true, kbli: { select: { titleId: true, titleEn: true } } },
  });
  return rows.map((r) => ({ code: r.kbliCode, title: { id: r.kbli.titleId, en: r.kbli.titleEn } }));
}

async function preparePhotos(photos: readonly PhotoSource[] | undefined, already = 0) {
  const list = photos ?? [];
  if (already + list.length > MAX_PHOTOS_PER_PRODUCT) throw invalidInput({ photos: ["products.errors.tooManyPhotos"] });
  const prepared = [];
  for (const p of list) prepared.push(await prepareProductImage(p)); // one at a time: bounded memory
  return prepared;
}

/** The organization's products: the active ones, or (`archived`) the archived ones. */
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
  const organizationId = a.membership.organizationId;
  await assertProfileKbli(organizationId, input.kbli);
  const prepared = await preparePhotos(photos);
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
      data: {
        organizationId,
        actorId: a.user.id,
        action: "product.created",
        entityType: "Product",
        entityId: p.id,
        data: { name: input.name },
      },
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
    select: { id: true, priceMinIdr: true, priceMaxIdr: true, kbliCode: true, _count: { select: { images: true } } },
  });
  if (!current) throw notFound();
  const min = patch.priceMinIdr ?? current.priceMinIdr;
  const max = patch.priceMaxIdr ?? current.priceMaxIdr;
  if (min !== null && max !== null && min > max) throw invalidInput({ priceMaxIdr: ["products.errors.priceOrder"] });
  if (patch.kbli !== undefined) await assertProfileKbli(organizationId, patch.kbli, current.kbliCode);
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
      const imgs = await tx.productImage.findMany({
        where: { productId: id, id: { in: [...opts.removeImageIds!] } },
        select: { fileId: true, thumbnailFileId: true },
      });
      const files = imgs.flatMap((i) => [i.fileId, ...(i.thumbnailFileId ? [i.thumbnailFileId] : [])]);
      await tx.storedFile.deleteMany({ where: { id: { in: files }, organizationId } }); // cascades to ProductImage
    }
    const last = await tx.productImage.aggregate({ where: { productId: id }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;
    for (const photo of prepared) {
      await storeProductImage(tx, { organizationId, uploadedById: a.user.id, productId: id, position: position++ }, photo);
    }
    await tx.auditLog.create({
      data: {
        organizationId,
        actorId: a.user.id,
        action: "product.updated",
        entityType: "Product",
        entityId: id,
        data: { fields: Object.keys(patch) },
      },
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
      data: {
        organizationId,
        actorId: a.user.id,
        action: archived ? "product.archived" : "product.restored",
        entityType: "Product",
        entityId: id,
      },
    });
  });
}
