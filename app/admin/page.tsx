import { redirect } from "next/navigation";
import { isPlatformVerifier } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/page-guard";
import { organizationRoutes } from "@/lib/organizations/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

export default async function AdminPage() {
  await requirePageActor(organizationRoutes.admin(), isPlatformVerifier);
  redirect(supplierRoutes.verificationQueue());
}
