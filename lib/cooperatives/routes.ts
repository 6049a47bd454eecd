// URLs of the cooperative pages (/anggota) and the member's claim link. Build links through these.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const cooperativeRoutes = {
  members: (query?: Record<string, string | undefined>) => withQuery("/anggota", query),
  import: () => "/anggota/impor",
  importTemplate: () => "/anggota/templat.csv",
  /** The link an invited member follows to claim their business (the token is the secret). */
  claim: (token: string) => `/klaim/${enc(token)}`,
} as const;
