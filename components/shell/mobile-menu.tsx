"use client";
// The phone/tablet menu: a disclosure button (aria-expanded, aria-controls) and a panel under the header.
import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { useDisclosure } from "./disclosure";

export interface MobileMenuProps {
  openLabel: string;
  closeLabel: string;
  /** Panel content (navigation, account, language), rendered on the server. */
  children: ReactNode;
  className?: string;
}

export function MobileMenu({ openLabel, closeLabel, children, className }: MobileMenuProps) {
  const { open, toggle, buttonRef, panelRef } = useDisclosure<HTMLButtonElement, HTMLDivElement>();
  const panelId = `m${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <div className={className}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className="inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg border border-line bg-surface px-3 text-sm font-semibold text-brand-900 hover:bg-brand-50"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        <span className="sr-only">{open ? closeLabel : openLabel}</span>
      </button>
      <div
        ref={panelRef}
        id={panelId}
        hidden={!open}
        className={cn(
          "absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-4.25rem)] overflow-y-auto border-b border-line bg-surface shadow-lg",
        )}
      >
        <div className="mx-auto flex max-w-6xl flex-col gap-5 px-4 py-4 sm:px-6">{children}</div>
      </div>
    </div>
  );
}
