"use server";
// Server actions of the platform administration pages (/admin/organisasi, /admin/pengguna; issue 16 item 4).
// userAction (a signed-in user), then lib/admin's requirePlatformAdmin: anyone but a platform admin gets
// not_found, exactly like the API. Every service writes its audit entry in the same transaction.
import { userAction, revalidate } from "@/lib/auth/action-wrapper";
import { organizationRoutes } from "@/lib/organizations/routes";
import { createOrganization } from "./organizations";
import { createOrganizationSchema, suspendSchema, targetSchema } from "./schemas";
import { reinstateOrganization, reinstateUser, suspendOrganization, suspendUser } from "./suspension";
import { forcePasswordReset } from "./users";

export const createOrganizationAction = userAction(createOrganizationSchema, async (data, { actor }) => {
  const org = await createOrganization(actor, data);
  revalidate(organizationRoutes.adminOrganizations());
  return { id: org.id, ownerEmail: org.ownerInvitation.email, redirectTo: organizationRoutes.adminOrganization(org.id) };
});

export const suspendOrganizationAction = userAction(suspendSchema, async (data, { actor }) => {
  const r = await suspendOrganization(actor, data);
  revalidate(organizationRoutes.adminOrganization(r.id), organizationRoutes.adminOrganizations());
  return { id: r.id };
});

export const reinstateOrganizationAction = userAction(targetSchema, async (data, { actor }) => {
  const r = await reinstateOrganization(actor, data);
  revalidate(organizationRoutes.adminOrganization(r.id), organizationRoutes.adminOrganizations());
  return { id: r.id };
});

export const suspendUserAction = userAction(suspendSchema, async (data, { actor }) => {
  const r = await suspendUser(actor, data);
  revalidate(organizationRoutes.adminUser(r.id), organizationRoutes.adminUsers());
  return { id: r.id };
});

export const reinstateUserAction = userAction(targetSchema, async (data, { actor }) => {
  const r = await reinstateUser(actor, data);
  revalidate(organizationRoutes.adminUser(r.id), organizationRoutes.adminUsers());
  return { id: r.id };
});

export const forcePasswordResetAction = userAction(targetSchema, async (data, { actor }) => {
  const r = await forcePasswordReset(actor, data);
  revalidate(organizationRoutes.adminUser(r.id));
  return { id: r.id };
});
