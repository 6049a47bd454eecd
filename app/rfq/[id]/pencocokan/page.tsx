// /rfq/[id]/pencocokan — the buyer's matches for one of its RFQs: every line it needs; ranked qualified UMKM
// with reasons, almost-qualified UMKM with their gaps, each invitable (one click, or ticked and invited together);
// for a multi-line RFQ each line's best UMKM and a suggested split; consortia when no single UMKM can supply the
// quantity. Another organization's RFQ is a 404 (lib/matching/service.ts puts the buyer into the where).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Container, PageHeader } from "@/components/ui";
import { RfqTabs } from "@/components/rfqs/rfq-tabs";
import { msUntil, RfqStatusBadges } from "@/components/rfqs/rfq-summary";
import { MatchList } from "@/components/matching/match-list";
import { LineMatches } from "@/components/matching/line-matches";
import { BulkInviteForm } from "@/components/matching/invite-buttons";
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
  const names = new Map(s.lines.map((l) => [l.index, l.name]));
  const linesOf =
    s.lines.length > 1
      ? new Map(Object.entries(matches.linesOf).map(([sid, idx]) => [sid, idx.map((i) => names.get(i) ?? String(i + 1))]))
      : undefined;
  const list = (
    <MatchList
      rfqId={id}
      matches={matches.matches}
      almostQualified={matches.almostQualified}
      invitedSupplierIds={matches.invitedSupplierIds}
      canInvite={open}
      linesOf={linesOf}
    />
  );

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
      <section className="mb-6 flex min-w-0 flex-col gap-1 text-sm text-ink" aria-labelledby="needs-heading">
        <h2 id="needs-heading" className="font-semibold">
          {t("page.needsTitle")}
        </h2>
        <ul className="flex flex-col gap-0.5" data-testid="needs">
          {s.lines.map((l) => (
            <li key={l.index} className="break-words">
              {t("page.needLine", { name: l.name, quantity: formatNumber(l.quantity, locale), unit: l.unit })}
            </li>
          ))}
        </ul>
        <p>{t("page.needsMeta", { kbli: s.kbliCode, deadline: f.dateTime(s.deadline) })}</p>
        <p>{requirements.length ? t("page.requirements", { requirements: requirements.join(", ") }) : t("page.noRequirements")}</p>
      </section>
      {!open && (
        <div className="mb-6">
          <Alert tone="info">{t("page.notOpen")}</Alert>
        </div>
      )}
      <div className="flex min-w-0 flex-col gap-6">
        {open ? (
          <BulkInviteForm
            rfqId={id}
            labels={{
              submit: t("page.bulkSubmit"),
              selected: t("page.bulkSelected", { count: "{count}" }),
              done: t("page.bulkDone", { invited: "{invited}", already: "{already}" }),
              none: t("page.bulkNone"),
              error: t("page.error", { message: "{message}" }),
            }}
          >
            {list}
          </BulkInviteForm>
        ) : (
          list
        )}
        {s.lines.length > 1 && <LineMatches data={matches} />}
        <ConsortiumList data={consortia} canInvite={open} />
      </div>
    </Container>
  );
}
