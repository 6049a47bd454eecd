"use client";
// The /admin/kawasan forms (issue 12): add or edit a site of the reference list, and remove one. Each posts to
// a lib/sites server action; errors come back translated, on their fields where they have one. Plain props
// only (no zod in client components).
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Input, Select, SubmitButton } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { createSiteAction, deleteSiteAction, updateSiteAction } from "@/lib/sites/actions";

interface SiteFormValues {
  id?: string;
  name: string;
  kind: string;
  regencyCode: string;
  lat: string;
  lon: string;
  operator: string;
  website: string;
  source: string;
}

interface SiteFormOptions {
  kinds: { value: string; label: string }[];
  provinces: { code: string; name: string; regencies: { code: string; name: string }[] }[];
}

type Saved = ActionResult<{ id: string; redirectTo?: string }>;

export function SiteForm({ values, options }: { values: SiteFormValues; options: SiteFormOptions }) {
  const t = useTranslations("sites.admin");
  const router = useRouter();
  const editing = Boolean(values.id);
  const [state, formAction] = useActionState<Saved | null, FormData>(async (prev, form) => {
    const r: Saved = editing ? await updateSiteAction(prev, form) : await createSiteAction(prev, form);
    if (r.ok && r.data.redirectTo) router.push(r.data.redirectTo);
    return r;
  }, null);
  const error = state && !state.ok ? state.error : null;
  const err = (name: string) => error?.fields?.[name];
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {state?.ok && editing && <Alert tone="success">{t("saved")}</Alert>}
      {error && !error.fields && <Alert tone="danger">{error.message}</Alert>}
      <Input label={t("fields.name")} name="name" required defaultValue={values.name} maxLength={160} error={err("name")} />
      <Select label={t("fields.kind")} name="kind" defaultValue={values.kind} options={options.kinds} error={err("kind")} />
      <Select
        label={t("fields.regency")}
        name="regencyCode"
        required
        defaultValue={values.regencyCode}
        placeholder={t("fields.regencyPlaceholder")}
        error={err("regencyCode")}
      >
        {options.provinces.map((p) => (
          <optgroup key={p.code} label={p.name}>
            {p.regencies.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Input label={t("fields.operator")} name="operator" optional defaultValue={values.operator} maxLength={200} error={err("operator")} />
      <Input
        label={t("fields.website")}
        name="website"
        type="url"
        inputMode="url"
        optional
        defaultValue={values.website}
        maxLength={500}
        error={err("website")}
      />
      <Input
        label={t("fields.source")}
        name="source"
        type="url"
        inputMode="url"
        optional
        description={t("fields.sourceHint")}
        defaultValue={values.source}
        maxLength={500}
        error={err("source")}
      />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm text-muted sm:col-span-2">{t("fields.pointHint")}</legend>
        <Input
          label={t("fields.lat")}
          name="lat"
          inputMode="decimal"
          optional
          defaultValue={values.lat}
          maxLength={20}
          error={err("lat")}
        />
        <Input
          label={t("fields.lon")}
          name="lon"
          inputMode="decimal"
          optional
          defaultValue={values.lon}
          maxLength={20}
          error={err("lon")}
        />
      </fieldset>
      <SubmitButton className="self-start" pendingLabel={t("pending")}>
        {editing ? t("submitUpdate") : t("submitCreate")}
      </SubmitButton>
    </form>
  );
}

export function DeleteSiteForm({ id }: { id: string }) {
  const t = useTranslations("sites.admin");
  const router = useRouter();
  const [state, formAction] = useActionState<Saved | null, FormData>(async (prev, form) => {
    const r = await deleteSiteAction(prev, form);
    if (r.ok && r.data.redirectTo) router.push(r.data.redirectTo);
    return r;
  }, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-muted">{t("deleteHint")}</p>
      {error && <Alert tone="danger">{error.message}</Alert>}
      <SubmitButton className="self-start" variant="danger" pendingLabel={t("deletePending")}>
        {t("delete")}
      </SubmitButton>
    </form>
  );
}
