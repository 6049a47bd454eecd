// /statistik/kemitraan-ditandai — ministry staff (partnership:review) review agreements flagged as possible fake
// partnerships (PP 7/2021): why each was flagged, with the matching facts, the agreement, its parties and value;
// filter by status; clear or confirm each with a note (lib/agreements/flags.ts; docs/decisions/0025).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/agreements/action-form";
import { Badge, Card, Container, EmptyState, PageHeader, type BadgeTone } from "@/components/ui";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { decideAgreementFlagAction } from "@/lib/agreements/actions";
import { listAgreementFlags, type AgreementFlagView } from "@/lib/agreements/flags";
import { agreementRoutes } from "@/lib/agreements/routes";
import { AGREEMENT_FLAG_STATUSES, enumLabelKey, type AgreementFlagStatus } from "@/lib/enums";
import { formattersFor } from "@/lib/i18n/format";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";

export const dynamic = "force-dynamic";

const TONE: Record<AgreementFlagStatus, BadgeTone> = { open: "warning", cleared: "success", confirmed: "danger" };

const mayReview = (actor: Actor) => actor.membership?.organizationType === "ministry" && can(actor.membership, "partnership:review");

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements.flags");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

function facts(flag: AgreementFlagView, t: Awaited<ReturnType<typeof getTranslations<"agreements.flags">>>): string[] {
  const d = flag.details;
  return [
    ...(d.npwpRoot ?? []).map((x) => t("fact.npwp_root", x)),
    ...(d.ownerEmail ?? []).map((x) => t("fact.owner_email", x)),
    ...(d.memberUser ?? []).map((x) => t("fact.member_user", x)),
  ];
}

export default async function FlaggedAgreementsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageActor(partnershipIndexRoutes.flaggedAgreements(), mayReview);
  const sp = await searchParams;
  const status = (AGREEMENT_FLAG_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as AgreementFlagStatus) : undefined;
  const t = await getTranslations("agreements.flags");
  const tAll = await getTranslations();
  const f = formattersFor(await getLocale(), await getTimeZone());
  const flags = await listAgreementFlags(actor, { status });
  const statusLabel = (s: AgreementFlagStatus) => tAll(enumLabelKey("AgreementFlagStatus", s));

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("filter")} className="flex flex-wrap gap-2">
        {[undefined, ...AGREEMENT_FLAG_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={partnershipIndexRoutes.flaggedAgreements(s ? { status: s } : undefined)}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${s === status ? "border-brand-700 bg-brand-50 font-semibold text-brand-900" : "border-line text-ink"}`}
          >
            {s ? statusLabel(s) : t("all")}
          </Link>
        ))}
      </nav>
      {flags.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-4">
          {flags.map((flag) => (
            <li key={flag.id}>
              <Card
                title={`${flag.agreement.number} · ${flag.agreement.title}`}
                headingLevel={2}
                actions={<Badge tone={TONE[flag.status]}>{statusLabel(flag.status)}</Badge>}
              >
                <div className="flex flex-col gap-4">
                  <dl className="grid gap-2 text-sm sm:grid-cols-3">
                    <div>
                      <dt className="text-muted">{t("buyer")}</dt>
                      <dd className="font-semibold text-ink">{flag.agreement.buyer.name}</dd>
                    </div>
                    <div>
                      <dt className="text-muted">{t("suppliers")}</dt>
                      <dd className="text-ink">{flag.agreement.suppliers.map((s) => s.name).join(", ")}</dd>
                    </div>
                    <div>
                      <dt className="text-muted">{t("value")}</dt>
                      <dd className="text-ink">{f.rupiah(flag.agreement.valueIdr)}</dd>
                    </div>
                  </dl>
                  <div>
                    <h3 className="font-semibold text-ink">{t("reasonsHeading")}</h3>
                    <ul className="mt-1 list-disc pl-5 text-sm text-ink">
                      {facts(flag, t).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </div>
                  <p className="text-sm text-muted">
                    {t("flaggedOn", { date: f.dateTime(flag.flaggedAt) })} ·{" "}
                    {flag.agreement.ownershipDeclaredAt
                      ? t("declaredOn", { date: f.dateTime(flag.agreement.ownershipDeclaredAt) })
                      : t("notDeclared")}
                    {flag.agreement.excluded && (
                      <>
                        {" · "}
                        <strong>{t("excluded")}</strong>
                      </>
                    )}
                  </p>
                  {flag.reviewedAt && (
                    <p className="text-sm text-ink">{t("reviewed", { date: f.dateTime(flag.reviewedAt), note: flag.reviewNote ?? "" })}</p>
                  )}
                  <Link href={agreementRoutes.detail(flag.agreement.id)} className="text-sm text-brand-800 underline">
                    {t("agreement")} {flag.agreement.number}
                  </Link>
                  <ActionForm
                    label={t("decisionLabel", { number: flag.agreement.number })}
                    action={decideAgreementFlagAction}
                    hidden={{ id: flag.id }}
                    fields={[{ name: "note", label: t("note"), type: "textarea", description: t("noteHint") }]}
                    successMessage={t("decided")}
                    buttons={[
                      ...(flag.status !== "confirmed"
                        ? [{ label: t("confirm"), name: "decision", value: "confirm", variant: "danger" as const }]
                        : []),
                      ...(flag.status !== "cleared"
                        ? [
                            {
                              label: flag.status === "confirmed" ? t("reverse") : t("clear"),
                              name: "decision",
                              value: "clear",
                              variant: "outline" as const,
                            },
                          ]
                        : []),
                    ]}
                  />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
