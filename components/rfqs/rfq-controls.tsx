"use client";
// The interactive parts of the RFQ pages: the buyer's status actions (publish, extend, close, cancel with a
// reason), invitations (find suppliers by name), answering clarifications and attachments; the supplier's
// question form. Each posts to a server action in lib/rfqs/actions.ts (which checks role and ownership again),
// shows its translated field errors in place and refreshes the page on success.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTimeZone, useTranslations } from "@/lib/i18n/client";
import { ACTION_BODY_LIMIT_LABEL, actionBodyTooLarge, withActionBodyLimit } from "@/lib/files/limits";
import { Alert, Button, Input, Textarea, type ButtonVariant } from "@/components/ui";
import { timeZoneAbbreviation, WIB } from "@/lib/i18n/format";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import {
  addAttachmentAction,
  answerClarificationAction,
  askClarificationAction,
  cancelRfqAction,
  closeRfqAction,
  extendRfqAction,
  inviteSuppliersAction,
  publishRfqAction,
  removeAttachmentAction,
  removeInvitationAction,
  searchSuppliersAction,
} from "@/lib/rfqs/actions";

type Action = (prev: ActionResult<unknown> | null, fd: FormData) => Promise<ActionResult<unknown>>;

function useRefreshingAction(action: Action, onDone?: () => void) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  const done = useRef(onDone);
  // Keep the latest callback without writing a ref during render; this effect runs before the one below.
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (state?.ok) {
      done.current?.();
      router.refresh();
    }
  }, [state, router]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const message = state && !state.ok ? state.error.message : null;
  return { state, submit, pending, fields, message };
}

function ErrorLine({ message, fields }: { message: string | null; fields: Record<string, string[]> }) {
  if (!message) return null;
  const extra = Object.entries(fields)
    .filter(([k]) => !["deadline", "reason", "answer", "question", "file", "supplierIds"].includes(k))
    .flatMap(([, v]) => v);
  return (
    <Alert tone="danger">
      {message}
      {extra.length > 0 && ` ${extra.join(" ")}`}
      {fields.supplierIds && ` ${fields.supplierIds.join(" ")}`}
    </Alert>
  );
}

/** One button that runs an action on the RFQ (publish, close), optionally asking for confirmation first. */
export function RfqActionButton({
  rfqId,
  kind,
  label,
  confirmText,
  variant = "primary",
}: {
  rfqId: string;
  kind: "publish" | "close";
  label: string;
  confirmText?: string;
  variant?: ButtonVariant;
}) {
  const t = useTranslations("rfqs.detail");
  const action = (kind === "publish" ? publishRfqAction : closeRfqAction) as Action;
  const { submit, pending, message, fields } = useRefreshingAction(action);
  return (
    <form
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) {
          e.preventDefault();
          return;
        }
        submit(e);
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="id" value={rfqId} />
      <ErrorLine message={message} fields={fields} />
      {fields.deadline && <Alert tone="danger">{fields.deadline.join(" ")}</Alert>}
      <div>
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? t("working") : label}
        </Button>
      </div>
    </form>
  );
}

/** `current`: the deadline as "YYYY-MM-DDTHH:mm" on the buyer organization's clock (the viewer's zone). */
export function ExtendForm({ rfqId, current }: { rfqId: string; current: string }) {
  const t = useTranslations("rfqs.detail");
  const zone = timeZoneAbbreviation(useTimeZone() ?? WIB);
  const { submit, pending, fields, message } = useRefreshingAction(extendRfqAction as Action);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="id" value={rfqId} />
      <Input
        type="datetime-local"
        name="deadline"
        label={t("newDeadline", { zone })}
        description={t("newDeadlineHint")}
        defaultValue={current}
        required
        error={fields.deadline}
      />
      <ErrorLine message={fields.deadline ? null : message} fields={fields} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("working") : t("extend")}
        </Button>
      </div>
    </form>
  );
}

export function CancelForm({ rfqId }: { rfqId: string }) {
  const t = useTranslations("rfqs.detail");
  const [open, setOpen] = useState(false);
  const { submit, pending, fields, message } = useRefreshingAction(cancelRfqAction as Action);
  if (!open) {
    return (
      <div>
        <Button variant="outline" onClick={() => setOpen(true)}>
          {t("cancelRfq")}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50 p-4">
      <input type="hidden" name="id" value={rfqId} />
      <Textarea
        name="reason"
        label={t("cancelReason")}
        description={t("cancelReasonHint")}
        rows={3}
        required
        error={fields.reason}
        autoFocus
      />
      <ErrorLine message={fields.reason ? null : message} fields={fields} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("working") : t("confirmCancel")}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t("keepRfq")}
        </Button>
      </div>
    </form>
  );
}

