"use client";
// A bar chart of one statistics breakdown (recharts). Figures come pre-formatted from the server so the
// chart and the table beside it say the same thing; the table is the accessible view of the same data.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

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

function TooltipBox({
  active,
  payload,
  labels,
}: {
  active?: boolean;
  payload?: { payload: ChartDatum }[];
  labels: StatsBarChartProps["labels"];
}) {
  if (!active || !payload?.length) return null;
  const d = payload[0].payload;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-md">
      <p className="font-semibold text-ink">{d.label}</p>
      <p>
        {labels.agreements}: {d.agreementsLabel}
      </p>
      <p>
        {labels.value}: {d.valueLabel}
      </p>
      <p>
        {labels.suppliers}: {d.suppliersLabel}
      </p>
    </div>
  );
}

/** Rupiah axis ticks: "1,2 M" style is the table's job; the axis only needs magnitude (jt = juta, M = miliar). */
function compact(n: number): string {
  return new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

export function StatsBarChart({ data, ariaLabel, labels, layout = "horizontal", measure = "agreements" }: StatsBarChartProps) {
  const byValue = measure === "value";
  const vertical = layout === "vertical";
  const height = vertical ? Math.max(160, data.length * 30 + 40) : 260;
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: "100%", height }} className="text-xs">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={vertical ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={!vertical} vertical={vertical} />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={{ fill: "#475569" }} tickFormatter={byValue ? compact : undefined} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fill: "#334155" }} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fill: "#334155" }} interval="preserveStartEnd" minTickGap={8} />
              <YAxis
                allowDecimals={false}
                width={byValue ? 56 : 40}
                tick={{ fill: "#475569" }}
                tickFormatter={byValue ? compact : undefined}
              />
            </>
          )}
          <Tooltip content={<TooltipBox labels={labels} />} cursor={{ fill: "rgba(15, 118, 110, 0.08)" }} />
          <Bar
            dataKey={measure}
            name={byValue ? labels.value : labels.agreements}
            fill="#1b7837"
            radius={vertical ? [0, 3, 3, 0] : [3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
