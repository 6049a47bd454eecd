// /rfq/[id] — a buyer organization's RFQ: summary and line items, status actions (publish, extend, close,
// cancel with a reason), invited suppliers (find and invite by name), clarifications to answer, attachments,
// and the tabs to quotes, matches and history. Another organization's RFQ is a 404 (lib/rfqs/queries.ts).
import type { Metadata } from "next";
import { rfqTitleFor } from "@/lib/rfqs/queries";
import { getActor } from "@/lib/auth/session";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card, Container, PageHeader, WhatsAppShareLink } from "@/components/ui";
import { whatsappShareUrl } from "@/lib/app-url";
import { RfqTabs } from "@/components/rfqs/rfq-tabs";
import { AttachmentList, RfqStatusBadges, RfqSummary } from "@/components/rfqs/rfq-summary";
import {
  AnswerForm,
  AttachmentUpload,
  CancelForm,
  ExtendForm,
  InvitePanel,
  RemoveButton,
  RfqActionButton,
} from "@/components/rfqs/rfq-controls";
import { formattersFor } from "@/lib/i18n/format";
import { listClarifications } from "@/lib/rfqs/clarifications";
import { listInvitations } from "@/lib/rfqs/invitations";
import { getRfqForActor } from "@/lib/rfqs/queries";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { toZonedLocal } from "@/lib/i18n/zoned-time";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("rfqs.detail");
  // the RFQ's title only for a reader who may open it (lib/rfqs/queries.ts)
  const rfqTitle = await rfqTitleFor(await getActor(), (await params).id);
  return { title: rfqTitle ? `${rfqTitle} — Rantai` : `${t("metaTitle")} — Rantai`, robots: { index: false } };
}

