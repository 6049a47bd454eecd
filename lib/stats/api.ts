// The /api/v1/stats/* answers (shapes of docs/api.md), built on the same lib/stats functions as /statistik.
import "server-only";
import type { Actor } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/config";
import { getCompletedWithOpenMilestones, publicCompletedWithOpenMilestones } from "./completed-open";
import { csvFilename, partnershipsCsv } from "./csv";
import { getTopSuppliers } from "./drilldown";
import { getPartnershipStats } from "./partnerships";
import { getPublicSummary } from "./public-summary";
import type { PartnershipsQuery, StatsFilter } from "./schemas";

export async function getStatsSummary() {
  const [s, completedOpen] = await Promise.all([getPublicSummary(), getCompletedWithOpenMilestones()]);
  return {
    suppliers: s.umkmVerified,
    suppliersRegistered: s.umkmRegistered,
    buyers: s.buyersVerified,
    openRfqs: s.openRfqs,
    activeAgreements: s.activeAgreements,
    completedAgreements: s.completedAgreements,
    completedWithOpenMilestones: publicCompletedWithOpenMilestones(completedOpen),
    agreementValueIdr: s.activeAgreementValueIdr,
    umkmWithActiveAgreement: s.umkmWithActiveAgreement,
    umkmWithActiveAgreementShare: s.umkmWithActiveAgreementShare,
    asOf: s.asOf.toISOString(),
  };
}

function filterOf(q: PartnershipsQuery): StatsFilter {
  return { from: q.from, to: q.to, province: q.province, kbliSection: q.kbliSection };
}

export async function getPartnershipsForApi(q: PartnershipsQuery, locale: Locale) {
  const s = await getPartnershipStats(q.groupBy, filterOf(q), locale);
  return { data: s.rows, totals: s.totals };
}

export async function partnershipsCsvResponse(q: PartnershipsQuery, locale: Locale): Promise<Response> {
  const s = await getPartnershipStats(q.groupBy, filterOf(q), locale);
  return new Response(partnershipsCsv(s.rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFilename(q.groupBy, q.from, q.to)}"`,
    },
  });
}

export async function getTopSuppliersForApi(actor: Actor | null, filter: StatsFilter) {
  const rows = await getTopSuppliers(actor, filter);
  return {
    data: rows.map((r) => ({
      id: r.id,
      name: r.name,
      province: { code: r.provinceCode, name: r.provinceName },
      kbliSection: r.kbliSection,
      sizeClass: r.sizeClass,
      agreements: r.agreements,
      valueIdr: r.valueIdr,
      participations: r.participations,
    })),
  };
}
