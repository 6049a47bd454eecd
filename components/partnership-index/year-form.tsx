// A plain GET form choosing the period (no client script): a year, or the rolling 12 months when offered.
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui";

export async function YearForm({
  action,
  years,
  value,
  rolling,
}: {
  action: string;
  years: number[];
  /** The chosen year, or "12bulan" for the rolling 12 months. */
  value: string;
  rolling?: boolean;
}) {
  const t = await getTranslations("partnershipIndex.common");
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-sm font-medium text-ink">
        {t("period")}
        <select name="tahun" defaultValue={value} className="rounded-lg border border-line bg-surface px-3 py-2">
          {rolling && <option value="12bulan">{t("rolling12")}</option>}
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="outline">
        {t("show")}
      </Button>
    </form>
  );
}
