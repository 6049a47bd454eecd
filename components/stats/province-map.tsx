// The statistics map: Indonesia's 38 provinces coloured by partnerships, rendered on the server as SVG
// (tooltips are <title>s; the legend is a list). The same figures are in the province table below it.
import { getTranslations } from "next-intl/server";
import { colourFor, MAP_HEIGHT, MAP_WIDTH, MAP_ZERO, mapBins, provinceShapes } from "@/lib/stats/map";

export interface ProvinceFigure {
  agreements: number;
  value: string;
  suppliers: number;
}

export async function ProvinceMap({ figures, formatNumber }: { figures: Record<string, ProvinceFigure>; formatNumber: (n: number) => string }) {
  const t = await getTranslations("stats.page.map");
  const shapes = provinceShapes();
  const max = Math.max(0, ...Object.values(figures).map((f) => f.agreements));
  const bins = mapBins(max);
  return (
    <figure className="flex flex-col gap-3" data-testid="province-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label={t("aria")} className="h-auto w-full">
        {shapes.map((s) => {
          const f = figures[s.code] ?? { agreements: 0, value: "Rp0", suppliers: 0 };
          return (
            <path key={s.code} d={s.d} fill={colourFor(f.agreements, bins)} stroke="#ffffff" strokeWidth={0.6} data-province={s.code}>
              <title>{t("tooltip", { province: s.name, agreements: formatNumber(f.agreements), value: f.value, suppliers: formatNumber(f.suppliers) })}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted">
        <span className="font-medium text-ink">{t("legend")}</span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3.5 w-5 rounded-sm border border-line" style={{ background: MAP_ZERO }} />
            {t("zero")}
          </li>
          {bins.map((b) => (
            <li key={b.min} className="flex items-center gap-1.5">
              <span aria-hidden className="inline-block h-3.5 w-5 rounded-sm border border-line" style={{ background: b.colour }} />
              {b.min === b.max ? formatNumber(b.min) : `${formatNumber(b.min)}–${formatNumber(b.max)}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
