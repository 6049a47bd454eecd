// The Indeks Kemitraan as the API, the pages and the CSV see it, with the access rules of access.ts applied.
import "server-only";
import { excelCsv, excelCsvResponse } from "@/lib/csv/excel";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import { indexAudience, type IndexAudience } from "./access";
import { currentYear } from "./periods";
import { getIndexBuyer, getPartnershipIndex, type IndexPeriod, type PartnershipIndex } from "./queries";
import { getRanking, type RankingFilter, type RankingRow } from "./ranking";
import type { RankingQuery } from "./schemas";
import type { IndexComponents } from "./score";

export interface VisibleIndex {
  index: PartnershipIndex;
  audience: IndexAudience;
  /** Public viewer and fewer than 3 partners: no figures are shown (the disclosure rule). */
  withheld: boolean;
}

/** A buyer's index as the actor may see it; 404 when it does not exist for the actor. */
async function readBuyerIndex(actor: Actor | null, buyerId: string, period: IndexPeriod): Promise<VisibleIndex> {
  const buyer = await getIndexBuyer(buyerId);
  if (!buyer) throw notFound();
  const audience = indexAudience(actor, buyer);
  if (!audience) throw notFound();
  const index = (await getPartnershipIndex(buyerId, period))!;
  return { index, audience, withheld: audience === "public" && !index.enoughData };
}

function componentsJson(c: IndexComponents) {
  return {
    partners: c.partners,
    agreements: c.agreements,
    valueIdr: c.valueIdr,
    microSmallShare: c.microSmallShare,
    daysToPayMedian: c.daysToPayMedian,
    daysToPayP90: c.daysToPayP90,
    latePaymentShare: c.latePaymentShare,
    deliveryReviewOnTimeShare: c.deliveryReviewOnTimeShare,
    partnersMovedUp: c.partnersMovedUp,
    partnerRating: c.partnerRating?.mean ?? null,
  };
}

function buyerIndexJson(v: VisibleIndex) {
  const { index } = v;
  return {
    buyer: { id: index.buyer.id, name: index.buyer.name },
    period: { year: index.period.year, from: index.period.from, to: index.period.to },
    grade: v.withheld ? null : index.grade,
    score: v.withheld ? null : index.score,
    enoughData: index.enoughData,
    components: v.withheld ? null : componentsJson(index.components),
    counts: v.withheld
      ? null
      : {
          paymentsCounted: index.counts.paymentsCounted,
          paymentsLate: index.counts.paymentsLate,
          unpaidPastTerm: index.counts.unpaidPastTerm,
          deliveriesCounted: index.counts.deliveriesCounted,
          deliveriesReviewedOnTime: index.counts.deliveriesOnTime,
        },
    published: index.buyer.publishedAt !== null,
    asOf: index.asOf.toISOString(),
  };
}

export async function getBuyerIndexForApi(actor: Actor | null, buyerId: string, year: number | undefined) {
  return buyerIndexJson(await readBuyerIndex(actor, buyerId, { kind: "year", year: year ?? currentYear() }));
}

export function rankingFilterOf(q: Pick<RankingQuery, "year" | "stateOwned" | "kbliSection" | "province">): RankingFilter {
  return {
    year: q.year ?? currentYear(),
    stateOwned: q.stateOwned === undefined ? undefined : q.stateOwned === "true",
    kbliSection: q.kbliSection,
    province: q.province,
  };
}

/** Ministry and platform staff: every verified buyer ranked (403 for everyone else). */
export async function getStaffRanking(actor: Actor | null, f: RankingFilter): Promise<RankingRow[]> {
  authorize(actor, { permission: "stats:drilldown" }); // ministry and platform staff (isIndexStaff)
  return getRanking(f, { publishedOnly: false });
}

/** The public ranking: firms that published; those with fewer than 3 partners are listed without figures. */
export function getPublicRanking(year: number): Promise<RankingRow[]> {
  return getRanking({ year }, { publishedOnly: true });
}

function rankingRowJson(r: RankingRow) {
  return {
    rank: r.rank,
    buyer: {
      id: r.buyer.id,
      name: r.buyer.name,
      stateOwned: r.buyer.isStateOwned,
      kbliSection: r.buyer.kbliSection,
      province: r.buyer.provinceCode ? { code: r.buyer.provinceCode, name: r.buyer.provinceName } : null,
    },
    published: r.buyer.published,
    grade: r.grade,
    score: r.score,
    enoughData: r.enoughData,
    components: componentsJson(r.components),
  };
}

export async function getRankingForApi(actor: Actor | null, q: RankingQuery) {
  const f = rankingFilterOf(q);
  const rows = await getStaffRanking(actor, f);
  return { year: f.year, data: rows.map(rankingRowJson) };
}

const pct = (x: number | null, locale: Locale) =>
  x === null ? "" : (Math.round(x * 1000) / 10).toLocaleString(locale === "id" ? "id-ID" : "en-US");
const num = (x: number | null, locale: Locale) =>
  x === null ? "" : x.toLocaleString(locale === "id" ? "id-ID" : "en-US", { useGrouping: false });

/** The ranking as CSV for Excel (lib/csv/excel.ts): headers in the reader's language, ";" separated, UTF-8 with a BOM. */
function rankingCsv(rows: RankingRow[], locale: Locale): string {
  const h = (k: string) => translate(locale, `partnershipIndex.csv.${k}`);
  const fields = [
    "rank",
    "firm",
    "ownership",
    "kbliSection",
    "province",
    "score",
    "grade",
    "partners",
    "agreementsActive",
    "agreementsCompleted",
    "agreementsTerminated",
    "valueIdr",
    "microSmallShare",
    "daysToPayMedian",
    "daysToPayP90",
    "paymentsCounted",
    "paymentsLate",
    "latePaymentShare",
    "deliveryReviewOnTimeShare",
    "partnersMovedUp",
    "partnerRating",
  ].map(h);
  const data = rows.map((r) => [
    r.rank ?? "",
    r.buyer.name,
    translate(locale, r.buyer.isStateOwned ? "partnershipIndex.ownership.bumn" : "partnershipIndex.ownership.private"),
    r.buyer.kbliSection ?? "",
    r.buyer.provinceName ?? "",
    num(r.score, locale),
    r.grade ? translate(locale, `partnershipIndex.grade.${r.grade}`) : translate(locale, "partnershipIndex.notEnoughData"),
    r.components.partners,
    r.components.agreements.active,
    r.components.agreements.completed,
    r.components.agreements.terminated,
    r.components.valueIdr.toString(),
    pct(r.components.microSmallShare, locale),
    num(r.components.daysToPayMedian, locale),
    num(r.components.daysToPayP90, locale),
    r.counts.paymentsCounted,
    r.counts.paymentsLate,
    pct(r.components.latePaymentShare, locale),
    pct(r.components.deliveryReviewOnTimeShare, locale),
    r.components.partnersMovedUp,
    num(r.components.partnerRating?.mean ?? null, locale),
  ]);
  return excelCsv(fields, data);
}

export async function rankingCsvResponse(actor: Actor | null, q: RankingQuery, locale: Locale): Promise<Response> {
  const f = rankingFilterOf(q);
  const rows = await getStaffRanking(actor, f);
  return excelCsvResponse({ content: rankingCsv(rows, locale), filename: `rantai-indeks-kemitraan-${f.year}.csv` });
}