export function AnswerForm({ rfqId, clarificationId, current }: { rfqId: string; clarificationId: string; current?: string | null }) {
  const t = useTranslations("rfqs.clarifications");
  const [editing, setEditing] = useState(!current);
  const { submit, pending, fields, message } = useRefreshingAction(answerClarificationAction as Action, () => setEditing(false));
  if (!editing) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
        {t("editAnswer")}
      </Button>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <input type="hidden" name="id" value={rfqId} />
      <input type="hidden" name="clarificationId" value={clarificationId} />
      <Textarea
        name="answer"
        label={t("answerLabel")}
        description={t("answerHint")}
        rows={3}
        defaultValue={current ?? ""}
        required
        error={fields.answer}
      />
      <ErrorLine message={fields.answer ? null : message} fields={fields} />
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? t("sending") : t("answerSubmit")}
        </Button>
      </div>
    </form>
  );
}

export function AskForm({ rfqId }: { rfqId: string }) {
  const t = useTranslations("rfqs.clarifications");
  const formRef = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState(false);
  const { submit, pending, fields, message } = useRefreshingAction(askClarificationAction as Action, () => {
    formRef.current?.reset();
    setSent(true);
  });
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={t("askTitle")}>
      <input type="hidden" name="id" value={rfqId} />
      <Textarea
        name="question"
        label={t("askLabel")}
        description={t("askHint")}
        rows={3}
        required
        maxLength={2000}
        error={fields.question}
        onChange={() => setSent(false)}
      />
      <ErrorLine message={fields.question ? null : message} fields={fields} />
      {sent && (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {t("asked")}
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("sending") : t("askSubmit")}
        </Button>
      </div>
    </form>
  );
}

interface SupplierHit {
  id: string;
  name: string;
  type: string;
  location: string | null;
}

/** Find suppliers by name and invite them; the already invited are marked. */
export function InvitePanel({ rfqId, invitedIds }: { rfqId: string; invitedIds: string[] }) {
  const t = useTranslations("rfqs.invitations");
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SupplierHit[] | null>(null);
  const seq = useRef(0);
  const { submit, pending, fields, message } = useRefreshingAction(inviteSuppliersAction as Action);
  // A query too short to search clears the hits at once (in the event, not in the effect below).
  const changeQuery = (next: string) => {
    setQ(next);
    if (next.trim().length < 2) setHits(null);
  };

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      const res = await searchSuppliersAction({ q: query });
      if (mine === seq.current) setHits(res.ok ? res.data : []);
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <div className="flex flex-col gap-3">
      <Input
        label={t("search")}
        description={t("searchHint")}
        type="search"
        value={q}
        onChange={(e) => changeQuery(e.target.value)}
        autoComplete="off"
      />
      <ErrorLine message={message} fields={fields} />
      <p className="sr-only" aria-live="polite">
        {hits ? t("resultCount", { count: hits.length }) : ""}
      </p>
      {hits && hits.length === 0 && <p className="text-sm text-muted">{t("noResults", { q })}</p>}
      {hits && hits.length > 0 && (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {hits.map((h) => {
            const already = invitedIds.includes(h.id);
            return (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span>
                  <span className="font-medium text-ink">{h.name}</span>
                  {h.location && <span className="block text-xs text-muted">{h.location}</span>}
                </span>
                {already ? (
                  <span className="text-sm text-muted">{t("alreadyInvited")}</span>
                ) : (
                  <form onSubmit={submit}>
                    <input type="hidden" name="id" value={rfqId} />
                    <input type="hidden" name="supplierIds" value={h.id} />
                    <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={t("inviteNamed", { name: h.name })}>
                      {t("invite")}
                    </Button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function RemoveButton({
  kind,
  rfqId,
  targetId,
  label,
  children,
}: {
  kind: "invitation" | "attachment";
  rfqId: string;
  targetId: string;
  label: string;
  children: ReactNode;
}) {
  const action = (kind === "invitation" ? removeInvitationAction : removeAttachmentAction) as Action;
  const { submit, pending, message } = useRefreshingAction(action);
  return (
    <form onSubmit={submit} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={rfqId} />
      <input type="hidden" name={kind === "invitation" ? "supplierId" : "attachmentId"} value={targetId} />
      <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={label}>
        {children}
      </Button>
      {message && <span className="text-xs text-red-700">{message}</span>}
    </form>
  );
}

export function AttachmentUpload({ rfqId }: { rfqId: string }) {
  const t = useTranslations("rfqs.attachments");
  const formRef = useRef<HTMLFormElement>(null);
  const tUploads = useTranslations("uploads");
  // A file over the server action body limit would never reach the action: say so here (issue 11).
  const upload = withActionBodyLimit(addAttachmentAction as Action, () =>
    actionBodyTooLarge(tUploads("sendTooLarge", { limit: ACTION_BODY_LIMIT_LABEL }), "file"),
  );
  const { submit, pending, fields, message } = useRefreshingAction(upload, () => formRef.current?.reset());
  return (
    <form ref={formRef} onSubmit={submit} noValidate encType="multipart/form-data" className="flex flex-col gap-3">
      <input type="hidden" name="id" value={rfqId} />
      <Input
        type="file"
        name="file"
        label={t("upload")}
        description={t("uploadHint")}
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        error={fields.file}
        className="py-2"
      />
      <ErrorLine message={fields.file ? null : message} fields={fields} />
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? t("uploading") : t("uploadSubmit")}
        </Button>
      </div>
    </form>
  );
}
