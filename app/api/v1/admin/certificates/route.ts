// GET /api/v1/admin/certificates?status=pending: certificates awaiting a platform admin's review across all UMKM,
// oldest first. Platform admins only: 404 for everyone else (lib/suppliers/certificate-review.ts).
import { apiRoute } from "@/lib/api/route";
import { listCertificatesForReview } from "@/lib/suppliers/certificate-review";
import { CertificateQueuePageSchema } from "@/lib/suppliers/responses";
import { certificateQueueQuerySchema } from "@/lib/suppliers/schemas";

export const GET = apiRoute(
  {
    auth: "required",
    query: certificateQueueQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/admin/certificates",
      summary: "Certificates awaiting review (platform admins)",
      description:
        "Certificates that verified UMKM added or changed, oldest first, with a link to each document. " +
        "`total` counts the whole queue. Anyone but a platform admin gets 404.",
      tags: ["Administration"],
      errors: [404],
      responses: { 200: { description: "A page of the queue", schema: CertificateQueuePageSchema } },
    },
  },
  ({ actor, query }) => listCertificatesForReview(actor, query),
);
