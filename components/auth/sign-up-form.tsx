"use client";
// Sign-up: the signUp server action creates the user and their organization (checked and validated in
// lib/), field errors come back localized and are shown under each field; on success the browser signs in
// with the same email and password (next-auth credentials) and goes to /dasbor.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "./credentials-sign-in";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Input, Select, cn } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { signUp, type SignUpResult } from "@/lib/auth/actions";
import { DEFAULT_AFTER_SIGN_IN } from "./callback-url";
import { useHydrated } from "./use-hydrated";
import { authRoutes } from "@/lib/auth/routes";

// The same list as lib/auth/schemas.ts SIGNUP_ORG_TYPES (not imported: that module pulls zod into the client).
const ORG_TYPES = ["umkm", "buyer", "cooperative", "cluster_manager", "regional_government"] as const;
type OrgTypeChoice = (typeof ORG_TYPES)[number];

export interface SignUpRegions {
  provinces: { code: string; name: string }[];
  regencies: { code: string; name: string; provinceCode: string }[];
}

export function SignUpForm({ regions }: { regions: SignUpRegions }) {
  const t = useTranslations("auth.signUp");
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<ActionResult<SignUpResult> | null, FormData>(signUp, null);
  const [orgType, setOrgType] = useState<OrgTypeChoice | null>(null);
  const [scopeLevel, setScopeLevel] = useState<"province" | "regency">("province");
  const [scopeProvince, setScopeProvince] = useState("");
  const [signingIn, setSigningIn] = useState(false);
  const [signInFailed, setSignInFailed] = useState(false);
  const hydrated = useHydrated();
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const errorSummaryRef = useRef<HTMLDivElement>(null);

  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const fieldError = (name: string) => fields[name];

  useEffect(() => {
    if (!state) return;
    if (!state.ok) {
      errorSummaryRef.current?.focus();
      return;
    }
    const creds = credentials.current;
    credentials.current = null;
    if (!creds) return;
    setSigningIn(true);
    signIn("credentials", { redirect: false, email: creds.email, password: creds.password, callbackUrl: DEFAULT_AFTER_SIGN_IN })
      .then((res) => {
        if (!res || res.error || !res.ok) throw new Error(res?.error ?? "sign-in failed");
        router.replace(DEFAULT_AFTER_SIGN_IN);
        router.refresh();
      })
      .catch(() => {
        // The account exists; only the automatic sign-in failed (e.g. rate limit). Send them to /masuk.
        setSigningIn(false);
        setSignInFailed(true);
      });
  }, [state, router]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // Submitted through startTransition rather than <form action>, so React does not reset the fields when
    // the server answers with errors.
    e.preventDefault();
    if (pending || signingIn) return;
    const fd = new FormData(e.currentTarget);
    credentials.current = { email: String(fd.get("email") ?? ""), password: String(fd.get("password") ?? "") };
    startTransition(() => dispatch(fd));
  }

  if (signInFailed) {
    return (
      <Alert tone="success" title={t("created.title")}>
        {t("created.signInManually")}{" "}
        <a href={authRoutes.signIn()} className="font-semibold underline">
          {t("signInLink")}
        </a>
      </Alert>
    );
  }

  const busy = pending || signingIn;
  const typeError = fieldError("organization.type");
  const awaitingVerification = orgType !== null && orgType !== "umkm";
  const scopeError = [...(fieldError("organization.regionProvinceCode") ?? []), ...(fieldError("organization.regionRegencyCode") ?? [])];
  const provinceRegencies = regions.regencies.filter((r) => r.provinceCode === scopeProvince);

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {state && !state.ok && (
        <div ref={errorSummaryRef} tabIndex={-1} className="outline-none">
          <Alert tone="danger">{state.error.code === "invalid_input" ? t("errors.invalidInput") : state.error.message}</Alert>
        </div>
      )}
      {state?.ok && (
        <Alert tone="success" title={t("created.title")}>
          {t("created.signingIn")}
        </Alert>
      )}

      <Input label={t("name")} name="name" autoComplete="name" required minLength={2} maxLength={120} error={fieldError("name")} />
      <Input
        label={t("email")}
        description={t("emailHint")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        error={fieldError("email")}
      />
      <Input
        label={t("password")}
        description={t("passwordHint")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        error={fieldError("password")}
      />
      <Input
        label={t("organizationName")}
        description={t("organizationNameHint")}
        name="organization.name"
        autoComplete="organization"
        required
        error={fieldError("organization.name")}
      />

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={typeError ? "org-type-error" : undefined}
        aria-invalid={typeError ? true : undefined}
      >
        <legend className="mb-1 font-medium text-ink">{t("organizationType")}</legend>
        {ORG_TYPES.map((type) => (
          <label
            key={type}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-3 transition-colors",
              orgType === type ? "border-brand-500 bg-brand-50" : "border-stone-300 bg-surface hover:border-brand-300",
              typeError && "border-red-700",
            )}
          >
            <input
              type="radio"
              name="organization.type"
              value={type}
              required
              checked={orgType === type}
              onChange={() => setOrgType(type)}
              aria-labelledby={`org-type-${type}-label`}
              aria-describedby={`org-type-${type}-hint`}
              className="mt-1 size-5 shrink-0 accent-brand-700"
            />
            <span className="min-w-0">
              <span id={`org-type-${type}-label`} className="block font-semibold text-ink">
                {t(`organizationTypes.${type}`)}
              </span>
              <span id={`org-type-${type}-hint`} className="block text-sm text-muted">
                {t(`organizationTypeHints.${type}`)}
              </span>
            </span>
          </label>
        ))}
        {typeError && (
          <p id="org-type-error" className="text-sm font-medium text-red-800">
            {typeError.join(" ")}
          </p>
        )}
        {awaitingVerification && (
          <p className="rounded-lg bg-accent-50 px-3 py-2 text-sm text-accent-800" role="status">
            {t("verificationNote")}
          </p>
        )}
      </fieldset>

      {orgType === "regional_government" && (
        <fieldset className="flex flex-col gap-3 rounded-lg border border-stone-300 p-3">
          <legend className="px-1 font-medium text-ink">{t("scopeLegend")}</legend>
          <p className="text-sm text-muted">{t("scopeHint")}</p>
          <div role="radiogroup" aria-label={t("scopeLevel")} className="flex flex-wrap gap-4">
            {(["province", "regency"] as const).map((level) => (
              <label key={level} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="scopeLevel"
                  value={level}
                  checked={scopeLevel === level}
                  onChange={() => setScopeLevel(level)}
                  className="size-5 accent-brand-700"
                />
                {t(level === "province" ? "scopeProvinceLevel" : "scopeRegencyLevel")}
              </label>
            ))}
          </div>
          <Select
            label={t("scopeProvince")}
            // Only the chosen level's code is sent: a province government names its province, a regency one its regency.
            name={scopeLevel === "province" ? "organization.regionProvinceCode" : undefined}
            value={scopeProvince}
            onChange={(e) => setScopeProvince(e.target.value)}
            placeholder={t("scopeChooseProvince")}
            options={regions.provinces.map((p) => ({ value: p.code, label: p.name }))}
            error={scopeLevel === "province" && scopeError.length ? scopeError : undefined}
          />
          {scopeLevel === "regency" && (
            <Select
              key={scopeProvince}
              label={t("scopeRegency")}
              name="organization.regionRegencyCode"
              defaultValue=""
              placeholder={t("scopeChooseRegency")}
              options={provinceRegencies.map((r) => ({ value: r.code, label: r.name }))}
              disabled={!scopeProvince}
              error={scopeError.length ? scopeError : undefined}
            />
          )}
        </fieldset>
      )}

      <Button type="submit" size="lg" fullWidth aria-disabled={busy || undefined} disabled={!hydrated}>
        {busy && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
