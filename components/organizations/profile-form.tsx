"use client";
// The organization profile form (/organisasi/profil): identity, address and region, industry, contact. Works
// without JavaScript (plain selects; the region picker lists every regency grouped by province). Validation,
// permissions and the review rule (identity changes of a verified organization wait for a platform admin) are
// in lib/organizations/profile.ts; this only shows the fields and the errors that come back.
import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Input, Select, SubmitButton } from "@/components/ui";
import { SiteSelect, type SiteSelectOption } from "@/components/sites/site-select";
import { submitWithoutReset } from "@/components/suppliers/submit-without-reset";
import { updateOrganizationProfile } from "@/lib/organizations/profile-actions";

type State = Awaited<ReturnType<typeof updateOrganizationProfile>> | null;

interface ProfileFormValues {
  id: string;
  type: string;
  verified: boolean;
  name: string;
  legalName: string;
  legalForm: string;
  npwp: string;
  isStateOwned: boolean;
  address: string;
  regencyCode: string;
  /** Buyers: the industrial estate they are on (issue 12). */
  siteId?: string;
  industry: string;
  industryKbli: string;
  website: string;
  email: string;
  phone: string;
}

export interface ProfileFormOptions {
  legalForms: { value: string; label: string }[];
  provinces: { code: string; name: string; regencies: { code: string; name: string }[] }[];
  kbli: { section: string; label: string; divisions: { code: string; label: string }[] }[];
  /** Buyers only: the reference list of estates (lib/sites). */
  sites?: SiteSelectOption[];
}

export function OrganizationProfileForm({ values, options }: { values: ProfileFormValues; options: ProfileFormOptions }) {
  const t = useTranslations("organizations.profile");
  const [state, dispatch] = useActionState<State, FormData>(updateOrganizationProfile, null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const err = (k: string) => fields[k];
  const otherError = state && !state.ok && Object.keys(fields).length === 0 ? state.error.message : null;
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} noValidate className="flex flex-col gap-8" aria-label={t("title")}>
      <input type="hidden" name="organizationId" value={values.id} />
      {state?.ok && (
        <Alert tone="success">
          <span role="status">{state.data.pending ? t("savedPending") : t("saved")}</span>
        </Alert>
      )}
      {state && !state.ok && <Alert tone="danger">{otherError ?? t("fixErrors")}</Alert>}

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t("identity")}</legend>
        {values.verified && <p className="text-sm text-muted">{t("identityReviewed")}</p>}
        <Input
          name="name"
          label={t("name")}
          defaultValue={values.name}
          required
          maxLength={160}
          autoComplete="organization"
          error={err("name")}
        />
        <Input name="legalName" label={t("legalName")} defaultValue={values.legalName} optional maxLength={200} error={err("legalName")} />
        <Select
          name="legalForm"
          label={t("legalForm")}
          defaultValue={values.legalForm}
          optional
          placeholder={t("choose")}
          options={options.legalForms}
          error={err("legalForm")}
        />
        <Input
          name="npwp"
          label={t("npwp")}
          description={t("npwpHint")}
          defaultValue={values.npwp}
          optional
          inputMode="numeric"
          maxLength={24}
          error={err("npwp")}
        />
        {values.type === "buyer" && (
          <Select
            name="isStateOwned"
            label={t("isStateOwned")}
            description={t("stateOwnedReviewed")}
            defaultValue={values.isStateOwned ? "true" : "false"}
            options={[
              { value: "false", label: t("stateOwnedNo") },
              { value: "true", label: t("stateOwnedYes") },
            ]}
            error={err("isStateOwned")}
          />
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t("addressSection")}</legend>
        <Input
          name="address"
          label={t("address")}
          defaultValue={values.address}
          optional
          maxLength={500}
          autoComplete="street-address"
          error={err("address")}
        />
        <Select
          name="regencyCode"
          label={t("regency")}
          defaultValue={values.regencyCode}
          optional
          placeholder={t("choose")}
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
        {values.type === "buyer" && options.sites && (
          <SiteSelect sites={options.sites} defaultValue={values.siteId ?? ""} error={err("siteId")} />
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t("industrySection")}</legend>
        <Select
          name="industryKbli"
          label={t("industryKbli")}
          defaultValue={values.industryKbli}
          optional
          placeholder={t("choose")}
          error={err("industryKbli")}
        >
          {options.kbli.map((s) => (
            <optgroup key={s.section} label={s.label}>
              <option value={s.section}>{s.label}</option>
              {s.divisions.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        <Input name="industry" label={t("industry")} defaultValue={values.industry} optional maxLength={160} error={err("industry")} />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t("contactSection")}</legend>
        <Input
          name="website"
          type="url"
          label={t("website")}
          defaultValue={values.website}
          optional
          maxLength={200}
          autoComplete="url"
          error={err("website")}
        />
        <Input
          name="email"
          type="email"
          label={t("email")}
          defaultValue={values.email}
          optional
          maxLength={200}
          autoComplete="email"
          error={err("email")}
        />
        <Input
          name="phone"
          type="tel"
          label={t("phone")}
          defaultValue={values.phone}
          optional
          maxLength={24}
          autoComplete="tel"
          error={err("phone")}
        />
      </fieldset>

      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
