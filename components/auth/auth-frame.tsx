// The frame of the sign-in and sign-up pages (inside the app shell's <main>): one card on the batik motif.
import type { ReactNode } from "react";

export function AuthFrame({
  title,
  subtitle,
  children,
  footer,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="bg-kawung flex flex-col items-center px-4 py-8 sm:py-14">
      <div className="w-full max-w-md rounded-card border border-line bg-surface px-5 py-6 shadow-sm sm:px-8 sm:py-8">
        <h1 className="text-2xl font-bold text-ink">{title}</h1>
        {subtitle && <p className="mt-1 text-muted">{subtitle}</p>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <div className="mt-5 text-center text-sm text-ink">{footer}</div>}
    </div>
  );
}
