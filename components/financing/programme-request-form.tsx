"use client";
// The referred UMKM's or cooperative's request under a programme (issue 13), prefilled: its qualifying agreements
// to choose from (the first with room selected), the programme's bank fixed, the amount set to what is still
// available on the chosen agreement — the programme maximum less what it already asked or was granted, and
// within the agreement's open-financing cap. Choosing another agreement refills the amount; the user may lower
// it. lib/financing/programmes.ts checks every cap again when it is sent.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Input, Select } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";

interface RequestAgreementOption {
  id: string;
  label: string;
  /** What may still be asked on it under the programme, in whole Rupiah (a string: no BigInt across the wire). */
  availableIdr: string;
  availableLabel: string;
  disabled: boolean;
}

type Result = ActionResult<{ id: string }> | null;

export function ProgrammeRequestForm({
  programmeId,
  bankName,
  agreements,
  types,
  action,
}: {
  programmeId: string;
  bankName: string;
  agreements: RequestAgreementOption[];
  types: { value: string; label: string }[];
  action: (state: Result, form: FormData) => Promise<Result>;
}) {
  const t = useTranslations("financingProgrammes.request");
  const tc = useTranslations("common");
  const router = useRouter();
  const first = agreements.find((a) => !a.disabled) ?? agreements[0];
  const [agreementId, setAgreementId] = useState(first?.id ?? "");
  const chosen = agreements.find((a) => a.id === agreementId);
  const [amount, setAmount] = useState(first && !first.disabled ? first.availableIdr : "");
  const [state, dispatch, pending] = useActionState<Result, FormData>(action, null);
  const errorRef = useRef<HTMLDivElement>(null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) router.refresh();
    else errorRef.current?.focus();
  }, [state, router]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="flex flex-col gap-4">
      {state && !state.ok && (
        <div ref={errorRef} tabIndex={-1}>
          <Alert tone="danger">{state.error.message}</Alert>
        </div>
      )}
      {state?.ok && (
        <div role="status">
          <Alert tone="success">{t("done")}</Alert>
        </div>
      )}
      <input type="hidden" name="programmeId" value={programmeId} />
      <Select
        name="agreementId"
        label={t("agreement")}
        value={agreementId}
        onChange={(e) => {
          const next = agreements.find((a) => a.id === e.target.value);
          setAgreementId(e.target.value);
          setAmount(next && !next.disabled ? next.availableIdr : "");
        }}
        options={agreements.map((a) => ({ value: a.id, label: a.label, disabled: a.disabled }))}
        description={chosen ? chosen.availableLabel : undefined}
        error={fields.agreementId}
      />
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium text-ink">{t("bank")}</span>
        <span className="font-semibold text-ink">{bankName}</span>
      </div>
      <Select name="type" label={t("type")} options={types} defaultValue={types[0]?.value} error={fields.type} />
      <Input
        name="amountIdr"
        label={t("amount")}
        inputMode="numeric"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        description={t("amountHint")}
        error={fields.amountIdr}
      />
      <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">{t("preConfirmed")}</p>
      <div>
        <Button type="submit" disabled={pending || !chosen || chosen.disabled} aria-disabled={pending || undefined}>
          {pending ? tc("saving") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
