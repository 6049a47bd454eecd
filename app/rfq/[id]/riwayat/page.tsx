// /rfq/[id]/riwayat — the buyer organization's audit trail of one RFQ: every state change of the RFQ, its
// invitations, clarifications and attachments, and of the quotes on it (entries with data.rfqId), newest first.
import type { Metadata } from "next";
import { rfqTitleFor } from "@/lib/rfqs/queries";
import { getActor } from "@/lib/auth/session";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card, Container, EmptyState, PageHeader } from "@/components/ui";
import { RfqTabs } from "@/components/rfqs/rfq-tabs";
import { RfqStatusBadges } from "@/components/rfqs/rfq-summary";
import { formattersFor } from "@/lib/i18n/format";
import { listRfqHistory } from "@/lib/rfqs/history";
import { getRfqForActor } from "@/lib/rfqs/queries";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { rfqRoutes } from "@/lib/rfqs/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("rfqs.history");
  // the RFQ's title only for a reader who may open it (lib/rfqs/queries.ts)
  const rfqTitle = await rfqTitleFor(await getActor(), (await params).id);
  return { title: rfqTitle ? `${t("title")}: ${rfqTitle} — Rantai` : `${t("title")} — Rantai`, robots: { index: false } };
}

const KNOWN = new Set([
  "rfq.created",
  "rfq.updated",
  "rfq.published",
  "rfq.extended",
  "rfq.closed",
  "rfq.cancelled",
  "rfq.invited",
  "rfq.uninvited",
  "rfq.attachment_added",
  "rfq.attachment_removed",
  "rfq.awarded",
  "clarification.asked",
  "clarification.answered",
  "quote.submitted",
  "quote.revised",
  "quote.withdrawn",
  "quote.created",
  "quote.updated",
  "award.created",
  "quote.awarded",
  "quote.not_awarded",
  "quote.attachment_added",
  "quote.attachment_removed",
  "agreement.drafted",
]);

export default async function RfqHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(rfqRoutes.history(id), mayManageRfqs);
  const rfq = await orNotFound(getRfqForActor(actor, id));
  const entries = await listRfqHistory(actor, id);
  const t = await getTranslations("rfqs.history");
  const f = formattersFor(await getLocale(), await getTimeZone());

  const detail = (e: (typeof entries)[number]): string | null => {
    const d = e.data;
    const date = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? f.dateTime(new Date(v)) : "");
    switch (e.action) {
      case "rfq.extended":
        return t("detail.extended", { from: date(d.from), to: date(d.to) });
      case "rfq.cancelled":
        return typeof d.reason === "string" ? t("detail.reason", { reason: d.reason }) : null;
      case "rfq.closed":
        return d.reason === "deadline" ? t("detail.closedByDeadline") : null;
      case "rfq.invited":
      case "rfq.uninvited":
        return Array.isArray(d.supplierIds) ? t("detail.suppliers", { count: d.supplierIds.length }) : null;
      case "rfq.updated":
        return Array.isArray(d.fields) ? t("detail.fields", { fields: d.fields.join(", ") }) : null;
      case "rfq.attachment_added":
      case "rfq.attachment_removed":
        return typeof d.filename === "string" ? d.filename : null;
      default:
        return null;
    }
  };

  return (
    <Container className="py-8">
      <p className="mb-2 text-sm">
        <Link href={rfqRoutes.list()} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader eyebrow={actor.membership?.organizationName} title={rfq.title} />
      <div className="-mt-3 mb-5">
        <RfqStatusBadges rfq={rfq} />
      </div>
      <RfqTabs rfqId={rfq.id} active="history" />
      <Card title={t("title")} description={t("description")}>
        {entries.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ol className="flex flex-col divide-y divide-line">
            {entries.map((e) => {
              const extra = detail(e);
              return (
                <li key={e.id} className="flex flex-col gap-0.5 py-3 first:pt-0 last:pb-0 sm:flex-row sm:gap-4">
                  <time dateTime={e.createdAt.toISOString()} className="shrink-0 text-sm text-muted tabular-nums sm:w-48">
                    {f.dateTime(e.createdAt)}
                  </time>
                  <div className="min-w-0">
                    <p className="font-medium text-ink">{KNOWN.has(e.action) ? t(`actions.${e.action.replace(".", "_")}`) : e.action}</p>
                    <p className="text-sm text-muted">
                      {e.sealed ? t("bySealedSupplier") : e.actor ? t("by", { name: e.actor.name }) : t("bySystem")}
                      {extra && ` · ${extra}`}
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </Container>
  );
}
