// The /api/v1/stats/* answers (shapes of docs/api.md), built on the same lib/stats functions as /statistik.
import "server-only";
import { onOneReadServer } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import type { Locale } from "@/lib/i18n/config";
import { getCompletedWithOpenMilestones, publicCompletedWithOpenMilestones } from "./completed-open";
import { csvFilename, partnershipsCsv } from "./csv";
import { getTopSuppliers } from "./drilldown";
import { getProtectedSummary } from "./current";
import { Disclosure, audienceOf, type PublishedStats } from "./disclosure";
import type { PartnershipsQuery, StatsFilter } from "./schemas";
import { downloadResponse } from "@/lib/files/download";

/** The totals; partnership figures backed by fewer than 3 UMKM are null for all but ministry and platform staff. */
export async function getStatsSummary(actor: Actor | null = null) {
  return onOneReadServer(async () => {
    const audience = audienceOf(actor);
    const [s, completedOpen] = await Promise.all([getProtectedSummary(audience), getCompletedWithOpenMilestones()]);
    return {
      suppliers: s.umkmVerified,
      suppliersRegistered: s.umkmRegistered,
      buyers: s.buyersVerified,
      openRfqs: s.openRfqs,
      activeAgreements: s.activeAgreements,
      completedAgreements: s.completedAgreements,
      completedWithOpenMilestones:
        audience === "exact"
          ? { agreements: completedOpen.agreements, valueIdr: completedOpen.valueIdr, suppressed: false }
          : publicCompletedWithOpenMilestones(completedOpen),
      agreementValueIdr: s.activeAgreementValueIdr,
      umkmWithActiveAgreement: s.umkmWithActiveAgreement,
      umkmWithActiveAgreementShare: s.umkmWithActiveAgreementShare,
      suppressed: s.suppressed,
      asOf: s.asOf.toISOString(),
    };
  });
}

function filterOf(q: PartnershipsQuery): StatsFilter {
  return { from: q.from, to: q.to, province: q.province, kbliSection: q.kbliSection, clusterId: q.clusterId };
}

/** One table for the caller: exact for ministry and platform staff, protected (and whole quarters) for everybody else. */
function getPublishedPartnerships(actor: Actor | null, q: PartnershipsQuery, locale: Locale): Promise<PublishedStats> {
  return Disclosure.for(actor, locale).partnerships(q.groupBy, filterOf(q));
}

export async function getPartnershipsForApi(actor: Actor | null, q: PartnershipsQuery, locale: Locale) {
  const s = await getPublishedPartnerships(actor, q, locale);
  return { data: s.rows, totals: s.totals, period: s.period, disclosure: s.audience === "exact" ? "exact" : "protected" };
}

export async function partnershipsCsvResponse(actor: Actor | null, q: PartnershipsQuery, locale: Locale): Promise<Response> {
  const s = await getPublishedPartnerships(actor, q, locale);
  return downloadResponse({
    content: partnershipsCsv(s.rows),
    // the period used (public: whole quarters), also in the file name
    filename: csvFilename(q.groupBy, s.period.from ?? undefined, s.period.to ?? undefined),
    mimeType: "text/csv; charset=utf-8",
    headers: {
      ...(s.period.from ? { "x-stats-period-from": s.period.from } : {}),
      ...(s.period.to ? { "x-stats-period-to": s.period.to } : {}),
    },
  });
}

export async function getTopSuppliersForApi(actor: Actor | null, filter: StatsFilter) {
  return onOneReadServer(async () => {
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
  });
}
