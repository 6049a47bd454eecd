// A data table that becomes a list of stacked cards on phones (below the `sm` breakpoint) and is an ordinary
// table from `sm` up, where it scrolls sideways inside its own box when it is wider than the screen.
// One markup for both (no duplicated rows for tests and screen readers to trip over):
//   - the row header (<th scope="row">) is the card's title;
//   - every <td> carries data-label="…" (its column's name), shown before the value on phones;
//   - the <thead> is visually hidden on phones.
import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui";

const STACK = [
  // phones: cards
  "max-sm:block max-sm:[&_tbody]:flex max-sm:[&_tbody]:flex-col max-sm:[&_tbody]:gap-3",
  "max-sm:[&_thead]:sr-only",
  "max-sm:[&_tbody_tr]:flex max-sm:[&_tbody_tr]:flex-col max-sm:[&_tbody_tr]:gap-1.5 max-sm:[&_tbody_tr]:rounded-lg max-sm:[&_tbody_tr]:border max-sm:[&_tbody_tr]:border-line max-sm:[&_tbody_tr]:bg-surface max-sm:[&_tbody_tr]:p-3",
  "max-sm:[&_tbody_th]:block max-sm:[&_tbody_th]:text-base max-sm:[&_tbody_th]:font-semibold",
  "max-sm:[&_tbody_td]:flex max-sm:[&_tbody_td]:items-baseline max-sm:[&_tbody_td]:justify-between max-sm:[&_tbody_td]:gap-4 max-sm:[&_tbody_td]:text-right",
  "max-sm:[&_tbody_td]:before:shrink-0 max-sm:[&_tbody_td]:before:text-left max-sm:[&_tbody_td]:before:text-muted max-sm:[&_tbody_td]:before:content-[attr(data-label)]",
  // the label keeps its own look whatever the cell's (monospace, bold, small)
  "max-sm:[&_tbody_td]:before:font-sans max-sm:[&_tbody_td]:before:text-sm max-sm:[&_tbody_td]:before:font-normal",
  "max-sm:[&_tbody_td:empty]:hidden",
  // tablets and up: a table
  "sm:[&_thead_th]:bg-paper sm:[&_thead_th]:px-4 sm:[&_thead_th]:py-2.5 sm:[&_thead_th]:font-semibold sm:[&_thead_th]:whitespace-nowrap sm:[&_thead_th]:text-muted",
  "sm:[&_tbody_td]:px-4 sm:[&_tbody_td]:py-3 sm:[&_tbody_th]:px-4 sm:[&_tbody_th]:py-3 sm:[&_tbody_th]:font-medium",
  "sm:[&_tbody_tr]:border-t sm:[&_tbody_tr]:border-line sm:[&_tbody_tr:hover]:bg-paper/60",
  "sm:[&_td.num]:text-right sm:[&_td.num]:tabular-nums sm:[&_th.num]:text-right",
].join(" ");

export interface ResponsiveTableProps {
  /** What the table shows (for screen readers; visually hidden). */
  caption: ReactNode;
  /** <thead> and <tbody>; give each <td> a data-label. */
  children: ReactNode;
  /** Width from which the table (sm and up) scrolls sideways, e.g. "sm:min-w-[40rem]". */
  minWidthClassName?: string;
  className?: string;
}

export function ResponsiveTable({ caption, children, minWidthClassName = "sm:min-w-[36rem]", className }: ResponsiveTableProps) {
  const captionId = `rt${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      // `relative`: visually hidden (absolutely positioned) parts stay inside the scroll box.
      className={cn("relative sm:overflow-x-auto sm:rounded-card sm:border sm:border-line sm:bg-surface", className)}
    >
      <table className={cn("w-full border-collapse text-left text-sm", STACK, minWidthClassName)}>
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
