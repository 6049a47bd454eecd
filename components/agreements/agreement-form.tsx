"use client";
// The agreement form: a new draft (/kemitraan/baru, with the partner chosen from a search) or an amendment
// (/kemitraan/[id]/ubah, carrying the version the user read). Scheme choice explains the chosen PP 7/2021
// form; milestones are rows (delivery with quantity and due date, amount and payment term). Field errors
// from the server show under each field; a stale version shows "someone changed this agreement; reload to
// see version N".
import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Input, Select, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { amendAgreementAction, createAgreementAction } from "@/lib/agreements/actions";
import { agreementRoutes } from "@/lib/agreements/routes";
import { withQuery } from "@/lib/app-url";

export interface MilestoneRow {
  title: string;
  quantity: string;
  unit: string;
  dueDate: string;
  amountIdr: string;
  paymentTermDays: string;
}

export interface AgreementFormValues {
  title: string;
  scheme: string;
  valueIdr: string;
  startDate: string;
  endDate: string;
  terms: string;
  milestones: MilestoneRow[];
}

export interface Counterparty {
  id: string;
  name: string;
  type: string;
  verified: boolean;
  place: string | null;
}

/** A consortium the chosen partner leads, formed by the buyer's organization (lib/agreements consortiumChoices). */
export interface ConsortiumOption {
  id: string;
  name: string;
  leadId: string;
  rfq: { id: string; title: string };
  members: { organizationId: string; name: string; shareQuantity: number | null; sharePercent: string | null }[];
}

type Result = (ActionResult<unknown> & { currentVersion?: number }) | null;

const EMPTY_ROW: MilestoneRow = { title: "", quantity: "", unit: "", dueDate: "", amountIdr: "", paymentTermDays: "" };

