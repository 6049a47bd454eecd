// One product as a compact card body: photo, name, price range per unit, MOQ, capacity, lead time.
// Server component (used by /produk and the supplier page).
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { formattersFor } from "@/lib/i18n/format";
import type { ProductView } from "@/lib/products/catalogue";

export async function ProductSummary({ product, actions }: { product: ProductView; actions?: React.ReactNode }) {
  const t = await getTranslations("products");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const img = product.images[0];
  const price =
    product.priceMinIdr !== null && product.priceMaxIdr !== null
      ? product.priceMinIdr === product.priceMaxIdr
        ? f.rupiah(product.priceMinIdr)
        : t("priceRange", { min: f.rupiah(product.priceMinIdr), max: f.rupiah(product.priceMaxIdr) })
      : null;
  return (
    <div className="flex gap-3">
      {img ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={img.thumbnailUrl}
          alt={t("photoAlt", { name: product.name })}
          width={80}
          height={80}
          loading="lazy"
          className="size-20 shrink-0 rounded-lg border border-stone-200 object-cover"
        />
      ) : (
        <div aria-hidden="true" className="size-20 shrink-0 rounded-lg border border-dashed border-stone-300 bg-stone-50" />
      )}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="font-semibold text-ink break-words">{product.name}</p>
        {price && (
          <p className="text-sm text-ink">
            {price} <span className="text-muted">{t("perUnit", { unit: product.unit })}</span>
          </p>
        )}
        <p className="text-sm text-muted">
          {[
            product.moq !== null ? t("moqValue", { moq: f.number(product.moq), unit: product.unit }) : null,
            product.monthlyCapacity !== null
              ? t("capacityValue", { capacity: f.number(product.monthlyCapacity), unit: product.unit })
              : null,
            product.leadTimeDays !== null ? t("leadTimeValue", { days: product.leadTimeDays }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="text-xs text-muted">
          KBLI {product.kbli} · {f.locale === "en" && product.kbliTitle.en ? product.kbliTitle.en : product.kbliTitle.id}
        </p>
        {actions && <div className="mt-1 flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
