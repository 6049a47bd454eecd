// Key figures: <StatGrid> is a description list, each <Stat> a term (label) and its value.
import type { ReactNode } from "react";
import { cn } from "./cn";

export function StatGrid({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cn("grid grid-cols-2 gap-3 lg:grid-cols-4", className)}>{children}</dl>;
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** A line under the value, e.g. "dari 38 provinsi". */
  hint?: ReactNode;
  /** Highlight a figure (accent border). */
  emphasis?: boolean;
  className?: string;
}

export function Stat({ label, value, hint, emphasis = false, className }: StatProps) {
  return (
    <div
      className={cn(
        "flex min-w-0 flex-col rounded-card border bg-surface px-3 py-3 shadow-sm sm:px-4 sm:py-4",
        emphasis ? "border-accent-300 border-l-4 border-l-accent-500" : "border-line",
        className,
      )}
    >
      <dt className="order-1 text-sm font-medium text-muted">{label}</dt>
      <dd className="order-2 mt-1 text-2xl font-bold tracking-tight text-brand-800 tabular-nums sm:text-3xl">{value}</dd>
      {hint && <dd className="order-3 mt-1 text-sm text-muted">{hint}</dd>}
    </div>
  );
}