export function AgreementForm(props: {
  mode: "create" | "amend";
  initial: AgreementFormValues;
  schemes: { value: string; label: string; description: string }[];
  counterparties?: Counterparty[];
  counterpartyId?: string;
  counterpartyHint?: string;
  /** Consortia led by the listed partners: offered under "Sebagai konsorsium" when that partner is chosen. */
  consortia?: ConsortiumOption[];
  id?: string;
  version?: number;
  cancelHref: string;
}) {
  const t = useTranslations("agreements");
  const tc = useTranslations("common");
  const tTypes = useTranslations("orgTypes");
  const locale = useLocale();
  const formId = useId();
  const action = props.mode === "create" ? createAgreementAction : amendAgreementAction;
  const [state, dispatch, pending] = useActionState<Result, FormData>(action as (s: Result, f: FormData) => Promise<Result>, null);
  const [scheme, setScheme] = useState(props.initial.scheme);
  const [partner, setPartner] = useState(props.counterpartyId ?? "");
  const [consortiumId, setConsortiumId] = useState("");
  const [rows, setRows] = useState(Math.max(props.initial.milestones.length, props.mode === "create" ? 2 : 1));
  const summaryRef = useRef<HTMLDivElement>(null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const err = (k: string) => fields[k];

  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
    if (state?.ok && props.mode === "amend") window.location.assign(withQuery(agreementRoutes.detail(props.id ?? ""), { saved: "1" }));
  }, [state, props.mode, props.id]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  }

  const schemeInfo = props.schemes.find((s) => s.value === scheme);
  const partnerConsortia = (props.consortia ?? []).filter((c) => c.leadId === partner);
  const chosenConsortium = partnerConsortia.find((c) => c.id === consortiumId);
  const shareText = (m: ConsortiumOption["members"][number]) =>
    m.sharePercent != null
      ? t("fields.consortiumShare", { share: `${Number(m.sharePercent).toLocaleString(locale)}%` })
      : m.shareQuantity != null
        ? t("fields.consortiumShareQuantity", { quantity: m.shareQuantity.toLocaleString(locale) })
        : "";
  const memberText = (m: ConsortiumOption["members"][number]) => (shareText(m) ? `${m.name} (${shareText(m)})` : m.name);
  const conflict = state && !state.ok && state.error.code === "conflict";

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-6"
      aria-label={props.mode === "create" ? t("form.newTitle") : t("detail.amend")}
    >
      {state && !state.ok && (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert
            tone="danger"
            title={conflict ? undefined : t("form.summary")}
            actions={
              conflict ? (
                <Button size="sm" variant="outline" onClick={() => window.location.reload()}>
                  {t("form.reload")}
                </Button>
              ) : undefined
            }
          >
            {conflict || !state.error.fields ? state.error.message : (fields.milestones ?? fields._)?.join(" ")}
          </Alert>
        </div>
      )}
      {props.id && <input type="hidden" name="id" value={props.id} />}
      {props.version !== undefined && <input type="hidden" name="version" value={props.version} />}

      {props.mode === "create" && (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium text-ink">{t("fields.counterparty")}</legend>
          {props.counterpartyHint && <p className="text-sm text-muted">{props.counterpartyHint}</p>}
          {props.counterparties && props.counterparties.length > 0 ? (
            <ul className="grid gap-2 sm:grid-cols-2">
              {props.counterparties.map((c) => (
                <li key={c.id}>
                  <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line bg-surface px-3 py-2 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                    <input
                      type="radio"
                      name="counterpartyId"
                      value={c.id}
                      defaultChecked={c.id === props.counterpartyId}
                      onChange={() => {
                        setPartner(c.id);
                        setConsortiumId("");
                      }}
                      className="mt-1 size-4 accent-brand-700"
                    />
                    <span>
                      <span className="block font-medium text-ink">{c.name}</span>
                      <span className="block text-sm text-muted">
                        {tTypes(c.type)}
                        {c.place ? ` · ${c.place}` : ""}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("fields.counterpartyNone")}</p>
          )}
          {err("counterpartyId") && (
            <p className="text-sm font-medium text-red-800" role="alert">
              {err("counterpartyId")!.join(" ")}
            </p>
          )}
        </fieldset>
      )}

      {props.mode === "create" && (partnerConsortia.length > 0 || err("consortiumId")) && (
        <div className="flex flex-col gap-2">
          <Select
            name="consortiumId"
            label={t("fields.consortium")}
            description={t("fields.consortiumHint")}
            placeholder={t("fields.consortiumNone")}
            options={partnerConsortia.map((c) => ({
              value: c.id,
              label: t("fields.consortiumOption", { name: c.name, rfq: c.rfq.title, members: c.members.map(memberText).join(", ") }),
            }))}
            value={consortiumId}
            onChange={(e) => setConsortiumId(e.target.value)}
            error={err("consortiumId")}
          />
          <div aria-live="polite">
            {chosenConsortium && (
              <div className="rounded-lg bg-accent-50 px-3 py-2 text-sm text-ink">
                <p>
                  <span className="font-semibold">{chosenConsortium.name}</span> ·{" "}
                  {t("fields.consortiumRfq", { rfq: chosenConsortium.rfq.title })}
                </p>
                <p className="mt-1" id={`${formId}-consortium-parties`}>
                  {t("fields.consortiumPartiesLead")}
                </p>
                <ul className="mt-1 list-disc pl-5" aria-labelledby={`${formId}-consortium-parties`}>
                  {chosenConsortium.members.map((m) => (
                    <li key={m.organizationId}>
                      {m.name}
                      {m.organizationId === chosenConsortium.leadId ? ` · ${t("fields.consortiumLead")}` : ""}
                      {shareText(m) ? ` · ${shareText(m)}` : ""}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </div>
      )}

      <Input
        name="title"
        label={t("fields.title")}
        description={t("fields.titleHint")}
        defaultValue={props.initial.title}
        required
        maxLength={200}
        error={err("title")}
      />
      <div className="flex flex-col gap-2">
        <Select
          name="scheme"
          label={t("fields.scheme")}
          description={t("fields.schemeHint")}
          placeholder={t("fields.schemePlaceholder")}
          options={props.schemes.map((s) => ({ value: s.value, label: s.label }))}
          value={scheme}
          onChange={(e) => setScheme(e.target.value)}
          error={err("scheme")}
        />
        {schemeInfo && (
          <p className="rounded-lg bg-accent-50 px-3 py-2 text-sm text-ink" aria-live="polite">
            <span className="font-semibold">{schemeInfo.label}: </span>
            {schemeInfo.description}
          </p>
        )}
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <Input
          name="valueIdr"
          label={t("fields.valueIdr")}
          description={t("fields.valueHint")}
          inputMode="numeric"
          defaultValue={props.initial.valueIdr}
          required
          error={err("valueIdr")}
        />
        <Input
          name="startDate"
          type="date"
          label={t("fields.startDate")}
          defaultValue={props.initial.startDate}
          required
          error={err("startDate")}
        />
        <Input
          name="endDate"
          type="date"
          label={t("fields.endDate")}
          defaultValue={props.initial.endDate}
          required
          error={err("endDate")}
        />
      </div>
      <Textarea
        name="terms"
        label={t("fields.terms")}
        description={t("fields.termsHint")}
        optional
        defaultValue={props.initial.terms}
        rows={5}
        error={err("terms")}
      />

      <fieldset className="flex flex-col gap-4">
        <legend className="font-medium text-ink">{t("fields.milestones")}</legend>
        <p className="text-sm text-muted">{t("fields.milestonesHint")}</p>
        {Array.from({ length: rows }, (_, i) => {
          const m = props.initial.milestones[i] ?? EMPTY_ROW;
          const k = (f: string) => `milestones.${i}.${f}`;
          return (
            <div
              key={i}
              role="group"
              aria-label={t("fields.milestoneN", { n: i + 1 })}
              className="grid gap-3 rounded-lg border border-line p-3 sm:grid-cols-6"
            >
              <p className="font-semibold text-ink sm:col-span-6">{t("fields.milestoneN", { n: i + 1 })}</p>
              <Input
                name={k("title")}
                label={t("fields.milestoneTitle")}
                defaultValue={m.title}
                className="sm:col-span-3"
                error={err(k("title"))}
              />
              <Input
                name={k("quantity")}
                label={t("fields.quantity")}
                inputMode="numeric"
                defaultValue={m.quantity}
                optional
                error={err(k("quantity"))}
              />
              <Input
                name={k("unit")}
                label={t("fields.unit")}
                defaultValue={m.unit}
                optional
                className="sm:col-span-2"
                error={err(k("unit"))}
              />
              <Input
                name={k("dueDate")}
                type="date"
                label={t("fields.dueDate")}
                defaultValue={m.dueDate}
                className="sm:col-span-2"
                error={err(k("dueDate"))}
              />
              <Input
                name={k("amountIdr")}
                label={t("fields.amountIdr")}
                inputMode="numeric"
                defaultValue={m.amountIdr}
                optional
                className="sm:col-span-2"
                error={err(k("amountIdr"))}
              />
              <Input
                name={k("paymentTermDays")}
                label={t("fields.paymentTermDays")}
                inputMode="numeric"
                defaultValue={m.paymentTermDays}
                optional
                className="sm:col-span-2"
                error={err(k("paymentTermDays"))}
              />
            </div>
          );
        })}
        <div>
          <Button variant="outline" size="sm" onClick={() => setRows((n) => Math.min(n + 1, 50))}>
            {t("fields.addMilestone")}
          </Button>
        </div>
      </fieldset>

      {props.mode === "amend" && (
        <Input
          name="changeNote"
          label={t("fields.changeNote")}
          description={t("fields.changeNoteHint")}
          optional
          maxLength={500}
          error={err("changeNote")}
        />
      )}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending || undefined}>
          {pending ? tc("saving") : props.mode === "create" ? t("form.create") : t("form.saveAmendment")}
        </Button>
        <a
          href={props.cancelHref}
          className="inline-flex min-h-11 items-center rounded-lg px-4 font-semibold text-brand-800 hover:bg-brand-50"
        >
          {tc("cancel")}
        </a>
      </div>
    </form>
  );
}
