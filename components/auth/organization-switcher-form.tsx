"use client";
// The organization switcher's form (organization-switcher.tsx renders its field): posts to the
// switchOrganization action and, after a switch, continues on the dashboard (pages belong to one
// organization type); a refusal is shown under the field.
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { switchOrganization } from "@/lib/auth/actions";
import { organizationRoutes } from "@/lib/organizations/routes";

type State = Awaited<ReturnType<typeof switchOrganization>> | null;

export function OrganizationSwitcherForm({ children }: { children: ReactNode }) {
  const [state, dispatch] = useActionState<State, FormData>(switchOrganization, null);
  const router = useRouter();
  const pathname = usePathname();
  const handled = useRef<State>(null);
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    if (pathname !== organizationRoutes.dashboard()) router.push(organizationRoutes.dashboard());
  }, [state, pathname, router]);
  return (
    <form action={dispatch} className="flex flex-col gap-2">
      {children}
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
    </form>
  );
}
