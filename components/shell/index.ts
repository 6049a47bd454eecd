export { AppShell, type AppShellProps } from "./app-shell";
export { LanguageSwitcher, type LanguageSwitcherProps } from "./language-switcher";
export { navFor, isActivePath, NAV_ROUTES, NAV_BY_ORG_TYPE, PUBLIC_NAV, LIVE_ROUTES, type NavItem, type NavKey } from "./nav";
