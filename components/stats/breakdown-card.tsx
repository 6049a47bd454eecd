// One statistics breakdown: a chart (or, for provinces, the map passed as children), the same figures as a
// table (always in the page, folded under "Show table" unless `tableOpen`), and a CSV download link (Excel:
// lib/stats/export.ts). A row may link to its drill-down (`rowHref`: province → regencies, section → divisions);
// the chart shows the number of partnerships or their value (`measure`, /statistik?ukuran=).
// Withheld figures (fewer than 3 UMKM behind them, lib/stats/disclosure.ts) read "< 3".
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card, Table } from "@/components/ui";
import type { Formatters } from "@/lib/i18n/format";
import type { PublishedRow, PublishedTotals } from "@/lib/stats/disclosure";
import type { Measure } from "@/lib/stats/schemas";
import { StatsBarChart } from "./bar-chart";

export interface BreakdownCardProps {
  id: string;
  title: string;
  description?: string;
  rows: PublishedRow[];
  totals: PublishedTotals;
  csvHref: string;
  f: Formatters;
  layout?: "vertical" | "horizontal";
  /** Replaces the bar chart (the province map). */
  children?: ReactNode;
  tableOpen?: boolean;
  showKey?: boolean;
  measure?: Measure;
  /** The drill-down of a row (null: none), a plain server-rendered link. */
  rowHref?: (key: string) => string | null;
  /** Back up one level (a drill-down table). */
  backHref?: string;
  backLabel?: string;
}

export async function BreakdownCard({
  id,
  title,
  description,
  rows,
  totals,
  csvHref,
  f,
  layout,
  children,
  tableOpen = false,
  showKey = false,
  measure = "jumlah",
  rowHref,
  backHref,
  backLabel,
}: BreakdownCardProps) {
  const t = await getTranslations("stats.page");
  const hasData = rows.some((r) => !r.suppressed && ((r.agreements ?? 0) > 0 || (r.suppliers ?? 0) > 0));
  const anyWithheld = totals.suppressed || rows.some((r) => r.suppressed);
  const withheld = t("suppressed");
  const num = (n: number | null) => (n === null ? withheld : f.number(n));
  const idr = (n: bigint | null) => (n === null ? withheld : f.rupiah(n));
  const cell = (text: string, isWithheld: boolean) =>
    isWithheld ? (
      <abbr title={t("suppressedHint")} className="no-underline">
        {text}
      </abbr>
    ) : (
      text
    );
  const rowLink = (key: string) => (rowHref ? rowHref(key) : null);
  const csvLink = (
    <a
      href={csvHref}
      download
      aria-label={t("chart.csvLabel", { title })}
      className="inline-flex min-h-10 items-center rounded-md border border-line px-3 text-sm font-medium text-brand-800 hover:bg-paper focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      {t("chart.csv")}
    </a>
  );
  return (
    <Card title={title} description={description} actions={csvLink} className="min-w-0">
      <div id={id} className="flex flex-col gap-4">
        {backHref && (
          <a href={backHref} className="self-start text-sm font-medium text-brand-800 underline underline-offset-2">
            {backLabel}
          </a>
        )}
        {children ??
          (hasData ? (
            <StatsBarChart
              ariaLabel={t("chart.chartLabel", { title })}
              layout={layout}
              measure={measure === "nilai" ? "value" : "agreements"}
              labels={{ agreements: t("chart.agreements"), value: t("chart.value"), suppliers: t("chart.suppliers") }}
              data={rows.map((r) => ({
                label: r.label,
                agreements: r.agreements,
                value: r.valueIdr === null ? null : Number(r.valueIdr),
                agreementsLabel: num(r.agreements),
                suppliersLabel: num(r.suppliers),
                valueLabel: r.valueIdr === null ? withheld : f.rupiahCompact(r.valueIdr),
              }))}
            />
          ) : (
            <p className="text-sm text-muted">{anyWithheld ? t("chart.allSuppressed") : t("chart.empty")}</p>
          ))}
        <details open={tableOpen} className="group">
          <summary className="cursor-pointer text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
            {t("chart.showTable")}
          </summary>
          <Table caption={title} captionHidden minWidthClassName="min-w-[30rem]" className="mt-3">
            <thead>
              <tr>
                {showKey && <th scope="col">{t("table.key")}</th>}
                <th scope="col">{t("table.name")}</th>
                <th scope="col" className="text-right">
                  {t("table.agreements")}
                </th>
                <th scope="col" className="text-right">
                  {t("table.value")}
                </th>
                <th scope="col" className="text-right">
                  {t("table.suppliers")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-line">
                  {showKey && <td className="tabular-nums text-muted">{r.key}</td>}
                  <th scope="row" className="text-ink">
                    {rowLink(r.key) ? (
                      <a href={rowLink(r.key)!} className="text-brand-800 underline underline-offset-2">
                        {r.label}
                      </a>
                    ) : (
                      r.label
                    )}
                  </th>
                  <td className="text-right tabular-nums">{cell(num(r.agreements), r.suppressed)}</td>
                  <td className="text-right tabular-nums whitespace-nowrap">{cell(idr(r.valueIdr), r.suppressed)}</td>
                  <td className="text-right tabular-nums">{cell(num(r.suppliers), r.suppressed)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-line font-semibold">
                {showKey && <td />}
                <th scope="row" className="px-4 py-3 text-left">
                  {t("chart.total")}
                </th>
                <td className="px-4 py-3 text-right tabular-nums">{cell(num(totals.agreements), totals.suppressed)}</td>
                <td className="px-4 py-3 text-right tabular-nums whitespace-nowrap">{cell(idr(totals.valueIdr), totals.suppressed)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{cell(num(totals.suppliers), totals.suppressed)}</td>
              </tr>
            </tfoot>
          </Table>
          {anyWithheld && <p className="mt-2 text-xs text-muted">{t("suppressedNote")}</p>}
        </details>
      </div>
    </Card>
  );
}
