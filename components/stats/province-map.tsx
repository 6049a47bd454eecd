// The statistics map: Indonesia's 38 provinces coloured by partnerships, rendered on the server as SVG
// (tooltips are <title>s; the legend is a list). The same figures are in the province table below it.
// A withheld province (fewer than 3 UMKM behind it, lib/stats/disclosure.ts) is hatched and reads "< 3".
// Each province is a plain link to its regencies (/statistik?province=…#rincian); colours follow the measure.
import { getTranslations } from "next-intl/server";
import type { Measure } from "@/lib/stats/schemas";
import { colourFor, MAP_GRID, MAP_HEIGHT, MAP_WIDTH, MAP_ZERO, mapBins, provinceShapes } from "@/lib/stats/map";

export interface ProvinceFigure {
  /** null: withheld */
  agreements: number | null;
  value: string;
  /** Rupiah as a number for the colour scale; null: withheld */
  valueIdr: number | null;
  suppliers: number | null;
}

const SUPPRESSED_FILL = "url(#stats-suppressed)";

/** The hatching of a withheld province: `size` user units between stripes (the map's units are MAP_GRID per pixel). */
function Hatch({ id, size }: { id: string; size: number }) {
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={size} height={size} fill={MAP_ZERO} />
      <line x1="0" y1="0" x2="0" y2={size} stroke="#78909c" strokeWidth={size / 3} />
    </pattern>
  );
}

export async function ProvinceMap({
  figures,
  formatNumber,
  formatValue,
  measure = "jumlah",
  hrefFor,
}: {
  figures: Record<string, ProvinceFigure>;
  formatNumber: (n: number) => string;
  formatValue: (n: number) => string;
  measure?: Measure;
  /** The province's drill-down link. */
  hrefFor: (code: string) => string;
}) {
  const t = await getTranslations("stats.page.map");
  const shapes = provinceShapes();
  const byValue = measure === "nilai";
  const measured = (f: ProvinceFigure) => (byValue ? (f.valueIdr ?? 0) : (f.agreements ?? 0));
  const max = Math.max(0, ...Object.values(figures).map(measured));
  const bins = mapBins(max);
  const legendNumber = byValue ? formatValue : formatNumber;
  const anyWithheld = Object.values(figures).some((f) => f.agreements === null);
  return (
    <figure className="flex flex-col gap-3" data-testid="province-map">
      {/* A group, not an image: each province is a link (drill-down), and an image may not hold controls. */}
      <svg viewBox={`0 0 ${MAP_WIDTH * MAP_GRID} ${MAP_HEIGHT * MAP_GRID}`} role="group" aria-label={t("aria")} className="h-auto w-full">
        <defs>
          <Hatch id="stats-suppressed" size={6 * MAP_GRID} />
        </defs>
        {shapes.map((s) => {
          const f = figures[s.code] ?? { agreements: 0, value: "Rp0", valueIdr: 0, suppliers: 0 };
          const hiddenFigure = f.agreements === null;
          const label = hiddenFigure
            ? t("tooltipSuppressed", { province: s.name })
            : t("tooltip", { province: s.name, agreements: f.agreements ?? 0, value: f.value, suppliers: f.suppliers ?? 0 });
          return (
            <a key={s.code} href={hrefFor(s.code)} aria-label={label} className="focus-visible:outline-2 focus-visible:outline-brand-600">
              <path
                d={s.d}
                className="hover:opacity-80"
                fill={hiddenFigure ? SUPPRESSED_FILL : colourFor(measured(f), bins)}
                stroke="#ffffff"
                strokeWidth={0.6 * MAP_GRID}
                data-province={s.code}
                data-suppressed={hiddenFigure ? "true" : undefined}
              >
                <title>{label}</title>
              </path>
            </a>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted">
        <span className="font-medium text-ink">{t(byValue ? "legendValue" : "legend")}</span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3.5 w-5 rounded-sm border border-line" style={{ background: MAP_ZERO }} />
            {t("zero")}
          </li>
          {anyWithheld && (
            <li className="flex items-center gap-1.5">
              <svg aria-hidden width="20" height="14" className="rounded-sm border border-line">
                <defs>
                  <Hatch id="stats-suppressed-key" size={6} />
                </defs>
                <rect width="20" height="14" fill="url(#stats-suppressed-key)" />
              </svg>
              {t("legendSuppressed")}
            </li>
          )}
          {bins.map((b) => (
            <li key={b.min} className="flex items-center gap-1.5">
              <span aria-hidden className="inline-block h-3.5 w-5 rounded-sm border border-line" style={{ background: b.colour }} />
              {b.min === b.max ? legendNumber(b.min) : `${legendNumber(b.min)}–${legendNumber(b.max)}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
