"use client";
// Approve one certificate awaiting review, or return it with a reason (required, checked in lib/ as well). The
// action is platformAction-wrapped and lib/suppliers/certificate-review.ts checks again: anyone else is refused
// whatever this UI shows.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, SubmitButton, Textarea } from "@/components/ui";
import { reviewCertificateAction } from "@/lib/suppliers/actions";

type State = Awaited<ReturnType<typeof reviewCertificateAction>> | null;

export function CertificateReviewActions({
  certificationId,
  updatedAt,
  label,
}: {
  certificationId: string;
  /** The version the admin sees (ISO 8601): an edit since then → 409 instead of approving something unseen. */
  updatedAt: string;
  label: string;
}) {
  const t = useTranslations("suppliers.certificateReview");
  const tc = useTranslations("common");
  const id = useId();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState(""); // controlled: React resets uncontrolled fields after each submission
  const [state, dispatch] = useActionState<State, FormData>(reviewCertificateAction, null);
  const reasonError = state && !state.ok ? state.error.fields?.reason : undefined;
  const otherError = state && !state.ok && !reasonError ? state.error.message : null;

  if (state?.ok) {
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {state.data.status === "verified" ? t("approved") : t("returned")}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      {!returning ? (
        <div className="flex flex-wrap gap-2">
          <form action={dispatch}>
            <input type="hidden" name="certificationId" value={certificationId} />
            <input type="hidden" name="updatedAt" value={updatedAt} />
            <input type="hidden" name="decision" value="approved" />
            <SubmitButton size="sm" variant="secondary" aria-label={t("approveNamed", { name: label })}>
              {t("approve")}
            </SubmitButton>
          </form>
          <Button size="sm" variant="outline" onClick={() => setReturning(true)} aria-label={`${t("return")}: ${label}`}>
            {t("return")}
          </Button>
        </div>
      ) : (
        <form action={dispatch} noValidate className="flex flex-col gap-2" aria-label={`${t("return")}: ${label}`}>
          <input type="hidden" name="certificationId" value={certificationId} />
          <input type="hidden" name="updatedAt" value={updatedAt} />
          <input type="hidden" name="decision" value="returned" />
          <Textarea
            id={`${id}-reason`}
            label={t("reason")}
            description={t("reasonHint")}
            name="reason"
            rows={3}
            required
            maxLength={1000}
            error={reasonError}
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
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
