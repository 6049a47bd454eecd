"use client";
// "Ubah kata sandi" on the dashboard, next to the API tokens: the current password and a new one (sign-up's
// rules). The changePassword action checks the current one in lib/ (under the sign-in limits), raises the
// session version (every other session ends) and revokes the user's API tokens. This browser's session ends
// with the rest, so the form signs it in again with the new password (next-auth credentials: a fresh JWT)
// and it carries on; if that sign-in fails, the user is asked to sign in again.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "@/components/auth/credentials-sign-in";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Card, Input } from "@/components/ui";
import { changePassword } from "@/lib/auth/actions";
import { authRoutes } from "@/lib/auth/routes";
import { organizationRoutes } from "@/lib/organizations/routes";

type State = Awaited<ReturnType<typeof changePassword>> | null;

export function PasswordChangePanel({ email }: { email: string }) {
  const t = useTranslations("auth.passwordChange");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const newPassword = useRef("");
  const [outcome, setOutcome] = useState<"done" | "signInAgain" | null>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (prev, fd) => {
    setOutcome(null);
    const res = await changePassword(prev, fd);
    if (!res.ok) return res;
    // The old session has just ended: sign this browser in again under the new password.
    const signedIn = await signIn("credentials", { redirect: false, email: res.data.email, password: newPassword.current }).catch(
      () => null,
    );
    newPassword.current = "";
    formRef.current?.reset();
    setOutcome(signedIn?.ok && !signedIn.error ? "done" : "signInAgain");
    router.refresh();
    return res;
  }, null);

  useEffect(() => {
    if (state && !state.ok) alertRef.current?.focus();
  }, [state]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    newPassword.current = String(fd.get("newPassword") ?? "");
    startTransition(() => dispatch(fd));
  }

  const failed = state && !state.ok ? state.error : null;
  const currentError = failed?.fields?.currentPassword;
  const newError = failed?.fields?.newPassword;

  return (
    <Card title={t("title")} description={t("description")}>
      <form ref={formRef} method="post" onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
        {outcome === "done" && <Alert tone="success">{t("done")}</Alert>}
        {outcome === "signInAgain" && (
          <Alert tone="warning">
            {t("signInAgain")}{" "}
            <Link href={authRoutes.signIn(organizationRoutes.dashboard())} className="font-semibold underline">
              {t("signIn")}
            </Link>
          </Alert>
        )}
        {failed && !currentError && !newError && (
          <div ref={alertRef} tabIndex={-1} className="outline-none">
            <Alert tone="danger">{failed.message}</Alert>
          </div>
        )}
        {/* For password managers: whose password this is. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Input
          label={t("currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={currentError}
        />
        <Input
          label={t("newPassword")}
          description={t("newPasswordHint")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          error={newError}
        />
        <Button type="submit" className="self-start" aria-disabled={pending || undefined}>
          {pending && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
