"use client";
// Approve an organization's proposed identity change, or return it with a note (required; checked in lib/
// as well). platformAction-wrapped: anyone else gets "forbidden" whatever this UI shows.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, SubmitButton, Textarea } from "@/components/ui";
import { decideOrganizationProfileChange } from "@/lib/organizations/profile-actions";

type State = Awaited<ReturnType<typeof decideOrganizationProfileChange>> | null;

export function ProfileReviewActions({
  organizationId,
  identityChangeAt,
  organizationName,
}: {
  organizationId: string;
  /** The proposal's time the admin sees (ISO 8601): a newer proposal → 409 instead of deciding on unseen values. */
  identityChangeAt: string;
  organizationName: string;
}) {
  const t = useTranslations("organizations.review");
  const tc = useTranslations("common");
  const id = useId();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState(""); // controlled: React resets uncontrolled fields after each submission
  const [state, dispatch] = useActionState<State, FormData>(decideOrganizationProfileChange, null);
  const noteError = state && !state.ok ? state.error.fields?.note : undefined;
  const otherError = state && !state.ok && !noteError ? state.error.message : null;

  if (state?.ok) {
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {state.data.decision === "approved" ? t("approved") : t("returned")}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {!returning ? (
        <div className="flex flex-wrap gap-2">
          <form action={dispatch}>
            <input type="hidden" name="organizationId" value={organizationId} />
            <input type="hidden" name="identityChangeAt" value={identityChangeAt} />
            <input type="hidden" name="decision" value="approved" />
            <SubmitButton variant="secondary" aria-label={`${t("approve")}: ${organizationName}`}>
              {t("approve")}
            </SubmitButton>
          </form>
          <Button variant="outline" onClick={() => setReturning(true)} aria-label={`${t("return")}: ${organizationName}`}>
            {t("return")}
          </Button>
        </div>
      ) : (
        <form action={dispatch} noValidate className="flex flex-col gap-2" aria-label={`${t("return")}: ${organizationName}`}>
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="identityChangeAt" value={identityChangeAt} />
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
            <SubmitButton variant="danger">{t("return")}</SubmitButton>
            <Button variant="ghost" onClick={() => setReturning(false)}>
              {tc("cancel")}
            </Button>
          </div>
        </form>
      )}
      {otherError && <Alert tone="danger">{otherError}</Alert>}
    </div>
  );
}
