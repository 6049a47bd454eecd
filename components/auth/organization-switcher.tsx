// Lets a user with several memberships choose the organization they act for. The switchOrganization action
// checks the membership in lib/ and sets the rantai_org cookie (which re-renders the page on the server).
// The field is rendered here, on the server; only the form's behaviour is client code
// (organization-switcher-form.tsx), so the field components stay out of every page's JavaScript (issue 14:
// the switcher is part of the shell).
import { getTranslations } from "next-intl/server";
import { Select, SubmitButton } from "@/components/ui";
import { OrganizationSwitcherForm } from "./organization-switcher-form";

export interface SwitcherOption {
  organizationId: string;
  /** "Batik Sekar Jagad — UMKM · Pemilik" (already translated) */
  label: string;
}

export async function OrganizationSwitcher({ options, activeId }: { options: SwitcherOption[]; activeId: string }) {
  if (options.length < 2) return null;
  const t = await getTranslations("auth.orgSwitcher");
  return (
    <OrganizationSwitcherForm>
      <Select label={t("label")} name="organizationId" defaultValue={activeId} key={activeId}>
        {options.map((o) => (
          <option key={o.organizationId} value={o.organizationId}>
            {o.label}
          </option>
        ))}
      </Select>
      <SubmitButton variant="outline" size="sm">
        {t("switch")}
      </SubmitButton>
    </OrganizationSwitcherForm>
  );
}
