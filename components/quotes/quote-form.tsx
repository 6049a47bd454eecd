"use client";
// The supplier's quote form (/papan-rfq/[id]/penawaran): a unit price per RFQ line (blank = not offered),
// PPN inclusion, offered TKDN, lead time, validity and a note; the lead of an invited consortium also states
// each member's share. "Kirim" submits (or revises), "Simpan draf" keeps a draft the buyer cannot see,
// "Tarik" withdraws. The server action checks everything again; its translated field errors appear in place.
// Before the quote is sent (no quote yet, or a draft) the form also takes attachments — a sample photo
// straight from the phone's camera, a price breakdown (issue 17): on "Simpan draf" or "Kirim" the quote is
// saved as a draft first, each file then goes to addQuoteAttachmentAction on its own (one file per request,
// under the server action body limit), and only then is the quote submitted — so the buyer never sees a
// quote without the files it was sent with, nor a draft's files (lib/quotes/attachments.ts).
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTimeZone, useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Input, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { formattersFor } from "@/lib/i18n/format";
import { evaluatedPriceIdr, tkdnPreferencePercent, TKDN_PREFERENCE_MIN_PERCENT } from "@/lib/quotes/evaluation";
import { ACTION_BODY_LIMIT_LABEL, exceedsActionBodyLimit } from "@/lib/files/limits";
import { addQuoteAttachmentAction, saveQuoteAction, withdrawQuoteAction } from "@/lib/quotes/actions";

export interface QuoteFormLine {
  id: string;
  position: number;
  name: string;
  specification: string | null;
  quantity: number;
  unit: string;
  targetUnitPriceIdr: string | null;
}

export interface QuoteFormProps {
  rfqId: string;
  lines: QuoteFormLine[];
  minTkdn: number | null;
  /** The supplier's best verified TKDN certificate valid on the deadline (%): a declared TKDN above it earns no preference. */
  certifiedTkdn: number | null;
  current: {
    status: string;
    prices: Record<string, string>;
    includesVat: boolean;
    offeredTkdn: number | null;
    leadTimeDays: number | null;
    validUntil: string | null;
    note: string | null;
  } | null;
  consortium: { name: string; members: { supplierId: string; name: string; shareQuantity: number | null }[] } | null;
  /** How many files the quote already has (the form offers new ones while it is not yet sent). */
  attachmentCount?: number;
}

/** As lib/quotes/attachments.ts and lib/files/upload.ts decide on the server (checked here first, to say so at once). */
const MAX_ATTACHMENTS = 5;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"];
const FILE_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/** The save's result; `saved`: the quote was saved (as a draft) although a later step failed. */
type Result = ActionResult<{ id: string; status: string; revision?: number }> & { saved?: boolean };
type SaveRequest = { input: Record<string, unknown>; files: File[] };

/** "150.000" / "150000" / "Rp150.000" → bigint, or null when not a whole non-negative number. */
function parseRupiah(s: string): bigint | null {
  const v = s.replace(/[\s\u00a0]+/g, "").replace(/^rp\.?/i, "");
  if (/^\d+$/.test(v)) return BigInt(v);
  if (/^\d{1,3}(\.\d{3})+$/.test(v)) return BigInt(v.replace(/\./g, ""));
  return null;
}

