// /kemitraan/[id] — one agreement: what it says (current version), the parties and who accepted it, the
// actions each party may take now (accept, amend, complete, terminate), milestones, deliveries, payments,
// ratings, financing requests and the version history. Not found unless the organization is a party (or
// ministry staff, read-only).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, ButtonLink, Card, Container, PageHeader, ResponsiveTable, type BadgeTone } from "@/components/ui";
import { ActionForm } from "@/components/agreements/action-form";
import { AgreementStatusBadge } from "@/components/agreements/status-badge";
import { FinancingPanel } from "@/components/financing/financing-panel";
import { formattersFor } from "@/lib/i18n/format";
import { zoneForOrganization } from "@/lib/i18n/time-zone";
import { todayIn } from "@/lib/i18n/zoned-time";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { agreementPageAccess, mayOpenAgreements } from "@/lib/agreements/access";
import { getAgreement } from "@/lib/agreements/queries";
import { agreementRoutes } from "@/lib/agreements/routes";
import { getTrackRecord } from "@/lib/agreements/track-record";
import {
  acceptAgreementAction,
  completeAgreementAction,
  rateAgreementAction,
  recordDeliveryAction,
  recordPaymentAction,
  confirmPaymentReceiptAction,
  reviewDeliveryAction,
  terminateAgreementAction,
  withdrawCompletionAction,
} from "@/lib/agreements/actions";
import { canRequestFinancing } from "@/lib/financing/access";
import { listAgreementFinancing, listPartnerBanks } from "@/lib/financing/queries";
import type { MilestoneStatus } from "@/lib/enums";

export const dynamic = "force-dynamic";

const MILESTONE_TONE: Record<MilestoneStatus, BadgeTone> = {
  pending: "neutral",
  delivered: "info",
  accepted: "success",
  rejected: "danger",
  paid: "success",
};

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

