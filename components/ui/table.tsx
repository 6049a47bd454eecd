// A data table that scrolls sideways inside its own box on narrow screens instead of widening the page.
// The scroll box is a focusable, labelled region so keyboard users can scroll it too.
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

export function Table({ caption, captionHidden = false, children, minWidthClassName = "min-w-[36rem]", className }: TableProps) {
  const captionId = `t${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-caption`;
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
