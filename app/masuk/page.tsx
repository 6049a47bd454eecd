// /masuk — sign in with email and password. ?callbackUrl= (same-origin paths only) says where to go next,
// ?error= carries next-auth's error code when it redirected here (rate_limited, CredentialsSignin).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { safeCallbackUrl } from "@/components/auth/callback-url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorKey } from "@/components/auth/sign-in-errors";
import { showDemoAccounts } from "@/lib/auth/demo-data";
import { authRoutes } from "@/lib/auth/routes";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);

  const t = await getTranslations("auth.signIn");
  const tTypes = await getTranslations("orgTypes");
  const error = signInErrorKey(Array.isArray(sp.error) ? sp.error[0] : sp.error);
  const demo = (await showDemoAccounts())
    ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, label: `${tTypes(a.orgType)} — ${a.organization}` }))
    : undefined;

  return (
    <AuthFrame
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("noAccount")}{" "}
          <Link href={authRoutes.signUp()} className="font-semibold text-brand-700 underline hover:text-brand-900">
            {t("signUpLink")}
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} initialError={error} demoAccounts={demo} demoPassword={demo ? DEMO_PASSWORD : undefined} />
      <p className="mt-4 text-sm">
        <Link href={authRoutes.forgotPassword()} className="font-semibold text-brand-700 underline hover:text-brand-900">
          {t("forgotLink")}
        </Link>
      </p>
    </AuthFrame>
  );
}
