// The public product catalogue, read by anyone (GET /api/v1/products, the directory's supplier pages): active
// products only, never an archived one. The UMKM's own catalogue (archived products, writes):
// lib/products/catalogue.ts.
import "server-only";
import { z } from "zod";
import { cursorInstant, decodeCursor, paginate, type Page } from "@/lib/api/pagination";
import { Prisma, readReplica } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { buildTsQuery, queryWords } from "@/lib/suppliers/search-query";
import { correctWords } from "@/lib/suppliers/spelling";
import { productSelect, toProductView, type ProductView } from "./catalogue";
import type { productListQuery } from "./schemas";

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
      const rows = await readReplica().$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT p.id FROM "Product" p
          JOIN "Organization" o ON o.id = p."supplierId"
         WHERE p."archivedAt" IS NULL
           AND o."suspendedAt" IS NULL
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
  const rows = await readReplica().product.findMany({
    where: {
      archivedAt: null,
      supplier: { suspendedAt: null },
      ...(ids ? { id: { in: ids } } : {}),
      ...(query.supplierId ? { supplierId: query.supplierId } : {}),
      ...(query.kbli ? { kbliCode: { startsWith: query.kbli } } : {}),
      ...(after && !ids
        ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] }
        : {}),
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
  const img = await readReplica().productImage.findFirst({
    where: { id: imageId, productId, product: { archivedAt: null, supplier: { suspendedAt: null } } },
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
  const row = await readReplica().product.findFirst({
    where: { id, archivedAt: null, supplier: { suspendedAt: null } },
    select: productSelect,
  });
  if (!row) throw notFound();
  return toProductView(row);
}
