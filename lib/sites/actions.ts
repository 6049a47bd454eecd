"use server";
// Server actions of /admin/kawasan (issue 12): platform admins add, change and remove sites of the reference
// list. userAction (a signed-in user), then lib/sites' requireSiteAdmin: anyone else gets forbidden, exactly
// like the API. Each service writes its audit entry in the same transaction.
import { revalidate, userAction } from "@/lib/auth/action-wrapper";
import { siteRoutes } from "./routes";
import { siteCreateSchema, siteTargetSchema, siteUpdateFormSchema } from "./schemas";
import { createSite, deleteSite, updateSite } from "./service";

export const createSiteAction = userAction(siteCreateSchema, async (data, { actor }) => {
  const site = await createSite(actor, data);
  revalidate(siteRoutes.admin(), siteRoutes.list(), siteRoutes.detail(site.id));
  return { id: site.id, redirectTo: siteRoutes.adminEdit(site.id) };
});

export const updateSiteAction = userAction(siteUpdateFormSchema, async ({ id, ...data }, { actor }) => {
  const site = await updateSite(actor, id, data);
  revalidate(siteRoutes.admin(), siteRoutes.list(), siteRoutes.detail(site.id), siteRoutes.adminEdit(site.id));
  return { id: site.id };
});

export const deleteSiteAction = userAction(siteTargetSchema, async ({ id }, { actor }) => {
  await deleteSite(actor, id);
  revalidate(siteRoutes.admin(), siteRoutes.list(), siteRoutes.detail(id));
  return { id, redirectTo: siteRoutes.admin() };
});
