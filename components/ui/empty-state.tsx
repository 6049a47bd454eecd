import type { ReactNode } from "react";
import { cn } from "./cn";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** A button or link that gets the user going, e.g. "Buat RFQ". */
  action?: ReactNode;
  /** Decorative icon (hidden from screen readers); defaults to a kawung flower. */
  icon?: ReactNode;
  className?: string;
}

export function EmptyState({ title, description, action, icon, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-3 rounded-card border border-dashed border-accent-300 bg-accent-50/40 px-6 py-10 text-center",
        className,
      )}
    >
      <div aria-hidden="true" className="text-accent-500">
        {icon ?? (
          <svg viewBox="0 0 48 48" className="size-12" fill="none" stroke="currentColor" strokeWidth="2">
            <ellipse cx="16" cy="16" rx="10" ry="6" transform="rotate(45 16 16)" />
            <ellipse cx="32" cy="16" rx="10" ry="6" transform="rotate(-45 32 16)" />
            <ellipse cx="16" cy="32" rx="10" ry="6" transform="rotate(-45 16 32)" />
            <ellipse cx="32" cy="32" rx="10" ry="6" transform="rotate(45 32 32)" />
          </svg>
        )}
      </div>
      <p className="text-lg font-semibold text-ink">{title}</p>
      {description && <p className="max-w-prose text-muted">{description}</p>}
      {action && <div className="mt-1">{action}</div>}
    </div>
  );
}
