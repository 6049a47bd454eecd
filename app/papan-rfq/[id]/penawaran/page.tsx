// /papan-rfq/[id]/penawaran — a supplier's own quote on an RFQ: the form (draft, submit, revise, withdraw)
// while the RFQ takes quotes, and always the quote as submitted, its status and, once decided, the award and
// its draft agreement. An RFQ the supplier may not see is a 404 (lib/quotes/supplier-reads.ts → lib/rfqs/access.ts).
import type { Metadata } from "next";
import { rfqTitleFor } from "@/lib/rfqs/queries";
import { getActor } from "@/lib/auth/session";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader, ResponsiveTable } from "@/components/ui";
import { QuoteForm } from "@/components/quotes/quote-form";
import { QuoteStatusBadge } from "@/components/quotes/quote-status";
import { QuoteAttachmentRemove, QuoteAttachmentUpload } from "@/components/quotes/quote-attachments";
import { formattersFor } from "@/lib/i18n/format";
import { agreementRoutes } from "@/lib/agreements/routes";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { maySupplierOpenQuotes } from "@/lib/quotes/access";
import { quoteRoutes } from "@/lib/quotes/routes";
import { getQuoteContext } from "@/lib/quotes/supplier-reads";
import { rfqRoutes } from "@/lib/rfqs/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("quotes.page");
  // the RFQ's title only for a reader who may open it (lib/rfqs/queries.ts)
  const rfqTitle = await rfqTitleFor(await getActor(), (await params).id);
  return { title: rfqTitle ? `${t("metaTitle")}: ${rfqTitle} — Rantai` : `${t("metaTitle")} — Rantai`, robots: { index: false } };
}

