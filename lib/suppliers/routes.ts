// URLs of the supplier pages: the public directory (/pemasok), the UMKM's own profile wizard (/profil-usaha)
// and the platform's verification pages. Build links through these, never by hand.
import { withQuery } from "../app-url"; // relative: next.config.ts loads this file too

const enc = encodeURIComponent;

export const supplierRoutes = {
  /** The public directory, with its search and filters. */
  directory: (query?: Record<string, string | readonly string[] | undefined>) => withQuery("/pemasok", query),
  /** A supplier's public profile; `cari`: the directory query string "Kembali ke pencarian" returns to. */
  profile: (id: string, query?: { cari?: string }) => withQuery(`/pemasok/${enc(id)}`, query),
  /** The UMKM's own business profile (overview). */
  ownProfile: () => "/profil-usaha",
  /** One step of the profile wizard; `edit` reopens a finished step. */
  step: (step: string, query?: { ubah?: boolean }) => withQuery(`/profil-usaha/langkah/${enc(step)}`, query),
  /** The platform's verification queue and one organization's review page. */
  verificationQueue: () => "/admin/verifikasi",
  review: (id: string) => `/admin/pemasok/${enc(id)}`,
  /** The platform's queue of single certificates awaiting review (issue 16), a page at a time. */
  certificateQueue: (query?: { cursor?: string }) => withQuery("/admin/sertifikat", query),
  /** A certificate's uploaded document, opened in the browser (GET /api/files/{id}: its UMKM and platform admins). */
  certificateDocument: (fileId: string) => withQuery(`/api/files/${enc(fileId)}`, { inline: true }),
} as const;

/**
 * The directory's old English paths (until issue 15), redirected permanently (308) by next.config.ts so that
 * bookmarks and shared links keep working; Next.js carries the query string over (/suppliers?q=x → /pemasok?q=x).
 */
export const legacySupplierRedirects = [
  { source: "/suppliers", destination: "/pemasok", permanent: true },
  { source: "/suppliers/:id", destination: "/pemasok/:id", permanent: true },
] as const;
