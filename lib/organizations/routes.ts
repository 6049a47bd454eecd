// URLs of the pages every organization shares: the landing page, the dashboard, the team and invitations.
// Build links through these, never by hand (ARCHITECTURE.md maps every URL to its route folder and domain).
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
} as const;
