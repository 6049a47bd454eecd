// /laporan/[code] — the public verification of a Laporan Kemitraan (issue 13): whoever holds the code printed
// on a report sees whether Rantai issued it, whether it is unchanged, and the report as issued; typing the
// printed fingerprint compares the paper with it. Unknown codes are 404. Not indexed by search engines.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ReportDocument } from "@/components/partnership-index/report-document";
import { Alert, Button, Container, Input, PageHeader } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { verifyReport } from "@/lib/partnership-index/reports";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { reportVerifyQuerySchema } from "@/lib/partnership-index/schemas";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  const t = await getTranslations("partnershipReports.verify");
  // Next.js hands over the segment decoded once; decoding again threw on "/laporan/%25" (a 500 for a typo)
  return { title: t("pageTitle", { code: code.slice(0, 40) }), robots: { index: false, follow: false } };
}

export default async function VerifyReportPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { code } = await params;
  const sp = await searchParams;
  const typed = reportVerifyQuerySchema.safeParse({ fingerprint: typeof sp.sidik === "string" ? sp.sidik : undefined });
  const fingerprint = typed.success ? typed.data.fingerprint : undefined;
  const v = await verifyReport(code, fingerprint);
  if (!v) notFound();
  const t = await getTranslations("partnershipReports.verify");
  const f = formattersFor(await getLocale(), await getTimeZone());

  if (v.status === "altered") {
    return (
      <Container className="py-8">
        <PageHeader title={t("pageTitle", { code: v.code })} />
        <Alert tone="danger" title={t("altered")}>
          {t("alteredText", { firm: v.buyerName, date: f.dateTime(v.createdAt) })}
        </Alert>
      </Container>
    );
  }

  const r = v.report;
  return (
    <Container className="py-8">
      <PageHeader title={t("pageTitle", { code: r.code })} />
      <div className="flex flex-col gap-4">
        <Alert tone="success" title={t("genuine")}>
          {t("genuineText", { firm: r.snapshot.buyer.name, date: f.dateTime(r.createdAt) })}
        </Alert>
        <form method="get" action={partnershipIndexRoutes.verifyReport(r.code)} className="flex flex-wrap items-end gap-3">
          <Input
            label={t("checkLabel")}
            description={t("checkHint")}
            name="sidik"
            defaultValue={fingerprint ?? ""}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            className="w-full max-w-sm"
          />
          <Button type="submit" variant="secondary">
            {t("checkButton")}
          </Button>
        </form>
        {v.fingerprintMatches === true && <Alert tone="success">{t("match")}</Alert>}
        {v.fingerprintMatches === false && <Alert tone="danger">{t("mismatch")}</Alert>}
        <ReportDocument report={r} f={f} />
      </div>
    </Container>
  );
}
