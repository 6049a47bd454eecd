// URL of a stored file's download (certificate documents): GET /api/files/{id}, members of the owning
// organization and verifying platform admins only. Build links through this, never by hand.
import { withQuery } from "@/lib/app-url";

export const fileRoutes = {
  /** The file's download; `inline` asks the browser to show it rather than save it. */
  download: (id: string, query?: { inline?: boolean }) => withQuery(`/api/files/${encodeURIComponent(id)}`, query),
} as const;
