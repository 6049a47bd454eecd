// One breakdown of a cluster's figures: a bar per group (plain HTML, no script) and, under it, the table with the
// same figures — the accessible view. Withheld groups have no bar and read "< 3". Figures arrive formatted.
import { Table } from "@/components/ui";

export interface BarRow {
  key: string;
  label: string;
  /** the bar's length; null: withheld */
  value: number | null;
  /** cells of the table after the label (formatted), e.g. the count and the share */
  cells: string[];
}

export function FigureBars({
  title,
  rows,
  columns,
  emptyText,
  testId,
}: {
  title: string;
  rows: BarRow[];
  /** the table's headers: the group first, then one per cell */
  columns: string[];
  emptyText: string;
  testId?: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-card border border-line bg-surface p-4 shadow-sm" data-testid={testId}>
      <h3 className="text-base font-semibold text-ink">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{emptyText}</p>
      ) : (
        <>
          <ul aria-hidden="true" className="flex flex-col gap-1.5">
            {rows.map((r) => (
              <li
                key={r.key}
                className="grid grid-cols-[minmax(0,8rem)_1fr_auto] items-center gap-2 text-xs sm:grid-cols-[minmax(0,12rem)_1fr_auto]"
              >
                <span className="truncate text-muted">{r.label}</span>
                <span className="h-3 rounded bg-paper">
                  {r.value !== null && r.value > 0 && (
                    <span className="block h-3 rounded bg-brand-600" style={{ width: `${Math.max(2, (r.value / max) * 100)}%` }} />
                  )}
                </span>
                <span className="tabular-nums text-ink">{r.cells[0]}</span>
              </li>
            ))}
          </ul>
          <Table caption={title} captionHidden minWidthClassName="min-w-0">
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={i > 0 ? "num" : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) => (
                    <td key={i} className="num">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}
