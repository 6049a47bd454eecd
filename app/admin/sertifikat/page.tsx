// /admin/sertifikat — the platform admins' queue of single certificates awaiting review (issue 16): approve one,
// or return it with a reason. 404 for everyone else.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Container, PageHeader } from "@/components/ui";
import { CertificateReviewQueue } from "@/components/suppliers/certificate-review-queue";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isPlatformVerifier } from "@/lib/auth/access";
import { listCertificatesForReview } from "@/lib/suppliers/certificate-review";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { certificateQueueQuerySchema } from "@/lib/suppliers/schemas";

export async function generateMetadata(): Promise<Metadata> {
  // Same gate as the page, so other users' 404 does not carry this page's title.
  await requirePageActor(supplierRoutes.certificateQueue(), isPlatformVerifier);
  const t = await getTranslations("suppliers.certificateReview");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function CertificateQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(supplierRoutes.certificateQueue(), isPlatformVerifier);
  const t = await getTranslations("suppliers.certificateReview");
  const sp = await searchParams;
  const cursor = typeof sp.cursor === "string" ? sp.cursor : undefined;
  // A cursor that is not ours (edited by hand) starts the queue from the beginning rather than failing.
  const parsed = certificateQueueQuerySchema.safeParse({ cursor, limit: 20 });
  const query = parsed.success ? parsed.data : certificateQueueQuerySchema.parse({ limit: 20 });
  const page = await listCertificatesForReview(actor, query).catch(() => listCertificatesForReview(actor, { ...query, cursor: undefined }));
  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} />
      <CertificateReviewQueue page={page} firstPage={!query.cursor} />
    </Container>
  );
}
