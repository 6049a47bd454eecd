"use client";
// Email + password sign-in through next-auth's credentials provider (redirect: false, so the page can show
// the error in place and then go to the callback URL itself). Errors arrive as next-auth codes:
// "CredentialsSignin" (wrong email or password) and "rate_limited" (thrown by authorize, see
// lib/auth/next-auth.ts) — on this page's URL too (?error=...) when next-auth redirected here.
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "./credentials-sign-in";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Input } from "@/components/ui";
import { safeCallbackUrl } from "./callback-url";
import { signInErrorKey, type SignInErrorKey } from "./sign-in-errors";
import { useHydrated } from "./use-hydrated";

export interface DemoAccount {
  email: string;
  /** Who this account is, already translated (e.g. "UMKM — Batik Sekar Jagad, Pekalongan"). */
  label: string;
}

export function SignInForm({
  callbackUrl,
  initialError,
  demoAccounts,
  demoPassword,
}: {
  callbackUrl: string;
  initialError: SignInErrorKey | null;
  /** Shown as a collapsible list under the form (only when the server allows it). */
  demoAccounts?: DemoAccount[];
  demoPassword?: string;
}) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<SignInErrorKey | null>(initialError);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const target = safeCallbackUrl(callbackUrl);
    try {
      const res = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl: target,
      });
      if (!res || res.error || !res.ok) {
        setError(signInErrorKey(res?.error ?? "generic"));
        setPending(false);
        return;
      }
      router.replace(target);
      router.refresh();
    } catch {
      setError("generic");
      setPending(false);
    }
  }

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate={false}
      className="flex flex-col gap-4"
      aria-describedby={error ? "sign-in-error" : undefined}
    >
      {error && (
        <div id="sign-in-error">
          <Alert tone="danger">{t(`errors.${error}`)}</Alert>
        </div>
      )}
      <Input ref={emailRef} label={t("email")} name="email" type="email" autoComplete="email" inputMode="email" required autoFocus />
      <Input ref={passwordRef} label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" size="lg" fullWidth aria-disabled={pending || undefined} disabled={!hydrated}>
        {pending && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
        {pending ? t("submitting") : t("submit")}
      </Button>
      {demoAccounts && demoAccounts.length > 0 && demoPassword && (
        <details className="rounded-lg border border-dashed border-accent-300 bg-accent-50/50 px-4 py-3 text-sm">
          <summary className="cursor-pointer font-semibold text-accent-800">{t("demo.summary")}</summary>
          <p className="mt-2 text-muted">{t("demo.body", { password: demoPassword })}</p>
          <ul className="mt-2 flex flex-col gap-1.5">
            {demoAccounts.map((a) => (
              <li key={a.email} className="flex items-center justify-between gap-3">
                <span className="min-w-0 flex-1">
                  <span className="font-mono break-all text-ink">{a.email}</span>
                  <span className="block text-muted">{a.label}</span>
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t("demo.useAccount", { email: a.email })}
                  onClick={() => {
                    if (emailRef.current) emailRef.current.value = a.email;
                    if (passwordRef.current) passwordRef.current.value = demoPassword;
                    passwordRef.current?.focus();
                  }}
                >
                  {t("demo.use")}
                </Button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}
