"use client";
// The error boundary for every page under the root layout: a localised message, "try again", and the
// error's digest so support can find the server log entry. Never shows the error's own message.
import { useEffect } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { organizationRoutes } from "@/lib/organizations/routes";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors.errorPage");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Container narrow className="flex flex-col items-start gap-5 py-16 sm:py-24">
      <h1 className="text-3xl font-bold text-ink">{t("title")}</h1>
      <p className="max-w-prose text-lg text-muted">{t("body")}</p>
      {digest && <p className="font-mono text-sm text-muted">{t("reference", { digest })}</p>}
      <div className="flex w-full flex-col gap-3 min-[420px]:w-auto min-[420px]:flex-row">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        <ButtonLink href={organizationRoutes.home()} variant="outline">
          {t("home")}
        </ButtonLink>
      </div>
    </Container>
  );
}
