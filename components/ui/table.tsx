// Data tables. Two layouts, one markup each (no duplicated rows for tests and screen readers to trip over):
//
// - <Table>: an ordinary table that scrolls sideways inside its own box when it is wider than the screen.
//   For tables read across (comparisons, figures by column) where every column matters equally.
// - <ResponsiveTable>: a list of stacked cards on phones (below `sm`) and an ordinary table from `sm` up. For
//   lists whose rows are things (quotes, agreements, members): on a phone nothing hides behind a sideways
//   scroll, so status and amount stay in sight. Per row:
//     - the row header (<th scope="row">) is the card's title;
//     - every <td> carries data-label="…" (its column's name), shown before the value on phones and read
//       with it by screen readers (the <thead> is visually hidden there but stays in the table);
//     - put the key columns (status, amount) first after the row header: they come first on the card;
//     - a long value (a list, a paragraph) goes under its label with <td className="wide">.
//
// Both scroll boxes are focusable, labelled regions so keyboard users can scroll them too.
import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export interface TableProps {
  /** What the table shows; required for screen readers. Hide it visually with captionHidden. */
  caption: ReactNode;
  captionHidden?: boolean;
  /** <thead>/<tbody> content. Use <th scope="col"> in the head and <th scope="row"> for row headers. */
  children: ReactNode;
  /** Minimum table width before it starts to scroll, e.g. "min-w-[40rem]". */
  minWidthClassName?: string;
  className?: string;
}

function useCaptionId(prefix: string): string {
  return `${prefix}${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-caption`;
}

export function Table({ caption, captionHidden = false, children, minWidthClassName = "min-w-[36rem]", className }: TableProps) {
  const captionId = useCaptionId("t");
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className={cn("overflow-x-auto rounded-card border border-line bg-surface", className)}
    >
      <table
        className={cn(
          "w-full border-collapse text-left text-sm",
          "[&_thead_th]:bg-paper [&_thead_th]:px-4 [&_thead_th]:py-2.5 [&_thead_th]:font-semibold [&_thead_th]:text-muted [&_thead_th]:whitespace-nowrap",
          "[&_tbody_td]:px-4 [&_tbody_td]:py-3 [&_tbody_th]:px-4 [&_tbody_th]:py-3 [&_tbody_th]:font-medium",
          "[&_tbody_tr]:border-t [&_tbody_tr]:border-line [&_tbody_tr:hover]:bg-paper/60",
          "[&_td.num]:text-right [&_td.num]:tabular-nums [&_th.num]:text-right",
          minWidthClassName,
        )}
      >
        <caption id={captionId} className={cn("px-4 pt-3 pb-2 text-left font-semibold text-ink", captionHidden && "sr-only")}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

const STACK = [
  // phones: cards
  "max-sm:block max-sm:[&_tbody]:flex max-sm:[&_tbody]:flex-col max-sm:[&_tbody]:gap-3",
  "max-sm:[&_thead]:sr-only",
  "max-sm:[&_tbody_tr]:flex max-sm:[&_tbody_tr]:flex-col max-sm:[&_tbody_tr]:gap-1.5 max-sm:[&_tbody_tr]:rounded-lg max-sm:[&_tbody_tr]:border max-sm:[&_tbody_tr]:border-line max-sm:[&_tbody_tr]:bg-surface max-sm:[&_tbody_tr]:p-3",
  // long names, numbers and ids wrap inside the card instead of widening it
  "max-sm:[&_tbody_tr>*]:min-w-0 max-sm:[&_tbody_tr>*]:[overflow-wrap:anywhere]",
  "max-sm:[&_tbody_th]:block max-sm:[&_tbody_th]:text-base max-sm:[&_tbody_th]:font-semibold",
  "max-sm:[&_tbody_td]:flex max-sm:[&_tbody_td]:items-baseline max-sm:[&_tbody_td]:justify-between max-sm:[&_tbody_td]:gap-4 max-sm:[&_tbody_td]:text-right",
  "max-sm:[&_tbody_td]:before:shrink-0 max-sm:[&_tbody_td]:before:text-left max-sm:[&_tbody_td]:before:text-muted max-sm:[&_tbody_td]:before:content-[attr(data-label)]",
  // the label keeps its own look whatever the cell's (monospace, bold, small)
  "max-sm:[&_tbody_td]:before:font-sans max-sm:[&_tbody_td]:before:text-sm max-sm:[&_tbody_td]:before:font-normal",
  "max-sm:[&_tbody_td:empty]:hidden",
  // td.wide: a long value (a list, a paragraph) goes under its label instead of beside it
  "max-sm:[&_tbody_td.wide]:flex-col max-sm:[&_tbody_td.wide]:items-stretch max-sm:[&_tbody_td.wide]:gap-1 max-sm:[&_tbody_td.wide]:text-left",
  // tablets and up: a table
  "sm:[&_thead_th]:bg-paper sm:[&_thead_th]:px-4 sm:[&_thead_th]:py-2.5 sm:[&_thead_th]:font-semibold sm:[&_thead_th]:whitespace-nowrap sm:[&_thead_th]:text-muted",
  "sm:[&_tbody_td]:px-4 sm:[&_tbody_td]:py-3 sm:[&_tbody_th]:px-4 sm:[&_tbody_th]:py-3 sm:[&_tbody_th]:font-medium",
  "sm:[&_tbody_tr]:border-t sm:[&_tbody_tr]:border-line sm:[&_tbody_tr:hover]:bg-paper/60",
  "sm:[&_td.num]:text-right sm:[&_td.num]:tabular-nums sm:[&_th.num]:text-right",
].join(" ");

export interface ResponsiveTableProps {
  /** What the table shows (for screen readers; visually hidden unless captionHidden={false}). */
  caption: ReactNode;
  captionHidden?: boolean;
  /** <thead> and <tbody>; give each <td> a data-label (its column's name). */
  children: ReactNode;
  /**
   * Width from which the table (sm and up) scrolls sideways, e.g. "sm:min-w-[40rem]". Always with the `sm:`
   * prefix: a plain min-w-… would make the phone's cards as wide.
   */
  minWidthClassName?: `sm:${string}`;
  /** E.g. "max-sm:p-3" inside a flush card, so the cards do not touch its edges. */
  className?: string;
}

export function ResponsiveTable({
  caption,
  captionHidden = true,
  children,
  minWidthClassName = "sm:min-w-[36rem]",
  className,
}: ResponsiveTableProps) {
  const captionId = useCaptionId("rt");
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      // `relative`: visually hidden (absolutely positioned) parts stay inside the scroll box.
      className={cn("relative sm:overflow-x-auto sm:rounded-card sm:border sm:border-line sm:bg-surface", className)}
    >
      <table className={cn("w-full border-collapse text-left text-sm", STACK, minWidthClassName)}>
        <caption id={captionId} className={cn(captionHidden ? "sr-only" : "pb-2 text-left font-semibold text-ink sm:px-4 sm:pt-3")}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
