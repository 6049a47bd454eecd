// /kemitraan — the partnership agreements the organization is a party to (ministry staff: all, read-only),
// filtered by status, with a link to create one.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Container, EmptyState, PageHeader, ResponsiveTable, cn } from "@/components/ui";
import { AgreementStatusBadge } from "@/components/agreements/status-badge";
import { formattersFor } from "@/lib/i18n/format";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { AGREEMENT_STATUSES, type AgreementStatus } from "@/lib/enums";
import { agreementPageAccess } from "@/lib/agreements/access";
import { countAgreementsByStatus, listAgreements } from "@/lib/agreements/queries";
import { agreementRoutes } from "@/lib/agreements/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireSignedIn(agreementRoutes.list());
  const { allowed, ministry, canWrite } = agreementPageAccess(actor);
  const t = await getTranslations("agreements");
  const tSchemes = await getTranslations("schemes");
  if (!allowed) {
    return (
      <Container className="py-8">
        <PageHeader title={t("title")} />
        <Alert tone="info">{t("notParty")}</Alert>
      </Container>
    );
  }
  const sp = await searchParams;
  const status = AGREEMENT_STATUSES.includes(sp.status as AgreementStatus) ? (sp.status as AgreementStatus) : undefined;
  const cursor = typeof sp.cursor === "string" ? sp.cursor : undefined;
  const [page, counts] = await Promise.all([
    listAgreements(actor, { status, limit: 25, cursor }).catch(() => listAgreements(actor, { status, limit: 25 })),
    countAgreementsByStatus(actor),
  ]);
  const f = formattersFor(await getLocale(), await getTimeZone());
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const me = actor.membership?.organizationId;
  const tab = (active: boolean) =>
    cn("rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap", active ? "bg-brand-700 text-white" : "text-ink hover:bg-stone-100");

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        title={t("title")}
        description={ministry ? t("descriptionMinistry") : t("description")}
        actions={canWrite ? <ButtonLink href={agreementRoutes.create()}>{t("new")}</ButtonLink> : undefined}
      />
      <nav aria-label={t("tabs.label")} className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1">
        <Link href={agreementRoutes.list()} className={tab(!status)} aria-current={!status ? "page" : undefined}>
          {t("tabs.all")} ({f.number(total)})
        </Link>
        {AGREEMENT_STATUSES.map((s) => (
          <Link
            key={s}
            href={agreementRoutes.list({ status: s })}
            className={tab(status === s)}
            aria-current={status === s ? "page" : undefined}
          >
            {t(`status.${s}`)} ({f.number(counts[s])})
          </Link>
        ))}
      </nav>
      {page.data.length === 0 ? (
        <EmptyState
          title={status ? t("list.emptyStatus") : t("list.empty")}
          description={status ? undefined : t("list.emptyBody")}
          action={canWrite && !status ? <ButtonLink href={agreementRoutes.create()}>{t("new")}</ButtonLink> : undefined}
        />
      ) : (
        <ResponsiveTable caption={t("list.caption")} minWidthClassName="sm:min-w-[48rem]">
          <thead>
            <tr>
              <th scope="col">{t("list.agreement")}</th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col" className="num">
                {t("list.value")}
              </th>
              <th scope="col">{t("list.parties")}</th>
              <th scope="col">{t("list.scheme")}</th>
              <th scope="col">{t("list.period")}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link href={agreementRoutes.detail(a.id)} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                    {a.title}
                  </Link>
                  <span className="block font-mono text-xs font-normal text-muted">{a.number}</span>
                </th>
                <td data-label={t("list.status")}>
                  <AgreementStatusBadge status={a.status} />
                </td>
                <td data-label={t("list.value")} className="num font-semibold whitespace-nowrap">
                  {f.rupiah(a.valueIdr)}
                </td>
                <td data-label={t("list.parties")}>
                  <span>
                    <span className={cn("block", a.buyer.id === me && "font-semibold")}>{a.buyer.name}</span>
                    <span className={cn("block text-muted", a.supplier.id === me && "font-semibold text-ink")}>{a.supplier.name}</span>
                  </span>
                </td>
                <td data-label={t("list.scheme")}>{tSchemes(`${a.scheme}.name`)}</td>
                <td data-label={t("list.period")}>
                  {t("list.periodValue", { start: f.calendarDate(a.startDate), end: f.calendarDate(a.endDate) })}
                </td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      {page.nextCursor && (
        <div>
          <ButtonLink variant="outline" href={agreementRoutes.list({ status, cursor: page.nextCursor })}>
            {t("list.more")}
          </ButtonLink>
        </div>
      )}
    </Container>
  );
}
