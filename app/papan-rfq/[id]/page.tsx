// /papan-rfq/[id] — an RFQ as a supplier sees it: what is asked, by when and where, attachments, public
// clarifications (questions without who asked, the buyer's answers) with a form to ask, and the call to
// quote (/papan-rfq/[id]/penawaran) while it accepts quotes. Never shows who else was invited or asked.
import type { Metadata } from "next";
import { rfqTitleFor } from "@/lib/rfqs/queries";
import { getActor } from "@/lib/auth/session";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card, Container, PageHeader } from "@/components/ui";
import { AttachmentList, RfqStatusBadges, RfqSummary } from "@/components/rfqs/rfq-summary";
import { AskForm } from "@/components/rfqs/rfq-controls";
import { formattersFor } from "@/lib/i18n/format";
import { listClarifications } from "@/lib/rfqs/clarifications";
import { ownQuoteStatus } from "@/lib/rfqs/own-quote";
import { getRfqForActor } from "@/lib/rfqs/queries";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayReadRfqBoard } from "@/lib/rfqs/access";
import { quoteRoutes } from "@/lib/quotes/routes";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { EligibilityPanel } from "@/components/matching/eligibility-panel";
import { getRfqFitForSupplier } from "@/lib/matching/service";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("rfqs.detail");
  // the RFQ's title only for a reader who may open it (lib/rfqs/queries.ts)
  const rfqTitle = await rfqTitleFor(await getActor(), (await params).id);
  return { title: rfqTitle ? `${rfqTitle} — Rantai` : `${t("metaTitle")} — Rantai`, robots: { index: false } };
}

export default async function SupplierRfqPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(rfqRoutes.boardDetail(id), mayReadRfqBoard);
  const rfq = await orNotFound(getRfqForActor(actor, id));
  const [clarifications, quote, fit] = await Promise.all([
    listClarifications(actor, id),
    ownQuoteStatus(actor, id),
    getRfqFitForSupplier(actor, id),
  ]);
  const t = await getTranslations("rfqs.detail");
  const tCl = await getTranslations("rfqs.clarifications");
  const tAtt = await getTranslations("rfqs.attachments");
  const f = formattersFor(await getLocale(), await getTimeZone());
  // On the supplier's clock, with the buyer's when it differs: "… 18.00 WIT (17.00 WITA waktu pembeli)".
  const buyerTime = f.onOtherClock(rfq.deadline, rfq.buyer.timeZone);
  const deadlineText = buyerTime ? `${f.dateTime(rfq.deadline)} ${t("buyerTime", { time: buyerTime })}` : f.dateTime(rfq.deadline);
  const hasQuote = Boolean(quote && quote.status !== "withdrawn");
  const quoteHref = quoteRoutes.form(rfq.id);

  return (
    <Container className="py-8">
      <p className="mb-2 text-sm">
        <Link href={rfqRoutes.board()} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
          ← {t("backToBoard")}
        </Link>
      </p>
      <PageHeader eyebrow={rfq.buyer.name} title={rfq.title} />
      <div className="-mt-3 mb-5">
        <RfqStatusBadges rfq={rfq} />
      </div>

      <section
        aria-label={t("quoteCta")}
        className="mb-6 flex flex-col gap-3 rounded-xl border border-brand-200 bg-brand-50 p-4 sm:flex-row sm:items-center sm:justify-between"
      >
        <div>
          <p className="font-semibold text-ink">{rfq.acceptingQuotes ? (hasQuote ? t("ctaHasQuote") : t("ctaOpen")) : t("ctaClosed")}</p>
          <p className="text-sm text-muted">
            {rfq.acceptingQuotes
              ? t("ctaDeadline", { deadline: deadlineText })
              : rfq.status === "cancelled"
                ? t("ctaCancelled")
                : t("ctaClosedHint")}
            {rfq.acceptingQuotes && rfq.sealed && ` ${t("ctaSealed")}`}
          </p>
        </div>
        {(rfq.acceptingQuotes || hasQuote) && (
          <ButtonLink href={quoteHref} size="lg">
            {hasQuote ? t("viewQuote") : t("submitQuote")}
          </ButtonLink>
        )}
      </section>

      {/* matching: eligibility gaps — H4 inserts the supplier's eligibility-gap panel here */}
      {fit && <EligibilityPanel fit={fit} />}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <RfqSummary rfq={rfq} showBuyer />
          <section id="klarifikasi" aria-labelledby="klarifikasi-title" className="scroll-mt-20">
            <Card title={<span id="klarifikasi-title">{tCl("title")}</span>} description={tCl("supplierHint")}>
              <div className="flex flex-col gap-5">
                {clarifications.length === 0 ? (
                  <p className="text-sm text-muted">{tCl("none")}</p>
                ) : (
                  <ol className="flex flex-col divide-y divide-line">
                    {clarifications.map((c) => (
                      <li key={c.id} className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0">
                        <p className="text-xs text-muted">
                          {c.askedByYou ? tCl("yourQuestion") : tCl("aSupplierAsked")} ·{" "}
                          <time dateTime={c.createdAt.toISOString()}>{f.dateTime(c.createdAt)}</time>
                        </p>
                        <p className="font-medium text-ink">{c.question}</p>
                        {c.answer ? (
                          <p className="rounded-lg bg-brand-50 px-3 py-2 text-ink">
                            <span className="block text-xs font-semibold text-brand-800">{tCl("buyerAnswer")}</span>
                            {c.answer}
                          </p>
                        ) : (
                          <p className="text-sm text-muted">{tCl("awaiting")}</p>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
                {rfq.acceptingQuotes ? <AskForm rfqId={rfq.id} /> : <Alert tone="info">{tCl("closed")}</Alert>}
              </div>
            </Card>
          </section>
        </div>
        <div className="flex flex-col gap-6">
          <Card title={tAtt("title")}>
            <AttachmentList rfq={rfq} />
          </Card>
          <Card title={t("aboutProcess")}>
            <ul className="list-disc space-y-1 pl-5 text-sm text-ink">
              <li>{t("processOneQuote")}</li>
              <li>{rfq.sealed ? t("processSealed") : t("processOpen")}</li>
              <li>{t("processPrivate")}</li>
            </ul>
          </Card>
        </div>
      </div>
    </Container>
  );
}
