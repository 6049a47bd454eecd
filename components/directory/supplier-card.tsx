// One supplier in the directory's results: name, region, size class, KBLI, valid certificate badges, verified
// badge and the product that matched the query. Server component.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui";
import { FlagshipBadges } from "@/components/regions/flagship-badges";
import { supplierRoutes } from "@/lib/suppliers/routes";
import type { SupplierHit } from "@/lib/suppliers/search-hits";

/** `searchQuery`: the directory query string the card was found with, carried so the profile can lead back to it. */
export async function SupplierCard({ supplier, searchQuery }: { supplier: SupplierHit; searchQuery?: string }) {
  const t = await getTranslations("directory");
  const tc = await getTranslations("certifications");
  const ts = await getTranslations("sizeClasses");
  const region = supplier.regency
    ? `${supplier.regency.name}, ${supplier.province?.name ?? ""}`.replace(/, $/, "")
    : (supplier.province?.name ?? t("noRegion"));
  return (
    <article className="flex h-full flex-col gap-2 rounded-xl border border-stone-200 bg-surface p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold text-ink break-words">
          <Link href={supplierRoutes.profile(supplier.id, { cari: searchQuery })} className="hover:underline focus-visible:underline">
            {supplier.name}
          </Link>
        </h2>
        {supplier.verified && <Badge tone="success">{t("verified")}</Badge>}
      </div>
      <p className="text-sm text-muted">
        {region} · {supplier.sizeClass ? ts(supplier.sizeClass) : t("sizeUnknown")}
      </p>
      <FlagshipBadges flagships={supplier.flagships} />
      {supplier.matchedProduct && <p className="text-sm text-ink">{t("matchedProduct", { name: supplier.matchedProduct.name })}</p>}
      <div className="mt-auto flex flex-wrap gap-1.5 pt-1">
        {supplier.kbli.slice(0, 3).map((k) => (
          <Badge key={k} tone="neutral">
            KBLI {k}
          </Badge>
        ))}
        {supplier.certifications.map((c) => (
          <Badge key={c.type} tone="info">
            {tc(c.type)}
          </Badge>
        ))}
      </div>
      <p className="text-xs text-muted">{t("productCount", { count: supplier.productCount })}</p>
    </article>
  );
}
