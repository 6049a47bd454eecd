// A multi-line RFQ matched line by line (issue 17): for each line its best qualified UMKM with the reasons
// (capacity against that line's quantity), and a suggested split across suppliers that covers every line.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui";
import { formatNumber } from "@/lib/i18n/format";
import type { RfqMatches } from "@/lib/matching/service";
import { splitReasonLabel } from "@/lib/matching/labels";
import { LIMITS } from "@/lib/matching/weights";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { ScoreMeter } from "./match-list";
import { ReasonList } from "./reason-list";

export async function LineMatches({ data }: { data: Pick<RfqMatches, "lines" | "split"> }) {
  const t = await getTranslations("matching.page");
  const locale = (await getLocale()) === "en" ? "en" : "id";
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const byIndex = new Map(data.lines.map((l) => [l.line.index, l.line]));
  const lineName = (i: number) => byIndex.get(i)?.name ?? String(i + 1);
  const { split } = data;
  const coveredLines = new Set(split.parts.map((p) => p.lineIndex)).size;

  return (
    <>
      <Card title={t("split")} description={t("splitDescription")}>
        <div className="flex flex-col gap-3" data-testid="split">
          {split.parts.length > 0 && (
            <p className="text-sm text-ink">{t("splitSuppliers", { count: split.suppliers, lines: coveredLines })}</p>
          )}
          <ol className="flex flex-col divide-y divide-line" aria-label={t("split")}>
            {data.lines
              .filter((l) => split.parts.some((p) => p.lineIndex === l.line.index))
              .map((l) => (
                <li key={l.line.index} className="py-3 first:pt-0 last:pb-0">
                  <h3 className="break-words font-semibold text-ink">
                    {t("lineHeading", { n: l.line.index + 1, name: l.line.name, quantity: n(l.line.quantity), unit: l.line.unit })}
                  </h3>
                  <ul className="mt-1 flex flex-col gap-2 text-sm">
                    {split.parts
                      .filter((p) => p.lineIndex === l.line.index)
                      .map((p) => (
                        <li key={p.supplierId} className="min-w-0">
                          <p className="break-words font-medium text-ink">
                            {t.rich("splitPart", {
                              quantity: n(p.quantity),
                              unit: l.line.unit,
                              name: p.supplierName,
                              // a tag in the message: a plain {supplier} argument would render this function itself
                              supplier: (chunks) => (
                                <Link href={supplierRoutes.profile(p.supplierId)} className="text-brand-800 underline underline-offset-2">
                                  {chunks}
                                </Link>
                              ),
                            })}
                          </p>
                          <ul className="text-muted">
                            {p.reasons.map((r) => (
                              <li key={r.code} className="break-words">
                                {splitReasonLabel(locale, r)}
                              </li>
                            ))}
                          </ul>
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
          </ol>
          {split.uncovered.length > 0 && (
            <Alert tone="warning">{t("splitUncovered", { lines: split.uncovered.map(lineName).join(", ") })}</Alert>
          )}
          {split.short.length > 0 && <Alert tone="warning">{t("splitShort", { lines: split.short.map(lineName).join(", ") })}</Alert>}
        </div>
      </Card>

      <Card title={t("lines")} description={t("linesDescription")}>
        <ol className="flex flex-col gap-6" aria-label={t("lines")}>
          {data.lines.map((l) => (
            <li key={l.line.index} data-testid="line-matches">
              <h3 className="break-words font-semibold text-ink">
                {t("lineHeading", { n: l.line.index + 1, name: l.line.name, quantity: n(l.line.quantity), unit: l.line.unit })}
              </h3>
              {!l.matched ? (
                <p className="mt-1 text-sm text-muted">{t("lineNotMatched", { max: LIMITS.matchedLines })}</p>
              ) : l.matches.length === 0 ? (
                <p className="mt-1 text-sm text-muted">{t("lineEmpty")}</p>
              ) : (
                <ol className="mt-2 flex flex-col divide-y divide-line">
                  {l.matches.map((m) => (
                    <li
                      key={m.supplier.id}
                      className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between"
                    >
                      <div className="min-w-0 flex-1">
                        <p className="break-words font-medium text-ink">
                          <Link href={supplierRoutes.profile(m.supplier.id)} className="hover:underline">
                            {m.supplier.name}
                          </Link>
                        </p>
                        <ReasonList
                          reasons={m.reasons.filter(
                            (r) => r.code.startsWith("capacity") || r.code.startsWith("words") || r.code.startsWith("distance"),
                          )}
                          locale={locale}
                          label={t("reasons")}
                          className="mt-1 flex flex-col gap-0.5 text-sm text-ink"
                        />
                      </div>
                      <ScoreMeter score={m.score} label={t("score", { score: m.score })} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
