"use client";
// "Forgot password" (/lupa-sandi): one e-mail field. The requestPasswordReset action answers the same for
// every address, so the confirmation never says whether an account exists; it repeats the address typed so
// a typo can be seen. Only a malformed address (under the field) and the rate limit answer otherwise.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Input } from "@/components/ui";
import { requestPasswordReset } from "@/lib/auth/actions";
import { authRoutes } from "@/lib/auth/routes";
import { useHydrated } from "./use-hydrated";

type State = Awaited<ReturnType<typeof requestPasswordReset>> | null;

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  const hydrated = useHydrated();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const typed = useRef("");
  const alertRef = useRef<HTMLDivElement>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (prev, fd) => {
    const res = await requestPasswordReset(prev, fd);
    if (res.ok) setSentTo(typed.current);
    return res;
  }, null);

  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state && !state.ok) alertRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (sentTo !== null) sentRef.current?.focus(); // the form is gone: keep keyboard and screen reader users in place
  }, [sentTo]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // Through startTransition rather than <form action>, so React keeps the typed address on an error.
    e.preventDefault();
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    typed.current = String(fd.get("email") ?? "").trim();
    startTransition(() => dispatch(fd));
  }

  if (sentTo !== null) {
    return (
      <div ref={sentRef} tabIndex={-1} className="flex flex-col gap-4 outline-none">
        <Alert tone="success" title={t("sentTitle")}>
          <p>{t("sent", { email: sentTo })}</p>
          <p className="mt-2">{t("sentHint")}</p>
        </Alert>
        <div className="flex flex-col gap-2 sm:flex-row sm:justify-between">
          <Link href={authRoutes.signIn()} className="font-semibold text-brand-700 underline hover:text-brand-900">
            {t("backToSignIn")}
          </Link>
          <button
            type="button"
            className="text-left font-semibold text-brand-700 underline hover:text-brand-900"
            onClick={() => setSentTo(null)}
          >
            {t("again")}
          </button>
        </div>
      </div>
    );
  }

  const emailError = state && !state.ok ? state.error.fields?.email : undefined;
  const message =
    state && !state.ok && !emailError ? (state.error.code === "rate_limited" ? t("errors.rateLimited") : state.error.message) : null;

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {message && (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert tone="danger">{message}</Alert>
        </div>
      )}
      <Input label={t("email")} name="email" type="email" inputMode="email" autoComplete="email" required autoFocus error={emailError} />
      <Button type="submit" size="lg" fullWidth aria-disabled={pending || undefined} disabled={!hydrated}>
        {pending && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
