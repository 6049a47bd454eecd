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
        // No photo yet: a neutral picture of a parcel, labelled for screen readers (never an empty box).
        <div
          role="img"
          aria-label={t("noPhoto")}
          data-testid="product-photo-placeholder"
          className="flex size-20 shrink-0 items-center justify-center rounded-lg border border-stone-200 bg-stone-100 text-stone-400"
        >
          <svg viewBox="0 0 24 24" width="36" height="36" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
            <path d="M3.5 7.5 12 3l8.5 4.5v9L12 21l-8.5-4.5v-9Z" strokeLinejoin="round" />
            <path d="M3.5 7.5 12 12l8.5-4.5M12 12v9" strokeLinejoin="round" />
            <path d="m7.75 5.25 8.5 4.5" strokeLinejoin="round" />
          </svg>
        </div>
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
