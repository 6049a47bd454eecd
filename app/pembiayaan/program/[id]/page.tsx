// /pembiayaan/program/[id] — one supply-chain financing programme (issue 13; ADR 0026), for its parties only
// (everyone else: 404, as lib/financing/programmes.ts answers): the terms and status; the buyer refers eligible
// partners and follows referrals and requests; the bank decides the proposal and sees the referred partners and
// the requests made to it; the referred UMKM or cooperative answers its referral and, once in, requests with a
// prefilled form (what is left under the programme maximum and the agreement's cap, pre-confirmed by the buyer).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, Card, Container, PageHeader, Stat, type BadgeTone } from "@/components/ui";
import { ActionForm } from "@/components/agreements/action-form";
import { ProgrammeRequestForm } from "@/components/financing/programme-request-form";
import { ProgrammeTerms, REFERRAL_TONE } from "@/components/financing/programme-terms";
import { orNotFound, requireSignedIn } from "@/lib/auth/page-guard";
import { agreementRoutes } from "@/lib/agreements/routes";
import { FINANCING_TYPES } from "@/lib/enums";
import { formattersFor } from "@/lib/i18n/format";
import {
  decideProgrammeAction,
  decideReferralAction,
  referSupplierAction,
  requestUnderProgrammeAction,
} from "@/lib/financing/programme-actions";
import { programmeDetail, type ProgrammeRequestRow } from "@/lib/financing/programme-views";
import type { ProgrammeView } from "@/lib/financing/programmes";
import { financingRoutes } from "@/lib/financing/routes";

export const dynamic = "force-dynamic";

const REQUEST_TONE: Record<string, BadgeTone> = { submitted: "info", approved: "success", declined: "danger", withdrawn: "neutral" };

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("financingProgrammes");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function ProgrammePage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requireSignedIn(financingRoutes.programme(id));
  const d = await orNotFound(programmeDetail(actor, id));
  const t = await getTranslations("financingProgrammes");
  const tf = await getTranslations("financing");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const p = d.programme;

  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      <PageHeader eyebrow={t("detail.eyebrow")} title={p.name} description={t(`detail.lead.${d.side}`)} />
      <Link href={financingRoutes.programmes()} className="-mt-4 self-start text-brand-800 underline">
        ← {t("detail.back")}
      </Link>
      <ProgrammeTerms programme={p} side={d.side} />
      {p.status === "proposed" && d.side === "buyer" && <Alert tone="info">{t("detail.awaitingBank", { bank: p.bank.name })}</Alert>}

      {d.side === "buyer" && (
        <>
          {p.status === "active" && d.canAct && (
            <Card title={t("refer.title")} description={t("refer.lead")}>
              {d.eligible.length === 0 ? (
                <p className="text-muted">{p.requireAcceptedDeliveries ? t("refer.noneAccepted") : t("refer.noneActive")}</p>
              ) : (
                <ActionForm
                  label={t("refer.title")}
                  action={referSupplierAction}
                  hidden={{ programmeId: p.id }}
                  successMessage={t("refer.done")}
                  fields={[
                    {
                      name: "supplierId",
                      label: t("refer.partner"),
                      type: "select",
                      placeholder: t("refer.partnerPlaceholder"),
                      options: d.eligible.map((e) => ({ value: e.id, label: `${e.name} (${t(`orgType.${e.type}`)})` })),
                    },
                  ]}
                  buttons={[{ label: t("refer.submit") }]}
                />
              )}
            </Card>
          )}
          <Referrals programme={p} />
          <Requests rows={d.requests} side="buyer" />
        </>
      )}

      {d.side === "bank" && (
        <>
          {p.status === "proposed" && d.canAct && (
            <Card title={t("decide.title")}>
              <ActionForm
                label={t("decide.label", { name: p.name })}
                action={decideProgrammeAction}
                hidden={{ id: p.id }}
                intro={t("decide.lead")}
                fields={[{ name: "note", label: t("decide.note"), type: "textarea", optional: true, description: t("decide.noteHint") }]}
                buttons={[
                  { label: t("decide.accept"), name: "decision", value: "accept" },
                  { label: t("decide.decline"), name: "decision", value: "decline", variant: "outline" },
                ]}
              />
            </Card>
          )}
          <Referrals programme={p} />
          <Requests rows={d.requests} side="bank" />
        </>
      )}

      {d.side === "supplier" && (
        <>
          {d.supplier.referral && (
            <Card title={t("referral.title")}>
              <div className="flex flex-col gap-3">
                <p className="flex flex-wrap items-center gap-2 text-ink">
                  {t("referral.yours")}
                  <Badge tone={REFERRAL_TONE[d.supplier.referral.status]}>{tf(`referralStatus.${d.supplier.referral.status}`)}</Badge>
                </p>
                {d.supplier.canAct && d.supplier.referral.status === "referred" && (
                  <ActionForm
                    label={t("referral.label", { name: p.name })}
                    action={decideReferralAction}
                    hidden={{ id: d.supplier.referral.id }}
                    intro={t("referral.lead", { buyer: p.buyer.name, bank: p.bank.name })}
                    buttons={[
                      { label: t("referral.accept"), name: "decision", value: "accept" },
                      { label: t("referral.decline"), name: "decision", value: "decline", variant: "outline" },
                    ]}
                  />
                )}
              </div>
            </Card>
          )}
          {d.supplier.referral?.status === "accepted" && (
            <Card title={t("request.title")} description={t("request.lead", { buyer: p.buyer.name, bank: p.bank.name })}>
              <div className="flex flex-col gap-5">
                {d.supplier.remainingIdr === 0n && <p className="text-muted">{t("request.noRoom")}</p>}
                {/* one column on a phone: full Rupiah amounts do not fit two abreast at 390 px */}
                <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
                  <Stat label={t("request.maximum")} value={f.rupiah(p.maxPerUmkmIdr)} />
                  <Stat label={t("request.used")} value={f.rupiah(d.supplier.usedIdr)} />
                  <Stat label={t("request.remaining")} value={f.rupiah(d.supplier.remainingIdr)} emphasis />
                </dl>
                {!d.supplier.canAct ? (
                  <p className="text-muted">{t("request.notAllowed")}</p>
                ) : d.supplier.agreements.length === 0 ? (
                  <p className="text-muted">{t("request.noAgreements")}</p>
                ) : (
                  // rendered even when nothing is left (every agreement disabled), so the success message of the
                  // request that used the rest stays on screen after the page refreshes
                  <ProgrammeRequestForm
                    programmeId={p.id}
                    bankName={p.bank.name}
                    action={requestUnderProgrammeAction}
                    types={FINANCING_TYPES.map((v) => ({ value: v, label: tf(`type.${v}`) }))}
                    agreements={d.supplier.agreements.map((a) => ({
                      id: a.id,
                      label: `${a.number} — ${a.title}`,
                      availableIdr: a.availableIdr.toString(),
                      availableLabel: a.openRequest
                        ? t("request.openRequest", { bank: p.bank.name })
                        : t("request.available", {
                            available: f.rupiah(a.availableIdr),
                            open: f.rupiah(a.openCapIdr),
                            value: f.rupiah(a.valueIdr),
                          }),
                      disabled: a.openRequest || a.availableIdr === 0n,
                    }))}
                  />
                )}
              </div>
            </Card>
          )}
          <Requests rows={d.requests} side="supplier" />
        </>
      )}
    </Container>
  );
}

