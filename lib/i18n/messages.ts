// All message catalogues, merged: the shell's messages/{id,en}.json plus one pair of files per domain
// (messages/<domain>/{id,en}.json), so work on different domains does not edit the same file.
// Add a domain by importing its two files below and listing them in DOMAINS.
import type { Locale } from "./config";
import coreId from "@/messages/id.json";
import coreEn from "@/messages/en.json";
import suppliersId from "@/messages/suppliers/id.json";
import suppliersEn from "@/messages/suppliers/en.json";
import rfqsId from "@/messages/rfqs/id.json";
import rfqsEn from "@/messages/rfqs/en.json";
import directoryId from "@/messages/directory/id.json";
import directoryEn from "@/messages/directory/en.json";
import cooperativesId from "@/messages/cooperatives/id.json";
import cooperativesEn from "@/messages/cooperatives/en.json";
import quotesId from "@/messages/quotes/id.json";
import quotesEn from "@/messages/quotes/en.json";
import notificationsId from "@/messages/notifications/id.json";
import notificationsEn from "@/messages/notifications/en.json";
import matchingId from "@/messages/matching/id.json";
import matchingEn from "@/messages/matching/en.json";
import agreementsId from "@/messages/agreements/id.json";
import agreementsEn from "@/messages/agreements/en.json";
import statsId from "@/messages/stats/id.json";
import statsEn from "@/messages/stats/en.json";
import financingId from "@/messages/financing/id.json";
import financingEn from "@/messages/financing/en.json";
import authId from "@/messages/auth/id.json";
import authEn from "@/messages/auth/en.json";
import membersId from "@/messages/members/id.json";
import membersEn from "@/messages/members/en.json";
import organizationsId from "@/messages/organizations/id.json";
import organizationsEn from "@/messages/organizations/en.json";
import adminId from "@/messages/admin/id.json";
import adminEn from "@/messages/admin/en.json";
import clustersId from "@/messages/clusters/id.json";
import clustersEn from "@/messages/clusters/en.json";
import sitesId from "@/messages/sites/id.json";
import sitesEn from "@/messages/sites/en.json";
import regionsId from "@/messages/regions/id.json";
import regionsEn from "@/messages/regions/en.json";
import partnershipIndexId from "@/messages/partnership-index/id.json";
import partnershipIndexEn from "@/messages/partnership-index/en.json";
import clusterFiguresId from "@/messages/cluster-figures/id.json";
import clusterFiguresEn from "@/messages/cluster-figures/en.json";
import partnershipReportsId from "@/messages/partnership-reports/id.json";
import partnershipReportsEn from "@/messages/partnership-reports/en.json";
import activityId from "@/messages/activity/id.json";
import activityEn from "@/messages/activity/en.json";
import financingProgrammesId from "@/messages/financing-programmes/id.json";
import financingProgrammesEn from "@/messages/financing-programmes/en.json";

type Tree = { [key: string]: string | Tree };

const DOMAINS: { id: Tree; en: Tree }[] = [
  { id: suppliersId, en: suppliersEn },
  { id: rfqsId, en: rfqsEn },
  { id: directoryId, en: directoryEn },
  { id: cooperativesId, en: cooperativesEn },
  { id: quotesId, en: quotesEn },
  { id: notificationsId, en: notificationsEn },
  { id: matchingId, en: matchingEn },
  { id: agreementsId, en: agreementsEn },
  { id: statsId, en: statsEn },
  { id: financingId, en: financingEn },
  { id: authId, en: authEn },
  { id: membersId, en: membersEn },
  { id: organizationsId, en: organizationsEn },
  { id: adminId, en: adminEn },
  { id: clustersId, en: clustersEn },
  { id: sitesId, en: sitesEn },
  { id: regionsId, en: regionsEn },
  { id: partnershipIndexId, en: partnershipIndexEn },
  { id: clusterFiguresId, en: clusterFiguresEn },
  { id: partnershipReportsId, en: partnershipReportsEn },
  { id: activityId, en: activityEn },
  { id: financingProgrammesId, en: financingProgrammesEn },
];

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === "object" && existing && typeof existing === "object") merge(existing, value);
    else target[key] = typeof value === "object" ? merge({}, value) : value;
  }
  return target;
}

function build(locale: Locale, core: Tree): Tree {
  const out = merge({}, core);
  for (const d of DOMAINS) merge(out, d[locale]);
  return out;
}

export const MESSAGES: Record<Locale, Tree> = {
  id: build("id", coreId as Tree),
  en: build("en", coreEn as Tree),
};
