// "Produk unggulan <region>": the badge of an UMKM that matches a flagship product its region's government tagged
// (lib/regions/flagship.ts). One badge per region; `detailed` also names the products. Server component.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui";

export interface FlagshipBadgeItem {
  flagshipId: string;
  name: string;
  regionName: string;
}

export async function FlagshipBadges({
  flagships,
  detailed = false,
}: {
  flagships: readonly FlagshipBadgeItem[] | undefined;
  detailed?: boolean;
}) {
  if (!flagships || flagships.length === 0) return null;
  const t = await getTranslations("regions.flagship");
  const byRegion = new Map<string, string[]>();
  for (const f of flagships) byRegion.set(f.regionName, [...(byRegion.get(f.regionName) ?? []), f.name]);
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t("badgesLabel")}>
      {[...byRegion].map(([region, names]) => (
        <li key={region} data-testid="flagship-badge">
          <Badge tone="accent">{t("badge", { region })}</Badge>
          {detailed && <span className="ml-1.5 text-sm text-muted">{names.join(", ")}</span>}
        </li>
      ))}
    </ul>
  );
}
