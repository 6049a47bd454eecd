"use client";
// The supplier's quote attachments: upload (PDF/JPEG/PNG ≤ 5 MB, checked by content on the server) and remove,
// while the quote can still change. Posts to server actions in lib/quotes/actions.ts.
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { ACTION_BODY_LIMIT_LABEL, actionBodyTooLarge, withActionBodyLimit } from "@/lib/files/limits";
import { Alert, Button, Input } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { addQuoteAttachmentAction, removeQuoteAttachmentAction } from "@/lib/quotes/actions";

type Result = ActionResult<{ id: string }>;

export function QuoteAttachmentUpload({ rfqId }: { rfqId: string }) {
  const t = useTranslations("quotes.attachments");
  const tUploads = useTranslations("uploads");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<Result | null, FormData>(
    // A file over the server action body limit would never reach the action: say so here (issue 11).
    withActionBodyLimit(
      async (_p: Result | null, fd: FormData) => (await addQuoteAttachmentAction(fd)) as Result,
      () => actionBodyTooLarge(tUploads("sendTooLarge", { limit: ACTION_BODY_LIMIT_LABEL }), "file"),
    ),
    null,
  );
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      router.refresh();
    }
  }, [state, router]);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <form
      ref={formRef}
      noValidate
      encType="multipart/form-data"
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        const fd = new FormData(e.currentTarget);
        startTransition(() => dispatch(fd));
      }}
      className="flex flex-col gap-3"
    >
      <input type="hidden" name="rfqId" value={rfqId} />
      <Input
        type="file"
        name="file"
        label={t("upload")}
        description={t("uploadHint")}
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        error={fields.file}
        className="py-2"
      />
      {state && !state.ok && !fields.file && <Alert tone="danger">{state.error.message}</Alert>}
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? t("uploading") : t("uploadSubmit")}
        </Button>
      </div>
    </form>
  );
}

export function QuoteAttachmentRemove({ rfqId, attachmentId, filename }: { rfqId: string; attachmentId: string; filename: string }) {
  const t = useTranslations("quotes.attachments");
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<Result | null, Record<string, string>>(
    async (_p, input) => (await removeQuoteAttachmentAction(input)) as Result,
    null,
  );
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={pending}
        aria-label={t("removeNamed", { name: filename })}
        onClick={() => startTransition(() => dispatch({ rfqId, attachmentId }))}
      >
        {t("remove")}
      </Button>
      {state && !state.ok && <span className="text-sm text-red-700">{state.error.message}</span>}
    </>
  );
}
