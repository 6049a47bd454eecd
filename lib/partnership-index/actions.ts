"use server";
// Server actions of the Indeks Kemitraan: the firm publishes or withdraws its index.
import { buyerAction, revalidate } from "@/lib/auth/action-wrapper";
import { setIndexPublished } from "./publish";
import { partnershipIndexRoutes } from "./routes";
import { publishSchema } from "./schemas";

export const setIndexPublishedAction = buyerAction("index:publish", publishSchema, async ({ publish }, { actor }) => {
  const r = await setIndexPublished(actor, publish === "true");
  revalidate(
    partnershipIndexRoutes.own(),
    partnershipIndexRoutes.publicRanking(),
    partnershipIndexRoutes.buyer(actor.membership.organizationId),
  );
  return { published: r.publishedAt !== null };
});
