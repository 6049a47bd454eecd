"use client";
// A returned buyer or cooperative asks for review again, saying what it changed. The action checks the role
// and the state in lib/ (organizations/service.ts resubmitForVerification); this is only the form.
import { useActionState, useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, SubmitButton, Textarea } from "@/components/ui";
import { resubmitVerification } from "@/lib/auth/actions";

type State = Awaited<ReturnType<typeof resubmitVerification>> | null;

export function ResubmitVerification() {
  const t = useTranslations("dashboard.organization");
  const id = useId();
  const [state, dispatch] = useActionState<State, FormData>(resubmitVerification, null);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {t("resubmitted")}
      </p>
    );
  }
  const fieldError = state && !state.ok ? state.error.fields?.message : undefined;
  const otherError = state && !state.ok && !fieldError ? state.error.message : null;
  return (
    <form action={dispatch} noValidate className="flex flex-col gap-2" aria-label={t("resubmitTitle")}>
      <h3 className="font-semibold text-ink">{t("resubmitTitle")}</h3>
      <Textarea
        id={`${id}-message`}
        name="message"
        label={t("resubmitMessage")}
        description={t("resubmitHint")}
        rows={3}
        required
        maxLength={1000}
        error={fieldError}
      />
      <div>
        <SubmitButton size="sm">{t("resubmit")}</SubmitButton>
      </div>
      {otherError && <Alert tone="danger">{otherError}</Alert>}
    </form>
  );
}