export default async function BuyerRfqPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requirePageActor(rfqRoutes.detail(id), mayManageRfqs);
  const rfq = await orNotFound(getRfqForActor(actor, id));
  const [invitations, clarifications] = await Promise.all([listInvitations(actor, id), listClarifications(actor, id)]);
  const t = await getTranslations("rfqs.detail");
  const tInv = await getTranslations("rfqs.invitations");
  const tCl = await getTranslations("rfqs.clarifications");
  const tAtt = await getTranslations("rfqs.attachments");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const editable = rfq.status === "draft";
  // Publishing and inviting act on suppliers: only once the buyer organization is verified (issue 11).
  const verified = rfq.buyer.verified;
  const canInvite = verified && (rfq.status === "draft" || rfq.acceptingQuotes);
  const attachmentsEditable = rfq.status === "draft" || rfq.status === "open";
  // a public RFQ still taking quotes can be shared (the board page; a supplier signs in and comes back to it)
  const shareable = rfq.visibility === "public" && rfq.acceptingQuotes;
  const tShare = await getTranslations("common.share");
  const unanswered = clarifications.filter((c) => c.answer === null).length;

  return (
    <Container className="py-8">
      <p className="mb-2 text-sm">
        <Link href={rfqRoutes.list()} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader
        eyebrow={actor.membership?.organizationName}
        title={rfq.title}
        actions={
          editable || shareable ? (
            <span className="flex flex-wrap items-center gap-2">
              {shareable && (
                <WhatsAppShareLink
                  label={tShare("whatsapp")}
                  href={whatsappShareUrl(
                    tShare("rfqText", { title: rfq.title, deadline: f.dateTime(rfq.deadline) }),
                    rfqRoutes.boardDetail(rfq.id),
                  )}
                />
              )}
              {editable && (
                <ButtonLink href={rfqRoutes.edit(rfq.id)} variant="outline">
                  {t("edit")}
                </ButtonLink>
              )}
            </span>
          ) : null
        }
      />
      <div className="-mt-3 mb-5">
        <RfqStatusBadges rfq={rfq} />
      </div>
      <RfqTabs rfqId={rfq.id} active="summary" />
      {!verified && rfq.status === "draft" && (
        <div className="mb-5">
          <Alert tone="warning" title={t("needsVerificationTitle")}>
            {t("needsVerification")}
          </Alert>
        </div>
      )}
      {sp.saved && (
        <div className="mb-5">
          <Alert tone="success">{t("saved")}</Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <RfqSummary rfq={rfq} />

          <Card title={tCl("title")} description={rfq.status === "draft" ? tCl("draftHint") : tCl("buyerHint", { count: unanswered })}>
            {clarifications.length === 0 ? (
              <p className="text-sm text-muted">{tCl("none")}</p>
            ) : (
              <ol className="flex flex-col divide-y divide-line">
                {clarifications.map((c) => (
                  <li key={c.id} className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0">
                    <p className="text-xs text-muted">
                      {c.askedBy ? tCl("askedBy", { name: c.askedBy.name }) : tCl("askedByWithheld")} ·{" "}
                      <time dateTime={c.createdAt.toISOString()}>{f.dateTime(c.createdAt)}</time>
                    </p>
                    <p className="font-medium text-ink">{c.question}</p>
                    {c.answer && (
                      <p className="rounded-lg bg-brand-50 px-3 py-2 text-ink">
                        <span className="block text-xs font-semibold text-brand-800">{tCl("answer")}</span>
                        {c.answer}
                      </p>
                    )}
                    {rfq.status !== "cancelled" && <AnswerForm rfqId={rfq.id} clarificationId={c.id} current={c.answer} />}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <div className="flex flex-col gap-6">
          <Card title={t("actions")}>
            <div className="flex flex-col gap-5">
              {rfq.status === "draft" && (
                <div className="flex flex-col gap-2">
                  <p className="text-sm text-muted">{rfq.visibility === "invited" ? t("publishInvitedHint") : t("publishHint")}</p>
                  {verified ? (
                    <RfqActionButton rfqId={rfq.id} kind="publish" label={t("publish")} />
                  ) : (
                    <p className="text-sm text-muted">{t("needsVerificationTitle")}</p>
                  )}
                </div>
              )}
              {(rfq.status === "open" || (rfq.status === "closed" && !rfq.awardedAt)) && (
                <>
                  {rfq.status === "open" && !rfq.acceptingQuotes && <Alert tone="info">{t("deadlinePassedHint")}</Alert>}
                  {rfq.status === "closed" && <p className="text-sm text-muted">{t("closedHint")}</p>}
                  {rfq.acceptingQuotes && <ExtendForm rfqId={rfq.id} current={toZonedLocal(rfq.deadline, f.timeZone)} />}
                  {rfq.status === "open" && (
                    <RfqActionButton rfqId={rfq.id} kind="close" label={t("close")} confirmText={t("closeConfirm")} variant="secondary" />
                  )}
                </>
              )}
              {(rfq.status === "draft" || rfq.status === "open" || rfq.status === "closed") && <CancelForm rfqId={rfq.id} />}
              {(rfq.status === "awarded" || rfq.status === "cancelled") && <p className="text-sm text-muted">{t("finalHint")}</p>}
            </div>
          </Card>

          <Card title={tInv("title")} description={rfq.visibility === "invited" ? tInv("invitedOnlyHint") : tInv("publicHint")}>
            <div className="flex flex-col gap-4">
              {invitations.length === 0 ? (
                <p className="text-sm text-muted">{tInv("none")}</p>
              ) : (
                <ul className="flex flex-col divide-y divide-line">
                  {invitations.map((i) => (
                    <li key={i.supplier.id} className="flex items-center justify-between gap-2 py-2">
                      <span>
                        <Link href={supplierRoutes.profile(i.supplier.id)} className="font-medium text-ink hover:underline">
                          {i.supplier.name}
                        </Link>
                        {i.supplier.regency && <span className="block text-xs text-muted">{i.supplier.regency}</span>}
                      </span>
                      {rfq.status === "draft" && (
                        <RemoveButton
                          kind="invitation"
                          rfqId={rfq.id}
                          targetId={i.supplier.id}
                          label={tInv("removeNamed", { name: i.supplier.name })}
                        >
                          {tInv("remove")}
                        </RemoveButton>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {canInvite && <InvitePanel rfqId={rfq.id} invitedIds={invitations.map((i) => i.supplier.id)} />}
            </div>
          </Card>

          <Card title={tAtt("title")}>
            <div className="flex flex-col gap-4">
              <AttachmentList
                rfq={rfq}
                removable={
                  attachmentsEditable
                    ? (attId, filename) => (
                        <RemoveButton kind="attachment" rfqId={rfq.id} targetId={attId} label={tAtt("removeNamed", { name: filename })}>
                          {tAtt("remove")}
                        </RemoveButton>
                      )
                    : undefined
                }
              />
              {attachmentsEditable && <AttachmentUpload rfqId={rfq.id} />}
            </div>
          </Card>
        </div>
      </div>
    </Container>
  );
}
