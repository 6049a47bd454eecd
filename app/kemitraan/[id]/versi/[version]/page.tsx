// /kemitraan/[id]/versi/[version] — what version N said, as written, and who accepted that version.
import type { Metadata } from "next";
import { getActor } from "@/lib/auth/session";
import { getAgreement } from "@/lib/agreements/queries";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader, ResponsiveTable } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayOpenAgreements } from "@/lib/agreements/access";
import { getAgreementVersion } from "@/lib/agreements/queries";
import { agreementRoutes } from "@/lib/agreements/routes";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string; version: string }>;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("agreements.detail");
  // the agreement's number only for a reader who may open it
  const a = await getAgreement(await getActor(), (await params).id).catch(() => null);
  return { title: a ? `${t("versions")}: ${a.number} — Rantai` : `${t("versions")} — Rantai`, robots: { index: false } };
}

/**
 * Where this version stands (issue 11): the one in force (with an amendment perhaps awaiting acceptance),
 * the pending amendment (not in force yet), or superseded. Before anything was accepted by all, the latest
 * draft version is the current one.
 */
function versionNotice(v: Awaited<ReturnType<typeof getAgreementVersion>>, t: (key: string, values?: Record<string, number>) => string) {
  if (v.pendingVersion !== null && v.version === v.pendingVersion)
    return <Alert tone="warning">{t("versionPage.pending", { inForce: v.inForceVersion ?? 0 })}</Alert>;
  if (v.version === v.inForceVersion)
    return v.pendingVersion !== null ? <Alert tone="info">{t("versionPage.inForcePending", { pending: v.pendingVersion })}</Alert> : null;
  if (v.version === v.currentVersion) return null;
  return <Alert tone="warning">{t("versionPage.older", { current: v.inForceVersion ?? v.currentVersion })}</Alert>;
}

export default async function AgreementVersionPage({ params }: { params: Params }) {
  const { id, version } = await params;
  const n = Number(version);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) notFound();
  const actor = await requirePageActor(agreementRoutes.version(id, n), mayOpenAgreements);
  const v = await orNotFound(getAgreementVersion(actor, id, n));
  const t = await getTranslations("agreements");
  const tSchemes = await getTranslations("schemes");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const s = v.snapshot;
  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      <PageHeader title={t("versionPage.title", { number: v.number, version: v.version })} description={t("versionPage.lead")} />
      <Link href={agreementRoutes.detail(id)} className="text-brand-800 underline">
        ← {s.title}
      </Link>
      {versionNotice(v, t)}
      <Card>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <dt className="text-sm text-muted">{t("fields.title")}</dt>
            <dd className="font-semibold text-ink">{s.title}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.scheme")}</dt>
            <dd className="font-semibold text-ink">{tSchemes(`${s.scheme}.name`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.value")}</dt>
            <dd className="font-semibold text-ink tabular-nums">{f.rupiah(BigInt(s.valueIdr))}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.term")}</dt>
            <dd className="text-ink">{t("list.periodValue", { start: f.calendarDate(s.startDate), end: f.calendarDate(s.endDate) })}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-muted">{t("detail.terms")}</dt>
            <dd className="whitespace-pre-line text-ink">{s.terms || t("detail.noTerms")}</dd>
          </div>
        </dl>
        <p className="mt-4 text-sm text-muted">
          {v.createdBy ? t("versionPage.createdBy", { name: v.createdBy, date: f.dateTime(v.createdAt) }) : f.dateTime(v.createdAt)}
          {v.changeNote ? ` · ${t("versionPage.changeNote", { note: v.changeNote })}` : ""}
        </p>
      </Card>
      {s.milestones.length > 0 && (
        <ResponsiveTable caption={t("detail.milestoneCaption")} captionHidden={false} minWidthClassName="sm:min-w-[36rem]">
          <thead>
            <tr>
              <th scope="col">{t("detail.col.milestone")}</th>
              <th scope="col" className="num">
                {t("detail.col.amount")}
              </th>
              <th scope="col">{t("detail.col.due")}</th>
              <th scope="col" className="num">
                {t("detail.col.quantity")}
              </th>
              <th scope="col">{t("detail.col.payment")}</th>
            </tr>
          </thead>
          <tbody>
            {s.milestones.map((m) => (
              <tr key={m.position}>
                <th scope="row">{`${m.position}. ${m.title}`}</th>
                <td data-label={t("detail.col.amount")} className="num font-semibold whitespace-nowrap">
                  {m.amountIdr === null ? "—" : f.rupiah(BigInt(m.amountIdr))}
                </td>
                <td data-label={t("detail.col.due")} className="sm:whitespace-nowrap">
                  {f.calendarDate(m.dueDate)}
                </td>
                <td data-label={t("detail.col.quantity")} className="num">
                  {m.quantity === null ? "—" : `${f.number(m.quantity)} ${m.unit ?? ""}`}
                </td>
                <td data-label={t("detail.col.payment")}>
                  {m.paymentTermDays === null ? "—" : t("detail.paymentTerm", { days: m.paymentTermDays })}
                </td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      <Card title={t("versionPage.acceptedBy")}>
        {v.acceptances.length === 0 ? (
          <p className="text-muted">{t("versionPage.none")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {v.acceptances.map((x) => (
              <li key={`${x.organizationName}-${x.acceptedAt.toISOString()}`}>
                <span className="font-medium text-ink">{x.organizationName}</span>{" "}
                <span className="text-muted">
                  —{" "}
                  {x.userName
                    ? t("detail.acceptedBy", { name: x.userName, date: f.dateTime(x.acceptedAt) })
                    : t("detail.acceptedOrg", { date: f.dateTime(x.acceptedAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Container>
  );
}
