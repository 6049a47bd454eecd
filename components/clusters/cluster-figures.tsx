// The figures of the cluster page (/klaster/[id]): key figures, members by size class, province and verification,
// certificates, monthly capacity, partnerships with the anchors — each chart with its table — and, for the
// manager and anchors, the named members. The summary is already protected for the viewer
// (lib/clusters/summary.ts): null figures are withheld and read "< 3".
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Card, Stat, StatGrid, ResponsiveTable } from "@/components/ui";
import type { ClusterSummary, CountRow } from "@/lib/clusters/summary";
import { NAMED_MEMBER_LIMIT } from "@/lib/clusters/summary-limits";
import { formattersFor } from "@/lib/i18n/format";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { FigureBars, type BarRow } from "./figures-bars";

export async function ClusterFigures({ summary: s, provinceNames }: { summary: ClusterSummary; provinceNames: Record<string, string> }) {
  const t = await getTranslations("clusterFigures");
  const ts = await getTranslations("sizeClasses");
  const to = await getTranslations("orgTypes");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const withheld = t("figures.withheld");
  const num = (n: number | null) => (n === null ? withheld : f.number(n));
  const idr = (n: bigint | null) => (n === null ? withheld : f.rupiahCompact(n));
  const total = s.members.umkm;
  const share = (n: number | null) => (n === null || !total ? withheld : f.percent(n / total, { maximumFractionDigits: 1 }));
  const countBars = (rows: CountRow[]): BarRow[] =>
    rows.map((r) => ({ key: r.key, label: r.label, value: r.umkm, cells: [num(r.umkm), share(r.umkm)] }));
  const countColumns = [t("table.group"), t("table.umkm"), t("table.share")];
  const p = s.partnerships;

  return (
    <section aria-labelledby="cluster-figures-title" className="flex flex-col gap-4">
      <h2 id="cluster-figures-title" className="text-lg font-semibold text-ink">
        {t("figures.title")}
      </h2>
      <Alert tone="info">
        <span data-testid="cluster-disclosure">
          {s.disclosure === "exact" && s.partnershipDisclosure === "exact"
            ? t("disclosure.exact")
            : s.disclosure === "exact"
              ? `${t("disclosure.membersExact")} ${t("disclosure.protected")}`
              : t("disclosure.protected")}{" "}
          {t("disclosure.asOf", { date: f.dateTime(s.asOf) })}
        </span>
      </Alert>
      <StatGrid>
        <Stat
          emphasis
          label={t("figures.umkm")}
          value={<span data-testid="cluster-umkm">{num(total)}</span>}
          hint={t("figures.umkmHint")}
        />
        <Stat
          label={t("figures.cooperatives")}
          value={<span data-testid="cluster-cooperatives">{f.number(s.members.cooperatives)}</span>}
        />
        <Stat
          label={t("figures.agreements")}
          value={<span data-testid="cluster-agreements">{num(p.agreements)}</span>}
          hint={t("figures.agreementsHint")}
        />
        <Stat label={t("figures.value")} value={<span data-testid="cluster-value">{idr(p.valueIdr)}</span>} />
        <Stat label={t("figures.movedUp")} value={<span data-testid="cluster-moved-up">{num(s.movedUp)}</span>} />
      </StatGrid>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <FigureBars
          title={t("bySizeClass")}
          rows={countBars(s.members.bySizeClass)}
          columns={countColumns}
          emptyText={t("table.empty")}
          testId="cluster-by-size"
        />
        <FigureBars
          title={t("byVerification")}
          rows={countBars(s.members.byVerification)}
          columns={countColumns}
          emptyText={t("table.empty")}
          testId="cluster-by-verification"
        />
        <FigureBars
          title={t("byProvince")}
          rows={countBars(s.members.byProvince)}
          columns={countColumns}
          emptyText={t("table.empty")}
          testId="cluster-by-province"
        />
        <div className="flex min-w-0 flex-col gap-1">
          <FigureBars
            title={t("certificates.title")}
            rows={(["halal", "sni", "iso9001", "tkdn"] as const).map((type) => {
              const c = s.certificates[type];
              return {
                key: type,
                label: t(`certificates.${type}`),
                value: c.umkm,
                cells: [num(c.umkm), c.share === null ? withheld : f.percent(c.share, { maximumFractionDigits: 1 })],
              };
            })}
            columns={[t("certificates.type"), t("certificates.umkm"), t("certificates.share")]}
            emptyText={t("table.empty")}
            testId="cluster-certificates"
          />
          <p className="text-xs text-muted">{t("certificates.description")}</p>
        </div>
      </div>

      <Card title={t("capacity.title")} description={t("capacity.description")} flush>
        {s.capacity.rows.length === 0 ? (
          <p className="px-4 py-4 text-sm text-muted sm:px-5">{t("capacity.empty")}</p>
        ) : (
          <ResponsiveTable
            caption={t("capacity.title")}
            minWidthClassName="sm:min-w-[30rem]"
            className="max-sm:p-3 sm:rounded-none sm:border-0"
          >
            <thead>
              <tr>
                <th scope="col">{t("capacity.kind")}</th>
                <th scope="col">{t("capacity.unit")}</th>
                <th scope="col" className="num">
                  {t("capacity.capacity")}
                </th>
                <th scope="col" className="num">
                  {t("capacity.products")}
                </th>
                <th scope="col" className="num">
                  {t("capacity.umkm")}
                </th>
              </tr>
            </thead>
            <tbody data-testid="cluster-capacity">
              {s.capacity.rows.map((c) => (
                <tr key={`${c.kbliCode}|${c.unit}`}>
                  <th scope="row">
                    {c.kbliCode} — {c.kbliTitle}
                  </th>
                  <td data-label={t("capacity.unit")}>{c.unit}</td>
                  <td data-label={t("capacity.capacity")} className="num">
                    {c.monthlyCapacity === null ? withheld : f.number(c.monthlyCapacity)}
                  </td>
                  <td data-label={t("capacity.products")} className="num">
                    {num(c.products)}
                  </td>
                  <td data-label={t("capacity.umkm")} className="num">
                    {num(c.umkm)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
        {s.capacity.moreKinds > 0 && (
          <p className="px-4 pb-3 text-xs text-muted sm:px-5">{t("capacity.more", { count: s.capacity.moreKinds })}</p>
        )}
      </Card>

      <div className="flex flex-col gap-1">
        <FigureBars
          title={t("partnerships.title")}
          rows={p.byAnchor.map((a) => ({
            key: a.id,
            label: a.name,
            value: a.agreements,
            cells: [num(a.agreements), idr(a.valueIdr), num(a.suppliers)],
          }))}
          columns={[t("partnerships.anchor"), t("partnerships.agreements"), t("partnerships.value"), t("partnerships.suppliers")]}
          emptyText={t("partnerships.empty")}
          testId="cluster-partnerships"
        />
        <p className="text-xs text-muted">
          {t("partnerships.description")} {t("partnerships.total")}: {num(p.agreements)} · {idr(p.valueIdr)} · {num(p.suppliers)} UMKM
        </p>
      </div>

      {s.namedMembers && (
        <Card title={t("members.title")} description={t("members.description", { limit: NAMED_MEMBER_LIMIT })} flush>
          <ResponsiveTable
            caption={t("members.title")}
            minWidthClassName="sm:min-w-[36rem]"
            className="max-sm:p-3 sm:rounded-none sm:border-0"
          >
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.type")}</th>
                <th scope="col">{t("members.sizeClass")}</th>
                <th scope="col">{t("members.province")}</th>
                <th scope="col">{t("members.verified")}</th>
                <th scope="col">{t("members.via")}</th>
              </tr>
            </thead>
            <tbody data-testid="cluster-members">
              {s.namedMembers.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.type === "umkm" ? (
                      <a className="text-brand-800 underline" href={supplierRoutes.profile(m.id)}>
                        {m.name}
                      </a>
                    ) : (
                      m.name
                    )}
                  </th>
                  <td data-label={t("members.type")}>{to(m.type)}</td>
                  <td data-label={t("members.sizeClass")}>{m.sizeClass ? ts(m.sizeClass) : "—"}</td>
                  <td data-label={t("members.province")}>{m.provinceCode ? (provinceNames[m.provinceCode] ?? m.provinceCode) : "—"}</td>
                  <td data-label={t("members.verified")}>{m.verified ? t("members.yes") : t("members.no")}</td>
                  <td data-label={t("members.via")}>{m.viaCooperative ?? t("members.direct")}</td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        </Card>
      )}
    </section>
  );
}
