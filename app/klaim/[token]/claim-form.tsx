"use client";
// The claim form: name and password, field errors beside the fields, the form's error above them. Every
// message comes from the server action's result (translated from message keys), never from the URL.
import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Input, SubmitButton } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { claimInvitationAction } from "@/lib/cooperatives/actions";

export function ClaimForm({ token }: { token: string }) {
  const t = useTranslations("cooperatives.claim");
  const [state, formAction] = useActionState<ActionResult<never> | null, FormData>(claimInvitationAction.bind(null, token), null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="mt-3 flex flex-col gap-4" noValidate>
      {error && !error.fields?.name && !error.fields?.password && <Alert tone="danger">{error.message}</Alert>}
      <Input label={t("name")} name="name" required minLength={2} maxLength={120} autoComplete="name" error={error?.fields?.name} />
      <Input
        label={t("password")}
        name="password"
        type="password"
        required
        minLength={10}
        autoComplete="new-password"
        error={error?.fields?.password}
      />
      <SubmitButton className="self-start" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
