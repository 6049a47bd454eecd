// The directory's search box and filters: a plain GET form, so results are shareable links and work
// without JavaScript. Filters fold away on phones. Server component.
import { getTranslations } from "next-intl/server";
import { Button, ButtonLink, Checkbox, Input, Select } from "@/components/ui";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { CERTIFICATION_TYPES } from "@/lib/enums";
import { DIRECTORY_SIZE_CLASSES, DIRECTORY_SORTS } from "@/lib/suppliers/search-query";

export interface SearchFormValues {
  q?: string;
  province?: string;
  kbli?: string;
  sizeClass?: string;
  certification?: string[];
  minTkdn?: string;
  verified?: boolean;
  /** Only UMKM matching a flagship product of their region (`unggulan=1`). */
  flagship?: boolean;
  sort?: string;
  /** The industrial estate filter (issue 12): ?kawasan=<siteId>. */
  kawasan?: string;
}

export async function SearchForm({
  values,
  provinces,
  sites = [],
}: {
  values: SearchFormValues;
  provinces: { code: string; name: string }[];
  sites?: { id: string; name: string; provinceName: string }[];
}) {
  const t = await getTranslations("directory");
  const tc = await getTranslations("certifications");
  const ts = await getTranslations("sizeClasses");
  const tsite = await getTranslations("sites.directory");
  const filtersUsed = Boolean(
    values.province ||
    values.kbli ||
    values.sizeClass ||
    values.certification?.length ||
    values.minTkdn ||
    values.verified ||
    values.flagship ||
    values.kawasan,
  );
  return (
    <form method="get" action={supplierRoutes.directory()} role="search" className="flex flex-col gap-3">
      <div className="flex gap-2">
        <div className="min-w-0 flex-1">
          <Input
            type="search"
            name="q"
            label={t("searchLabel")}
            hideLabel
            placeholder={t("searchPlaceholder")}
            defaultValue={values.q}
            maxLength={200}
          />
        </div>
        <Button type="submit">{t("search")}</Button>
      </div>
      <details className="rounded-xl border border-stone-200 bg-surface p-3" open={filtersUsed}>
        <summary className="cursor-pointer font-medium text-ink">{t("filters")}</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Select
            name="province"
            label={t("province")}
            defaultValue={values.province ?? ""}
            options={[{ value: "", label: t("anyProvince") }, ...provinces.map((p) => ({ value: p.code, label: p.name }))]}
          />
          <Input name="kbli" label={t("kbli")} description={t("kbliHint")} defaultValue={values.kbli} maxLength={5} />
          <Select
            name="sizeClass"
            label={t("sizeClass")}
            defaultValue={values.sizeClass ?? ""}
            options={[{ value: "", label: t("anySize") }, ...DIRECTORY_SIZE_CLASSES.map((s) => ({ value: s, label: ts(s) }))]}
          />
          <fieldset className="flex flex-col gap-2">
            <legend className="font-medium text-ink">{t("certification")}</legend>
            {CERTIFICATION_TYPES.filter((c) => c !== "other").map((c) => (
              <Checkbox key={c} name="certification" value={c} label={tc(c)} defaultChecked={values.certification?.includes(c)} />
            ))}
          </fieldset>
          <Input name="minTkdn" label={t("minTkdn")} inputMode="decimal" defaultValue={values.minTkdn} maxLength={5} />
          {(sites.length > 0 || values.kawasan) && (
            <Select
              name="kawasan"
              label={tsite("filter")}
              defaultValue={values.kawasan ?? ""}
              options={[
                { value: "", label: tsite("anySite") },
                ...sites.map((s) => ({ value: s.id, label: `${s.name} (${s.provinceName})` })),
              ]}
            />
          )}
          <div className="flex flex-col gap-4">
            <Checkbox name="verified" value="true" label={t("verifiedOnly")} defaultChecked={values.verified} />
            <Checkbox name="unggulan" value="1" label={t("flagshipOnly")} defaultChecked={values.flagship} />
            <Select
              name="sort"
              label={t("sort")}
              defaultValue={values.sort ?? "relevance"}
              options={DIRECTORY_SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
            />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="submit">{t("apply")}</Button>
          <ButtonLink href={supplierRoutes.directory()} variant="ghost">
            {t("reset")}
          </ButtonLink>
        </div>
      </details>
    </form>
  );
}
