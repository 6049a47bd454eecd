"use client";
// Uploads the NIB CSV to POST /api/clusters/{id}/invitations/import and reads the NDJSON stream: a progress bar
// per batch, then the summary with the downloadable error report (the cooperative import form's pattern).
import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button } from "@/components/ui";

type Progress = { processed: number; total: number; invited: number; failed: number };
type Line = { row: number; column: string | null; message: string };
type Done = { invited: number; failed: number; errors: Line[]; reportCsv: string };

export function BulkInviteForm({ uploadUrl }: { uploadUrl: string }) {
  const t = useTranslations("clusters.import");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    setError(null);
    setDone(null);
    setProgress(null);
    if (!(file instanceof File) || file.size === 0) return setError(t("noFile"));
    if (file.size > 10 * 1024 * 1024) return setError(t("tooLarge"));
    setBusy(true);
    try {
      const res = await fetch(uploadUrl, { method: "POST", body: form });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => null);
        setError(body?.message ?? t("failed"));
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done: end } = await reader.read();
        if (value) buffer += value;
        let nl;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (!line.trim()) continue;
          const msg = JSON.parse(line);
          if (msg.type === "progress") setProgress(msg);
          else if (msg.type === "done") setDone(msg);
          else if (msg.type === "error") setError(msg.message);
        }
        if (end) break;
      }
    } catch {
      setError(t("failed"));
    } finally {
      setBusy(false);
    }
  }

  const pct = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0;
  const reportHref = done?.reportCsv ? `data:text/csv;charset=utf-8,${encodeURIComponent(done.reportCsv)}` : null;

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("file")}
          <input type="file" name="file" accept=".csv,text/csv" className="text-sm" required />
        </label>
        <Button type="submit" disabled={busy} className="self-start">
          {busy ? t("importing") : t("submit")}
        </Button>
      </form>
      {error && <Alert tone="danger">{error}</Alert>}
      {progress && (
        <div className="flex flex-col gap-1">
          <div
            role="progressbar"
            aria-label={t("progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-3 w-full overflow-hidden rounded-full bg-stone-200"
          >
            <div className="h-full bg-brand-700 transition-all" style={{ width: `${pct}%` }} />
          </div>
          <p className="text-sm" aria-live="polite">
            {t("progressText", {
              processed: progress.processed,
              total: progress.total,
              invited: progress.invited,
              failed: progress.failed,
            })}
          </p>
        </div>
      )}
      {done && (
        <div role="status" className="flex flex-col gap-2">
          <Alert tone={done.failed > 0 ? "warning" : "success"}>{t("summary", { invited: done.invited, failed: done.failed })}</Alert>
          {reportHref && (
            <a href={reportHref} download="laporan-undangan-klaster.csv" className="self-start font-medium text-brand-700 underline">
              {t("downloadReport")}
            </a>
          )}
          {done.errors.length > 0 && (
            <ul className="max-h-80 overflow-auto text-sm">
              {done.errors.slice(0, 200).map((e, i) => (
                <li key={i}>
                  {t("errorLine", { row: e.row, column: e.column ?? "—" })} {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
