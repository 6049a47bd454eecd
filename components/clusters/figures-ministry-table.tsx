// The ministry's table of clusters on /statistik (ministry and platform staff only; lib/clusters/summary-ministry.ts
// authorizes): every cluster with its exact members, anchors, partnerships and their value, a link to its page
// and to the statistics filtered by it.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card, Table } from "@/components/ui";
import type { ClusterTableRow } from "@/lib/clusters/summary-ministry";
import { clusterRoutes } from "@/lib/clusters/routes";
import { formattersFor } from "@/lib/i18n/format";
import { statsRoutes } from "@/lib/stats/routes";

export async function ClustersMinistryTable({ rows, provinceNames }: { rows: ClusterTableRow[]; provinceNames: Record<string, string> }) {
  const t = await getTranslations("clusterFigures.ministryTable");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={t("title")} description={t("description")} className="min-w-0">
      <div data-testid="clusters-table">
        {rows.length === 0 ? (
          <p className="text-sm text-muted">{t("empty")}</p>
        ) : (
          <Table caption={t("title")} captionHidden minWidthClassName="min-w-[52rem]">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("manager")}</th>
                <th scope="col">{t("region")}</th>
                <th scope="col" className="num">
                  {t("umkm")}
                </th>
                <th scope="col" className="num">
                  {t("cooperatives")}
                </th>
                <th scope="col" className="num">
                  {t("anchors")}
                </th>
                <th scope="col" className="num">
                  {t("agreements")}
                </th>
                <th scope="col" className="num">
                  {t("value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={clusterRoutes.detail(r.id)} className="text-brand-800 underline underline-offset-2">
                      {r.name}
                    </a>{" "}
                    <a href={statsRoutes.statistics({ clusterId: r.id })} className="text-xs text-muted underline">
                      ({t("statistics")})
                    </a>
                  </th>
                  <td>{r.manager}</td>
                  <td>{r.provinceCodes.map((c) => provinceNames[c] ?? c).join(", ") || "—"}</td>
                  <td className="num">{f.number(r.umkm)}</td>
                  <td className="num">{f.number(r.cooperatives)}</td>
                  <td className="num">{f.number(r.anchors)}</td>
                  <td className="num">{f.number(r.agreements)}</td>
                  <td className="num whitespace-nowrap">{f.rupiah(r.valueIdr)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
