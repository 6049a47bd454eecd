"use client";
// The buyer's award form under the comparison table (/rfq/[id]/bandingkan): a winner per line (preset to the
// best evaluated value), or the whole RFQ to one supplier, then a confirmation step that lists what each
// winner gets before anything is written. The server action (lib/quotes/actions.ts → lib/quotes/awards.ts) checks
// everything again and answers 409 when someone else awarded first.
import { startTransition, useActionState, useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTimeZone, useTranslations } from "@/lib/i18n/client";
import { Alert, Button } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { formattersFor } from "@/lib/i18n/format";
import { agreementRoutes } from "@/lib/agreements/routes";
import { awardRfqAction } from "@/lib/quotes/actions";

export interface AwardFormProps {
  rfqId: string;
  lines: { id: string; name: string; quantity: number; unit: string }[];
  suppliers: { quoteId: string; name: string; prices: Record<string, string>; complete: boolean }[];
  /** line id → quote id with the best evaluated value */
  bestSplit: Record<string, string>;
  /** PP 7/2021 schemes for the draft agreements (default rantai_pasok) */
  schemes: { value: string; label: string }[];
}

type Result = ActionResult<{ agreements: { id: string; number: string; supplierName: string; valueIdr: string }[] }>;

export function AwardForm({ rfqId, lines, suppliers, bestSplit, schemes }: AwardFormProps) {
  const t = useTranslations("quotes.award");
  const f = formattersFor(useLocale(), useTimeZone());
  const router = useRouter();
  const [choice, setChoice] = useState<Record<string, string>>(bestSplit);
  const [confirming, setConfirming] = useState(false);
  const [scheme, setScheme] = useState("rantai_pasok");
  const [state, dispatch, pending] = useActionState<Result | null, Record<string, unknown>>(
    async (_p, input) => (await awardRfqAction(input)) as Result,
    null,
  );

  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  const plan = useMemo(() => {
    const byQuote = new Map<string, string[]>();
    for (const l of lines) {
      const q = choice[l.id];
      if (q) byQuote.set(q, [...(byQuote.get(q) ?? []), l.id]);
    }
    return suppliers
      .filter((s) => byQuote.has(s.quoteId))
      .map((s) => {
        const ids = byQuote.get(s.quoteId)!;
        const value = ids.reduce((sum, id) => sum + BigInt(s.prices[id] ?? "0") * BigInt(lines.find((l) => l.id === id)!.quantity), 0n);
        return { quoteId: s.quoteId, name: s.name, lineIds: ids, value };
      });
  }, [choice, lines, suppliers]);

  if (state?.ok) {
    return (
      <Alert tone="success">
        {t("done")}{" "}
        {state.data.agreements.map((a) => (
          <span key={a.id} className="block">
            <a href={agreementRoutes.detail(a.id)} className="font-semibold underline underline-offset-2">
              {t("agreementFor", { number: a.number, supplier: a.supplierName })}
            </a>{" "}
            — {f.rupiah(BigInt(a.valueIdr))}
          </span>
        ))}
      </Alert>
    );
  }

  const unassigned = lines.filter((l) => !choice[l.id]).length;

  return (
    <div className="flex flex-col gap-5">
      {state && !state.ok && (
        <Alert tone="danger">
          {state.error.message}
          {state.error.fields && ` ${Object.values(state.error.fields).flat().join(" ")}`}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => (setChoice(bestSplit), setConfirming(false))}>
          {t("useBest")}
        </Button>
        {suppliers
          .filter((s) => s.complete)
          .map((s) => (
            <Button
              key={s.quoteId}
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setChoice(Object.fromEntries(lines.map((l) => [l.id, s.quoteId])));
                setConfirming(false);
              }}
            >
              {t("allTo", { supplier: s.name })}
            </Button>
          ))}
      </div>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-medium text-ink">{t("perLine")}</legend>
        {lines.map((l) => {
          const options = suppliers.filter((s) => s.prices[l.id] !== undefined);
          return (
            <div key={l.id} className="grid gap-1 sm:grid-cols-[1fr_18rem] sm:items-center">
              <label htmlFor={`win-${l.id}`} className="text-ink">
                {l.name}{" "}
                <span className="text-sm text-muted">
                  ({f.number(l.quantity)} {l.unit})
                </span>
              </label>
              <select
                id={`win-${l.id}`}
                name={`win-${l.id}`}
                value={choice[l.id] ?? ""}
                onChange={(e) => {
                  setChoice((c) => ({ ...c, [l.id]: e.target.value }));
                  setConfirming(false);
                }}
                className="block min-h-11 w-full rounded-lg border border-stone-400 bg-surface px-3 text-base text-ink focus:border-brand-500 focus:ring-3 focus:ring-brand-200 focus:outline-none"
              >
                <option value="">{t("none")}</option>
                {options.map((s) => (
                  <option key={s.quoteId} value={s.quoteId}>
                    {s.name} — {f.rupiah(BigInt(s.prices[l.id]))}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>

      {!confirming ? (
        <div>
          <Button type="button" disabled={plan.length === 0} onClick={() => setConfirming(true)}>
            {t("review")}
          </Button>
        </div>
      ) : (
        <section aria-labelledby="award-confirm" className="flex flex-col gap-3 rounded-lg border border-brand-200 bg-brand-50 p-4">
          <h3 id="award-confirm" className="font-semibold text-ink">
            {t("confirmTitle")}
          </h3>
          <ul className="flex flex-col gap-1 text-sm text-ink">
            {plan.map((p) => (
              <li key={p.quoteId}>{t("planLine", { supplier: p.name, lines: p.lineIds.length, value: f.rupiah(p.value) })}</li>
            ))}
          </ul>
          {unassigned > 0 && <p className="text-sm text-amber-900">{t("unassigned", { count: unassigned })}</p>}
          <div className="flex flex-col gap-1">
            <label htmlFor="award-scheme" className="font-medium text-ink">
              {t("scheme")}
            </label>
            <select
              id="award-scheme"
              value={scheme}
              onChange={(e) => setScheme(e.target.value)}
              className="block min-h-11 w-full max-w-md rounded-lg border border-stone-400 bg-surface px-3 text-base text-ink focus:border-brand-500 focus:ring-3 focus:ring-brand-200 focus:outline-none"
            >
              {schemes.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <p className="text-sm text-muted">{t("confirmHint")}</p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              disabled={pending}
              onClick={() =>
                startTransition(() => dispatch({ rfqId, scheme, awards: plan.map((p) => ({ quoteId: p.quoteId, rfqItemIds: p.lineIds })) }))
              }
            >
              {pending ? t("working") : t("confirm")}
            </Button>
            <Button type="button" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
              {t("back")}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
