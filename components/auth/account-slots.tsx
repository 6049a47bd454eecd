// What the app shell's user menu shows for the signed-in user: the organization switcher (only with two or
// more memberships) and the sign-out button. Usage in a layout:
//   <AppShell user={actor?.user ?? null} activeMembership={actor?.membership ?? null} {...await accountSlots(actor)}>
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/types";
import { OrganizationSwitcher } from "./organization-switcher";
import { SignOutButton } from "./sign-out-button";

export async function switcherOptions(actor: Actor) {
  const t = await getTranslations();
  return actor.user.memberships.map((m) => ({
    organizationId: m.organizationId,
    label: `${m.organizationName} — ${t(`orgTypes.${m.organizationType}`)} · ${t(`roles.${m.role}`)}`,
  }));
}

export async function accountSlots(actor: Actor | null) {
  if (!actor) return {};
  const options = await switcherOptions(actor);
  return {
    orgSwitcher:
      options.length > 1 && actor.membership ? (
        <OrganizationSwitcher options={options} activeId={actor.membership.organizationId} />
      ) : undefined,
    signOut: <SignOutButton />,
  };
}
