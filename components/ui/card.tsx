import type { ReactNode } from "react";
import { cn } from "./cn";

export interface CardProps {
  /** Heading of the card; rendered as h2 by default (see headingLevel). */
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  description?: ReactNode;
  /** Buttons or links shown next to the title (wrap under it on phones). */
  actions?: ReactNode;
  footer?: ReactNode;
  /** "section" (default, with a title) or "article" for a self-contained item, "div" otherwise. */
  as?: "section" | "article" | "div";
  /** Remove the inner padding, e.g. for a card that holds a <Table>. */
  flush?: boolean;
  className?: string;
  children?: ReactNode;
}

export function Card({
  title,
  headingLevel = 2,
  description,
  actions,
  footer,
  as = "section",
  flush = false,
  className,
  children,
}: CardProps) {
  const Tag = as;
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  return (
    <Tag className={cn("rounded-card border border-line bg-surface shadow-sm", className)}>
      {(title || actions) && (
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-3 sm:px-5">
          <div className="min-w-0">
            {title && <Heading className="text-lg font-semibold text-ink">{title}</Heading>}
            {description && <p className="mt-0.5 text-sm text-muted">{description}</p>}
          </div>
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children !== undefined && <div className={cn(!flush && "px-4 py-4 sm:px-5")}>{children}</div>}
      {footer && <div className="border-t border-line bg-paper/60 px-4 py-3 text-sm sm:px-5">{footer}</div>}
    </Tag>
  );
}
