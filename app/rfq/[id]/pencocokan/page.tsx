// /rfq/[id]/pencocokan — the buyer's matches for one of its RFQs: ranked qualified UMKM with reasons,
// almost-qualified UMKM with their gaps, consortia when no single UMKM can supply the quantity, and one-click
// invitations. Another organization's RFQ is a 404 (lib/matching/service.ts puts the buyer into the where).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Container, PageHeader } from "@/components/ui";
import { RfqTabs } from "@/components/rfqs/rfq-tabs";
import { msUntil, RfqStatusBadges } from "@/components/rfqs/rfq-summary";
import { MatchList } from "@/components/matching/match-list";
import { ConsortiumList } from "@/components/matching/consortia";
import { formatNumber, formattersFor } from "@/lib/i18n/format";
import { getRfqForActor } from "@/lib/rfqs/queries";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { getConsortiumProposals, getRfqMatches } from "@/lib/matching/service";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("matching.page");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function RfqMatchesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(rfqRoutes.matching(id), mayManageRfqs);
  const rfq = await orNotFound(getRfqForActor(actor, id));
  const [matches, consortia] = await Promise.all([orNotFound(getRfqMatches(actor, id)), orNotFound(getConsortiumProposals(actor, id))]);
  const t = await getTranslations("matching");
  const locale = (await getLocale()) === "en" ? "en" : "id";
  const f = formattersFor(locale, await getTimeZone());
  const s = matches.rfq;
  const open = s.status === "open" && msUntil(s.deadline) > 0;
  const requirements = [
    ...s.requiredCertifications.map((c) => t(`certs.${c}`)),
    ...(s.minTkdn !== null ? [t("page.minTkdn", { min: formatNumber(s.minTkdn, locale) })] : []),
  ];

  return (
    <Container className="py-8">
      <p className="mb-2 text-sm">
        <Link href={rfqRoutes.detail(id)} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
          ← {t("page.back")}
        </Link>
      </p>
      <PageHeader eyebrow={actor.membership?.organizationName} title={rfq.title} description={t("page.description")} />
      <div className="-mt-3 mb-5">
        <RfqStatusBadges rfq={rfq} />
      </div>
      <RfqTabs rfqId={rfq.id} active="matches" />
      <div className="mb-6 flex flex-col gap-1 text-sm text-ink">
        <p>
          {t("page.needs", {
            quantity: formatNumber(s.quantity, locale),
            unit: s.unit,
            kbli: s.kbliCode,
            deadline: f.dateTime(s.deadline),
          })}
        </p>
        <p>{requirements.length ? t("page.requirements", { requirements: requirements.join(", ") }) : t("page.noRequirements")}</p>
      </div>
      {!open && (
        <div className="mb-6">
          <Alert tone="info">{t("page.notOpen")}</Alert>
        </div>
      )}
      <div className="flex flex-col gap-6">
        <MatchList
          rfqId={id}
          matches={matches.matches}
          almostQualified={matches.almostQualified}
          invitedSupplierIds={matches.invitedSupplierIds}
          canInvite={open}
        />
        <ConsortiumList data={consortia} canInvite={open} />
      </div>
    </Container>
  );
}
