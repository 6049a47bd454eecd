"use client";
// Verify an organization, or return it with a note (required, checked in lib/ as well). The action is
// platformAction-wrapped: anyone else gets "forbidden" whatever this UI shows.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, SubmitButton, Textarea } from "@/components/ui";
import { decideVerification } from "@/lib/auth/actions";

type State = Awaited<ReturnType<typeof decideVerification>> | null;

export function VerificationActions({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const t = useTranslations("verification");
  const tc = useTranslations("common");
  const id = useId();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState(""); // controlled: React resets uncontrolled fields after each submission
  const [state, dispatch] = useActionState<State, FormData>(decideVerification, null);
  const noteError = state && !state.ok ? state.error.fields?.note : undefined;
  const otherError = state && !state.ok && !noteError ? state.error.message : null;

  if (state?.ok) {
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {state.data.decision === "verified" ? t("doneVerified") : t("doneReturned")}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      {!returning ? (
        <div className="flex flex-wrap gap-2 md:justify-end">
          <form action={dispatch}>
            <input type="hidden" name="organizationId" value={organizationId} />
            <input type="hidden" name="decision" value="verified" />
            <SubmitButton size="sm" variant="secondary" aria-label={t("approveNamed", { name: organizationName })}>
              {t("approve")}
            </SubmitButton>
          </form>
          <Button size="sm" variant="outline" onClick={() => setReturning(true)} aria-label={t("returnNamed", { name: organizationName })}>
            {t("return")}
          </Button>
        </div>
      ) : (
        <form action={dispatch} noValidate className="flex flex-col gap-2" aria-label={t("returnNamed", { name: organizationName })}>
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="decision" value="returned" />
          <Textarea
            id={`${id}-note`}
            label={t("note")}
            description={t("noteHint")}
            name="note"
            rows={3}
            required
            maxLength={1000}
            error={noteError}
            autoFocus
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton size="sm" variant="danger">
              {t("return")}
            </SubmitButton>
            <Button size="sm" variant="ghost" onClick={() => setReturning(false)}>
              {tc("cancel")}
            </Button>
          </div>
        </form>
      )}
      {otherError && <Alert tone="danger">{otherError}</Alert>}
    </div>
  );
}
