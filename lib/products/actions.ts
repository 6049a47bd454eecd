"use server";
// Server actions behind /produk (list, archive), /produk/baru and /produk/[id]/ubah. Public endpoints:
// each goes through umkmAction (session → active UMKM → "supplier:products:write") and the service puts the
// organization into its where clauses, so another UMKM's product is "not found".
//
// Each export takes a plain object or (previousState, FormData) for useActionState.
import { z } from "zod";
import { revalidate, umkmAction } from "@/lib/auth/action-wrapper";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { isPhotoPresent, type PhotoSource } from "./images";
import { priceOrder, productFields, productIdSchema } from "./schemas";
import { createProduct, setProductArchived, updateProduct } from "./catalogue";
import { productRoutes } from "./routes";

const photos = z
  .unknown()
  .optional()
  .transform((v): PhotoSource[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(isPhotoPresent));

const ids = z
  .unknown()
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string" && x.length > 0 && x.length <= 64),
  );

const productForm = z.object({ ...productFields, photos }).superRefine(priceOrder);
const productEditForm = z.object({ ...productFields, id: productIdSchema, photos, removeImageIds: ids }).superRefine(priceOrder);

/** The catalogue, the directory that lists products, and the product's edit page. */
const refresh = (id: string) => revalidate(productRoutes.list(), supplierRoutes.directory(), productRoutes.edit(id));

export const createProductAction = umkmAction("supplier:products:write", productForm, async ({ photos: files, ...input }, { actor }) => {
  const p = await createProduct(actor, input, files);
  refresh(p.id);
  return { id: p.id };
});

export const updateProductAction = umkmAction(
  "supplier:products:write",
  productEditForm,
  async ({ id, photos: files, removeImageIds, ...input }, { actor }) => {
    // A form sends every field: a blank optional number means "none".
    const p = await updateProduct(
      actor,
      id,
      {
        ...input,
        description: input.description ?? null,
        moq: input.moq ?? null,
        monthlyCapacity: input.monthlyCapacity ?? null,
        leadTimeDays: input.leadTimeDays ?? null,
      },
      { photos: files, removeImageIds },
    );
    refresh(p.id);
    return { id: p.id };
  },
);

const archiveSchema = z.object({
  id: productIdSchema,
  archived: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

export const setProductArchivedAction = umkmAction("supplier:products:write", archiveSchema, async ({ id, archived }, { actor }) => {
  await setProductArchived(actor, id, archived);
  refresh(id);
  return { id, archived };
});
