// The way from /pembiayaan to the supply-chain financing programmes (issue 13): one line above the page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui";
import { financingRoutes } from "@/lib/financing/routes";

export async function ProgrammesLink() {
  const t = await getTranslations("financingProgrammes");
  return (
    <Container className="pt-6">
      <p className="flex flex-wrap items-baseline gap-x-2 rounded-lg border border-line bg-surface px-4 py-3 text-sm text-ink">
        <span>{t("fromRequests.lead")}</span>
        <Link href={financingRoutes.programmes()} className="font-semibold text-brand-800 underline">
          {t("fromRequests.link")}
        </Link>
      </p>
    </Container>
  );
}
