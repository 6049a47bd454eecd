"use client";
// One button that runs one cluster server action with fixed fields (ask to join, accept, decline, leave,
// remove, …). The action checks everything again in lib/clusters; a refusal shows its localized message. After
// success it shows `doneLabel` (the page is revalidated by the action, so the next render shows the new state).
import { useActionState } from "react";
import { Alert, SubmitButton, type ButtonVariant } from "@/components/ui";

type Result = { ok: true; data: unknown } | { ok: false; error: { message: string } };

export interface ClusterActionButtonProps {
  action: (previous: Result | null, form: FormData) => Promise<Result>;
  fields: Record<string, string>;
  label: string;
  /** Accessible name when the label alone is ambiguous in a list ("Terima: UD Maju"). */
  ariaLabel?: string;
  pendingLabel?: string;
  doneLabel: string;
  variant?: ButtonVariant;
}

export function ClusterActionButton({ action, fields, label, ariaLabel, pendingLabel, doneLabel, variant }: ClusterActionButtonProps) {
  const [state, dispatch] = useActionState<Result | null, FormData>(action, null);
  if (state?.ok)
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {doneLabel}
      </p>
    );
  return (
    <form action={dispatch} className="flex flex-col gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton size="sm" variant={variant} pendingLabel={pendingLabel} aria-label={ariaLabel}>
        {label}
      </SubmitButton>
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
    </form>
  );
}
