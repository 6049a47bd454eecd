"use server";
// Server actions of the Indeks Kemitraan: the firm publishes or withdraws its index, issues a Laporan Kemitraan.
import { buyerAction, revalidate } from "@/lib/auth/action-wrapper";
import { setIndexPublished } from "./publish";
import { issueReport } from "./reports";
import { partnershipIndexRoutes } from "./routes";
import { issueReportSchema, publishSchema } from "./schemas";

export const setIndexPublishedAction = buyerAction("index:publish", publishSchema, async ({ publish }, { actor }) => {
  const r = await setIndexPublished(actor, publish === "true");
  revalidate(
    partnershipIndexRoutes.own(),
    partnershipIndexRoutes.publicRanking(),
    partnershipIndexRoutes.buyer(actor.membership.organizationId),
  );
  return { published: r.publishedAt !== null };
});

/** Issues a new Laporan Kemitraan for a year; the page then shows it with its code and fingerprint. */
export const issueReportAction = buyerAction("index:publish", issueReportSchema, async ({ year }, { actor }) => {
  const report = await issueReport(actor, year);
  revalidate(partnershipIndexRoutes.report(year));
  return { code: report.code };
});
