// The application frame: skip link, header (logo, navigation for the active organization type, language,
// account), main content and footer. Server component; the interactive parts (mobile menu, user menu,
// current-page highlighting) are small client components.
//
// Slots: `orgSwitcher` and `signOut` are rendered inside the user menu (desktop) and the mobile menu, so
// the auth code decides how switching organization and signing out work.
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { SessionMembership, SessionUser } from "@/lib/auth/types";
import { Logo } from "@/components/brand/logo";
import { ButtonLink } from "@/components/ui/button";
import { OrgTypeBadge, VerificationBadge } from "@/components/ui/badge";
import { LanguageSwitcher } from "./language-switcher";
import { MobileMenu } from "./mobile-menu";
import { NavLinks, type NavLinkItem } from "./nav-links";
import { navFor, NAV_ROUTES, LIVE_ROUTES } from "./nav";
import { UserMenu } from "./user-menu";
import { Footer } from "./footer";
import { NotificationBell } from "@/components/notifications/bell";
import { authRoutes } from "@/lib/auth/routes";
import { organizationRoutes } from "@/lib/organizations/routes";

export interface AppShellProps {
  user: SessionUser | null;
  activeMembership: SessionMembership | null;
  /** Organization switcher (shown when the user has more than one membership, at the caller's choice). */
  orgSwitcher?: ReactNode;
  /** Sign-out control, e.g. a form posting to a sign-out action. */
  signOut?: ReactNode;
  children: ReactNode;
}

async function AccountSummary({ user, membership }: { user: SessionUser; membership: SessionMembership | null }) {
  const t = await getTranslations();
  return (
    <div className="flex flex-col gap-3">
      <div>
        <p className="text-xs font-medium text-muted">{t("common.signedInAs")}</p>
        <p className="font-semibold break-words text-ink">{user.name}</p>
        <p className="text-sm break-all text-muted">{user.email}</p>
      </div>
      {membership && (
        <div className="rounded-lg bg-paper px-3 py-2">
          <p className="text-xs font-medium text-muted">{t("common.activeOrganization")}</p>
          <p className="font-semibold break-words text-ink">{membership.organizationName}</p>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            <OrgTypeBadge type={membership.organizationType} />
            <VerificationBadge status={membership.verificationStatus} />
            <span className="text-xs leading-5 text-muted">{t(`roles.${membership.role}`)}</span>
          </div>
        </div>
      )}
    </div>
  );
}

export async function AppShell({ user, activeMembership, orgSwitcher, signOut, children }: AppShellProps) {
  const t = await getTranslations();
  let items = navFor(activeMembership);
  // Signed in without an organization: the dashboard explains what to do next.
  if (user && !activeMembership && LIVE_ROUTES.has(NAV_ROUTES.dashboard)) {
    items = [{ key: "dashboard", href: NAV_ROUTES.dashboard }, ...items];
  }
  const links: NavLinkItem[] = items.map((i) => ({ href: i.href, label: t(`nav.${i.key}`) }));

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-[60] rounded-lg bg-brand-900 font-semibold text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-3"
      >
        {t("common.skipToContent")}
      </a>

      <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur supports-[backdrop-filter]:bg-surface/85">
        <div className="relative">
          <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:px-6 lg:px-8">
            <Link href={organizationRoutes.home()} className="-ml-1 rounded-lg px-1 py-1">
              <Logo />
            </Link>

            {links.length > 0 && (
              <nav aria-label={t("common.mainNavigation")} className="ml-4 hidden lg:block">
                <NavLinks items={links} />
              </nav>
            )}

            <div className="ml-auto flex items-center gap-1 sm:gap-2">
              <div className="hidden lg:block">
                <LanguageSwitcher variant="compact" />
              </div>
              {user && <NotificationBell />}
              {user ? (
                <div className="hidden lg:block">
                  <UserMenu label={t("common.userMenu")} name={user.name} organizationName={activeMembership?.organizationName}>
                    <AccountSummary user={user} membership={activeMembership} />
                    {orgSwitcher}
                    {signOut && <div className="border-t border-line pt-3">{signOut}</div>}
                  </UserMenu>
                </div>
              ) : (
                <>
                  <ButtonLink href={authRoutes.signIn()} variant="ghost" size="sm" className="min-h-11 whitespace-nowrap">
                    {t("common.signIn")}
                  </ButtonLink>
                  {/* wrapper carries the responsive display: ButtonLink's own classes set inline-flex */}
                  <span className="hidden sm:block">
                    <ButtonLink href={authRoutes.signUp()} size="sm" className="min-h-11 whitespace-nowrap">
                      {t("common.signUp")}
                    </ButtonLink>
                  </span>
                </>
              )}

              <MobileMenu openLabel={t("common.openMenu")} closeLabel={t("common.closeMenu")} className="lg:hidden">
                {links.length > 0 && (
                  <nav aria-label={t("common.mainNavigation")}>
                    <NavLinks items={links} orientation="vertical" />
                  </nav>
                )}
                {user ? (
                  <div className="flex flex-col gap-4 border-t border-line pt-4">
                    <AccountSummary user={user} membership={activeMembership} />
                    {orgSwitcher}
                    {signOut}
                  </div>
                ) : (
                  <div className="flex flex-col gap-2 border-t border-line pt-4 min-[420px]:flex-row">
                    <ButtonLink href={authRoutes.signUp()} fullWidth>
                      {t("common.signUp")}
                    </ButtonLink>
                    <ButtonLink href={authRoutes.signIn()} variant="outline" fullWidth>
                      {t("common.signIn")}
                    </ButtonLink>
                  </div>
                )}
                <div className="border-t border-line pt-4">
                  <LanguageSwitcher />
                </div>
              </MobileMenu>
            </div>
          </div>
        </div>
        <div className="batik-band" aria-hidden="true" />
      </header>

      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>

      <Footer />
    </div>
  );
}
