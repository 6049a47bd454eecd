// POST /api/v1/admin/certificates/{id}/review: a platform admin approves one certificate or returns it with a
// reason. 404 for everyone else; 409 when it is no longer awaiting review (lib/suppliers/certificate-review.ts).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { reviewCertificate } from "@/lib/suppliers/certificate-review";
import { CertificateReviewResultSchema } from "@/lib/suppliers/responses";
import { certificateReviewSchema } from "@/lib/suppliers/schemas";

export const POST = apiRoute(
  {
    auth: "required",
    params: z.object({ id: z.string().trim().min(1).max(64) }),
    body: certificateReviewSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/admin/certificates/{id}/review",
      summary: "Approve or return one certificate (platform admins)",
      description:
        "`decision`: `approved` (the certificate is verified from now on) or `returned` (with a `reason`, required, " +
        "that the UMKM reads). The UMKM's owners and admins are notified. Only that certificate changes.",
      tags: ["Administration"],
      errors: [404, 409],
      responses: { 200: { description: "The decision", schema: CertificateReviewResultSchema } },
    },
  },
  ({ actor, params, body }) => reviewCertificate(actor, params.id, body),
);
