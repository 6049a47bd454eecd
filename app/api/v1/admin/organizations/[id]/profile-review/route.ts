// POST /api/v1/admin/organizations/{id}/profile-review: a platform admin approves the identity change an
// organization proposed, or returns it with a note (lib/organizations/profile-review.ts; ADR 0020).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { decideProfileChange } from "@/lib/organizations/profile-review";
import { ProfileReviewResultSchema } from "@/lib/organizations/profile-responses";
import { profileReviewDecisionSchema } from "@/lib/organizations/profile-schemas";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = apiRoute(
  {
    auth: "required",
    params,
    body: profileReviewDecisionSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/admin/organizations/{id}/profile-review",
      summary: "Approve or return an organization's proposed identity change",
      description:
        "Platform admins only. `approved` applies the proposed values; `returned` (a `note` is required) keeps the approved " +
        "values and tells the organization why. No proposal waiting: 409. The organization's owners and admins are notified.",
      tags: ["Admin"],
      responses: { 200: { description: "The decision", schema: ProfileReviewResultSchema } },
    },
  },
  async ({ actor, params, body }) => decideProfileChange(actor, params.id, body),
);
