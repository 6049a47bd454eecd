// URLs of the pages every organization shares: the landing page and the dashboard. Build links through
// these, never by hand (ARCHITECTURE.md maps every URL to its route folder and domain).
export const organizationRoutes = {
  home: () => "/",
  /** The signed-in home; `section` is an anchor on it (e.g. "permintaan-koperasi"). */
  /** The platform administration area. */
  admin: () => "/admin",
  dashboard: (section?: string) => (section ? `/dasbor#${section}` : "/dasbor"),
  /** The organization's own profile form (buyers, cooperatives, banks, ministry offices; issue 16). */
  profile: () => "/organisasi/profil",
} as const;
