"use client";
// Uploads the member CSV to POST /api/cooperatives/import and reads the NDJSON stream: a progress bar per
// committed batch, then the summary with the downloadable error report.
import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button } from "@/components/ui";

type Progress = { processed: number; total: number; committed: number; failed: number };
type Line = { row: number; column: string | null; message: string };
type Done = {
  committed: number;
  created: number;
  updated: number;
  failed: number;
  invitationsHeld?: number;
  /** Own members that manage their own profile: only the membership was updated (issue 11). */
  profileUnchanged?: number;
  errors: Line[];
  notices?: Line[];
  reportCsv: string;
};

export function ImportForm() {
  const t = useTranslations("cooperatives.importPage");
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
      const res = await fetch("/api/cooperatives/import", { method: "POST", body: form });
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
              committed: progress.committed,
              failed: progress.failed,
            })}
          </p>
        </div>
      )}
      {done && (
        <div role="status" className="flex flex-col gap-2">
          <Alert tone={done.failed > 0 ? "warning" : "success"}>
            {t("summary", { committed: done.committed, created: done.created, updated: done.updated, failed: done.failed })}
          </Alert>
          {(done.invitationsHeld ?? 0) > 0 && <Alert tone="info">{t("heldSummary", { count: done.invitationsHeld ?? 0 })}</Alert>}
          {(done.profileUnchanged ?? 0) > 0 && <Alert tone="info">{t("unchangedSummary", { count: done.profileUnchanged ?? 0 })}</Alert>}
          {reportHref && (
            <a href={reportHref} download="laporan-kesalahan-impor.csv" className="self-start font-medium text-brand-700 underline">
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
          {(done.notices?.length ?? 0) > 0 && (
            <section aria-label={t("noticesTitle")} className="flex flex-col gap-1">
              <h3 className="text-sm font-semibold">{t("noticesTitle")}</h3>
              <ul className="max-h-80 overflow-auto text-sm">
                {done.notices!.slice(0, 200).map((n, i) => (
                  <li key={i}>
                    {t("noticeLine", { row: n.row, column: n.column ?? "—" })} {n.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
