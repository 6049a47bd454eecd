"use client";
// The RFQ form (/rfq/baru and /rfq/[id]/ubah): title, KBLI (searchable picker), delivery regency (province →
// regency), deadline (on the buyer organization's clock, its zone named: WIB, WITA or WIT), line items added
// and removed in place, required certificates, minimum TKDN,
// visibility and sealing. It posts to the server action, which validates with the same schema as the API;
// field errors (including per line item: "items.1.quantity") come back translated and are shown in place.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTimeZone, useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Checkbox, Input, Select, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { CERTIFICATION_TYPES, RFQ_VISIBILITIES } from "@/lib/enums";
import { createRfqAction, searchKbliForRfqAction, updateRfqAction } from "@/lib/rfqs/actions";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { timeZoneAbbreviation, WIB } from "@/lib/i18n/format";

export interface RfqFormItem {
  key: string;
  name: string;
  specification: string;
  quantity: string;
  unit: string;
  targetUnitPriceIdr: string;
}

export interface RfqFormValues {
  id?: string;
  title: string;
  description: string;
  kbli: { code: string; title: string } | null;
  provinceCode: string;
  deliveryRegencyCode: string;
  /** "YYYY-MM-DDTHH:mm" on the buyer organization's clock (the viewer's zone: they act for it). */
  deadline: string;
  items: Omit<RfqFormItem, "key">[];
  requiredCertifications: string[];
  minTkdn: string;
  visibility: "public" | "invited";
  sealed: boolean;
  /** The cluster the RFQ is posted to ("" for none). */
  clusterId?: string;
}

/** A cluster the buyer may post to (every cluster; those it anchors first and marked). */
export interface RfqFormCluster {
  id: string;
  name: string;
  anchored: boolean;
}

