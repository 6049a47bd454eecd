"use client";
// The invitation page's body (/undangan). The token arrives in the URL fragment (#token=…), which browsers
// never send to the server, so it is in no access log (ADR 0019): this component reads it, moves it to
// sessionStorage (so it survives a trip to the sign-in page) and removes it from the address bar, then POSTs
// it to server actions. What happens next depends on who is here:
//   - signed in with the invited address → "Accept";
//   - signed in with another address → told to sign out and sign in with the invited one;
//   - signed out, the address has an account → sign in (and come back here);
//   - signed out, no account yet → name and password, and the account is made and joined in one step.
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "@/components/auth/credentials-sign-in";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { Alert, Button, ButtonLink, Card, Input, SubmitButton } from "@/components/ui";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { authRoutes } from "@/lib/auth/routes";
import type { MemberRole, OrgType } from "@/lib/auth/types";
import { formattersFor } from "@/lib/i18n/format";
import { acceptInvitationAction, acceptWithSignUpAction, previewInvitationAction } from "@/lib/organizations/actions";
import { organizationRoutes } from "@/lib/organizations/routes";

const STORAGE_KEY = "rantai.invitationToken";

interface Preview {
  organization: { name: string; type: OrgType };
  role: MemberRole;
  email: string;
  expiresAt: Date;
  hasAccount: boolean;
}

type State = { status: "reading" } | { status: "missing" } | { status: "invalid" } | { status: "ready"; token: string; preview: Preview };

export function AcceptInvitation({ signedInEmail }: { signedInEmail: string | null }) {
  const t = useTranslations("members.accept");
  const tr = useTranslations("roles");
  const to = useTranslations("orgTypes");
  const f = formattersFor(useLocale());
  const [state, setState] = useState<State>({ status: "reading" });

  useEffect(() => {
    const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("token");
    if (fromHash) {
      sessionStorage.setItem(STORAGE_KEY, fromHash);
      window.history.replaceState(null, "", window.location.pathname);
    }
    const token = fromHash ?? sessionStorage.getItem(STORAGE_KEY);
    const preview = token ? previewInvitationAction({ token }).catch(() => null) : Promise.resolve(null);
    void preview.then((r) => {
      if (!token) setState({ status: "missing" });
      else setState(r && r.ok && r.data ? { status: "ready", token, preview: r.data } : { status: "invalid" });
    });
  }, []);

  if (state.status === "reading") return <p role="status">{t("reading")}</p>;
  if (state.status === "missing") return <Alert tone="warning">{t("missing")}</Alert>;
  if (state.status === "invalid") return <Alert tone="warning">{t("invalid")}</Alert>;

  const { preview, token } = state;
  const mine = signedInEmail !== null && signedInEmail.toLowerCase() === preview.email;
  return (
    <Card>
      <div className="flex flex-col gap-4">
        <p>{t("intro", { organization: preview.organization.name, type: to(preview.organization.type), role: tr(preview.role) })}</p>
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-muted">{t("forEmail")}</dt>
            <dd className="font-medium break-all">{preview.email}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("validUntil")}</dt>
            <dd className="font-medium">{f.dateTime(preview.expiresAt)}</dd>
          </div>
        </dl>
        {mine ? (
          <AcceptButton token={token} />
        ) : signedInEmail ? (
          <Alert tone="warning" title={t("otherAccountTitle")}>
            <p className="mb-3">{t("otherAccount", { current: signedInEmail, invited: preview.email })}</p>
            <SignOutButton fullWidth={false} />
          </Alert>
        ) : preview.hasAccount ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm">{t("signInIntro", { email: preview.email })}</p>
            <ButtonLink href={authRoutes.signIn(organizationRoutes.acceptInvitation())} className="self-start">
              {t("signIn")}
            </ButtonLink>
          </div>
        ) : (
          <SignUpAndAccept token={token} email={preview.email} />
        )}
      </div>
    </Card>
  );
}

function AcceptButton({ token }: { token: string }) {
  const t = useTranslations("members.accept");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const accept = () =>
    start(async () => {
      const r = await acceptInvitationAction({ token });
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      sessionStorage.removeItem(STORAGE_KEY);
      router.replace(organizationRoutes.dashboard());
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <Button onClick={accept} disabled={pending} className="self-start">
        {pending ? t("accepting") : t("accept")}
      </Button>
    </div>
  );
}

function SignUpAndAccept({ token, email }: { token: string; email: string }) {
  const t = useTranslations("members.accept");
  const router = useRouter();
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [signInFailed, setSignInFailed] = useState(false);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    const name = String(fd.get("name") ?? "");
    const password = String(fd.get("password") ?? "");
    start(async () => {
      const r = await acceptWithSignUpAction({ token, name, password });
      if (!r.ok) {
        setError(r.error);
        return;
      }
      sessionStorage.removeItem(STORAGE_KEY);
      const res = await signIn("credentials", { redirect: false, email: r.data.email, password }).catch(() => null);
      if (!res || res.error || !res.ok) {
        setSignInFailed(true);
        return;
      }
      router.replace(organizationRoutes.dashboard());
      router.refresh();
    });
  }

  if (signInFailed) {
    return (
      <Alert tone="success" title={t("joinedTitle")}>
        <p className="mb-3">{t("signInAfterJoin")}</p>
        <ButtonLink href={authRoutes.signIn(organizationRoutes.dashboard())}>{t("signIn")}</ButtonLink>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <p className="text-sm">{t("signUpIntro", { email })}</p>
      {error && !error.fields?.name && !error.fields?.password && <Alert tone="danger">{error.message}</Alert>}
      <Input label={t("name")} name="name" required minLength={2} maxLength={120} autoComplete="name" error={error?.fields?.name} />
      <Input
        label={t("password")}
        name="password"
        type="password"
        required
        minLength={10}
        autoComplete="new-password"
        description={t("passwordHelp")}
        error={error?.fields?.password}
      />
      <SubmitButton className="self-start" disabled={pending} pendingLabel={t("signingUp")}>
        {t("signUp")}
      </SubmitButton>
    </form>
  );
}
