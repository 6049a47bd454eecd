// /atur-ulang-sandi#token=… — where a reset link from the e-mail leads: set a new password. The secret is in
// the fragment (never sent to the server with the page request); the form reads it and posts it.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { authRoutes } from "@/lib/auth/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.passwordReset");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function ResetPasswordPage() {
  const t = await getTranslations("auth.passwordReset");
  return (
    <AuthFrame
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <Link href={authRoutes.forgotPassword()} className="font-semibold text-brand-700 underline hover:text-brand-900">
          {t("requestNew")}
        </Link>
      }
    >
      <ResetPasswordForm />
    </AuthFrame>
  );
}
