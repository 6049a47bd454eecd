"use client";
// One-click invitations from the matches page: a matched UMKM, or a proposed consortium. The server action
// checks the buyer's permission and ownership; the result (or its localized error) is announced politely.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui";
import { inviteConsortiumAction, inviteMatchAction, inviteProposedConsortiumAction } from "@/lib/matching/actions";

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
