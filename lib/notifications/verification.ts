// issue 16: telling an organization that a platform admin verified it or returned it (with the admin's note),
// in the transaction of the decision (lib/organizations/service.ts decideVerification), so a rolled-back
// decision tells nobody. Every member sees it in the app — the organization's status decides what all of them
// can do; the owners and admins, who can fix the profile and ask for review again, also get the e-mail.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { organizationRoutes } from "@/lib/organizations/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { notify } from "./notify";

export async function notifyVerificationDecision(
  tx: Prisma.TransactionClient,
  d: { organizationId: string; type: string; name: string; decision: "verified" | "returned"; note: string },
): Promise<number> {
  return notify(tx, {
    type: d.decision === "verified" ? "verification.approved" : "verification.returned",
    organizationIds: [d.organizationId],
    emailRoles: ["owner", "admin"],
    params: { organizationName: d.name, note: d.note },
    // An UMKM fixes its business profile; a buyer or cooperative asks for review again from its dashboard.
    link: d.type === "umkm" ? supplierRoutes.ownProfile() : organizationRoutes.dashboard(),
  });
}
