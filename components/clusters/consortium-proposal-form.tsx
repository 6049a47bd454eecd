"use client";
// The cluster manager's consortium proposal form (/klaster/[id]/konsorsium): pick 2–5 qualified members of the
// cluster and optionally the lead; the server action validates and authorizes (lib/clusters/consortium.ts) and
// its localized error is shown in place. Plain props only (no zod in the client bundle).
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, Select } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { proposeClusterConsortiumAction } from "@/lib/clusters/consortium-actions";

export function ConsortiumProposalForm({
  clusterId,
  rfqId,
  members,
  labels,
}: {
  clusterId: string;
  rfqId: string;
  members: { id: string; label: string; regency: string | null }[];
  labels: { members: string; membersHint: string; lead: string; leadAuto: string; submit: string; done: string };
}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<ActionResult<{ id: string; name: string }> | null, FormData>(async (prev, form) => {
    const r = await proposeClusterConsortiumAction(prev, form);
    if (r.ok) router.refresh();
    return r;
  }, null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <form action={dispatch} className="flex flex-col gap-4">
      <input type="hidden" name="clusterId" value={clusterId} />
      <input type="hidden" name="rfqId" value={rfqId} />
      {state?.ok && <Alert tone="success">{`${labels.done} ${state.data.name}`}</Alert>}
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold text-ink">{labels.members}</legend>
        <p className="text-sm text-muted">{labels.membersHint}</p>
        {members.map((m) => (
          <label key={m.id} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="memberIds" value={m.id} className="mt-1 size-4 accent-brand-700" />
            <span>
              {m.label}
              {m.regency && <span className="block text-xs text-muted">{m.regency}</span>}
            </span>
          </label>
        ))}
        {fields.memberIds && <p className="text-sm text-red-700">{fields.memberIds.join(" ")}</p>}
      </fieldset>
      <Select
        name="leadId"
        label={labels.lead}
        optional
        placeholder={labels.leadAuto}
        error={fields.leadId}
        options={members.map((m) => ({ value: m.id, label: m.label }))}
      />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending || undefined}>
          {labels.submit}
        </Button>
      </div>
    </form>
  );
}
