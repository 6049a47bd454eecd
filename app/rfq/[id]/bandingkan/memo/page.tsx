// /rfq/[id]/bandingkan/memo — the award memo for the buyer's internal approval (issue 17, item 8): the RFQ and
// its lines, the quotes compared (prices, Perpres 46/2025 evaluated price, TKDN, lead time) and the decision
// (who was awarded which lines, for how much, whether it was the best evaluated value, when and by whom), in
// the reader's language, printable (or saved as PDF) like the agreement print view. Only the RFQ's buyer
// organization (lib/quotes/award-memo.ts); anyone else gets a 404.
import type { Metadata } from "next";
import { rfqTitleFor } from "@/lib/rfqs/queries";
import { getActor } from "@/lib/auth/session";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/agreements/print-button";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { formattersFor } from "@/lib/i18n/format";
import { getAwardMemo } from "@/lib/quotes/award-memo";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { rfqRoutes } from "@/lib/rfqs/routes";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  header, footer, [data-print="hide"], a[href="#main"] { display: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  .memo-doc { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; font-size: 10pt; }
  .memo-doc section { break-inside: avoid; }
}
`;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("quotes.memo");
  // the RFQ's title only for a reader who may open it (lib/rfqs/queries.ts)
  const rfqTitle = await rfqTitleFor(await getActor(), (await params).id);
  return { title: rfqTitle ? `${t("metaTitle")}: ${rfqTitle} — Rantai` : `${t("metaTitle")} — Rantai`, robots: { index: false } };
}

export default async function AwardMemoPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requirePageActor(rfqRoutes.awardMemo(id), mayManageRfqs);
  const memo = await orNotFound(getAwardMemo(actor, id));
  const locale = await getLocale();
  const t = await getTranslations("quotes.memo");
  const tc = await getTranslations("quotes.compare");
  const tRoles = await getTranslations("roles");
  const f = formattersFor(locale, await getTimeZone());
  const { rfq, suppliers, decisions } = memo;
  const lineName = new Map(rfq.items.map((l) => [l.id, `${l.position}. ${l.name}`]));
  const cellBorder = "border border-black px-2 py-1 align-top";

  return (
    <div lang={locale} className="bg-paper px-3 py-6 sm:px-4 sm:py-8">
      <style>{PRINT_CSS}</style>
      <div data-print="hide" className="mx-auto mb-4 flex max-w-4xl flex-wrap items-center justify-between gap-3">
        <Link href={rfqRoutes.compare(rfq.id)} className="text-brand-800 underline">
          ← {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <article
        className="memo-doc mx-auto flex max-w-4xl min-w-0 flex-col gap-5 rounded-card border border-line bg-white p-4 text-[14px] leading-relaxed text-black shadow-sm sm:p-8"
        data-testid="award-memo"
      >
        {decisions.length === 0 && <p className="border-2 border-black px-3 py-1 text-center font-bold tracking-wide">{t("draftMark")}</p>}
        <header className="text-center">
          <h1 className="text-xl font-bold tracking-wide">{t("heading")}</h1>
          <p className="mt-1 font-semibold break-words">{rfq.title}</p>
          <p className="text-sm">{memo.buyer.name}</p>
        </header>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="inline font-semibold">{t("deadline")}: </dt>
            <dd className="inline">{f.dateTime(rfq.deadline)}</dd>
          </div>
          <div>
            <dt className="inline font-semibold">{t("quotes")}: </dt>
            <dd className="inline">{f.number(memo.count)}</dd>
          </div>
          {rfq.minTkdn !== null && (
            <div>
              <dt className="inline font-semibold">{tc("minTkdn")}: </dt>
              <dd className="inline">{f.percent(rfq.minTkdn / 100)}</dd>
            </div>
          )}
          <div>
            <dt className="inline font-semibold">{t("preparedAt")}: </dt>
            <dd className="inline">{f.dateTime(new Date())}</dd>
          </div>
        </dl>

        <section className="min-w-0">
          <h2 className="font-bold">{t("linesTitle")}</h2>
          <ol className="mt-1 list-decimal pl-6 text-sm">
            {rfq.items.map((l) => (
              <li key={l.id} className="break-words">
                {l.name} — {f.number(l.quantity)} {l.unit}
                {l.targetUnitPriceIdr !== null && ` (${tc("target")}: ${f.rupiah(l.targetUnitPriceIdr)})`}
              </li>
            ))}
          </ol>
        </section>

        <section className="min-w-0">
          <h2 className="font-bold">{t("comparisonTitle")}</h2>
          {!memo.pricesRevealed ? (
            <p className="text-sm">{tc("sealedBody", { deadline: f.dateTime(rfq.deadline) })}</p>
          ) : suppliers.length === 0 ? (
            <p className="text-sm">{tc("emptyTitle")}</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-xs sm:text-sm">
                <thead>
                  <tr>
                    {(["supplier", "total", "evaluated", "tkdn", "leadTime", "bestLines"] as const).map((c) => (
                      <th key={c} scope="col" className={`${cellBorder} text-left`}>
                        {t(`col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {suppliers.map((s) => (
                    <tr key={s.quoteId}>
                      <th scope="row" className={`${cellBorder} text-left font-normal break-words`}>
                        {s.supplier.name}
                        {s.column.bestOverall && <strong> ★</strong>}
                      </th>
                      <td className={`${cellBorder} text-right whitespace-nowrap`}>
                        {f.rupiah(s.column.totalIdr)}
                        {s.column.linesPriced < rfq.items.length && <span className="block">{tc("partial")}</span>}
                      </td>
                      <td className={`${cellBorder} text-right whitespace-nowrap`}>{f.rupiah(s.column.evaluatedTotalIdr)}</td>
                      <td className={cellBorder}>
                        {s.offeredTkdn === null ? "—" : f.percent(s.offeredTkdn / 100)}
                        {s.column.preferencePercent > 0 && ` (${t("preference", { percent: s.column.preferencePercent })})`}
                      </td>
                      <td className={cellBorder}>{s.leadTimeDays === null ? "—" : t("days", { days: s.leadTimeDays })}</td>
                      <td className={cellBorder}>{t("bestLinesValue", { best: s.column.bestLines, lines: rfq.items.length })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mt-1 text-xs">{t("evaluationNote")}</p>
            </div>
          )}
        </section>

        <section className="min-w-0" data-testid="award-memo-decision">
          <h2 className="font-bold">{t("decisionTitle")}</h2>
          {decisions.length === 0 ? (
            <p className="text-sm">{t("noDecision")}</p>
          ) : (
            <ol className="mt-1 flex list-decimal flex-col gap-3 pl-6 text-sm">
              {decisions.map((d) => (
                <li key={d.quoteId} className="break-words">
                  <p>
                    <strong>{d.supplierName}</strong> — {f.rupiah(d.amountIdr)}
                    {d.agreementNumber && ` · ${t("agreement", { number: d.agreementNumber })}`}
                  </p>
                  <ul className="list-disc pl-5">
                    {d.lines.map((l) => (
                      <li key={l.id}>
                        {lineName.get(l.id)}: {f.rupiah(l.amountIdr)} —{" "}
                        {l.bestValue ? t("reasonBest") : <strong>{t("reasonNotBest")}</strong>}
                      </li>
                    ))}
                  </ul>
                  <p>
                    {t("decidedLine", {
                      date: f.dateTime(d.decidedAt),
                      name: d.decidedBy?.name ?? t("unknownUser"),
                      role: d.decidedBy?.role ? tRoles(d.decidedBy.role) : "—",
                    })}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="grid grid-cols-1 gap-6 pt-4 text-sm sm:grid-cols-2">
          {(["preparedBy", "approvedBy"] as const).map((k) => (
            <div key={k} className="flex flex-col gap-10">
              <span className="font-semibold">{t(k)}</span>
              <span className="border-t border-black pt-1">{t("nameAndDate")}</span>
            </div>
          ))}
        </section>
      </article>
    </div>
  );
}
