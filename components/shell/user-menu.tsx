"use client";
// The signed-in user's menu in the desktop header: a disclosure button with the user's initials and name,
// and a panel whose content (account details, organization switcher, sign-out) comes from the server.
import { useId, type ReactNode } from "react";
import { useDisclosure } from "./disclosure";

export interface UserMenuProps {
  /** Accessible name of the button, e.g. "Menu akun". */
  label: string;
  name: string;
  /** The active organization's name, shown under the user's name. */
  organizationName?: string | null;
  children: ReactNode;
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0][0], parts[parts.length - 1][0]] : [parts[0]?.[0] ?? "?"];
  return letters.join("").toUpperCase();
}

export function UserMenu({ label, name, organizationName, children }: UserMenuProps) {
  const { open, toggle, buttonRef, panelRef } = useDisclosure<HTMLButtonElement, HTMLDivElement>();
  const panelId = `u${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className="flex min-h-11 items-center gap-2 rounded-lg py-1 pr-2 pl-1 text-left hover:bg-brand-50"
      >
        <span
          aria-hidden="true"
          className="flex size-9 items-center justify-center rounded-full bg-accent-100 text-sm font-bold text-accent-800 ring-2 ring-accent-300"
        >
          {initialsOf(name)}
        </span>
        <span className="flex max-w-48 flex-col leading-tight">
          <span className="sr-only">{label}: </span>
          <span className="truncate text-sm font-semibold text-ink">{name}</span>
          {organizationName && <span className="truncate text-xs text-muted">{organizationName}</span>}
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 fill-muted transition-transform ${open ? "rotate-180" : ""}`}>
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <div
        ref={panelRef}
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-50 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-card border border-line bg-surface p-4 shadow-xl"
      >
        <div className="flex flex-col gap-4">{children}</div>
      </div>
    </div>
  );
}
