// /daftar — create an account and the organization it acts for (UMKM, buyer, cooperative, cluster manager or
// regional government, which also picks its scope: a province or one regency).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { DEFAULT_AFTER_SIGN_IN } from "@/components/auth/callback-url";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/session";
import { authRoutes } from "@/lib/auth/routes";
import { listAllRegencies, listProvinces } from "@/lib/reference/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: `${t("title")} — Rantai` };
}

export default async function SignUpPage() {
  if (await getSessionUser()) redirect(DEFAULT_AFTER_SIGN_IN);
  const t = await getTranslations("auth.signUp");
  // A regional government picks its scope from the reference regions (plain props: the form is a client component).
  const [provinces, regencies] = await Promise.all([listProvinces("name"), listAllRegencies()]);
  return (
    <AuthFrame
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href={authRoutes.signIn()} className="font-semibold text-brand-700 underline hover:text-brand-900">
            {t("signInLink")}
          </Link>
        </>
      }
    >
      <SignUpForm
        regions={{ provinces, regencies: regencies.map((r) => ({ code: r.code, name: r.name, provinceCode: r.provinceCode })) }}
      />
    </AuthFrame>
  );
}
