// A bar chart of one statistics breakdown, drawn on the server as SVG (issue 14: no chart library in the
// browser). Figures come pre-formatted from the server so the chart and the table beside it say the same
// thing; the table is the accessible view of the same data, the chart an image with a name. Widths are
// percentages of the card and text keeps its size, so the chart fits a phone and a desktop alike; hovering a
// bar shows its figures (an SVG <title>).

export interface ChartDatum {
  label: string;
  /** null: withheld (lib/stats/disclosure.ts): no bar; the labels say "< 3" */
  agreements: number | null;
  /** Rupiah as a number (chart scale only; the labels carry the exact figure); null: withheld */
  value: number | null;
  agreementsLabel: string;
  valueLabel: string;
  suppliersLabel: string;
}

export interface StatsBarChartProps {
  data: ChartDatum[];
  ariaLabel: string;
  /** "Kemitraan", "Nilai", "UMKM" */
  labels: { agreements: string; value: string; suppliers: string };
  /** Horizontal bars suit long category names (schemes, sectors). */
  layout?: "vertical" | "horizontal";
  /** What the bars measure: the number of partnerships (default) or their value. */
  measure?: "agreements" | "value";
}

const BAR = "#1b7837";
const GRID = "#e2e8f0";
const AXIS_TEXT = "#475569";
const LABEL_TEXT = "#334155";

/** Rupiah axis ticks: "1,2 M" style is the table's job; the axis only needs magnitude (jt = juta, M = miliar). */
function compact(n: number): string {
  return new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

/** Axis ticks from 0 to at least `max`, about four steps of 1, 2 or 5 × 10^k (whole numbers when `integers`). */
export function niceTicks(max: number, integers: boolean): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  if (integers) step = Math.max(1, Math.ceil(step));
  const ticks = [0];
  while (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

function tooltip(d: ChartDatum, labels: StatsBarChartProps["labels"]): string {
  return `${d.label} — ${labels.agreements}: ${d.agreementsLabel}; ${labels.value}: ${d.valueLabel}; ${labels.suppliers}: ${d.suppliersLabel}`;
}

/** Long category names are cut on the chart (the table beside it has them whole). */
function short(label: string, max = 56): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

export function StatsBarChart({ data, ariaLabel, labels, layout = "horizontal", measure = "agreements" }: StatsBarChartProps) {
  const byValue = measure === "value";
  const measured = (d: ChartDatum) => (byValue ? d.value : d.agreements);
  const max = Math.max(0, ...data.map((d) => measured(d) ?? 0));

  if (layout === "vertical") {
    // One row per category: its name, then a bar and the figure at the bar's end.
    const ROW = 36;
    const SPAN = 78; // % of the width the longest bar takes (the figure follows it)
    return (
      <svg role="img" aria-label={ariaLabel} width="100%" height={data.length * ROW} className="block text-xs" data-chart="bars">
        {data.map((d, i) => {
          const v = measured(d);
          const w = v && max > 0 ? (v / max) * SPAN : 0;
          const top = i * ROW;
          return (
            <g key={`${d.label}-${i}`}>
              <title>{tooltip(d, labels)}</title>
              <text x="0" y={top + 13} fill={LABEL_TEXT}>
                {short(d.label)}
              </text>
              {w > 0 && <rect x="0" y={top + 18} width={pct(w)} height="12" rx="2" fill={BAR} data-bar="" />}
              <text x={pct(w)} dx={w > 0 ? 6 : 0} y={top + 28} fill={AXIS_TEXT}>
                {byValue ? d.valueLabel : d.agreementsLabel}
              </text>
            </g>
          );
        })}
      </svg>
    );
  }

  // Columns (months, size classes): a value axis on the left, the category under each column.
  const HEIGHT = 260;
  const PLOT_TOP = 10;
  const PLOT_BOTTOM = 226;
  const GUTTER = byValue ? 14 : 8; // % of the width for the axis figures
  const ticks = niceTicks(max, true);
  const top = ticks[ticks.length - 1];
  const y = (v: number) => PLOT_BOTTOM - (v / top) * (PLOT_BOTTOM - PLOT_TOP);
  const band = (100 - GUTTER) / Math.max(1, data.length);
  const every = Math.ceil(data.length / 6); // at most about six category names, so they never collide
  return (
    <svg role="img" aria-label={ariaLabel} width="100%" height={HEIGHT} className="block text-xs" data-chart="columns">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pct(GUTTER)} x2="100%" y1={y(t)} y2={y(t)} stroke={GRID} strokeDasharray={t === 0 ? undefined : "3 3"} />
          <text x={pct(GUTTER - 1)} y={y(t) + 4} textAnchor="end" fill={AXIS_TEXT}>
            {byValue ? compact(t) : t}
          </text>
        </g>
      ))}
      {data.map((d, i) => {
        const v = measured(d) ?? 0;
        const centre = GUTTER + band * (i + 0.5);
        return (
          <g key={`${d.label}-${i}`}>
            <title>{tooltip(d, labels)}</title>
            {v > 0 && (
              <rect
                x={pct(GUTTER + band * (i + 0.15))}
                y={y(v)}
                width={pct(band * 0.7)}
                height={PLOT_BOTTOM - y(v)}
                rx="2"
                fill={BAR}
                data-bar=""
              />
            )}
            {i % every === 0 && (
              <text x={pct(centre)} y={PLOT_BOTTOM + 20} textAnchor="middle" fill={LABEL_TEXT}>
                {short(d.label, 16)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
