"use client";
// The form of one onboarding step (identitas, lokasi, bidang, skala). It posts to the saveProfileStep server
// action, which validates with the same schema as the API, saves and redirects to the next step — with or
// without JavaScript. Field errors come back translated and are shown under each field (aria-invalid +
// aria-describedby through the UI kit). Inputs are controlled so a refused submission keeps what was typed.
import { useActionState, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocale, useTimeZone, useTranslations } from "@/lib/i18n/client";
import { Alert, Badge, Button, ButtonLink, Input, Select, SubmitButton, Textarea } from "@/components/ui";
import { saveProfileStep, searchKbliAction } from "@/lib/suppliers/actions";
import { formattersFor } from "@/lib/i18n/format";
import { parseNib, parseNpwp, formatNpwp } from "@/lib/suppliers/identifiers";
import { parseRupiahInput } from "@/lib/suppliers/rupiah";
import { deriveSizeClass } from "@/lib/suppliers/size-class";
import { LEGAL_FORMS } from "@/lib/enums";
import { SiteSelect, type SiteSelectOption } from "@/components/sites/site-select";
import { submitWithoutReset } from "./submit-without-reset";

export type FormStep = "identitas" | "lokasi" | "bidang" | "skala";

export interface KbliOption {
  code: string;
  title: string;
}

export interface ProfileStepFormProps {
  step: FormStep;
  /** Current values as strings (what the inputs show). */
  initial: Record<string, string>;
  provinces?: { code: string; name: string }[];
  regencies?: { code: string; name: string; provinceCode: string }[];
  /** The lokasi step: the industrial estates / UMKM centres to choose from (issue 12). */
  sites?: SiteSelectOption[];
  kbliSelected?: KbliOption[];
  /** Server-rendered search results for ?q= (the picker without JavaScript). */
  kbliResults?: KbliOption[] | null;
  kbliQuery?: string;
  /** "overview" when editing one section from the profile page. */
  then?: "next" | "overview";
  previousHref?: string | null;
}

type State = Awaited<ReturnType<typeof saveProfileStep>> | null;

function useValues(initial: Record<string, string>) {
  const [values, setValues] = useState(initial);
  const bind = (name: string) => ({
    name,
    value: values[name] ?? "",
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return { values, setValues, bind };
}

export function ProfileStepForm(props: ProfileStepFormProps) {
  const t = useTranslations("suppliers");
  const [state, dispatch] = useActionState<State, FormData>(saveProfileStep, null);
  const { values, setValues, bind } = useValues(props.initial);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const err = (name: string) => fields[name];
  const [kbli, setKbli] = useState<KbliOption[]>(props.kbliSelected ?? []);
  const [kbliResults, setKbliResults] = useState<KbliOption[] | null>(props.kbliResults ?? null);

  let body: ReactNode;
  switch (props.step) {
    case "identitas":
      body = <IdentityFields bind={bind} values={values} err={err} />;
      break;
    case "lokasi":
      body = (
        <LocationFields
          bind={bind}
          values={values}
          setValues={setValues}
          err={err}
          provinces={props.provinces ?? []}
          regencies={props.regencies ?? []}
          sites={props.sites ?? []}
        />
      );
      break;
    case "bidang":
      body = (
        <KbliSelection
          selected={kbli}
          setSelected={setKbli}
          results={kbliResults}
          errors={Object.entries(fields)
            .filter(([k]) => k === "kbli" || k.startsWith("kbli."))
            .flatMap(([, v]) => v)}
        />
      );
      break;
    case "skala":
      body = <SizeFields bind={bind} values={values} err={err} />;
      break;
  }

  return (
    <div className="flex flex-col gap-6">
      {props.step === "bidang" && <KbliSearch results={kbliResults} setResults={setKbliResults} initialQuery={props.kbliQuery ?? ""} />}
      <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="flex flex-col gap-5" noValidate>
        <input type="hidden" name="step" value={props.step} />
        <input type="hidden" name="then" value={props.then ?? "next"} />
        {state && !state.ok && (
          <Alert tone="danger" title={state.error.message}>
            {fields._?.join(" ")}
          </Alert>
        )}
        {body}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
          {props.previousHref ? (
            <ButtonLink href={props.previousHref} variant="ghost">
              {t("previous")}
            </ButtonLink>
          ) : (
            <span />
          )}
          <SubmitButton size="lg" pendingLabel={t("saveAndContinue")}>
            {props.then === "overview" ? t("saveAndBack") : t("saveAndContinue")}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

type Bind = ReturnType<typeof useValues>["bind"];
type Err = (name: string) => string[] | undefined;

function IdentityFields({ bind, values, err }: { bind: Bind; values: Record<string, string>; err: Err }) {
  const t = useTranslations("suppliers");
  const nib = values.nib?.trim() ? parseNib(values.nib) : null;
  const npwp = values.npwp?.trim() ? parseNpwp(values.npwp) : null;
  return (
    <>
      <Input
        label={t("fields.name")}
        description={t("fields.nameHint")}
        required
        autoComplete="organization"
        maxLength={160}
        error={err("name")}
        {...bind("name")}
      />
      <Select
        label={t("fields.legalForm")}
        placeholder={t("fields.legalFormPlaceholder")}
        options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`legalForms.${f}`) }))}
        error={err("legalForm")}
        {...bind("legalForm")}
      />
      <Input
        label={t("fields.nib")}
        description={nib?.ok && !err("nib") ? `${t("fields.nibHint")} ✓ ${t("fields.nibOk")}` : t("fields.nibHint")}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        error={err("nib")}
        {...bind("nib")}
      />
      <Input
        label={t("fields.npwp")}
        description={npwp?.ok && !err("npwp") ? `✓ ${t("fields.npwpOk", { value: formatNpwp(npwp.value) })}` : t("fields.npwpHint")}
        inputMode="numeric"
        autoComplete="off"
        maxLength={24}
        error={err("npwp")}
        {...bind("npwp")}
      />
      <Textarea
        label={t("fields.description")}
        description={t("fields.descriptionHint")}
        optional
        rows={4}
        maxLength={2000}
        error={err("description")}
        {...bind("description")}
      />
    </>
  );
}

