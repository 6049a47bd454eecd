// URLs of the pages every organization shares: the landing page, the dashboard, the team and invitations.
// Build links through these, never by hand (ARCHITECTURE.md maps every URL to its route folder and domain).
import { withQuery } from "@/lib/app-url";

export const organizationRoutes = {
  home: () => "/",
  /** The signed-in home; `section` is an anchor on it (e.g. "permintaan-koperasi"). */
  /** The platform administration area. */
  admin: () => "/admin",
  dashboard: (section?: string) => (section ? `/dasbor#${section}` : "/dasbor"),
  /** The active organization's team: members, roles, invitations (issue 16). */
  team: () => "/organisasi/anggota",
  /**
   * The invitation page. The token goes in the URL fragment, which browsers never send to a server (ADR 0019):
   * the page reads it and POSTs it.
   */
  acceptInvitation: (token?: string) => (token ? `/undangan#token=${encodeURIComponent(token)}` : "/undangan"),
  /** The organization's own profile form (buyers, cooperatives, banks, ministry offices; issue 16). */
  profile: () => "/organisasi/profil",
  /** Platform administration (issue 16 item 4): organizations (search, filters, page), one, a new one. */
  adminOrganizations: (params?: { q?: string; type?: string; status?: string; page?: number }) =>
    withQuery("/admin/organisasi", params && { ...params, page: params.page && params.page > 1 ? params.page : undefined }),
  adminOrganization: (id: string) => `/admin/organisasi/${encodeURIComponent(id)}`,
  adminNewOrganization: () => "/admin/organisasi/baru",
  /** Platform administration: users (search, page) and one user. */
  adminUsers: (params?: { q?: string; page?: number }) =>
    withQuery("/admin/pengguna", params && { ...params, page: params.page && params.page > 1 ? params.page : undefined }),
  adminUser: (id: string) => `/admin/pengguna/${encodeURIComponent(id)}`,
} as const;
