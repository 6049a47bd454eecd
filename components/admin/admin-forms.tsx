"use client";
// The platform administration's forms (issue 16 item 4): create an organization with its first owner invited,
// suspend or reinstate an organization or a user (with a reason), force a password reset. Each posts to a
// lib/admin server action; errors come back translated, on their fields where they have one.
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Input, Select, SubmitButton, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import {
  createOrganizationAction,
  forcePasswordResetAction,
  reinstateOrganizationAction,
  reinstateUserAction,
  suspendOrganizationAction,
  suspendUserAction,
} from "@/lib/admin/actions";
import { CREATABLE_ORG_TYPES } from "@/lib/admin/org-types";

type Created = ActionResult<{ id: string; ownerEmail: string; redirectTo: string }>;
type Done = ActionResult<{ id: string }>;

export function CreateOrganizationForm() {
  const t = useTranslations("admin.organizations.new");
  const to = useTranslations("orgTypes");
  const router = useRouter();
  const [state, formAction] = useActionState<Created | null, FormData>(async (prev, form) => {
    const r = await createOrganizationAction(prev, form);
    if (r.ok) router.push(r.data.redirectTo);
    return r;
  }, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      {state?.ok && <Alert tone="success">{t("done", { email: state.data.ownerEmail })}</Alert>}
      {error && !error.fields && <Alert tone="danger">{error.message}</Alert>}
      <Select
        label={t("type")}
        name="type"
        defaultValue="bank"
        options={CREATABLE_ORG_TYPES.map((v) => ({ value: v, label: to(v) }))}
        error={error?.fields?.type}
      />
      <Input label={t("name")} name="name" required autoComplete="organization" error={error?.fields?.name} />
      <Input
        label={t("email")}
        name="email"
        type="email"
        optional
        inputMode="email"
        description={t("emailHint")}
        error={error?.fields?.email}
      />
      <Input
        label={t("ownerEmail")}
        name="ownerEmail"
        type="email"
        required
        inputMode="email"
        autoComplete="off"
        description={t("ownerEmailHint")}
        error={error?.fields?.ownerEmail}
      />
      <SubmitButton className="self-start" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}

const ACTIONS = {
  suspendOrganization: suspendOrganizationAction,
  reinstateOrganization: reinstateOrganizationAction,
  suspendUser: suspendUserAction,
  reinstateUser: reinstateUserAction,
  forcePasswordReset: forcePasswordResetAction,
} as const;

/** Suspend (with a reason) or reinstate an organization or a user, depending on whether it is suspended now. */
export function SuspensionForm({ kind, id, suspended }: { kind: "organization" | "user"; id: string; suspended: boolean }) {
  const t = useTranslations("admin.suspend");
  const action =
    ACTIONS[
      suspended
        ? kind === "organization"
          ? "reinstateOrganization"
          : "reinstateUser"
        : kind === "organization"
          ? "suspendOrganization"
          : "suspendUser"
    ];
  const [state, formAction] = useActionState<Done | null, FormData>(action, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={id} />
      {state?.ok && <Alert tone="success">{t("done")}</Alert>}
      {error && !error.fields?.reason && <Alert tone="danger">{error.message}</Alert>}
      {suspended ? (
        <>
          <p className="text-sm text-slate-600">{t("reinstateHint")}</p>
          <SubmitButton className="self-start" variant="secondary" pendingLabel={t("reinstatePending")}>
            {t("reinstate")}
          </SubmitButton>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600">{kind === "organization" ? t("orgHint") : t("userHint")}</p>
          <Textarea label={t("reason")} name="reason" required rows={3} description={t("reasonHint")} error={error?.fields?.reason} />
          <SubmitButton className="self-start" variant="danger" pendingLabel={t("pending")}>
            {t("submit")}
          </SubmitButton>
        </>
      )}
    </form>
  );
}

export function ForcePasswordResetForm({ id }: { id: string }) {
  const t = useTranslations("admin.users");
  const [state, formAction] = useActionState<Done | null, FormData>(ACTIONS.forcePasswordReset, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-600">{t("forceResetHint")}</p>
      {state?.ok && <Alert tone="success">{t("forceResetDone")}</Alert>}
      {error && <Alert tone="danger">{error.message}</Alert>}
      <SubmitButton className="self-start" variant="outline" pendingLabel={t("forceResetPending")}>
        {t("forceReset")}
      </SubmitButton>
    </form>
  );
}