function LocationFields({
  bind,
  values,
  setValues,
  err,
  provinces,
  regencies,
  sites,
}: {
  bind: Bind;
  values: Record<string, string>;
  setValues: ReturnType<typeof useValues>["setValues"];
  err: Err;
  provinces: { code: string; name: string }[];
  regencies: { code: string; name: string; provinceCode: string }[];
  sites: SiteSelectOption[];
}) {
  const t = useTranslations("suppliers");
  const province = values.provinceCode ?? "";
  const shown = province ? regencies.filter((r) => r.provinceCode === province) : regencies;
  const byProvince = useMemo(() => new Map(provinces.map((p) => [p.code, p.name])), [provinces]);
  return (
    <>
      <Select
        label={t("fields.province")}
        placeholder={t("fields.provincePlaceholder")}
        options={provinces.map((p) => ({ value: p.code, label: p.name }))}
        value={province}
        // not submitted: the regency code says which province
        onChange={(e) =>
          setValues((v) => ({
            ...v,
            provinceCode: e.target.value,
            regencyCode: v.regencyCode?.startsWith(`${e.target.value}.`) ? v.regencyCode : "",
          }))
        }
      />
      <Select
        label={t("fields.regency")}
        description={province ? undefined : t("fields.regencyHint")}
        placeholder={t("fields.regencyPlaceholder")}
        error={err("regencyCode")}
        {...bind("regencyCode")}
      >
        {province
          ? shown.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))
          : provinces.map((p) => (
              <optgroup key={p.code} label={byProvince.get(p.code)}>
                {regencies
                  .filter((r) => r.provinceCode === p.code)
                  .map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
              </optgroup>
            ))}
      </Select>
      <Textarea
        label={t("fields.address")}
        description={t("fields.addressHint")}
        optional
        rows={3}
        maxLength={500}
        autoComplete="street-address"
        error={err("address")}
        {...bind("address")}
      />
      {sites.length > 0 && <SiteSelect sites={sites} error={err("siteId")} {...bind("siteId")} />}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// KBLI picker: a search form (GET ?q= without JavaScript, live search with it) and the chosen codes as
// checkboxes inside the save form. An empty "kbli" value is always sent so that unticking all clears them.
// ---------------------------------------------------------------------------------------------

function KbliSearch({
  results,
  setResults,
  initialQuery,
}: {
  results: KbliOption[] | null;
  setResults: (r: KbliOption[] | null) => void;
  initialQuery: string;
}) {
  const t = useTranslations("suppliers.fields");
  const [q, setQ] = useState(initialQuery);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);

  async function run(query: string) {
    const id = ++latest.current;
    if (query.trim().length < 2) {
      setSearching(false);
      setResults(null);
      return;
    }
    setSearching(true);
    const res = await searchKbliAction({ q: query });
    if (id !== latest.current) return;
    setSearching(false);
    setResults(res.ok ? res.data.map((h) => ({ code: h.code, title: h.titleId })) : []);
  }

  useEffect(() => {
    if (q === initialQuery) return;
    const timer = setTimeout(() => void run(q), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <div className="flex flex-col gap-2">
      <form
        method="get"
        role="search"
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(q);
        }}
      >
        <Input
          className="flex-1"
          label={t("kbliSearch")}
          description={t("kbliSearchHint")}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
        />
        <Button type="submit" variant="outline">
          {t("kbliSearchButton")}
        </Button>
      </form>
      <p aria-live="polite" className="text-sm text-muted">
        {searching ? t("kbliSearching") : results && results.length === 0 ? t("kbliNoResults", { q }) : null}
      </p>
    </div>
  );
}

