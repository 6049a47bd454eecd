import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { organizationRoutes } from "@/lib/organizations/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors.notFoundPage");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function NotFound() {
  const t = await getTranslations("errors.notFoundPage");
  return (
    <Container narrow className="flex flex-col items-start gap-5 py-16 sm:py-24">
      <p aria-hidden="true" className="font-mono text-6xl font-extrabold tracking-tight text-accent-600">
        404
      </p>
      <h1 className="text-3xl font-bold text-ink">{t("title")}</h1>
      <p className="max-w-prose text-lg text-muted">{t("body")}</p>
      <div className="flex w-full flex-col gap-3 min-[420px]:w-auto min-[420px]:flex-row">
        <ButtonLink href={organizationRoutes.home()}>{t("home")}</ButtonLink>
        <ButtonLink href={supplierRoutes.directory()} variant="outline">
          {t("suppliers")}
        </ButtonLink>
      </div>
    </Container>
  );
}
