"use client";
// Issues a new Laporan Kemitraan for a year (lib/partnership-index/actions.ts) and opens it.
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { Alert, SubmitButton } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { issueReportAction } from "@/lib/partnership-index/actions";

export function IssueReportForm({
  year,
  label,
  pendingLabel,
  reportUrl,
}: {
  year: number;
  label: string;
  pendingLabel: string;
  reportUrl: string;
}) {
  const router = useRouter();
  const [state, formAction] = useActionState<ActionResult<{ code: string }> | null, FormData>(async (prev, form) => {
    const r = await issueReportAction(prev, form);
    if (r.ok) router.push(`${reportUrl}?kode=${encodeURIComponent(r.data.code)}&baru=1`);
    return r;
  }, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="flex flex-col gap-2" data-print="hide">
      <input type="hidden" name="year" value={year} />
      {error && <Alert tone="danger">{error.message}</Alert>}
      <SubmitButton className="self-start" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
