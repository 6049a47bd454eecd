// URLs of the statistics pages. Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

export const statsRoutes = {
  statistics: (query?: Record<string, string | undefined>) => withQuery("/statistik", query),
  /** How the figures are made; `section` is an anchor (e.g. "definisi"). */
  aboutData: (section?: string) => (section ? `/tentang-data#${section}` : "/tentang-data"),
} as const;
