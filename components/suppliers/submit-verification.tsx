"use client";
// "Kirim untuk verifikasi": the server checks again that NIB, NPWP, regency and a KBLI code are there.
import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, SubmitButton } from "@/components/ui";
import { submitForVerificationAction } from "@/lib/suppliers/actions";

type State = Awaited<ReturnType<typeof submitForVerificationAction>> | null;

export function SubmitVerificationForm({ disabled }: { disabled: boolean }) {
  const t = useTranslations("suppliers.verification");
  const [state, dispatch] = useActionState<State, FormData>(submitForVerificationAction, null);
  if (state?.ok) return <Alert tone="success">{t("submitted")}</Alert>;
  return (
    <form action={dispatch} className="flex flex-col gap-3">
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
      <div>
        <SubmitButton size="lg" disabled={disabled}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
