// /lupa-sandi — "forgot password": ask for a reset link by e-mail (the answer never says whether the address
// has an account). Linked from the sign-in page; the link leads to /atur-ulang-sandi.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { authRoutes } from "@/lib/auth/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgotPassword");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgotPassword");
  return (
    <AuthFrame
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <Link href={authRoutes.signIn()} className="font-semibold text-brand-700 underline hover:text-brand-900">
          {t("backToSignIn")}
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthFrame>
  );
}
