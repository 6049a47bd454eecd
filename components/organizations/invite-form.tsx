"use client";
// Invite a colleague by e-mail with a role (owners and admins). Errors come from the action, translated.
import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Input, Select, SubmitButton } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import type { MemberRole } from "@/lib/auth/types";
import { inviteMemberAction } from "@/lib/organizations/actions";

type Result = ActionResult<{ email: string; role: MemberRole }>;

export function InviteForm({ roles }: { roles: MemberRole[] }) {
  const t = useTranslations("members.invite");
  const tr = useTranslations("roles");
  const [state, formAction] = useActionState<Result | null, FormData>(inviteMemberAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state?.ok && <Alert tone="success">{t("sent", { email: state.data.email })}</Alert>}
      {error && !error.fields?.email && !error.fields?.role && <Alert tone="danger">{error.message}</Alert>}
      <Input label={t("email")} name="email" type="email" required autoComplete="off" inputMode="email" error={error?.fields?.email} />
      <Select
        label={t("role")}
        name="role"
        defaultValue="member"
        description={t("roleHelp")}
        options={roles.map((r) => ({ value: r, label: tr(r) }))}
        error={error?.fields?.role}
      />
      <SubmitButton className="self-start" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
