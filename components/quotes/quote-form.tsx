"use client";
// The supplier's quote form (/papan-rfq/[id]/penawaran): a unit price per RFQ line (blank = not offered),
// PPN inclusion, offered TKDN, lead time, validity and a note; the lead of an invited consortium also states
// each member's share. "Kirim" submits (or revises), "Simpan draf" keeps a draft the buyer cannot see,
// "Tarik" withdraws. The server action checks everything again; its translated field errors appear in place.
import { startTransition, useActionState, useEffect, useMemo, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { Alert, Button, Input, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { formattersFor } from "@/lib/i18n/format";
import { evaluatedPriceIdr, tkdnPreferencePercent, TKDN_PREFERENCE_MIN_PERCENT } from "@/lib/quotes/evaluation";
import { saveQuoteAction, withdrawQuoteAction } from "@/lib/quotes/actions";

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
}

type Result = ActionResult<{ id: string; status: string; revision?: number }>;

/** "150.000" / "150000" / "Rp150.000" → bigint, or null when not a whole non-negative number. */
function parseRupiah(s: string): bigint | null {
  const v = s.replace(/[\s\u00a0]+/g, "").replace(/^rp\.?/i, "");
  if (/^\d+$/.test(v)) return BigInt(v);
  if (/^\d{1,3}(\.\d{3})+$/.test(v)) return BigInt(v.replace(/\./g, ""));
  return null;
}

export function QuoteForm({ rfqId, lines, minTkdn, certifiedTkdn, current, consortium }: QuoteFormProps) {
  const t = useTranslations("quotes.form");
  const f = formattersFor(useLocale(), useTimeZone());
  const router = useRouter();
  const [prices, setPrices] = useState<Record<string, string>>(() => current?.prices ?? {});
  const [tkdn, setTkdn] = useState(current?.offeredTkdn != null ? String(current.offeredTkdn) : "");
  const [sentLines, setSentLines] = useState<string[]>([]);
  const [vat, setVat] = useState<boolean | null>(current ? current.includesVat : null);
  const submitted = current?.status === "submitted";

  const [state, dispatch, pending] = useActionState<Result | null, Record<string, unknown>>(
    async (_prev, input) => (await saveQuoteAction(input)) as Result,
    null,
  );
  const [wState, wDispatch, wPending] = useActionState<ActionResult<unknown> | null, Record<string, unknown>>(
    async (_prev, input) => withdrawQuoteAction(input),
    null,
  );
  useEffect(() => {
    if (state?.ok || wState?.ok) router.refresh();
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

  function send(form: HTMLFormElement | null, submit: boolean) {
    if (pending || !form) return;
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
    startTransition(() => dispatch(input));
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
