"use client";
// Navigation links that mark the current page with aria-current="page".
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { activeHref } from "./nav";

export interface NavLinkItem {
  href: string;
  label: string;
}

export function NavLinks({ items, orientation = "horizontal" }: { items: NavLinkItem[]; orientation?: "horizontal" | "vertical" }) {
  const pathname = usePathname() ?? "/";
  const current = activeHref(
    pathname,
    items.map((i) => i.href),
  );
  return (
    <ul className={cn("flex", orientation === "horizontal" ? "items-center gap-1" : "flex-col gap-1")}>
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex min-h-11 items-center rounded-lg px-3 font-medium transition-colors",
                orientation === "horizontal" ? "text-sm" : "text-base",
                active
                  ? "bg-brand-50 text-brand-900 shadow-[inset_0_-3px_0_var(--color-accent-500)]"
                  : "text-ink hover:bg-brand-50 hover:text-brand-900",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
