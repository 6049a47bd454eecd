"use client";
// Add a certificate with its document. The file goes to the saveCertificateAction server action as
// multipart form data; the server checks its size and its CONTENT (PDF/JPEG/PNG magic bytes), whatever the
// file's name. Type-specific fields (name for "other", percentage for TKDN) appear for their type; before
// JavaScript runs (or without it) all fields are shown.
import { useActionState, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { ACTION_BODY_LIMIT_LABEL, actionBodyTooLarge, withActionBodyLimit } from "@/lib/files/limits";
import { Alert, Input, Select, SubmitButton } from "@/components/ui";
import { deleteCertificateAction, saveCertificateAction, saveProfileStep } from "@/lib/suppliers/actions";
import { CERTIFICATION_TYPES } from "@/lib/enums";
import { submitWithoutReset } from "./submit-without-reset";
import { UPLOAD_ACCEPT_ATTRIBUTE } from "./upload-accept";

type SaveState = Awaited<ReturnType<typeof saveCertificateAction>> | null;

const EMPTY = { type: "", name: "", number: "", issuer: "", validFrom: "", validUntil: "", percent: "" };

/** The form's values as text (dates YYYY-MM-DD), e.g. of an existing certificate. */
export type CertificateFormValues = typeof EMPTY;

/**
 * Adds a certificate, or — with `certificationId` and `initial` — changes an existing one with the same
 * fields and the same server-side validation (a changed certificate goes back to "unverified"; leaving the
 * file empty keeps its document).
 */
export function CertificateForm({ certificationId, initial }: { certificationId?: string; initial?: CertificateFormValues } = {}) {
  const t = useTranslations("suppliers.certificates");
  const tCert = useTranslations("certifications");
  const tUploads = useTranslations("uploads");
  const editing = Boolean(certificationId);
  const [state, dispatch] = useActionState<SaveState, FormData>(
    // A document over the server action body limit would never reach the action: say so here (issue 11).
    withActionBodyLimit(saveCertificateAction, () =>
      actionBodyTooLarge(tUploads("sendTooLarge", { limit: ACTION_BODY_LIMIT_LABEL }), "document"),
    ),
    null,
  );
  const [values, setValues] = useState(initial ?? EMPTY);
  const [formKey, setFormKey] = useState(0);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const bind = (name: keyof typeof EMPTY) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: fields[name],
  });

  // After a certificate is added, empty the form for the next one: adjust state while rendering when the
  // action's result changes (React's pattern for state derived from a changed value), not in an effect.
  const [handled, setHandled] = useState<SaveState>(null);
  if (state !== handled) {
    setHandled(state);
    if (state?.ok && !editing) {
      setValues(EMPTY);
      setFormKey((k) => k + 1);
    }
  }

  const showAll = values.type === "";
  return (
    <form key={formKey} action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="flex flex-col gap-4" noValidate>
      {editing && <input type="hidden" name="certificationId" value={certificationId} />}
      {state?.ok && <Alert tone="success">{editing ? t("updated") : t("added")}</Alert>}
      {state && !state.ok && <Alert tone="danger" title={state.error.message} />}
      <Select
        label={t("type")}
        placeholder="—"
        required
        options={CERTIFICATION_TYPES.map((c) => ({ value: c, label: tCert(c) }))}
        {...bind("type")}
      />
      {(showAll || values.type === "other") && <Input label={t("name")} description={t("nameHint")} maxLength={120} {...bind("name")} />}
      <Input label={t("number")} required maxLength={100} autoComplete="off" {...bind("number")} />
      <Input label={t("issuer")} description={t("issuerHint")} optional maxLength={160} {...bind("issuer")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={t("validFrom")} type="date" optional {...bind("validFrom")} />
        <Input
          label={t("validUntil")}
          type="date"
          description={showAll || values.type === "halal" ? t("validUntilHint") : undefined}
          {...bind("validUntil")}
        />
      </div>
      {(showAll || values.type === "tkdn") && (
        <Input label={t("percent")} description={t("percentHint")} inputMode="decimal" maxLength={6} {...bind("percent")} />
      )}
      <Input
        label={editing ? t("documentReplace") : t("document")}
        description={editing ? t("documentReplaceHint") : t("documentHint")}
        type="file"
        name="document"
        accept={UPLOAD_ACCEPT_ATTRIBUTE}
        optional
        error={fields.document}
      />
      <div>
        <SubmitButton pendingLabel={editing ? t("saveChanges") : t("addSubmit")}>
          {editing ? t("saveChanges") : t("addSubmit")}
        </SubmitButton>
      </div>
    </form>
  );
}

type DeleteState = Awaited<ReturnType<typeof deleteCertificateAction>> | null;

export function DeleteCertificateButton({ certificationId, label }: { certificationId: string; label: string }) {
  const t = useTranslations("suppliers.certificates");
  const [state, dispatch] = useActionState<DeleteState, FormData>(deleteCertificateAction, null);
  return (
    <form
      action={dispatch}
      onSubmit={(e) => {
        // Deleting removes the document too: ask first (without JavaScript the form submits directly).
        if (!window.confirm(t("deleteConfirm", { name: label }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="certificationId" value={certificationId} />
      <SubmitButton size="sm" variant="ghost" aria-label={t("deleteNamed", { name: label })}>
        {t("delete")}
      </SubmitButton>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {state.error.message}
        </p>
      )}
    </form>
  );
}

type StepState = Awaited<ReturnType<typeof saveProfileStep>> | null;

/** Marks a step without fields (certificates) as done and moves on. */
export function ContinueStepForm({ step, label }: { step: "sertifikat"; label: string }) {
  const [state, dispatch] = useActionState<StepState, FormData>(saveProfileStep, null);
  return (
    <form action={dispatch} className="flex flex-col gap-2">
      <input type="hidden" name="step" value={step} />
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
      <SubmitButton size="lg">{label}</SubmitButton>
    </form>
  );
}
