// /dasbor/indeks-kemitraan/laporan/[year] — the firm's Laporan Kemitraan of one year (issue 13): issue a new
// report (owners and admins of a verified buyer), print it, see the others issued that year. Each report is
// the frozen document with its verification code and fingerprint (lib/partnership-index/reports.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/agreements/print-button";
import { IssueReportForm } from "@/components/partnership-index/issue-report-form";
import { ReportDocument } from "@/components/partnership-index/report-document";
import { Alert, Container, PageHeader } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formattersFor } from "@/lib/i18n/format";
import { mayOpenOwnIndex } from "@/lib/partnership-index/access";
import { listOwnReports } from "@/lib/partnership-index/reports";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { yearSchema } from "@/lib/partnership-index/schemas";

export const dynamic = "force-dynamic";

type Params = Promise<{ year: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  header, footer:not(.report-doc footer), nav, [data-print="hide"], a[href="#main"] { display: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  .report-doc { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; font-size: 10pt; }
  .report-doc [role="region"] { overflow: visible !important; border: 0 !important; }
  .report-doc table { min-width: 0 !important; }
  .report-doc section { break-inside: avoid; }
}
`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { year } = await params;
  const t = await getTranslations("partnershipReports.own");
  return { title: t("pageTitle", { year: year.slice(0, 4) }), robots: { index: false } };
}

export default async function OwnReportPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const parsed = yearSchema.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const actor = await requirePageActor(partnershipIndexRoutes.report(year), mayOpenOwnIndex);
  const sp = await searchParams;
  const reports = await listOwnReports(actor, year);
  const selected = reports.find((r) => r.code === sp.kode) ?? reports[0] ?? null;
  const mayIssue = can(actor.membership, "index:publish") && actor.membership?.verificationStatus === "verified";
  const t = await getTranslations("partnershipReports.own");
  const f = formattersFor(await getLocale(), await getTimeZone());

  return (
    <Container className="py-8">
      <style>{PRINT_CSS}</style>
      <div data-print="hide" className="flex flex-col gap-4">
        <PageHeader title={t("pageTitle", { year })} description={t("intro")} />
        <div className="flex flex-wrap items-center gap-3">
          <Link href={partnershipIndexRoutes.own({ tahun: String(year) })} className="text-sm font-medium text-brand underline">
            {t("back")}
          </Link>
          {selected && (
            <Link href={partnershipIndexRoutes.verifyReport(selected.code)} className="text-sm font-medium text-brand underline">
              {t("verifyLink")}
            </Link>
          )}
        </div>
        {selected && sp.kode === selected.code && sp.baru === "1" && (
          <Alert tone="success">{t("issuedNotice", { code: selected.code })}</Alert>
        )}
        {mayIssue ? (
          <IssueReportForm
            year={year}
            label={t("issue", { year })}
            pendingLabel={t("issuing")}
            reportUrl={partnershipIndexRoutes.report(year)}
          />
        ) : (
          <Alert tone="info">{t("mayNotIssue")}</Alert>
        )}
        {selected ? <PrintButton label={t("print")} /> : <p className="text-sm text-muted">{t("none", { year })}</p>}
      </div>
      {selected && (
        <div className="mt-6">
          <ReportDocument report={selected} f={f} />
        </div>
      )}
      {reports.length > 1 && (
        <section data-print="hide" className="mt-6">
          <h2 className="text-base font-semibold">{t("others", { year })}</h2>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {reports.map((r) => (
              <li key={r.code}>
                <Link href={partnershipIndexRoutes.report(year, r.code)} className="font-mono text-brand underline">
                  {r.code}
                </Link>{" "}
                · {f.dateTime(r.createdAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Container>
  );
}