export function QuoteForm({ rfqId, lines, minTkdn, certifiedTkdn, current, consortium, attachmentCount = 0 }: QuoteFormProps) {
  const t = useTranslations("quotes.form");
  const tUploads = useTranslations("uploads");
  const f = formattersFor(useLocale(), useTimeZone());
  const router = useRouter();
  const [prices, setPrices] = useState<Record<string, string>>(() => current?.prices ?? {});
  const [tkdn, setTkdn] = useState(current?.offeredTkdn != null ? String(current.offeredTkdn) : "");
  const [sentLines, setSentLines] = useState<string[]>([]);
  const [vat, setVat] = useState<boolean | null>(current ? current.includesVat : null);
  const submitted = current?.status === "submitted";
  // Files are offered while the quote is not yet sent; a submitted quote's files are managed above the form.
  const takesFiles = !submitted && attachmentCount < MAX_ATTACHMENTS;
  const docInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const refreshChosen = () => {
    setFileError(null);
    setChosen([...(docInput.current?.files ?? []), ...(cameraInput.current?.files ?? [])]);
  };
  const clearChosen = () => {
    for (const input of [docInput.current, cameraInput.current]) if (input) input.value = "";
    setChosen([]);
    setFileError(null);
  };

  const [state, dispatch, pending] = useActionState<Result | null, SaveRequest>(async (_prev, { input, files }) => {
    if (files.length === 0) return (await saveQuoteAction(input)) as Result;
    // 1. The quote as a draft, so that the files have a quote to belong to (the buyer sees neither yet).
    const draft = (await saveQuoteAction({ ...input, submit: false })) as Result;
    if (!draft.ok) return draft;
    // 2. Each file on its own request; the first refusal stops here, with the draft saved.
    for (const file of files) {
      const fd = new FormData();
      fd.append("rfqId", rfqId);
      fd.append("file", file);
      const refused = (message: string): Result => ({
        ok: false,
        saved: true,
        error: {
          code: "invalid_input",
          message: t("attachmentRefused", { name: file.name, reason: message }),
          fields: { attachments: [message] },
        },
      });
      if (exceedsActionBodyLimit(fd)) return refused(tUploads("sendTooLarge", { limit: ACTION_BODY_LIMIT_LABEL }));
      const added = await addQuoteAttachmentAction(fd);
      if (!added.ok) return refused(added.error.fields?.file?.join(" ") ?? added.error.message);
    }
    // 3. Then, if asked, the submission — with its files already attached. The files are the quote's now.
    clearChosen();
    return input.submit === true ? ((await saveQuoteAction(input)) as Result) : draft;
  }, null);
  const [wState, wDispatch, wPending] = useActionState<ActionResult<unknown> | null, Record<string, unknown>>(
    async (_prev, input) => withdrawQuoteAction(input),
    null,
  );
  useEffect(() => {
    if (state?.ok || state?.saved || wState?.ok) router.refresh();
  }, [state, wState, router]);

  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const lineError = (lineId: string) => {
    const i = sentLines.indexOf(lineId);
    if (i < 0) return undefined;
    return [...(fields[`items.${i}.unitPriceIdr`] ?? []), ...(fields[`items.${i}.rfqItemId`] ?? [])];
  };

  const total = useMemo(() => {
    let sum = 0n;
    for (const l of lines) {
      const p = prices[l.id] ? parseRupiah(prices[l.id]) : null;
      if (p !== null) sum += p * BigInt(l.quantity);
    }
    return sum;
  }, [lines, prices]);
  const tkdnNumber = tkdn.trim() === "" ? null : Number(tkdn.replace(",", "."));
  const declared = tkdnNumber !== null && Number.isFinite(tkdnNumber) ? tkdnNumber : null;
  // The preference needs a verified TKDN certificate valid on the deadline of at least the declared value (issue 11).
  const covered = declared !== null && certifiedTkdn !== null && Math.round(declared * 100) <= Math.round(certifiedTkdn * 100);
  const preferenceTkdn = covered ? declared : null;
  const preference = tkdnPreferencePercent(preferenceTkdn);
  const uncoveredPreference = declared !== null && !covered && tkdnPreferencePercent(declared) > 0;

  /** The chosen files' problem the server would refuse anyway (count, size, type), or null. */
  function checkFiles(files: File[]): string | null {
    if (attachmentCount + files.length > MAX_ATTACHMENTS)
      return t("tooManyFiles", { max: MAX_ATTACHMENTS, left: MAX_ATTACHMENTS - attachmentCount });
    for (const f of files) {
      if (f.size > MAX_FILE_BYTES) return t("fileTooLarge", { name: f.name });
      if (!FILE_TYPES.includes(f.type) && !FILE_EXTENSIONS.test(f.name)) return t("fileType", { name: f.name });
    }
    return null;
  }

  function send(form: HTMLFormElement | null, submit: boolean) {
    if (pending || !form) return;
    const files = takesFiles ? chosen : [];
    const problem = checkFiles(files);
    setFileError(problem);
    if (problem) return; // nothing is sent
    const fd = new FormData(form);
    const priced = lines.filter((l) => (prices[l.id] ?? "").trim() !== "");
    setSentLines(priced.map((l) => l.id));
    const input: Record<string, unknown> = {
      rfqId,
      items: priced.map((l) => ({ rfqItemId: l.id, unitPriceIdr: prices[l.id].trim() })),
      leadTimeDays: fd.get("leadTimeDays") ?? "",
      includesVat: fd.get("includesVat") ?? "",
      offeredTkdn: tkdn.replace(",", "."),
      validUntil: fd.get("validUntil") ?? "",
      note: fd.get("note") ?? "",
      submit,
    };
    if (consortium) {
      input.consortiumShares = consortium.members.map((m) => ({
        supplierId: m.supplierId,
        shareQuantity: fd.get(`share.${m.supplierId}`) || "0",
      }));
    }
    startTransition(() => dispatch({ input, files }));
  }

  const success = state?.ok
    ? state.data.status === "draft"
      ? t("savedDraft")
      : state.data.revision
        ? t("savedRevision", { revision: state.data.revision })
        : t("savedSubmitted")
    : null;

  return (
    <form
      noValidate
      aria-label={t("title")}
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        send(e.currentTarget, true);
      }}
      className="flex flex-col gap-6"
    >
      {success && <Alert tone="success">{success}</Alert>}
      {wState?.ok && <Alert tone="info">{t("withdrawn")}</Alert>}
      {state && !state.ok && (
        <Alert tone="danger">
          {state.error.message}
          {fields.items ? ` ${fields.items.join(" ")}` : ""}
          {state.saved ? ` ${t("savedDraftNotSent")}` : ""}
        </Alert>
      )}
      {wState && !wState.ok && <Alert tone="danger">{wState.error.message}</Alert>}

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t("pricesLegend")}</legend>
        <p className="text-sm text-muted">{t("pricesHint")}</p>
        <ol className="flex flex-col gap-4">
          {lines.map((l) => {
            const p = prices[l.id] ? parseRupiah(prices[l.id]) : null;
            const err = lineError(l.id);
            return (
              <li key={l.id} className="rounded-lg border border-line p-4">
                <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium text-ink">
                    {l.position}. {l.name}
                  </span>
                  <span className="text-sm text-muted tabular-nums">
                    {f.number(l.quantity)} {l.unit}
                    {l.targetUnitPriceIdr && ` · ${t("target", { price: f.rupiah(BigInt(l.targetUnitPriceIdr)) })}`}
                  </span>
                </div>
                {l.specification && <p className="mb-3 text-sm text-muted">{l.specification}</p>}
                <div className="grid gap-3 sm:grid-cols-2">
                  <Input
                    name={`price.${l.id}`}
                    label={t("unitPrice", { name: l.name, unit: l.unit })}
                    description={t("unitPriceHint")}
                    inputMode="numeric"
                    autoComplete="off"
                    value={prices[l.id] ?? ""}
                    onChange={(e) => setPrices((cur) => ({ ...cur, [l.id]: e.target.value }))}
                    error={err && err.length ? err : undefined}
                    optional={lines.length > 1}
                  />
                  <p className="self-end pb-2 text-sm text-muted tabular-nums" aria-live="polite">
                    {p !== null ? t("lineTotal", { total: f.rupiah(p * BigInt(l.quantity)) }) : t("notOffered")}
                    {p !== null && (preference > 0 || vat === true) && (
                      <span className="block">
                        {t("evaluated", { price: f.rupiah(evaluatedPriceIdr(p, preferenceTkdn, vat === true)) })}
                      </span>
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
        <p className="text-right text-lg font-semibold text-ink tabular-nums" aria-live="polite">
          {t("total", { total: f.rupiah(total) })}
        </p>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium text-ink">{t("vatLegend")}</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name="includesVat"
            value="true"
            checked={vat === true}
            onChange={() => setVat(true)}
            className="size-5 accent-brand-700"
          />
          <span>{t("vatIncluded")}</span>
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="radio"
            name="includesVat"
            value="false"
            checked={vat === false}
            onChange={() => setVat(false)}
            className="size-5 accent-brand-700"
          />
          <span>{t("vatExcluded")}</span>
        </label>
        <p className="text-sm text-muted">{t("vatHint")}</p>
        {fields.includesVat && (
          <p className="text-sm font-medium text-red-700" role="alert">
            {fields.includesVat.join(" ")}
          </p>
        )}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <Input
          name="leadTimeDays"
          type="number"
          min={0}
          max={730}
          inputMode="numeric"
          label={t("leadTime")}
          description={t("leadTimeHint")}
          defaultValue={current?.leadTimeDays ?? ""}
          error={fields.leadTimeDays}
        />
        <Input
          name="offeredTkdn"
          inputMode="decimal"
          label={t("tkdn")}
          description={
            minTkdn !== null
              ? t("tkdnHintMin", { min: f.number(minTkdn), threshold: TKDN_PREFERENCE_MIN_PERCENT })
              : t("tkdnHint", { threshold: TKDN_PREFERENCE_MIN_PERCENT })
          }
          value={tkdn}
          onChange={(e) => setTkdn(e.target.value)}
          optional
          error={fields.offeredTkdn}
        />
        <Input
          name="validUntil"
          type="date"
          label={t("validUntil")}
          optional
          defaultValue={current?.validUntil ?? ""}
          error={fields.validUntil}
        />
      </div>
      {preference > 0 && <p className="-mt-3 text-sm text-teal-800">{t("preference", { percent: f.number(preference) })}</p>}
      {uncoveredPreference && (
        <p className="-mt-3 text-sm text-amber-900">
          {certifiedTkdn !== null
            ? t("preferenceCertificateBelow", { certified: f.number(certifiedTkdn) })
            : t("preferenceNeedsCertificate")}
        </p>
      )}

      <Textarea
        name="note"
        label={t("note")}
        description={t("noteHint")}
        rows={3}
        optional
        defaultValue={current?.note ?? ""}
        error={fields.note}
      />

      {takesFiles && (
        <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-4">
          <legend className="px-1 font-medium text-ink">{t("filesLegend")}</legend>
          <p className="text-sm text-muted">{t("filesHint", { max: MAX_ATTACHMENTS })}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Input
              ref={docInput}
              type="file"
              name="quoteFiles"
              label={t("chooseFiles")}
              multiple
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              onChange={refreshChosen}
              optional
              className="py-2"
            />
            {/* capture: the phone opens its camera for this one; the other field still offers files and the gallery. */}
            <Input
              ref={cameraInput}
              type="file"
              name="quotePhoto"
              label={t("takePhoto")}
              description={t("takePhotoHint")}
              accept="image/jpeg,image/png"
              capture="environment"
              onChange={refreshChosen}
              optional
              className="py-2"
            />
          </div>
          {chosen.length > 0 && (
            <div className="flex flex-col gap-2 text-sm">
              <p className="font-medium text-ink">{t("chosenFiles", { count: chosen.length })}</p>
              <ul className="flex flex-col gap-1">
                {chosen.map((f, i) => (
                  <li key={`${i}-${f.name}`} className="break-all text-ink">
                    {f.name}{" "}
                    <span className="text-muted">
                      ({f.size < 1024 * 1024 ? `${Math.ceil(f.size / 1024)} KB` : `${(f.size / (1024 * 1024)).toFixed(1)} MB`})
                    </span>
                  </li>
                ))}
              </ul>
              <div>
                <Button type="button" size="sm" variant="ghost" onClick={clearChosen} disabled={pending}>
                  {t("clearFiles")}
                </Button>
              </div>
            </div>
          )}
          {(fileError || fields.attachments) && (
            <p className="text-sm font-medium text-red-700" role="alert">
              {fileError ?? fields.attachments?.join(" ")}
            </p>
          )}
        </fieldset>
      )}

      {consortium && (
        <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-4">
          <legend className="px-1 font-medium text-ink">{t("consortiumLegend", { name: consortium.name })}</legend>
          <p className="text-sm text-muted">{t("consortiumHint")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {consortium.members.map((m, i) => (
              <Input
                key={m.supplierId}
                name={`share.${m.supplierId}`}
                type="number"
                min={0}
                inputMode="numeric"
                label={t("memberShare", { name: m.name })}
                defaultValue={m.shareQuantity ?? ""}
                error={fields[`consortiumShares.${i}.shareQuantity`] ?? fields[`consortiumShares.${i}.supplierId`]}
              />
            ))}
          </div>
          {fields.consortiumShares && <p className="text-sm font-medium text-red-700">{fields.consortiumShares.join(" ")}</p>}
        </fieldset>
      )}

      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : submitted ? t("submitRevision") : t("submit")}
        </Button>
        {!submitted && (
          <Button type="button" variant="outline" disabled={pending} onClick={(e) => send(e.currentTarget.form, false)}>
            {t("saveDraft")}
          </Button>
        )}
        {current && (current.status === "submitted" || current.status === "draft") && (
          <Button
            type="button"
            variant="ghost"
            disabled={wPending}
            onClick={() => {
              if (!window.confirm(t("withdrawConfirm"))) return;
              startTransition(() => wDispatch({ rfqId }));
            }}
          >
            {t("withdraw")}
          </Button>
        )}
      </div>
    </form>
  );
}
