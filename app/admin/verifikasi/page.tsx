// /admin/verifikasi — the platform admins' verification queue: verify buyers, cooperatives and UMKM, or
// return them with a note. 404 for everyone else.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink, Container, PageHeader } from "@/components/ui";
import { VerificationQueue } from "@/components/dashboard/verification-queue";
import { ProfileReviewQueue } from "@/components/organizations/profile-review-queue";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isPlatformVerifier } from "@/lib/auth/access";
import { listOrganizationsForReview } from "@/lib/organizations/service";
import { listProfileChangesForReview } from "@/lib/organizations/profile-review";
import { supplierRoutes } from "@/lib/suppliers/routes";

export async function generateMetadata(): Promise<Metadata> {
  // Same gate as the page, so other users' 404 does not carry this page's title.
  await requirePageActor(supplierRoutes.verificationQueue(), isPlatformVerifier);
  const t = await getTranslations("verification");
  return { title: `${t("queue")} — Rantai`, robots: { index: false } };
}

export default async function VerificationPage() {
  const actor = await requirePageActor(supplierRoutes.verificationQueue(), isPlatformVerifier);
  const t = await getTranslations("dashboard.platform");
  const tv = await getTranslations("verification");
  const tc = await getTranslations("suppliers.certificateReview");
  const [queue, profileChanges] = await Promise.all([
    listOrganizationsForReview(actor, { limit: 100 }),
    listProfileChangesForReview(actor),
  ]);
  return (
    <Container className="py-8">
      <PageHeader
        eyebrow={actor.membership?.organizationName}
        title={tv("queue")}
        description={t("queuePageDescription")}
        actions={
          <ButtonLink href={supplierRoutes.certificateQueue()} variant="outline" size="sm">
            {tc("link")}
          </ButtonLink>
        }
      />
      <VerificationQueue queue={queue} />
      <ProfileReviewQueue changes={profileChanges} />
    </Container>
  );
}