let counter = 0;
const newKey = () => `item-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const emptyItem = (): RfqFormItem => ({ key: newKey(), name: "", specification: "", quantity: "", unit: "", targetUnitPriceIdr: "" });

export function RfqForm({
  initial,
  provinces,
  regencies,
  clusters = [],
}: {
  initial?: RfqFormValues;
  provinces: { code: string; name: string }[];
  regencies: { code: string; name: string; provinceCode: string }[];
  clusters?: RfqFormCluster[];
}) {
  const t = useTranslations("rfqs.form");
  const zone = timeZoneAbbreviation(useTimeZone() ?? WIB);
  const tc = useTranslations("common");
  const tCert = useTranslations("certifications");
  const router = useRouter();
  const action = initial?.id ? updateRfqAction : createRfqAction;
  const [state, dispatch, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(action, null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};

  const [items, setItems] = useState<RfqFormItem[]>(() =>
    initial?.items.length ? initial.items.map((it) => ({ ...it, key: newKey() })) : [emptyItem()],
  );
  const [province, setProvince] = useState(initial?.provinceCode ?? "");
  const [regency, setRegency] = useState(initial?.deliveryRegencyCode ?? "");
  const [kbli, setKbli] = useState<{ code: string; title: string } | null>(initial?.kbli ?? null);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      router.push(rfqRoutes.detail(state.data.id, { saved: true }));
      router.refresh();
    } else summaryRef.current?.focus();
  }, [state, router]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault(); // keep what was typed when the server answers with errors
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  }

  const update = (key: string, patch: Partial<RfqFormItem>) =>
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));
  const shownRegencies = province ? regencies.filter((r) => r.provinceCode === province) : [];
  const itemsError = fields.items;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label={initial?.id ? t("editTitle") : t("newTitle")}>
      {state && !state.ok && (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="danger" title={t("errorSummary")}>
            {state.error.fields ? null : state.error.message}
          </Alert>
        </div>
      )}
      {initial?.id && <input type="hidden" name="id" value={initial.id} />}

      <Input
        name="title"
        label={t("title")}
        description={t("titleHint")}
        defaultValue={initial?.title}
        required
        maxLength={200}
        error={fields.title}
      />
      <Textarea
        name="description"
        label={t("description")}
        description={t("descriptionHint")}
        optional
        defaultValue={initial?.description}
        rows={4}
        error={fields.description}
      />

      <KbliPicker value={kbli} onChange={setKbli} error={fields.kbli} />

      <div className="grid gap-5 sm:grid-cols-2">
        <Select
          label={t("province")}
          placeholder={t("provincePlaceholder")}
          value={province}
          onChange={(e) => {
            setProvince(e.target.value);
            if (!regency.startsWith(`${e.target.value}.`)) setRegency("");
          }}
          options={provinces.map((p) => ({ value: p.code, label: p.name }))}
        />
        <Select
          name="deliveryRegencyCode"
          label={t("regency")}
          description={province ? undefined : t("regencyHint")}
          placeholder={t("regencyPlaceholder")}
          value={regency}
          onChange={(e) => setRegency(e.target.value)}
          disabled={!province}
          error={fields.deliveryRegencyCode}
          options={shownRegencies.map((r) => ({ value: r.code, label: r.name }))}
        />
      </div>

      <Input
        type="datetime-local"
        name="deadline"
        label={t("deadline", { zone })}
        description={t("deadlineHint")}
        defaultValue={initial?.deadline}
        required
        error={fields.deadline}
        className="sm:max-w-xs"
      />

      <fieldset className="flex flex-col gap-4" aria-describedby={itemsError ? "items-error" : undefined}>
        <legend className="text-lg font-semibold text-ink">{t("items")}</legend>
        <p className="text-sm text-muted">{t("itemsHint")}</p>
        {itemsError && (
          <p id="items-error" className="text-sm font-medium text-red-700">
            {itemsError.join(" ")}
          </p>
        )}
        <ol className="flex flex-col gap-4">
          {items.map((it, i) => {
            const f = (name: string) => fields[`items.${i}.${name}`];
            return (
              <li key={it.key} className="rounded-lg border border-stone-300 bg-white p-4" aria-label={t("itemNumber", { n: i + 1 })}>
                <div className="mb-3 flex items-center justify-between gap-2">
                  <h3 className="font-semibold text-ink">{t("itemNumber", { n: i + 1 })}</h3>
                  {items.length > 1 && (
                    <Button size="sm" variant="ghost" onClick={() => setItems((l) => l.filter((x) => x.key !== it.key))}>
                      {t("removeItem", { n: i + 1 })}
                    </Button>
                  )}
                </div>
                <div className="grid gap-4 sm:grid-cols-6">
                  <Input
                    className="sm:col-span-6"
                    name={`items.${i}.name`}
                    label={t("itemName")}
                    value={it.name}
                    onChange={(e) => update(it.key, { name: e.target.value })}
                    required
                    maxLength={200}
                    error={f("name")}
                  />
                  <Textarea
                    className="sm:col-span-6"
                    name={`items.${i}.specification`}
                    label={t("itemSpecification")}
                    optional
                    rows={2}
                    value={it.specification}
                    onChange={(e) => update(it.key, { specification: e.target.value })}
                    error={f("specification")}
                  />
                  <Input
                    className="sm:col-span-2"
                    name={`items.${i}.quantity`}
                    label={t("itemQuantity")}
                    inputMode="numeric"
                    value={it.quantity}
                    onChange={(e) => update(it.key, { quantity: e.target.value })}
                    required
                    error={f("quantity")}
                  />
                  <Input
                    className="sm:col-span-2"
                    name={`items.${i}.unit`}
                    label={t("itemUnit")}
                    description={t("itemUnitHint")}
                    value={it.unit}
                    onChange={(e) => update(it.key, { unit: e.target.value })}
                    required
                    maxLength={30}
                    error={f("unit")}
                  />
                  <Input
                    className="sm:col-span-2"
                    name={`items.${i}.targetUnitPriceIdr`}
                    label={t("itemTarget")}
                    description={t("itemTargetHint")}
                    optional
                    inputMode="numeric"
                    value={it.targetUnitPriceIdr}
                    onChange={(e) => update(it.key, { targetUnitPriceIdr: e.target.value })}
                    error={f("targetUnitPriceIdr")}
                  />
                </div>
              </li>
            );
          })}
        </ol>
        <div>
          <Button variant="outline" onClick={() => setItems((l) => [...l, emptyItem()])} disabled={items.length >= 100}>
            {t("addItem")}
          </Button>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-semibold text-ink">{t("requirements")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2" role="group" aria-label={t("certifications")}>
          {CERTIFICATION_TYPES.map((c) => (
            <Checkbox
              key={c}
              name="requiredCertifications[]"
              value={c}
              label={tCert(c)}
              defaultChecked={initial?.requiredCertifications.includes(c)}
            />
          ))}
        </div>
        {fields.requiredCertifications && <p className="text-sm text-red-700">{fields.requiredCertifications.join(" ")}</p>}
        <Input
          name="minTkdn"
          label={t("minTkdn")}
          description={t("minTkdnHint")}
          optional
          inputMode="decimal"
          defaultValue={initial?.minTkdn}
          error={fields.minTkdn}
          className="sm:max-w-xs"
        />
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-semibold text-ink">{t("visibility")}</legend>
        {RFQ_VISIBILITIES.map((v) => (
          <label key={v} className="flex items-start gap-2">
            <input
              type="radio"
              name="visibility"
              value={v}
              defaultChecked={(initial?.visibility ?? "public") === v}
              className="mt-1 size-4 accent-brand-700"
            />
            <span>
              <span className="font-medium text-ink">{t(`visibility_${v}`)}</span>
              <span className="block text-sm text-muted">{t(`visibility_${v}Hint`)}</span>
            </span>
          </label>
        ))}
        {clusters.length > 0 && (
          <Select
            name="clusterId"
            label={t("cluster")}
            description={t("clusterHint")}
            optional
            defaultValue={initial?.clusterId ?? ""}
            error={fields.clusterId}
            placeholder={t("clusterNone")}
            options={clusters.map((c) => ({ value: c.id, label: c.anchored ? t("clusterAnchored", { name: c.name }) : c.name }))}
          />
        )}
        <Checkbox name="sealed" value="on" label={t("sealed")} description={t("sealedHint")} defaultChecked={initial?.sealed} />
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending || undefined}>
          {pending ? tc("saving") : initial?.id ? tc("save") : t("saveDraft")}
        </Button>
        <Button variant="outline" onClick={() => router.push(initial?.id ? rfqRoutes.detail(initial.id) : rfqRoutes.list())}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}

/** KBLI 2020 picker: type words or digits, choose one five-digit code from the results. */
function KbliPicker({
  value,
  onChange,
  error,
}: {
  value: { code: string; title: string } | null;
  onChange: (v: { code: string; title: string } | null) => void;
  error?: string[];
}) {
  const t = useTranslations("rfqs.form");
  const [q, setQ] = useState("");
  const [results, setResults] = useState<{ code: string; titleId: string; parentTitle: string | null }[] | null>(null);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  // A query too short to search clears the results at once (in the event, not in the effect below).
  const changeQuery = (next: string) => {
    setQ(next);
    if (next.trim().length < 2) setResults(null);
  };

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      setSearching(true);
      const res = await searchKbliForRfqAction({ q: query });
      if (mine !== seq.current) return;
      setSearching(false);
      setResults(res.ok ? res.data : []);
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? "kbli-error" : "kbli-hint"} aria-invalid={error ? true : undefined}>
      <legend className="font-medium text-ink">{t("kbli")}</legend>
      <p id="kbli-hint" className="text-sm text-muted">
        {t("kbliHint")}
      </p>
      <input type="hidden" name="kbli" value={value?.code ?? ""} />
      {value ? (
        <p className="flex flex-wrap items-center gap-2 rounded-lg bg-brand-50 px-3 py-2 text-sm text-ink" aria-live="polite">
          <span>
            <span className="font-semibold tabular-nums">{value.code}</span> — {value.title}
          </span>
          <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
            {t("kbliChange")}
          </Button>
        </p>
      ) : (
        <>
          <Input
            label={t("kbliSearch")}
            hideLabel
            type="search"
            value={q}
            onChange={(e) => changeQuery(e.target.value)}
            placeholder={t("kbliSearchPlaceholder")}
            autoComplete="off"
          />
          <p className="text-sm text-muted" aria-live="polite">
            {searching ? t("kbliSearching") : results && results.length === 0 ? t("kbliNoResults", { q }) : null}
          </p>
          {results && results.length > 0 && (
            <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-lg border border-stone-300 bg-white p-1">
              {results.map((r) => (
                <li key={r.code}>
                  <button
                    type="button"
                    className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-700"
                    onClick={() => {
                      onChange({ code: r.code, title: r.titleId });
                      changeQuery("");
                      setResults(null);
                    }}
                  >
                    <span className="font-semibold tabular-nums">{r.code}</span> — {r.titleId}
                    {r.parentTitle && <span className="block text-xs text-muted">{r.parentTitle}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && (
        <p id="kbli-error" className="text-sm font-medium text-red-700">
          {error.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