async function Referrals({ programme: p }: { programme: ProgrammeView }) {
  const t = await getTranslations("financingProgrammes");
  const tf = await getTranslations("financing");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={t("referrals.title")}>
      {p.referrals.length === 0 ? (
        <p className="text-muted">{t("referrals.none")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {p.referrals.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium break-words text-ink">{r.supplier.name}</span>
                <Badge tone={REFERRAL_TONE[r.status]}>{tf(`referralStatus.${r.status}`)}</Badge>
              </div>
              <span className="text-sm text-muted">
                {t("referrals.referredOn", { date: f.date(r.referredAt) })}
                {r.decidedAt ? ` · ${t("referrals.answeredOn", { date: f.date(r.decidedAt) })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

async function Requests({ rows, side }: { rows: ProgrammeRequestRow[]; side: "buyer" | "bank" | "supplier" }) {
  const t = await getTranslations("financingProgrammes");
  const tf = await getTranslations("financing");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={side === "supplier" ? t("requests.titleOwn") : t("requests.title")}>
      {rows.length === 0 ? (
        <p className="text-muted">{t("requests.none")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={side === "bank" ? financingRoutes.detail(r.id) : agreementRoutes.detail(r.agreement.id)}
                  className="font-semibold break-words text-brand-800 underline-offset-2 hover:underline"
                >
                  {side === "supplier" ? r.agreement.number : `${r.supplier.name} · ${r.agreement.number}`}
                </Link>
                <Badge tone={REQUEST_TONE[r.status]}>{tf(`status.${r.status}`)}</Badge>
              </div>
              <span className="text-sm text-ink">
                {tf(`type.${r.type}`)} · {f.rupiah(r.amountIdr)}
              </span>
              <span className="text-sm text-muted">{t("requests.madeOn", { date: f.date(r.createdAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
