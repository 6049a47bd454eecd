// /rfq/[id]/bandingkan — the buyer's side-by-side comparison of the quotes on its RFQ: one column per
// supplier with per-line prices, totals, lead time, TKDN (and the Perpres 46/2025 evaluated price),
// PPN, validity and certifications, the best value per line marked; then the award form. A sealed RFQ shows
// only how many quotes arrived until its deadline. Another organization's RFQ is a 404.
import type { Metadata } from "next";
import { rfqTitleFor } from "@/lib/rfqs/queries";
import { getActor } from "@/lib/auth/session";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, Card, Container, EmptyState, PageHeader, Table } from "@/components/ui";
import { RfqTabs } from "@/components/rfqs/rfq-tabs";
import { AwardForm } from "@/components/quotes/award-form";
import { formattersFor } from "@/lib/i18n/format";
import { bestValueSplit } from "@/lib/quotes/evaluation";
import { getComparison } from "@/lib/quotes/buyer-reads";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { agreementRoutes } from "@/lib/agreements/routes";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { schemeOptions } from "@/lib/agreements/scheme-options";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("quotes.compare");
  // the RFQ's title only for a reader who may open it (lib/rfqs/queries.ts)
  const rfqTitle = await rfqTitleFor(await getActor(), (await params).id);
  return { title: rfqTitle ? `${t("metaTitle")}: ${rfqTitle} — Rantai` : `${t("metaTitle")} — Rantai`, robots: { index: false } };
}

