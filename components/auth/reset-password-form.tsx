"use client";
// The reset link's page (/atur-ulang-sandi#token=…): the secret arrives in the URL's fragment, which the
// browser never sends to a server (no access log keeps it); this form reads it and posts it in the form body
// with the new password (resetPassword action). A used, replaced or expired link gets its own message and a
// way to ask for a new one; success sends the user to sign in with the new password.
import { startTransition, useActionState, useEffect, useRef, useSyncExternalStore, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, ButtonLink, Input } from "@/components/ui";
import { resetPassword } from "@/lib/auth/actions";
import { authRoutes } from "@/lib/auth/routes";
import { useHydrated } from "./use-hydrated";

type State = Awaited<ReturnType<typeof resetPassword>> | null;

const subscribeHash = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};

/** The link's secret from `#token=…` (empty on the server and before hydration). */
function useFragmentToken(): string {
  const hash = useSyncExternalStore(
    subscribeHash,
    () => window.location.hash,
    () => "",
  );
  return new URLSearchParams(hash.replace(/^#/, "")).get("token")?.trim() ?? "";
}

export function ResetPasswordForm() {
  const t = useTranslations("auth.passwordReset");
  const hydrated = useHydrated();
  const token = useFragmentToken();
  const alertRef = useRef<HTMLDivElement>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(resetPassword, null);

  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state && !state.ok) alertRef.current?.focus();
    if (state?.ok) doneRef.current?.focus();
  }, [state]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending || !token) return;
    const fd = new FormData(e.currentTarget);
    fd.set("token", token);
    startTransition(() => dispatch(fd));
  }

  if (state?.ok) {
    return (
      <div ref={doneRef} tabIndex={-1} className="flex flex-col gap-4 outline-none">
        <Alert tone="success" title={t("doneTitle")}>
          {t("done")}
        </Alert>
        <ButtonLink href={authRoutes.signIn()} size="lg" fullWidth>
          {t("signIn")}
        </ButtonLink>
      </div>
    );
  }

  const requestNew = (
    <Link href={authRoutes.forgotPassword()} className="font-semibold underline">
      {t("requestNew")}
    </Link>
  );
  if (hydrated && !token) {
    return (
      <Alert tone="warning">
        {t("missingToken")} {requestNew}
      </Alert>
    );
  }

  const failed = state && !state.ok ? state.error : null;
  const tokenError = failed?.fields?.token?.join(" ");
  const passwordError = failed?.fields?.password;
  const message =
    tokenError ?? (failed && !passwordError ? (failed.code === "rate_limited" ? t("errors.rateLimited") : failed.message) : null);

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {message && (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert tone="danger">
            {message} {tokenError && requestNew}
          </Alert>
        </div>
      )}
      <Input
        label={t("password")}
        description={t("passwordHint")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        autoFocus
        error={passwordError}
      />
      <Button type="submit" size="lg" fullWidth aria-disabled={pending || undefined} disabled={!hydrated}>
        {pending && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