function KbliSelection({
  selected,
  setSelected,
  results,
  errors,
}: {
  selected: KbliOption[];
  setSelected: (f: (s: KbliOption[]) => KbliOption[]) => void;
  results: KbliOption[] | null;
  errors: string[];
}) {
  const t = useTranslations("suppliers.fields");
  const errorId = "kbli-error";
  const chosen = new Set(selected.map((k) => k.code));
  const offered = (results ?? []).filter((r) => !chosen.has(r.code));
  return (
    <fieldset
      aria-describedby={errors.length ? errorId : "kbli-hint"}
      aria-invalid={errors.length > 0 || undefined}
      className="flex flex-col gap-2"
    >
      <legend className="font-medium text-ink">{t("kbliSelected")}</legend>
      <p id="kbli-hint" className="text-sm text-muted">
        {t("kbliPrimaryHint")}
      </p>
      <input type="hidden" name="kbli" value="" />
      {selected.length === 0 ? (
        <p className="text-sm text-muted">{t("kbliNoneSelected")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {selected.map((k, i) => (
            <li key={k.code} className="flex items-start gap-3 rounded-lg border border-line px-3 py-2">
              <input
                type="checkbox"
                id={`kbli-${k.code}`}
                name="kbli"
                value={k.code}
                checked
                onChange={() => setSelected((s) => s.filter((x) => x.code !== k.code))}
                className="mt-1 size-5 shrink-0 accent-brand-700"
                aria-label={t("kbliRemove", { code: k.code })}
              />
              <label htmlFor={`kbli-${k.code}`} className="min-w-0 text-ink">
                <span className="font-mono text-sm">{k.code}</span> {k.title} {i === 0 && <Badge tone="brand">{t("kbliPrimary")}</Badge>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {offered.length > 0 && (
        <>
          <p className="mt-2 text-sm font-semibold text-ink">{t("kbliResults")}</p>
          <ul className="flex flex-col gap-2">
            {offered.map((r) => (
              <li key={r.code} className="flex items-start gap-3 rounded-lg border border-dashed border-line px-3 py-2">
                <input
                  type="checkbox"
                  id={`kbli-add-${r.code}`}
                  name="kbli"
                  value={r.code}
                  checked={false}
                  onChange={() => setSelected((s) => (s.some((x) => x.code === r.code) ? s : [...s, r]))}
                  className="mt-1 size-5 shrink-0 accent-brand-700"
                />
                <label htmlFor={`kbli-add-${r.code}`} className="min-w-0 text-ink">
                  <span className="font-mono text-sm">{r.code}</span> {r.title}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {errors.length > 0 && (
        <div id={errorId} className="text-sm font-medium text-red-800">
          {[...new Set(errors)].map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------------

function SizeFields({ bind, values, err }: { bind: Bind; values: Record<string, string>; err: Err }) {
  const t = useTranslations("suppliers");
  const tSize = useTranslations("sizeClasses");
  const f = formattersFor(useLocale(), useTimeZone());
  const capital = parseRupiahInput(values.capitalIdr ?? "");
  const sales = parseRupiahInput(values.annualSalesIdr ?? "");
  const derived = capital.ok && sales.ok ? deriveSizeClass({ capitalIdr: capital.value, annualSalesIdr: sales.value }) : null;
  const preview = (r: ReturnType<typeof parseRupiahInput>) => (r.ok && r.value !== null ? ` = ${f.rupiah(r.value)}` : "");
  return (
    <>
      <Input
        label={t("fields.capital")}
        description={`${t("fields.capitalHint")}${preview(capital)}`}
        inputMode="numeric"
        autoComplete="off"
        optional
        error={err("capitalIdr")}
        {...bind("capitalIdr")}
      />
      <Input
        label={t("fields.annualSales")}
        description={`${t("fields.annualSalesHint")}${preview(sales)}`}
        inputMode="numeric"
        autoComplete="off"
        optional
        error={err("annualSalesIdr")}
        {...bind("annualSalesIdr")}
      />
      <div aria-live="polite" className="rounded-lg border border-line bg-paper px-4 py-3">
        <p className="text-sm font-semibold text-muted">{t("size.live")}</p>
        {derived ? (
          <>
            <p className="mt-1 text-lg font-bold text-ink">
              {tSize(derived.sizeClass)}{" "}
              <span className="text-sm font-normal text-muted">
                {derived.basis === "annual_sales" ? t("size.bySales") : t("size.byCapital")}
              </span>
            </p>
            <p className={derived.sizeClass === "besar" ? "mt-1 text-sm font-medium text-red-800" : "mt-1 text-sm text-muted"}>
              {t(`size.explain.${derived.sizeClass}`)}
            </p>
          </>
        ) : (
          <p className="mt-1 text-sm text-muted">{t("size.empty")}</p>
        )}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Input label={t("fields.employees")} inputMode="numeric" optional error={err("employees")} {...bind("employees")} />
        <Input
          label={t("fields.foundedYear")}
          inputMode="numeric"
          optional
          maxLength={4}
          error={err("foundedYear")}
          {...bind("foundedYear")}
        />
      </div>
    </>
  );
}
