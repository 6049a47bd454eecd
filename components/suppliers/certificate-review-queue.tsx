// The platform's queue of single certificates awaiting review (/admin/sertifikat): one card per certificate
// (readable on a phone), oldest first, with the UMKM, type, number, issuer, validity, TKDN and the document,
// and approve / return buttons. Paged with the API's cursor.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card, EmptyState } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { QueuedCertificate } from "@/lib/suppliers/certificate-review";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { CertificateReviewActions } from "./certificate-review-actions";

export async function CertificateReviewQueue({
  page,
  firstPage,
}: {
  page: { data: QueuedCertificate[]; nextCursor: string | null; total: number };
  firstPage: boolean;
}) {
  const t = await getTranslations("suppliers.certificateReview");
  const tCert = await getTranslations("certifications");
  const f = formattersFor(await getLocale());
  if (page.total === 0) return <EmptyState title={t("empty")} />;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted" role="status">
        {t("count", { count: page.total })}
      </p>
      <ul className="flex flex-col gap-3">
        {page.data.map((c) => {
          const kind = c.type === "other" && c.name ? c.name : tCert(c.type);
          const label = `${kind} ${c.number} — ${c.supplier.name}`;
          return (
            <li key={c.id}>
              <Card className="flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between">
                <dl className="grid min-w-0 grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-muted">{t("supplier")}</dt>
                  <dd className="font-semibold text-ink">
                    <Link href={supplierRoutes.review(c.supplier.id)} className="underline-offset-2 hover:underline">
                      {c.supplier.name}
                    </Link>
                  </dd>
                  <dt className="text-muted">{t("type")}</dt>
                  <dd>
                    <Badge tone="neutral">{kind}</Badge>
                  </dd>
                  <dt className="text-muted">{t("number")}</dt>
                  <dd className="font-mono break-all">{c.number}</dd>
                  <dt className="text-muted">{t("issuer")}</dt>
                  <dd className="break-words">{c.issuer ?? "—"}</dd>
                  <dt className="text-muted">{t("validity")}</dt>
                  <dd>
                    {t("validFromUntil", {
                      from: c.validFrom ? f.calendarDate(c.validFrom) : "—",
                      until: c.validUntil ? f.calendarDate(c.validUntil) : t("noExpiry"),
                    })}
                  </dd>
                  {c.tkdnPercent !== null && (
                    <>
                      <dt className="text-muted">{t("tkdn")}</dt>
                      <dd>{f.percent(c.tkdnPercent, { scale: "points" })}</dd>
                    </>
                  )}
                  <dt className="text-muted">{t("document")}</dt>
                  <dd>
                    {c.documentUrl ? (
                      <a
                        href={c.documentUrl}
                        target="_blank"
                        rel="noopener"
                        className="font-medium text-brand-800 underline underline-offset-2"
                      >
                        {t("documentView")}
                      </a>
                    ) : (
                      t("noDocument")
                    )}
                  </dd>
                  {c.submittedAt && <dd className="col-span-2 text-muted">{t("submitted", { date: f.dateTime(c.submittedAt) })}</dd>}
                </dl>
                <div className="shrink-0 md:w-72">
                  <CertificateReviewActions certificationId={c.id} updatedAt={c.updatedAt.toISOString()} label={label} />
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
      <nav className="flex flex-wrap gap-2" aria-label={t("title")}>
        {!firstPage && (
          <ButtonLink href={supplierRoutes.certificateQueue()} variant="ghost" size="sm">
            {t("first")}
          </ButtonLink>
        )}
        {page.nextCursor && (
          <ButtonLink href={supplierRoutes.certificateQueue({ cursor: page.nextCursor })} variant="outline" size="sm">
            {t("next")}
          </ButtonLink>
        )}
      </nav>
    </div>
  );
}