export default async function ComparePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(rfqRoutes.compare(id), mayManageRfqs);
  const view = await orNotFound(getComparison(actor, id));
  const t = await getTranslations("quotes.compare");
  const tCert = await getTranslations("certifications");
  const tMemo = await getTranslations("quotes.memo");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const { rfq, suppliers } = view;
  const lines = rfq.items;
  const anyPreference = suppliers.some((s) => s.column.preferencePercent > 0 || s.includesVat);
  const split = bestValueSplit(
    lines.map((l) => ({ id: l.id, quantity: l.quantity })),
    suppliers.map((s) => s.column),
  );
  const awardable = suppliers.filter((s) => s.status === "submitted");

  return (
    <Container className="py-8">
      <p className="mb-2 text-sm">
        <Link href={rfqRoutes.list()} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader
        eyebrow={actor.membership?.organizationName}
        title={rfq.title}
        description={t("description", { deadline: f.dateTime(rfq.deadline) })}
      />
      <RfqTabs rfqId={rfq.id} active="quotes" />

      {!view.pricesRevealed ? (
        <Card>
          <EmptyState
            title={t("sealedTitle", { count: view.count })}
            description={t("sealedBody", { deadline: f.dateTime(rfq.deadline) })}
          />
        </Card>
      ) : suppliers.length === 0 ? (
        <Card>
          <EmptyState title={t("emptyTitle")} description={rfq.status === "open" ? t("emptyOpen") : t("emptyClosed")} />
        </Card>
      ) : (
        <div className="flex flex-col gap-6">
          {rfq.status === "awarded" && <Alert tone="success">{t("awardedOn", { at: f.dateTime(rfq.awardedAt ?? rfq.deadline) })}</Alert>}
          <p>
            <Link href={rfqRoutes.awardMemo(rfq.id)} className="font-medium text-brand-800 underline underline-offset-2">
              {tMemo("link")}
            </Link>
          </p>
          {anyPreference && <p className="text-sm text-muted">{t("preferenceNote")}</p>}
          <Table caption={t("tableCaption")} captionHidden minWidthClassName={suppliers.length > 2 ? "min-w-[56rem]" : "min-w-[40rem]"}>
            <thead>
              <tr>
                <th scope="col" className="w-56">
                  {t("line")}
                </th>
                {suppliers.map((s) => (
                  <th scope="col" key={s.quoteId} className="align-top !whitespace-normal">
                    <span className="block text-base text-ink">{s.supplier.name}</span>
                    <span className="mt-1 flex flex-wrap gap-1">
                      {s.supplier.verified && <Badge tone="success">{t("verified")}</Badge>}
                      {s.column.bestOverall && <Badge tone="accent">{t("bestOverall")}</Badge>}
                      {s.status === "awarded" && <Badge tone="brand">{t("winner")}</Badge>}
                      {s.consortium && <Badge tone="info">{t("consortium")}</Badge>}
                    </span>
                    {s.supplier.location && <span className="mt-1 block text-xs font-normal">{s.supplier.location}</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} className="border-t border-line align-top">
                  <th scope="row">
                    {l.name}
                    <span className="block text-xs font-normal text-muted">
                      {f.number(l.quantity)} {l.unit}
                      {l.targetUnitPriceIdr !== null && ` · ${t("target", { price: f.rupiah(l.targetUnitPriceIdr) })}`}
                    </span>
                  </th>
                  {suppliers.map((s) => {
                    const c = s.column.cells[l.id];
                    const won = s.awardedItemIds.includes(l.id);
                    return (
                      <td key={s.quoteId} className={c?.best ? "bg-emerald-50" : undefined}>
                        {c ? (
                          <span className="flex flex-col tabular-nums">
                            <span className="font-medium text-ink">{f.rupiah(c.unitPriceIdr)}</span>
                            <span className="text-xs text-muted">{t("lineTotal", { total: f.rupiah(c.lineTotalIdr) })}</span>
                            {c.evaluatedUnitPriceIdr !== c.unitPriceIdr && (
                              <span className="text-xs text-teal-800">{t("evaluated", { price: f.rupiah(c.evaluatedUnitPriceIdr) })}</span>
                            )}
                            {c.best && <span className="text-xs font-semibold text-emerald-800">★ {t("bestValue")}</span>}
                            {won && <span className="text-xs font-semibold text-brand-800">✓ {t("awardedLine")}</span>}
                          </span>
                        ) : (
                          <span className="text-muted">{t("notQuoted")}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="border-t-2 border-line align-top">
                <th scope="row">{t("total")}</th>
                {suppliers.map((s) => (
                  <td key={s.quoteId} className="tabular-nums">
                    <span className="block font-semibold text-ink">{f.rupiah(s.column.totalIdr)}</span>
                    {s.column.linesPriced < lines.length && (
                      <span className="block text-xs text-amber-900">
                        {t("partial", { priced: s.column.linesPriced, lines: lines.length })}
                      </span>
                    )}
                    {s.column.evaluatedTotalIdr !== s.column.totalIdr && (
                      <span className="block text-xs text-teal-800">
                        {t("evaluatedTotal", { total: f.rupiah(s.column.evaluatedTotalIdr) })}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
              <tr className="border-t border-line">
                <th scope="row">{t("vat")}</th>
                {suppliers.map((s) => (
                  <td key={s.quoteId}>{s.includesVat ? t("vatIncluded") : t("vatExcluded")}</td>
                ))}
              </tr>
              <tr className="border-t border-line">
                <th scope="row">{t("leadTime")}</th>
                {suppliers.map((s) => (
                  <td key={s.quoteId}>{s.leadTimeDays !== null ? t("days", { days: s.leadTimeDays }) : "—"}</td>
                ))}
              </tr>
              <tr className="border-t border-line">
                <th scope="row">
                  {t("tkdn")}
                  {rfq.minTkdn !== null && (
                    <span className="block text-xs font-normal text-muted">{t("minTkdn", { min: f.number(rfq.minTkdn) })}</span>
                  )}
                </th>
                {suppliers.map((s) => (
                  <td key={s.quoteId}>
                    {s.offeredTkdn !== null ? `${f.number(s.offeredTkdn)}%` : "—"}
                    {s.tkdnStatus === "verified" && <span className="block text-xs text-emerald-800">{t("tkdnCertified")}</span>}
                    {s.tkdnStatus === "unverified" && (
                      <span className="block text-xs text-amber-900">
                        {s.tkdnCertifiedPercent !== null
                          ? t("tkdnDeclaredAbove", { certified: f.number(s.tkdnCertifiedPercent) })
                          : t("tkdnDeclared")}
                      </span>
                    )}
                    {s.column.preferencePercent > 0 && (
                      <span className="block text-xs text-teal-800">
                        {t("preference", { percent: f.number(s.column.preferencePercent) })}
                      </span>
                    )}
                    {rfq.minTkdn !== null && (s.offeredTkdn ?? 0) < rfq.minTkdn && (
                      <span className="block text-xs text-amber-900">{t("belowMin")}</span>
                    )}
                  </td>
                ))}
              </tr>
              <tr className="border-t border-line">
                <th scope="row">{t("validUntil")}</th>
                {suppliers.map((s) => (
                  <td key={s.quoteId}>{s.validUntil ? f.calendarDate(s.validUntil) : "—"}</td>
                ))}
              </tr>
              <tr className="border-t border-line align-top">
                <th scope="row">{t("certifications")}</th>
                {suppliers.map((s) => (
                  <td key={s.quoteId}>
                    {s.certifications.length === 0 ? (
                      <span className="text-muted">—</span>
                    ) : (
                      <span className="flex flex-wrap gap-1">
                        {s.certifications.map((c, i) => (
                          <Badge key={i} tone={c.verified ? "success" : "neutral"}>
                            {c.type === "other" && c.name ? c.name : tCert(c.type as "halal")}
                            {c.type === "tkdn" && c.tkdnPercent !== null && ` ${f.number(c.tkdnPercent)}%`}
                          </Badge>
                        ))}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
              <tr className="border-t border-line align-top">
                <th scope="row">{t("note")}</th>
                {suppliers.map((s) => (
                  <td key={s.quoteId} className="text-sm">
                    {s.note ?? "—"}
                    {s.consortium && (
                      <span className="mt-1 block text-xs text-muted">
                        {s.consortium.name}:{" "}
                        {s.consortium.members
                          .map((m) => `${m.name}${m.shareQuantity !== null ? ` (${f.number(m.shareQuantity)})` : ""}`)
                          .join(", ")}
                      </span>
                    )}
                    {s.revision > 0 && <span className="mt-1 block text-xs text-muted">{t("revised", { revision: s.revision })}</span>}
                  </td>
                ))}
              </tr>
              {suppliers.some((s) => s.attachments.length > 0) && (
                <tr className="border-t border-line align-top">
                  <th scope="row">{t("attachments")}</th>
                  {suppliers.map((s) => (
                    <td key={s.quoteId}>
                      {s.attachments.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="flex flex-col gap-1">
                          {s.attachments.map((a) => (
                            <li key={a.id}>
                              <a href={a.url} className="text-brand-700 underline underline-offset-2">
                                {a.filename}
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ))}
                </tr>
              )}
              {suppliers.some((s) => s.agreement) && (
                <tr className="border-t border-line">
                  <th scope="row">{t("agreement")}</th>
                  {suppliers.map((s) => (
                    <td key={s.quoteId}>
                      {s.agreement ? (
                        <Link
                          href={agreementRoutes.detail(s.agreement.id)}
                          className="font-semibold text-brand-700 underline underline-offset-2"
                        >
                          {s.agreement.number}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  ))}
                </tr>
              )}
            </tbody>
          </Table>

          {view.canAward ? (
            <Card title={t("awardTitle")} description={t("awardHint")}>
              <AwardForm
                rfqId={rfq.id}
                lines={lines.map((l) => ({ id: l.id, name: l.name, quantity: l.quantity, unit: l.unit }))}
                suppliers={awardable.map((s) => ({
                  quoteId: s.quoteId,
                  name: s.supplier.name,
                  complete: s.column.linesPriced === lines.length,
                  prices: Object.fromEntries(
                    Object.entries(s.column.cells).flatMap(([k, c]) => (c ? [[k, c.unitPriceIdr.toString()]] : [])),
                  ),
                }))}
                schemes={(await schemeOptions()).map((o) => ({ value: o.value, label: o.label }))}
                bestSplit={Object.fromEntries(Object.entries(split).filter(([, q]) => awardable.some((s) => s.quoteId === q)))}
              />
            </Card>
          ) : (
            view.awardBlockedReason === "permission" && rfq.status !== "awarded" && <Alert tone="info">{t("noPermission")}</Alert>
          )}
        </div>
      )}
    </Container>
  );
}