export default async function OwnQuotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(quoteRoutes.form(id), maySupplierOpenQuotes);
  const ctx = await orNotFound(getQuoteContext(actor, id));
  const { rfq, quote, consortium, editable } = ctx;
  const t = await getTranslations("quotes.page");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const prices = Object.fromEntries((quote?.items ?? []).map((i) => [i.rfqItemId, i.unitPriceIdr]));
  const awarded = new Set(quote?.award?.rfqItemIds ?? []);

  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      <p className="text-sm">
        <Link href={rfqRoutes.boardDetail(rfq.id)} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
          ← {t("backToRfq")}
        </Link>
      </p>
      <PageHeader
        eyebrow={rfq.buyer.name}
        title={t("title", { rfq: rfq.title })}
        description={t("deadline", { deadline: f.dateTime(rfq.deadline) })}
      />
      {rfq.sealed && <Alert tone="info">{t("sealedHint")}</Alert>}

      {quote && (
        <Card
          title={t("yourQuote")}
          description={
            quote.submittedAt ? t("submittedAt", { at: f.dateTime(quote.submittedAt), revision: quote.revision }) : t("notSubmitted")
          }
          actions={<QuoteStatusBadge status={quote.status} />}
        >
          <div className="flex flex-col gap-4">
            {quote.award && (
              <Alert tone="success">
                {t("awarded", { lines: quote.award.rfqItemIds.length })}{" "}
                {quote.award.agreement && (
                  <Link href={agreementRoutes.detail(quote.award.agreement.id)} className="font-semibold underline underline-offset-2">
                    {t("draftAgreement", { number: quote.award.agreement.number })}
                  </Link>
                )}
              </Alert>
            )}
            {quote.status === "not_awarded" && <Alert tone="info">{t("notAwarded")}</Alert>}
            {quote.status === "withdrawn" && <Alert tone="warning">{t("withdrawnHint")}</Alert>}
            <ResponsiveTable caption={t("yourQuote")} minWidthClassName="sm:min-w-[32rem]">
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
                  <th scope="col" className="num">
                    {t("quantity")}
                  </th>
                  <th scope="col" className="num">
                    {t("unitPrice")}
                  </th>
                  <th scope="col" className="num">
                    {t("lineTotal")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rfq.items.map((l) => {
                  const p = prices[l.id];
                  return (
                    <tr key={l.id}>
                      <th scope="row">
                        {l.name}
                        {awarded.has(l.id) && <span className="ml-2 text-xs font-semibold text-emerald-800">✓ {t("lineAwarded")}</span>}
                      </th>
                      <td data-label={t("quantity")} className="num">
                        {f.number(l.quantity)} {l.unit}
                      </td>
                      <td data-label={t("unitPrice")} className="num">
                        {p !== undefined ? f.rupiah(p) : t("notOffered")}
                      </td>
                      <td data-label={t("lineTotal")} className="num font-semibold">
                        {p !== undefined ? f.rupiah(p * BigInt(l.quantity)) : "—"}
                      </td>
                    </tr>
                  );
                })}
                <tr className="font-semibold">
                  <th scope="row" colSpan={3}>
                    {t("total")} <span className="font-normal text-muted">({quote.includesVat ? t("vatIncluded") : t("vatExcluded")})</span>
                  </th>
                  {/* no data-label: on a phone the row header above already says "Total" */}
                  <td className="num">{f.rupiah(quote.totalIdr)}</td>
                </tr>
              </tbody>
            </ResponsiveTable>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-muted">{t("leadTime")}</dt>
                <dd className="font-medium text-ink">{quote.leadTimeDays !== null ? t("days", { days: quote.leadTimeDays }) : "—"}</dd>
              </div>
              <div>
                <dt className="text-muted">{t("tkdn")}</dt>
                <dd className="font-medium text-ink">{quote.offeredTkdn !== null ? `${f.number(quote.offeredTkdn)}%` : "—"}</dd>
              </div>
              <div>
                <dt className="text-muted">{t("validUntil")}</dt>
                <dd className="font-medium text-ink">{quote.validUntil ? f.calendarDate(quote.validUntil) : "—"}</dd>
              </div>
            </dl>
            {quote.note && <p className="rounded-lg bg-paper px-3 py-2 text-sm text-ink">{quote.note}</p>}
            <section aria-labelledby="quote-attachments" className="flex flex-col gap-2">
              <h3 id="quote-attachments" className="font-medium text-ink">
                {t("attachments")}
              </h3>
              {quote.attachments.length === 0 ? (
                <p className="text-sm text-muted">{t("noAttachments")}</p>
              ) : (
                <ul className="flex flex-col divide-y divide-line">
                  {quote.attachments.map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-2 py-1.5">
                      <a href={a.url} className="text-brand-700 underline underline-offset-2">
                        {a.filename}
                      </a>
                      {editable && <QuoteAttachmentRemove rfqId={rfq.id} attachmentId={a.id} filename={a.filename} />}
                    </li>
                  ))}
                </ul>
              )}
              {/* A draft takes new files in the form below (issue 17); a sent quote here, without a new revision. */}
              {editable && quote.status === "submitted" && <QuoteAttachmentUpload rfqId={rfq.id} />}
            </section>
          </div>
        </Card>
      )}

      {editable ? (
        <Card title={quote?.status === "submitted" ? t("reviseTitle") : t("formTitle")} description={t("formHint")}>
          <QuoteForm
            rfqId={rfq.id}
            minTkdn={rfq.minTkdn}
            certifiedTkdn={ctx.tkdnCertifiedPercent}
            lines={rfq.items.map((l) => ({ ...l, targetUnitPriceIdr: l.targetUnitPriceIdr?.toString() ?? null }))}
            current={
              quote
                ? {
                    status: quote.status,
                    prices: Object.fromEntries(quote.items.map((i) => [i.rfqItemId, i.unitPriceIdr.toString()])),
                    includesVat: quote.includesVat,
                    offeredTkdn: quote.offeredTkdn,
                    leadTimeDays: quote.leadTimeDays,
                    validUntil: quote.validUntil,
                    note: quote.note,
                  }
                : null
            }
            consortium={consortium}
            attachmentCount={quote?.attachments.length ?? 0}
          />
        </Card>
      ) : (
        !quote?.award && <Alert tone="info">{rfq.status === "awarded" ? t("decided") : t("closed")}</Alert>
      )}
    </Container>
  );
}
