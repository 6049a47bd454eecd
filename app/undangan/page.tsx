// /undangan — accepting an invitation to an organization (issue 16). The e-mailed link is /undangan#token=…:
// the fragment never reaches the server (nor its access logs); the client component reads it and POSTs it
// (ADR 0019). Open to everyone: the invitee may not have an account yet.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Container, PageHeader } from "@/components/ui";
import { AcceptInvitation } from "@/components/organizations/accept-invitation";
import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members.accept");
  return { title: `${t("title")} — Rantai`, robots: { index: false }, referrer: "no-referrer" };
}

export default async function InvitationPage() {
  const [t, actor] = await Promise.all([getTranslations("members.accept"), getActor()]);
  return (
    <Container className="flex max-w-lg flex-col gap-6 py-8">
      <PageHeader title={t("title")} />
      <AcceptInvitation signedInEmail={actor?.user.email ?? null} />
    </Container>
  );
}
