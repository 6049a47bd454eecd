"use client";
// Membership requests (issue 11): the cooperative's "send request" and "cancel" buttons on /anggota, and the
// UMKM owner's "accept"/"decline" buttons on /dasbor. The actions check role, verification and ownership in
// lib/; whatever this UI shows, anyone else gets an error.
import { useActionState, useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Input, SubmitButton } from "@/components/ui";
import { cancelJoinRequestAction, decideJoinRequestAction, requestMembershipAction } from "@/lib/cooperatives/actions";

type RequestState = Awaited<ReturnType<typeof requestMembershipAction>> | null;
type CancelState = Awaited<ReturnType<typeof cancelJoinRequestAction>> | null;
type DecideState = Awaited<ReturnType<typeof decideJoinRequestAction>> | null;

export function SendJoinRequestForm({ organizationId, name }: { organizationId: string; name: string }) {
  const t = useTranslations("cooperatives.joinRequests");
  const id = useId();
  const [state, dispatch] = useActionState<RequestState, FormData>(requestMembershipAction, null);
  if (state?.ok)
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {t("sent")}
      </p>
    );
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-2" aria-label={`${t("send")}: ${name}`} noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="w-40">
        <Input id={`${id}-no`} label={t("memberNumber")} name="memberNumber" maxLength={50} error={error?.fields?.memberNumber} />
      </div>
      <SubmitButton size="sm" pendingLabel={t("sending")} aria-label={`${t("send")}: ${name}`}>
        {t("send")}
      </SubmitButton>
      {error && !error.fields?.memberNumber && <Alert tone="danger">{error.message}</Alert>}
    </form>
  );
}

export function CancelJoinRequestForm({ requestId, name }: { requestId: string; name: string }) {
  const t = useTranslations("cooperatives.joinRequests");
  const [state, dispatch] = useActionState<CancelState, FormData>(cancelJoinRequestAction, null);
  if (state?.ok)
    return (
      <p role="status" className="text-sm">
        {t("cancelled")}
      </p>
    );
  return (
    <form action={dispatch} className="flex flex-col gap-1">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton size="sm" variant="outline" aria-label={`${t("cancel")}: ${name}`}>
        {t("cancel")}
      </SubmitButton>
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
    </form>
  );
}

export function DecideJoinRequestForms({ requestId, cooperativeName }: { requestId: string; cooperativeName: string }) {
  const t = useTranslations("cooperatives.incomingRequests");
  const [state, dispatch] = useActionState<DecideState, FormData>(decideJoinRequestAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {state.data.status === "accepted" ? t("accepted") : t("declined")}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={dispatch}>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="decision" value="accept" />
          <SubmitButton size="sm" aria-label={`${t("accept")}: ${cooperativeName}`}>
            {t("accept")}
          </SubmitButton>
        </form>
        <form action={dispatch}>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="decision" value="decline" />
          <SubmitButton size="sm" variant="outline" aria-label={`${t("decline")}: ${cooperativeName}`}>
            {t("decline")}
          </SubmitButton>
        </form>
      </div>
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
    </div>
  );
}
