// /penawaran — the supplier organization's quotes on every RFQ: status, total, deadline and, once decided,
// the award with its draft partnership agreement. UMKM and cooperative members only (others: 404).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card, Container, EmptyState, PageHeader, ResponsiveTable } from "@/components/ui";
import { QuoteStatusBadge } from "@/components/quotes/quote-status";
import { formattersFor } from "@/lib/i18n/format";
import { agreementRoutes } from "@/lib/agreements/routes";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { maySupplierOpenQuotes } from "@/lib/quotes/access";
import { quoteRoutes } from "@/lib/quotes/routes";
import { listOwnQuotes } from "@/lib/quotes/supplier-reads";
import { rfqRoutes } from "@/lib/rfqs/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quotes.list");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function OwnQuotesPage() {
  const actor = await requirePageActor(quoteRoutes.list(), maySupplierOpenQuotes);
  const quotes = await orNotFound(listOwnQuotes(actor));
  const t = await getTranslations("quotes.list");
  const f = formattersFor(await getLocale(), await getTimeZone());

  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} />
      <Card flush>
        {quotes.length === 0 ? (
          <EmptyState
            title={t("empty")}
            description={t("emptyBody")}
            action={
              <Link href={rfqRoutes.board()} className="font-semibold text-brand-700 underline underline-offset-2">
                {t("toBoard")}
              </Link>
            }
          />
        ) : (
          <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[48rem]" className="max-sm:p-3 sm:rounded-none sm:border-0">
            <thead>
              <tr>
                <th scope="col">RFQ</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="num">
                  {t("total")}
                </th>
                <th scope="col">{t("outcome")}</th>
                <th scope="col">{t("deadline")}</th>
              </tr>
            </thead>
            <tbody>
              {quotes.map((q) => (
                <tr key={q.id} className="align-top">
                  <th scope="row">
                    <Link href={quoteRoutes.form(q.rfq.id)} className="text-brand-800 hover:underline">
                      {q.rfq.title}
                    </Link>
                    <span className="block text-xs font-normal text-muted">
                      {q.rfq.buyerName} · {t("lines", { priced: q.linesPriced, lines: q.lines })}
                    </span>
                  </th>
                  <td data-label={t("status")}>
                    <span className="flex flex-col items-end gap-0.5 sm:items-start">
                      <QuoteStatusBadge status={q.status} />
                      {q.revision > 0 && <span className="text-xs text-muted">{t("revision", { revision: q.revision })}</span>}
                    </span>
                  </td>
                  <td data-label={t("total")} className="num font-semibold whitespace-nowrap">
                    {f.rupiah(q.totalIdr)}
                  </td>
                  <td data-label={t("outcome")}>
                    {q.award ? (
                      <span className="flex flex-col items-end gap-1 sm:items-start">
                        <span>{t("awardedLines", { lines: q.award.lines, value: f.rupiah(q.award.valueIdr ?? 0n) })}</span>
                        {q.award.agreement && (
                          <Link
                            href={agreementRoutes.detail(q.award.agreement.id)}
                            className="font-semibold text-brand-700 underline underline-offset-2"
                          >
                            {t("draftAgreement", { number: q.award.agreement.number })}
                          </Link>
                        )}
                      </span>
                    ) : q.status === "not_awarded" ? (
                      <span className="text-muted">{t("notAwarded")}</span>
                    ) : (
                      <span className="text-muted">{t("pending")}</span>
                    )}
                  </td>
                  <td data-label={t("deadline")} className="sm:whitespace-nowrap">
                    {f.dateTime(q.rfq.deadline)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>
    </Container>
  );
}
