"use client";
// Lets a user with several memberships choose the organization they act for. The switchOrganization action
// checks the membership in lib/ and sets the rantai_org cookie (which re-renders the page on the server).
import { useActionState, useEffect, useId, useRef } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert, Select, SubmitButton } from "@/components/ui";
import { switchOrganization } from "@/lib/auth/actions";
import { organizationRoutes } from "@/lib/organizations/routes";

export interface SwitcherOption {
  organizationId: string;
  /** "Batik Sekar Jagad — UMKM · Pemilik" (already translated) */
  label: string;
}

type State = Awaited<ReturnType<typeof switchOrganization>> | null;

export function OrganizationSwitcher({ options, activeId }: { options: SwitcherOption[]; activeId: string }) {
  const t = useTranslations("auth.orgSwitcher");
  const id = useId();
  const [state, dispatch] = useActionState<State, FormData>(switchOrganization, null);
  const router = useRouter();
  const pathname = usePathname();
  // Pages belong to one organization type: after switching, continue on the dashboard.
  const handled = useRef<State>(null);
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    if (pathname !== organizationRoutes.dashboard()) router.push(organizationRoutes.dashboard());
  }, [state, pathname, router]);
  if (options.length < 2) return null;
  return (
    <form action={dispatch} className="flex flex-col gap-2">
      <Select id={`${id}-org`} label={t("label")} name="organizationId" defaultValue={activeId} key={activeId}>
        {options.map((o) => (
          <option key={o.organizationId} value={o.organizationId}>
            {o.label}
          </option>
        ))}
      </Select>
      <SubmitButton variant="outline" size="sm">
        {t("switch")}
      </SubmitButton>
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
    </form>
  );
}
