// What an RFQ asks for, shared by the buyer's page (/rfq/[id]) and the supplier's (/papan-rfq/[id]): status,
// buyer, KBLI, delivery, deadline, requirements, line items and attachments. Server component.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card, type BadgeTone } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { RfqView } from "@/lib/rfqs/views";

const STATUS_TONE: Record<RfqView["status"], BadgeTone> = {
  draft: "neutral",
  open: "success",
  closed: "info",
  awarded: "brand",
  cancelled: "danger",
};

export async function RfqStatusBadges({
  rfq,
}: {
  rfq: Pick<RfqView, "status" | "visibility" | "sealed" | "acceptingQuotes" | "invited"> & {
    buyer?: { verified: boolean };
    cluster?: { name: string } | null;
  };
}) {
  const t = await getTranslations("rfqs.detail");
  const tStatus = await getTranslations("dashboard.rfqStatus");
  const expired = rfq.status === "open" && !rfq.acceptingQuotes;
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={expired ? "info" : STATUS_TONE[rfq.status]}>{expired ? t("deadlinePassed") : tStatus(rfq.status)}</Badge>
      <Badge tone="neutral">{rfq.visibility === "invited" ? t("invitedOnly") : t("public")}</Badge>
      {rfq.cluster && <Badge tone="info">{t("postedToCluster", { name: rfq.cluster.name })}</Badge>}
      {rfq.sealed && <Badge tone="accent">{t("sealed")}</Badge>}
      {rfq.invited && <Badge tone="brand">{t("youAreInvited")}</Badge>}
      {rfq.buyer && (
        <Badge tone={rfq.buyer.verified ? "success" : "warning"}>{rfq.buyer.verified ? t("buyerVerified") : t("buyerUnverified")}</Badge>
      )}
    </span>
  );
}

/**
 * Milliseconds from now until `deadline`. Server components render once per request, so reading the clock is
 * legitimate there; the read lives in this helper rather than in a component body (react-hooks/purity).
 */
export function msUntil(deadline: Date): number {
  return deadline.getTime() - Date.now();
}

export async function RfqSummary({ rfq, showBuyer = false }: { rfq: RfqView; showBuyer?: boolean }) {
  const t = await getTranslations("rfqs.detail");
  const tCert = await getTranslations("certifications");
  const locale = await getLocale();
  const f = formattersFor(locale, await getTimeZone());
  const msLeft = msUntil(rfq.deadline);
  const daysLeft = Math.floor(msLeft / 86_400_000);
  const hoursLeft = Math.floor(msLeft / 3_600_000);
  // The buyer's clock too when it is not the viewer's (a Jayapura supplier on a Makassar buyer's RFQ).
  const buyerTime = f.onOtherClock(rfq.deadline, rfq.buyer.timeZone);
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          {showBuyer && (
            <div>
              <dt className="text-sm text-muted">{t("buyer")}</dt>
              <dd className="font-medium text-ink">{rfq.buyer.name}</dd>
            </div>
          )}
          <div>
            <dt className="text-sm text-muted">{t("deadline")}</dt>
            <dd className="font-medium text-ink">
              <time dateTime={rfq.deadline.toISOString()}>{f.dateTime(rfq.deadline)}</time>
              {buyerTime && <span className="font-normal text-muted"> {t("buyerTime", { time: buyerTime })}</span>}
              {rfq.acceptingQuotes && (
                <span className="block text-sm font-normal text-muted">
                  {daysLeft >= 1 ? t("daysLeft", { count: daysLeft }) : t("hoursLeft", { count: Math.max(hoursLeft, 0) })}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted">KBLI</dt>
            <dd className="text-ink">
              <span className="font-medium tabular-nums">{rfq.kbli}</span> —{" "}
              {locale === "en" && rfq.kbliTitle.en ? rfq.kbliTitle.en : rfq.kbliTitle.id}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("delivery")}</dt>
            <dd className="text-ink">
              {rfq.deliveryRegency.name}, {rfq.deliveryRegency.province.name}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-muted">{t("requirements")}</dt>
            <dd className="mt-1">
              {rfq.requiredCertifications.length === 0 && rfq.minTkdn === null ? (
                <span className="text-ink">{t("noRequirements")}</span>
              ) : (
                <span className="flex flex-wrap gap-1">
                  {rfq.requiredCertifications.map((c) => (
                    <Badge key={c} tone="info">
                      {tCert(c)}
                    </Badge>
                  ))}
                  {rfq.minTkdn !== null && (
                    <Badge tone="info">{t("minTkdn", { value: f.percent(rfq.minTkdn, { scale: "points" }) })}</Badge>
                  )}
                </span>
              )}
            </dd>
          </div>
          {rfq.description && (
            <div className="sm:col-span-2">
              <dt className="text-sm text-muted">{t("description")}</dt>
              <dd className="whitespace-pre-line text-ink">{rfq.description}</dd>
            </div>
          )}
          {rfq.status === "cancelled" && rfq.cancelReason && (
            <div className="sm:col-span-2">
              <dt className="text-sm text-muted">{t("cancelledBecause")}</dt>
              <dd className="text-ink">{rfq.cancelReason}</dd>
            </div>
          )}
        </dl>
      </Card>

      <Card title={t("items")} description={t("itemCount", { count: rfq.items.length })}>
        <ol className="flex flex-col divide-y divide-line">
          {rfq.items.map((it) => (
            <li
              key={it.id}
              className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-6"
            >
              <div className="min-w-0">
                <p className="font-medium text-ink">
                  <span className="mr-1 text-muted tabular-nums">{it.position}.</span>
                  {it.name}
                </p>
                {it.specification && <p className="text-sm text-muted">{it.specification}</p>}
              </div>
              <div className="shrink-0 text-sm sm:text-right">
                <p className="font-semibold text-ink tabular-nums">
                  {f.number(it.quantity)} {it.unit}
                </p>
                {it.targetUnitPriceIdr !== null && (
                  <p className="text-muted">{t("target", { price: f.rupiah(it.targetUnitPriceIdr), unit: it.unit })}</p>
                )}
              </div>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

export async function AttachmentList({ rfq, removable }: { rfq: RfqView; removable?: (id: string, filename: string) => React.ReactNode }) {
  const t = await getTranslations("rfqs.attachments");
  const f = formattersFor(await getLocale(), await getTimeZone());
  if (rfq.attachments.length === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {rfq.attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
          <a href={a.url} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800" download>
            {a.filename}
          </a>
          <span className="flex items-center gap-2 text-xs text-muted">
            {f.number(Math.max(1, Math.round(a.sizeBytes / 1024)))} KB
            {removable?.(a.id, a.filename)}
          </span>
        </li>
      ))}
    </ul>
  );
}
