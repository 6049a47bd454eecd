// The statistics filters: a plain GET form (works without JavaScript; the URL is shareable).
import { getTranslations } from "next-intl/server";
import { Input, Select } from "@/components/ui";
import type { Measure, StatsFilter } from "@/lib/stats/schemas";
import { statsRoutes } from "@/lib/stats/routes";

export async function StatsFilterForm({
  values,
  measure = "jumlah",
  provinces,
  sections,
  clusters = [],
  errors,
}: {
  values: StatsFilter;
  /** kept when the filters change (/statistik?ukuran=) */
  measure?: Measure;
  provinces: { code: string; name: string }[];
  sections: { code: string; title: string }[];
  /** issue 12: the cluster filter's choices (none: no cluster filter shown) */
  clusters?: { id: string; name: string }[];
  errors: Record<string, string[]>;
}) {
  const t = await getTranslations("stats.page.filters");
  const tc = await getTranslations("clusterFigures.statsFilter");
  return (
    <form
      method="get"
      action={statsRoutes.statistics()}
      className="rounded-card border border-line bg-surface p-4 shadow-sm"
      aria-label={t("legend")}
    >
      {measure !== "jumlah" && <input type="hidden" name="ukuran" value={measure} />}
      <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6 lg:items-end">
        <legend className="sr-only">{t("legend")}</legend>
        <Input
          type="month"
          name="from"
          label={t("from")}
          description={t("monthHint")}
          defaultValue={values.from ?? ""}
          error={errors.from}
          pattern="\d{4}-\d{2}"
        />
        <Input
          type="month"
          name="to"
          label={t("to")}
          description={t("monthHint")}
          defaultValue={values.to ?? ""}
          error={errors.to}
          pattern="\d{4}-\d{2}"
        />
        <Select
          name="province"
          label={t("province")}
          placeholder={t("all")}
          defaultValue={values.province ?? ""}
          error={errors.province}
          options={provinces.map((p) => ({ value: p.code, label: p.name }))}
        />
        <Select
          name="kbliSection"
          label={t("section")}
          placeholder={t("all")}
          defaultValue={values.kbliSection ?? ""}
          error={errors.kbliSection}
          options={sections.map((s) => ({ value: s.code, label: `${s.code} — ${s.title}` }))}
        />
        {clusters.length > 0 && (
          <Select
            name="clusterId"
            label={tc("cluster")}
            placeholder={t("all")}
            defaultValue={values.clusterId ?? ""}
            error={errors.clusterId}
            options={clusters.map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
        <div className="flex flex-wrap items-center gap-3 lg:pb-7">
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {t("apply")}
          </button>
          <a href={statsRoutes.statistics()} className="text-sm font-medium text-brand-800 underline underline-offset-2">
            {t("reset")}
          </a>
        </div>
      </fieldset>
    </form>
  );
}
