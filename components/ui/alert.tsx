// Messages in the page flow. "info" and "success" are polite live regions (role="status"); "warning" and
// "danger" interrupt (role="alert") — use them for errors the user must act on, e.g. a failed form.
import type { ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const TONES: Record<AlertTone, { box: string; icon: string; path: string }> = {
  info: {
    box: "border-brand-200 bg-brand-50 text-brand-900",
    icon: "text-brand-700",
    path: "M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v1.8H9.1V6Zm0 3.2h1.8V14H9.1V9.2Z",
  },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-900",
    icon: "text-emerald-700",
    path: "M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm3.7 5.3a1 1 0 0 1 0 1.4l-4.2 4.2a1 1 0 0 1-1.4 0l-1.8-1.8a1 1 0 1 1 1.4-1.4l1.1 1.1 3.5-3.5a1 1 0 0 1 1.4 0Z",
  },
  warning: {
    box: "border-amber-300 bg-amber-50 text-amber-950",
    icon: "text-amber-700",
    path: "M8.6 3.2a1.6 1.6 0 0 1 2.8 0l6.3 11.3A1.6 1.6 0 0 1 16.3 17H3.7a1.6 1.6 0 0 1-1.4-2.5L8.6 3.2ZM9.1 7v4.5h1.8V7H9.1Zm0 6v1.8h1.8V13H9.1Z",
  },
  danger: {
    box: "border-red-200 bg-red-50 text-red-900",
    icon: "text-red-700",
    path: "M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5H9.1V6Zm0 6.5h1.8v1.8H9.1v-1.8Z",
  },
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons/links shown under the message. */
  actions?: ReactNode;
  className?: string;
}

export function Alert({ tone = "info", title, children, actions, className }: AlertProps) {
  const s = TONES[tone];
  return (
    <div
      role={tone === "info" || tone === "success" ? "status" : "alert"}
      className={cn("flex gap-3 rounded-lg border px-4 py-3", s.box, className)}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className={cn("mt-0.5 size-5 shrink-0 fill-current", s.icon)}>
        <path d={s.path} />
      </svg>
      <div className="min-w-0 flex-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className={cn(Boolean(title) && "mt-0.5")}>{children}</div>}
        {actions && <div className="mt-2 flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
