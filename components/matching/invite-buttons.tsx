"use client";
// One-click invitations from the matches page: a matched UMKM, or a proposed consortium. The server action
// checks the buyer's permission and ownership; the result (or its localized error) is announced politely.
import { useActionState, useEffect, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, Select, SubmitButton } from "@/components/ui";
import {
  inviteConsortiumAction,
  inviteFromProfileAction,
  inviteMatchAction,
  inviteMatchesAction,
  inviteProposedConsortiumAction,
} from "@/lib/matching/actions";

interface Labels {
  idle: string;
  done: string;
  invited: string;
  error: string;
}

function useInvite(run: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, labels: Labels) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const click = () =>
    start(async () => {
      const r = await run();
      if (r.ok) {
        setMessage({ ok: true, text: labels.done });
        router.refresh();
      } else setMessage({ ok: false, text: labels.error.replace("{message}", r.error.message) });
    });
  return { pending, message, click };
}

function Feedback({ message }: { message: { ok: boolean; text: string } | null }) {
  return (
    <span role="status" aria-live="polite" className={message?.ok === false ? "text-sm text-red-700" : "text-sm text-emerald-800"}>
      {message?.text ?? ""}
    </span>
  );
}

export function InviteMatchButton({
  rfqId,
  supplierId,
  invited,
  disabled,
  labels,
  supplierName,
}: {
  rfqId: string;
  supplierId: string;
  invited: boolean;
  disabled?: boolean;
  labels: Labels;
  supplierName: string;
}) {
  const { pending, message, click } = useInvite(() => inviteMatchAction({ rfqId, supplierId }), labels);
  if (invited || message?.ok) return <span className="text-sm font-medium text-emerald-800">✓ {labels.invited}</span>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="outline" disabled={pending || disabled} onClick={click} aria-label={`${labels.idle}: ${supplierName}`}>
        {labels.idle}
      </Button>
      <Feedback message={message} />
    </span>
  );
}

export function InviteConsortiumButton({
  rfqId,
  memberIds,
  leadId,
  disabled,
  labels,
}: {
  rfqId: string;
  memberIds: string[];
  leadId: string;
  disabled?: boolean;
  labels: Labels;
}) {
  const { pending, message, click } = useInvite(() => inviteConsortiumAction({ rfqId, memberIds, leadId }), labels);
  if (message?.ok) return <Feedback message={message} />;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button size="sm" disabled={pending || disabled} onClick={click}>
        {labels.idle}
      </Button>
      <Feedback message={message} />
    </span>
  );
}

/** Invites a consortium a cluster manager proposed (issue 12). */
export function InviteProposedConsortiumButton({
  rfqId,
  consortiumId,
  disabled,
  labels,
}: {
  rfqId: string;
  consortiumId: string;
  disabled?: boolean;
  labels: Labels;
}) {
  const { pending, message, click } = useInvite(() => inviteProposedConsortiumAction({ rfqId, consortiumId }), labels);
  if (message?.ok) return <Feedback message={message} />;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button size="sm" disabled={pending || disabled} onClick={click}>
        {labels.idle}
      </Button>
      <Feedback message={message} />
    </span>
  );
}

type BulkState = Awaited<ReturnType<typeof inviteMatchesAction>> | null;

/**
 * Wraps the match lists in one form: every listed UMKM (qualified or almost) has a checkbox named
 * "supplierIds[]" rendered by the server list; one button invites the ticked ones at once. The action checks
 * every id and the RFQ and writes all or nothing; the result is announced and the page refreshed.
 */
export function BulkInviteForm({
  rfqId,
  children,
  labels,
}: {
  rfqId: string;
  children: ReactNode;
  labels: { submit: string; selected: string; done: string; none: string; error: string };
}) {
  const router = useRouter();
  const [selected, setSelected] = useState(0);
  const [state, action] = useActionState<BulkState, FormData>(async (_prev, form) => {
    const r = await inviteMatchesAction(form);
    if (r.ok) setSelected(0); // React resets the form after a successful action
    return r;
  }, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form
      action={action}
      aria-label={labels.submit}
      onChange={(e) => setSelected(e.currentTarget.querySelectorAll('input[name="supplierIds[]"]:checked').length)}
      className="flex flex-col gap-6"
    >
      <input type="hidden" name="rfqId" value={rfqId} />
      {children}
      <div className="sticky bottom-0 z-10 -mx-1 flex flex-col gap-2 rounded-xl border border-line bg-surface p-3 shadow-sm sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-ink" aria-live="polite">
          {labels.selected.replace("{count}", String(selected))}
        </p>
        <SubmitButton disabled={selected === 0}>{labels.submit}</SubmitButton>
      </div>
      <div role="status" aria-live="polite">
        {state?.ok && (
          <Alert tone="success">
            {state.data.invited > 0
              ? labels.done.replace("{invited}", String(state.data.invited)).replace("{already}", String(state.data.alreadyInvited))
              : labels.none}
          </Alert>
        )}
        {state && !state.ok && <Alert tone="danger">{labels.error.replace("{message}", state.error.message)}</Alert>}
      </div>
    </form>
  );
}

type ProfileState = Awaited<ReturnType<typeof inviteFromProfileAction>> | null;

/** On a supplier's public page: pick one of the buyer's own open RFQs and invite this supplier to it. */
export function InviteFromProfileForm({
  supplierId,
  rfqs,
  labels,
}: {
  supplierId: string;
  rfqs: { id: string; label: string; invited: boolean }[];
  labels: { rfq: string; pick: string; submit: string; done: string; already: string; error: string };
}) {
  const router = useRouter();
  const [state, action] = useActionState<ProfileState, FormData>((_prev, form) => inviteFromProfileAction(form), null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="supplierId" value={supplierId} />
      <Select
        name="rfqId"
        label={labels.rfq}
        required
        defaultValue=""
        placeholder={labels.pick}
        options={rfqs.map((r) => ({ value: r.id, label: r.label, disabled: r.invited }))}
        error={state && !state.ok ? state.error.fields?.rfqId : undefined}
      />
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
      <div role="status" aria-live="polite">
        {state?.ok && <Alert tone="success">{state.data.alreadyInvited ? labels.already : labels.done}</Alert>}
        {state && !state.ok && <Alert tone="danger">{labels.error.replace("{message}", state.error.message)}</Alert>}
      </div>
    </form>
  );
}
