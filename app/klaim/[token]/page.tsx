// /klaim/[token] — an UMKM owner invited by their cooperative sets a name and password to claim the account.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader } from "@/components/ui";
import { findClaimableInvitation } from "@/lib/cooperatives/members";
import { ClaimForm } from "./claim-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cooperatives.claim");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

// The query string is never read: no text from the URL reaches the page (errors come from the action).
export default async function ClaimPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("cooperatives.claim");
  const inv = await findClaimableInvitation(token);
  return (
    <Container className="flex max-w-lg flex-col gap-6 py-8">
      <PageHeader title={t("title")} />
      {!inv ? (
        <Alert tone="warning">{t("invalid")}</Alert>
      ) : (
        <Card>
          <p className="mb-4 text-sm">{t("intro", { organization: inv.organization.name, email: inv.email })}</p>
          <ClaimForm token={token} />
        </Card>
      )}
    </Container>
  );
}