async function load(id: string) {
  const actor = await requirePageActor(agreementRoutes.detail(id), mayOpenAgreements);
  return { ctx: { actor, ...agreementPageAccess(actor) }, a: await orNotFound(getAgreement(actor, id)) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const { a } = await load(id);
  return { title: `${a.number} ${a.title} — Rantai`, robots: { index: false } };
}

export default async function AgreementPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const { ctx, a } = await load(id);
  const sp = await searchParams;
  const t = await getTranslations("agreements");
  const tSchemes = await getTranslations("schemes");
  const tTypes = await getTranslations("orgTypes");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const me = ctx.actor.membership?.organizationId ?? "";
  const party = a.yourRole !== null;
  const canWrite = party && ctx.canWrite;
  const canAccept = party && ctx.canAccept;
  const isBuyer = a.yourRole === "buyer";
  const inForce = a.status === "active" || (a.status === "proposed" && a.activatedAt !== null);
  // Draft or proposed, or an agreement in force with an amendment not every party has accepted yet.
  const awaitingAcceptance = a.status === "draft" || a.status === "proposed" || (a.status === "active" && a.pendingAcceptance.length > 0);
  const iAccepted = a.acceptances.some((x) => x.organizationId === me);
  const open = a.status === "draft" || a.status === "proposed" || a.status === "active";
  // Issue 13: a supplier party asks banks for financing, an UMKM or a cooperative alike.
  const canRequest = party && a.yourRole !== "buyer" && canRequestFinancing(ctx.actor);
  const [financing, banks, supplierRecord] = await Promise.all([
    party ? listAgreementFinancing(ctx.actor, a.id) : Promise.resolve([]),
    canRequest && a.status === "active" ? listPartnerBanks() : Promise.resolve([]),
    getTrackRecord(a.supplier.id),
  ]);
  const paidTotal = a.payments.reduce((s, p) => s + p.amountIdr, 0n);
  const milestoneTitle = new Map(a.milestones.map((m) => [m.id, `${m.position}. ${m.title}`]));
  const milestoneOptions = a.milestones.map((m) => ({ value: m.id, label: `${m.position}. ${m.title}` }));
  const myRating = a.ratings.find((r) => r.raterId === me);
  const ratee = isBuyer ? a.supplier.name : a.buyer.name;
  // Dates of deliveries and payments are days on the supplier's clock (lib/agreements/execution.ts checks them
  // against it): after 17:00 UTC, UTC's date is already yesterday in Indonesia.
  const today = todayIn(await zoneForOrganization(a.supplier.id));
  // Completion (issue 11): the buyer and the lead supplier each confirm; consortium members do not.
  const side = a.yourRole === "buyer" ? "buyer" : a.yourRole === "supplier" ? "supplier" : null;
  const myConfirmation = side === "buyer" ? a.completion.buyerConfirmedAt : side === "supplier" ? a.completion.supplierConfirmedAt : null;
  const otherConfirmation =
    side === "buyer" ? a.completion.supplierConfirmedAt : side === "supplier" ? a.completion.buyerConfirmedAt : null;
  const unverifiedBuyer = isBuyer && ctx.actor.membership?.verificationStatus !== "verified";
  const openState = (o: { undelivered: boolean; unpaid: boolean }) =>
    o.undelivered && o.unpaid
      ? t("completion.and", { a: t("completion.undelivered"), b: t("completion.unpaid") })
      : o.undelivered
        ? t("completion.undelivered")
        : t("completion.unpaid");
  const scoreOptions = [5, 4, 3, 2, 1].map((s) => ({
    value: String(s),
    label: t("actions.scoreOption", { score: s, label: t(`actions.scoreLabels.${s}`) }),
  }));

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        eyebrow={`${a.number} · ${t("detail.version", { version: a.pendingVersion ? (a.lastAcceptedVersion ?? a.version) : a.version })}`}
        title={a.title}
        actions={
          <>
            <ButtonLink href={agreementRoutes.print(a.id)} variant="outline">
              {t("detail.print")}
            </ButtonLink>
            {canWrite && open && a.yourRole !== "consortium_member" && (a.status === "draft" || canAccept) && (
              <ButtonLink href={agreementRoutes.edit(a.id)} variant="secondary">
                {t("detail.amend")}
              </ButtonLink>
            )}
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <AgreementStatusBadge status={a.status} />
        {a.activatedAt && a.status !== "completed" && a.status !== "terminated" && (
          <span className="text-sm text-muted">{t("detail.activeSince", { date: f.date(a.activatedAt) })}</span>
        )}
        {a.lastAcceptedVersion !== null && a.lastAcceptedVersion !== a.version && (
          <Link href={agreementRoutes.version(a.id, a.lastAcceptedVersion)} className="text-sm text-brand-800 underline">
            {t("detail.lastAccepted", { version: a.lastAcceptedVersion })}
          </Link>
        )}
      </div>
      {sp.saved && (
        <div role="status">
          <Alert tone="success">{t("actions.done")}</Alert>
        </div>
      )}
      {ctx.ministry && <Alert tone="info">{t("readOnly")}</Alert>}
      {a.status === "terminated" && a.terminatedAt && (
        <Alert tone="warning">{t("detail.terminatedOn", { date: f.date(a.terminatedAt), reason: a.terminationReason ?? "" })}</Alert>
      )}
      {a.status === "completed" && a.completedAt && (
        <Alert tone="success">{t("detail.completedOn", { date: f.date(a.completedAt) })}</Alert>
      )}
      {a.status === "completed" && a.completion.reason && (
        <Alert tone="warning">{t("completion.completedWithReason", { reason: a.completion.reason })}</Alert>
      )}
      {a.pendingVersion && (
        <section aria-labelledby="pending-version" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="pending-version" className="font-semibold text-ink">
            {t("pending.title", { version: a.pendingVersion.version })}
          </h2>
          <p className="mt-1 text-sm text-ink">{t("pending.intro", { current: a.lastAcceptedVersion ?? a.version - 1 })}</p>
          {a.pendingVersion.changeNote && (
            <p className="mt-1 text-sm text-muted">{t("pending.changeNote", { note: a.pendingVersion.changeNote })}</p>
          )}
          <dl className="mt-3 grid gap-3 sm:grid-cols-3">
            <div>
              <dt className="text-sm text-muted">{t("pending.value")}</dt>
              <dd className="font-semibold text-ink tabular-nums">{f.rupiah(a.pendingVersion.valueIdr)}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("pending.term")}</dt>
              <dd className="font-semibold text-ink">
                {t("list.periodValue", {
                  start: f.calendarDate(a.pendingVersion.startDate),
                  end: f.calendarDate(a.pendingVersion.endDate),
                })}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("pending.milestones")}</dt>
              <dd className="text-ink">
                <ol className="list-decimal pl-5 text-sm">
                  {a.pendingVersion.milestones.map((m) => (
                    <li key={m.position}>
                      {m.title} · {f.calendarDate(m.dueDate)}
                      {m.amountIdr !== null ? ` · ${f.rupiah(m.amountIdr)}` : ""}
                    </li>
                  ))}
                </ol>
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-sm text-muted">
            {t("pending.acceptedBy", {
              names: a.pendingVersion.acceptances.map((x) => x.organizationName).join(", ") || t("pending.nobody"),
            })}
          </p>
          <Link
            href={agreementRoutes.version(a.id, a.pendingVersion.version)}
            className="mt-1 inline-block text-sm text-brand-800 underline"
          >
            {t("pending.view", { version: a.pendingVersion.version })}
          </Link>
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("detail.summary")} className="lg:col-span-2">
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <dt className="text-sm text-muted">{t("detail.scheme")}</dt>
              <dd className="font-semibold text-ink">{tSchemes(`${a.scheme}.name`)}</dd>
              <dd className="text-sm text-muted">{tSchemes(`${a.scheme}.description`)}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("detail.value")}</dt>
              <dd className="text-lg font-semibold text-ink tabular-nums">{f.rupiah(a.valueIdr)}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t("detail.term")}</dt>
              <dd className="font-semibold text-ink">
                {t("list.periodValue", { start: f.calendarDate(a.startDate), end: f.calendarDate(a.endDate) })}
              </dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-sm text-muted">{t("detail.terms")}</dt>
              <dd className="whitespace-pre-line text-ink">{a.terms || t("detail.noTerms")}</dd>
            </div>
            {a.rfqId && (
              <div>
                <dt className="sr-only">RFQ</dt>
                <dd>
                  <Badge tone="brand">{t("detail.fromRfq")}</Badge>
                </dd>
              </div>
            )}
          </dl>
        </Card>

        <Card title={t("detail.parties")}>
          <div className="flex flex-col gap-4">
            <ul className="flex flex-col gap-3">
              {a.parties.map((p) => {
                const acc = a.acceptances.find((x) => x.organizationId === p.organizationId);
                return (
                  <li key={p.organizationId} className="flex flex-col gap-0.5">
                    <span className="font-semibold text-ink">{p.name}</span>
                    <span className="text-sm text-muted">
                      {t(`role.${p.role}`)}
                      {p.type !== "buyer" ? ` · ${tTypes(p.type)}` : ""}
                      {p.sharePercent ? ` · ${t("detail.share", { share: `${p.sharePercent}%` })}` : ""}
                    </span>
                    {p.role === "buyer" && a.ownershipDeclaredAt && (
                      <span className="text-sm text-muted">
                        {t("detail.ownershipDeclared", { date: f.dateTime(a.ownershipDeclaredAt) })}
                      </span>
                    )}
                    {(acc || awaitingAcceptance) && (
                      <span className={acc ? "text-sm text-emerald-800" : "text-sm text-amber-800"}>
                        {acc
                          ? acc.userName
                            ? t("detail.acceptedBy", { name: acc.userName, date: f.dateTime(acc.acceptedAt) })
                            : t("detail.acceptedOrg", { date: f.dateTime(acc.acceptedAt) })
                          : t("detail.notYetAccepted")}
                      </span>
                    )}
                    {p.role === "supplier" && (
                      <span className="text-xs text-muted">
                        {t("detail.trackRecordLine", {
                          completed: supplierRecord.completedAgreements,
                          onTime: supplierRecord.onTimeRate === null ? t("detail.notAvailable") : f.percent(supplierRecord.onTimeRate),
                          rating:
                            supplierRecord.averageRating === null
                              ? t("detail.notAvailable")
                              : f.number(supplierRecord.averageRating, { maximumFractionDigits: 1 }),
                        })}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
            {awaitingAcceptance && party && (
              <div className="flex flex-col gap-2 border-t border-line pt-4">
                <h3 className="font-semibold text-ink">{t("detail.acceptances", { version: a.version })}</h3>
                {iAccepted ? (
                  <p className="text-sm text-muted">{t("actions.waitingOthers")}</p>
                ) : canAccept ? (
                  <>
                    {unverifiedBuyer && <Alert tone="warning">{t("verifyFirst")}</Alert>}
                    <ActionForm
                      label={t("detail.acceptances", { version: a.version })}
                      action={acceptAgreementAction}
                      hidden={{ id: a.id, version: a.version }}
                      intro={t("actions.acceptHint", { version: a.version })}
                      fields={
                        isBuyer && !a.ownershipDeclaredAt
                          ? [
                              {
                                name: "declareNoControl",
                                type: "checkbox",
                                label: t("actions.declareNoControl"),
                                description: t("actions.declareNoControlHint"),
                              },
                            ]
                          : []
                      }
                      buttons={[{ label: a.status === "draft" ? t("actions.acceptPropose") : t("actions.accept", { version: a.version }) }]}
                    />
                  </>
                ) : (
                  <p className="text-sm text-muted">{t("actions.needsAdmin")}</p>
                )}
              </div>
            )}
          </div>
        </Card>
      </div>

      <Card title={t("detail.milestones")} flush={a.milestones.length > 0}>
        {a.milestones.length === 0 ? (
          <p className="text-muted">{t("detail.noMilestones")}</p>
        ) : (
          <ResponsiveTable
            caption={t("detail.milestoneCaption")}
            minWidthClassName="sm:min-w-[40rem]"
            className="max-sm:p-3 sm:rounded-none sm:border-0"
          >
            <thead>
              <tr>
                <th scope="col">{t("detail.col.milestone")}</th>
                <th scope="col">{t("detail.col.status")}</th>
                <th scope="col" className="num">
                  {t("detail.col.amount")}
                </th>
                <th scope="col">{t("detail.col.due")}</th>
                <th scope="col" className="num">
                  {t("detail.col.quantity")}
                </th>
                <th scope="col">{t("detail.col.payment")}</th>
              </tr>
            </thead>
            <tbody>
              {a.milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{`${m.position}. ${m.title}`}</th>
                  <td data-label={t("detail.col.status")}>
                    <Badge tone={MILESTONE_TONE[m.status as MilestoneStatus]}>{t(`milestoneStatus.${m.status}`)}</Badge>
                  </td>
                  <td data-label={t("detail.col.amount")} className="num font-semibold whitespace-nowrap">
                    {m.amountIdr === null ? "—" : f.rupiah(m.amountIdr)}
                  </td>
                  <td data-label={t("detail.col.due")} className="sm:whitespace-nowrap">
                    {f.calendarDate(m.dueDate)}
                  </td>
                  <td data-label={t("detail.col.quantity")} className="num">
                    {m.quantity === null ? "—" : `${f.number(m.quantity)} ${m.unit ?? ""}`}
                  </td>
                  <td data-label={t("detail.col.payment")}>
                    {m.paymentTermDays === null ? "—" : t("detail.paymentTerm", { days: m.paymentTermDays })}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("detail.deliveries")}>
          <div className="flex flex-col gap-4">
            {a.deliveries.length === 0 ? (
              <p className="text-muted">{t("detail.noDeliveries")}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-line" aria-label={t("detail.deliveryCaption")}>
                {a.deliveries.map((d) => (
                  <li key={d.id} className="flex flex-col gap-1 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold text-ink">{f.number(d.quantity)}</span>
                      <span className="text-muted">· {f.calendarDate(d.deliveredOn)}</span>
                      <Badge tone={d.onTime ? "success" : "warning"}>{d.onTime ? t("detail.onTime") : t("detail.late")}</Badge>
                      <Badge tone={d.status === "accepted" ? "success" : d.status === "rejected" ? "danger" : "info"}>
                        {t(`deliveryStatus.${d.status}`)}
                      </Badge>
                    </div>
                    <span className="text-sm text-muted">
                      {d.milestoneId ? milestoneTitle.get(d.milestoneId) : t("actions.deliveryNoMilestone")}
                    </span>
                    {d.note && <span className="text-sm whitespace-pre-line text-ink">{d.note}</span>}
                    {isBuyer && canWrite && inForce && d.status === "pending_review" && (
                      <ActionForm
                        label={t("actions.deliveryOutcome")}
                        action={reviewDeliveryAction}
                        hidden={{ id: a.id, deliveryId: d.id }}
                        buttons={[
                          { label: t("actions.acceptDelivery"), name: "status", value: "accepted" },
                          { label: t("actions.rejectDelivery"), name: "status", value: "rejected", variant: "outline" },
                        ]}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canWrite && inForce && (
              <details className="rounded-lg border border-line p-3" open={a.deliveries.length === 0}>
                <summary className="cursor-pointer font-semibold text-brand-800">{t("actions.recordDelivery")}</summary>
                <div className="pt-3">
                  <ActionForm
                    label={t("actions.recordDelivery")}
                    action={recordDeliveryAction}
                    hidden={{ id: a.id }}
                    intro={isBuyer ? undefined : t("actions.deliverySupplierHint")}
                    successMessage={t("actions.done")}
                    fields={[
                      ...(milestoneOptions.length
                        ? [
                            {
                              name: "milestoneId",
                              label: t("actions.deliveryMilestone"),
                              type: "select" as const,
                              options: milestoneOptions,
                              placeholder: t("actions.deliveryNoMilestone"),
                              optional: true,
                            },
                          ]
                        : []),
                      { name: "quantity", label: t("actions.deliveryQuantity"), type: "number" as const },
                      { name: "deliveredOn", label: t("actions.deliveredOn"), type: "date" as const, defaultValue: today },
                      ...(isBuyer
                        ? [
                            {
                              name: "status",
                              label: t("actions.deliveryOutcome"),
                              type: "select" as const,
                              options: [
                                { value: "accepted", label: t("deliveryStatus.accepted") },
                                { value: "rejected", label: t("deliveryStatus.rejected") },
                              ],
                            },
                          ]
                        : []),
                      { name: "note", label: t("actions.deliveryNote"), type: "textarea" as const, optional: true },
                    ]}
                    buttons={[{ label: t("actions.recordDelivery") }]}
                  />
                </div>
              </details>
            )}
          </div>
        </Card>

        <Card title={t("detail.payments")} description={t("detail.paidTotal", { paid: f.rupiah(paidTotal), value: f.rupiah(a.valueIdr) })}>
          <div className="flex flex-col gap-4">
            {a.payments.length === 0 ? (
              <p className="text-muted">{t("detail.noPayments")}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-line" aria-label={t("detail.paymentCaption")}>
                {a.payments.map((p) => (
                  <li key={p.id} className="flex flex-col gap-1 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold text-ink tabular-nums">{f.rupiah(p.amountIdr)}</span>
                      <span className="text-muted">· {f.calendarDate(p.paidOn)}</span>
                      {p.daysToPay !== null && (
                        <Badge tone="neutral">
                          {t("detail.col.daysToPay")}: {t("detail.daysToPay", { days: p.daysToPay })}
                        </Badge>
                      )}
                    </div>
                    <span className="text-sm text-muted">
                      {p.milestoneId ? milestoneTitle.get(p.milestoneId) : t("actions.deliveryNoMilestone")}
                    </span>
                    {p.note && <span className="text-sm text-ink">{p.note}</span>}
                    {p.receivedOn ? (
                      <Badge tone="success">{t("detail.receivedOn", { date: f.calendarDate(p.receivedOn) })}</Badge>
                    ) : (
                      <span className="text-sm text-muted">{t("detail.receiptPending")}</span>
                    )}
                    {!p.receivedOn && a.yourRole === "supplier" && canWrite && (
                      <ActionForm
                        label={t("actions.confirmReceipt")}
                        action={confirmPaymentReceiptAction}
                        hidden={{ id: a.id, paymentId: p.id }}
                        intro={t("actions.confirmReceiptHint")}
                        successMessage={t("actions.done")}
                        fields={[{ name: "receivedOn", label: t("actions.receivedOn"), type: "date" as const, defaultValue: today }]}
                        buttons={[{ label: t("actions.confirmReceipt") }]}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canWrite && inForce && (
              <details className="rounded-lg border border-line p-3" open={a.payments.length === 0 && a.deliveries.length > 0}>
                <summary className="cursor-pointer font-semibold text-brand-800">{t("actions.recordPayment")}</summary>
                <div className="pt-3">
                  <ActionForm
                    label={t("actions.recordPayment")}
                    action={recordPaymentAction}
                    hidden={{ id: a.id }}
                    successMessage={t("actions.done")}
                    fields={[
                      ...(milestoneOptions.length
                        ? [
                            {
                              name: "milestoneId",
                              label: t("actions.deliveryMilestone"),
                              type: "select" as const,
                              options: milestoneOptions,
                              placeholder: t("actions.deliveryNoMilestone"),
                              optional: true,
                            },
                          ]
                        : []),
                      { name: "amountIdr", label: t("actions.paymentAmount"), type: "number" as const },
                      { name: "paidOn", label: t("actions.paidOn"), type: "date" as const, defaultValue: today },
                      {
                        name: "invoicedOn",
                        label: t("actions.invoicedOn"),
                        type: "date" as const,
                        optional: true,
                        description: t("actions.invoicedOnHint"),
                      },
                      { name: "note", label: t("actions.deliveryNote"), type: "textarea" as const, optional: true },
                    ]}
                    buttons={[{ label: t("actions.recordPayment") }]}
                  />
                </div>
              </details>
            )}
          </div>
        </Card>
      </div>

      {(a.status === "completed" || a.ratings.length > 0) && (
        <Card title={t("detail.ratings")}>
          <div className="flex flex-col gap-4">
            {a.ratings.length === 0 ? (
              <p className="text-muted">{t("detail.noRatings")}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {a.ratings.map((r) => (
                  <li key={r.raterId}>
                    <p className="font-medium text-ink">
                      {t("detail.ratingLine", { rater: r.raterName, ratee: r.rateeName, score: r.score })}
                    </p>
                    {r.comment && <p className="text-sm text-muted">{r.comment}</p>}
                  </li>
                ))}
              </ul>
            )}
            {party && a.status === "completed" && canWrite && !myRating && (
              <ActionForm
                label={t("actions.rate", { name: ratee })}
                action={rateAgreementAction}
                hidden={{ id: a.id }}
                intro={t("actions.rate", { name: ratee })}
                fields={[
                  { name: "score", label: t("actions.score"), type: "select", options: scoreOptions, defaultValue: "5" },
                  { name: "comment", label: t("actions.comment"), type: "textarea", optional: true },
                ]}
                buttons={[{ label: t("actions.submitRating") }]}
              />
            )}
            {myRating && <p className="text-sm text-muted">{t("actions.rated")}</p>}
          </div>
        </Card>
      )}

      {party && (
        <FinancingPanel
          agreementId={a.id}
          role={a.yourRole!}
          active={a.status === "active"}
          requests={financing}
          banks={banks}
          canConfirm={isBuyer && ctx.canAccept}
          canRequest={canRequest}
          organizationId={me}
        />
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("detail.versions")}>
          <ol className="flex flex-col gap-2">
            {a.versions.map((v) => (
              <li key={v.version} className="flex flex-wrap items-baseline gap-2">
                <Link
                  href={agreementRoutes.version(a.id, v.version)}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  {t("detail.versionLine", { version: v.version, date: f.dateTime(v.createdAt) })}
                </Link>
                {v.version === (a.pendingVersion ? a.lastAcceptedVersion : a.version) && <Badge tone="brand">{t("detail.current")}</Badge>}
                {v.version === a.pendingVersion?.version && <Badge tone="warning">{t("detail.pendingBadge")}</Badge>}
                {v.changeNote && <span className="text-sm text-muted">— {v.changeNote}</span>}
              </li>
            ))}
          </ol>
        </Card>
        {party && a.status === "active" && (
          <Card title={t("completion.title")} description={t("completion.intro")}>
            <div className="flex flex-col gap-4">
              <dl className="grid gap-2 sm:grid-cols-2">
                {(["buyer", "supplier"] as const).map((s) => {
                  const at = s === "buyer" ? a.completion.buyerConfirmedAt : a.completion.supplierConfirmedAt;
                  return (
                    <div key={s}>
                      <dt className="text-sm text-muted">{`${t(`completion.${s}`)} · ${s === "buyer" ? a.buyer.name : a.supplier.name}`}</dt>
                      <dd className={at ? "text-sm font-medium text-emerald-800" : "text-sm text-amber-800"}>
                        {at ? t("completion.confirmedOn", { date: f.dateTime(at) }) : t("completion.notConfirmed")}
                      </dd>
                    </div>
                  );
                })}
              </dl>
              <div>
                <h3 className="font-semibold text-ink">{t("completion.openTitle")}</h3>
                {a.completion.open.length === 0 ? (
                  <p className="text-sm text-muted">{t("completion.allDone")}</p>
                ) : (
                  <ul className="mt-1 list-disc pl-5 text-sm text-ink" aria-label={t("completion.openTitle")}>
                    {a.completion.open.map((o) => (
                      <li key={o.position}>
                        {t("completion.itemLine", {
                          position: o.position,
                          title: o.position === 0 ? t("completion.wholeAgreement") : o.title,
                          state: openState(o),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-1 text-sm text-muted">
                  {t("detail.paidTotal", { paid: f.rupiah(paidTotal), value: f.rupiah(a.valueIdr) })}
                </p>
              </div>
              {a.completion.reason && <p className="text-sm text-ink">{t("completion.reasonShown", { reason: a.completion.reason })}</p>}
              {a.pendingVersion ? (
                <p className="text-sm text-amber-800">{t("errors.amendmentPending")}</p>
              ) : side === null ? (
                <p className="text-sm text-muted">{t("completion.leadOnly")}</p>
              ) : !canAccept ? (
                <p className="text-sm text-muted">{t("actions.needsAdmin")}</p>
              ) : myConfirmation ? (
                <ActionForm
                  label={t("completion.withdraw")}
                  action={withdrawCompletionAction}
                  hidden={{ id: a.id, version: a.version }}
                  intro={t("completion.waiting")}
                  buttons={[{ label: t("completion.withdraw"), variant: "outline" }]}
                />
              ) : (
                <>
                  {otherConfirmation && (
                    <div role="status">
                      <Alert tone="info">
                        {t("completion.otherConfirmed", { name: side === "buyer" ? a.supplier.name : a.buyer.name })}
                      </Alert>
                    </div>
                  )}
                  <details className="rounded-lg border border-line p-3" open={otherConfirmation !== null}>
                    <summary className="cursor-pointer font-semibold text-brand-800">{t("completion.confirm")}</summary>
                    <div className="pt-3">
                      <ActionForm
                        label={t("completion.confirm")}
                        action={completeAgreementAction}
                        hidden={{ id: a.id, version: a.version }}
                        intro={t("completion.confirmHint")}
                        fields={
                          a.completion.open.length > 0
                            ? [
                                {
                                  name: "reason",
                                  label: t("completion.reason"),
                                  type: "textarea" as const,
                                  optional: a.completion.reason !== null,
                                  description: a.completion.reason !== null ? t("completion.reasonOptional") : t("completion.reasonHint"),
                                },
                              ]
                            : []
                        }
                        buttons={[{ label: t("completion.confirm"), variant: "secondary" }]}
                      />
                    </div>
                  </details>
                </>
              )}
              <p className="text-xs text-muted">{t("completion.resetNote")}</p>
            </div>
          </Card>
        )}
        {canAccept && open && side !== null && (
          <Card title={t("actions.terminate")}>
            <ActionForm
              label={t("actions.terminate")}
              action={terminateAgreementAction}
              hidden={{ id: a.id, version: a.version }}
              fields={[{ name: "reason", label: t("actions.terminateReason"), type: "textarea" }]}
              buttons={[{ label: t("actions.terminateConfirm"), variant: "danger" }]}
            />
          </Card>
        )}
      </div>
    </Container>
  );
}
