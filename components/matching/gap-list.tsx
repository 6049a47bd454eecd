// What an UMKM still needs to qualify for an RFQ ("sertifikat halal yang berlaku", "TKDN ≥ 25%"), each gap linked
// to where it is fixed. Used by the RFQ page's eligibility panel and the dashboard's recommended RFQs.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { gapLabel } from "@/lib/matching/labels";
import type { Gap } from "@/lib/matching/signals";

export async function GapList({ gaps }: { gaps: Gap[] }) {
  const t = await getTranslations("matching");
  const locale = await getLocale();
  return (
    <>
      <p className="font-medium">{t("dashboard.toQualify")}</p>
      <ul className="mt-1 flex flex-col gap-1">
        {gaps.map((g) => (
          <li key={g.code + JSON.stringify(g.params)} className="flex flex-wrap gap-x-2">
            <span>{gapLabel(locale, g)}</span>
            <Link href={g.fixPath} className="font-medium text-brand-800 underline underline-offset-2">
              {t("dashboard.fix")}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
