// GET /api/v1/suppliers/{id}: a supplier's public profile with its products.
// PATCH /api/v1/suppliers/{id}: its members change the profile — the same schema and the same domain function
// as the onboarding form (lib/suppliers), so the same validation and permissions. Not a member → 404.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ACTORS } from "@/lib/auth/authorize";
import { getPublicSupplierProfile } from "@/lib/suppliers/profile";
import { updateSupplierProfile } from "@/lib/suppliers/profile-update";
import { OwnSupplierSchema, presentOwn, presentPublic, PublicSupplierSchema } from "@/lib/suppliers/responses";
import { supplierProfileSchema } from "@/lib/suppliers/schemas";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiRoute(
  {
    auth: "none",
    params,
    openapi: {
      method: "get",
      path: "/api/v1/suppliers/{id}",
      summary: "A supplier's public profile with its products",
      description: "Public: no NPWP, address or financial figures. `sizeClass` is mikro, kecil or menengah.",
      tags: ["Suppliers"],
      responses: { 200: { description: "The supplier", schema: PublicSupplierSchema } },
    },
  },
  async ({ params }) => presentPublic(await getPublicSupplierProfile(params.id)),
);

export const PATCH = apiRoute(
  {
    auth: "required",
    orgTypes: ACTORS.umkm,
    permission: "supplier:profile:update",
    params,
    body: supplierProfileSchema,
    idempotent: true,
    openapi: {
      method: "patch",
      path: "/api/v1/suppliers/{id}",
      summary: "Update your supplier profile",
      description:
        "Members of that supplier only (others: 404). Absent fields stay as they are; null clears one. NPWP is accepted in " +
        "the 15-digit form (with its check digit) or 16 digits and stored as 16. Rupiah figures are whole numbers ≥ 0; a " +
        "business above the PP 7/2021 limits (capital > Rp10 M, or annual sales > Rp50 M) is not an UMKM and is refused. " +
        "`certifications` replaces the list; documents are uploaded in the UI.",
      tags: ["Suppliers"],
      responses: { 200: { description: "The updated profile as its members see it", schema: OwnSupplierSchema } },
    },
  },
  async ({ actor, params, body }) => presentOwn(await updateSupplierProfile(actor, params.id, body)),
);
