// "Lihat semua" / "Ubah" links from a dashboard card to the page that manages it — shown only once that
// page exists (the shell's LIVE_ROUTES), so the dashboard never links to a 404.
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui";
import { LIVE_ROUTES } from "@/components/shell/nav";

export function SectionLink({ href, children }: { href: string; children: ReactNode }) {
  if (!LIVE_ROUTES.has(href)) return null;
  return (
    <ButtonLink href={href} size="sm" variant="outline">
      {children}
    </ButtonLink>
  );
}
