// The financing section of an agreement page: the requests on it with their status (both parties see
// them), the supplier's (an UMKM's or a cooperative's) request form on an active agreement, the buyer's
// confirmation and the withdrawal of the supplier's own open requests.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card, type BadgeTone } from "@/components/ui";
import { ActionForm } from "@/components/agreements/action-form";
import { formattersFor } from "@/lib/i18n/format";
import { confirmFinancingAction, requestFinancingAction, withdrawFinancingAction } from "@/lib/financing/actions";
import { FINANCING_TYPES } from "@/lib/enums";
import type { FinancingPartyView } from "@/lib/financing/queries";

const TONE: Record<string, BadgeTone> = { submitted: "info", approved: "success", declined: "danger", withdrawn: "neutral" };

export async function FinancingPanel(props: {
  agreementId: string;
  role: "buyer" | "supplier" | "consortium_member";
  active: boolean;
  requests: FinancingPartyView[];
  banks: { id: string; name: string }[];
  canConfirm: boolean;
  canRequest: boolean;
  /** The viewer's organization: it withdraws only the requests it made (a consortium partner's are not its own). */
  organizationId: string;
}) {
  const t = await getTranslations("financing");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={t("party.title")} description={t("noMoney")}>
      <div className="flex flex-col gap-4">
        {props.requests.length === 0 ? (
          <p className="text-muted">{t("party.none")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {props.requests.map((r) => (
              <li key={r.id} className="flex flex-col gap-1.5 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-ink">
                    {t("party.line", { type: t(`type.${r.type}`), amount: f.rupiah(r.amountIdr), bank: r.bank.name })}
                  </span>
                  <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                </div>
                <span className="text-sm text-muted">
                  {r.buyerConfirmedAt ? t("party.confirmed", { date: f.date(r.buyerConfirmedAt) }) : t("party.awaitingConfirmation")}
                  {r.decidedAt ? ` · ${t("detail.decidedOn", { date: f.date(r.decidedAt) })}` : ""}
                </span>
                {r.decisionNote && <span className="text-sm text-ink">{r.decisionNote}</span>}
                <div className="flex flex-wrap gap-2">
                  {props.canConfirm && r.status === "submitted" && !r.buyerConfirmedAt && (
                    <ActionForm
                      label={t("party.confirm")}
                      action={confirmFinancingAction}
                      hidden={{ id: r.id }}
                      buttons={[{ label: t("party.confirm"), variant: "secondary" }]}
                    />
                  )}
                  {props.canRequest && r.status === "submitted" && r.supplier.id === props.organizationId && (
                    <ActionForm
                      label={t("party.withdraw")}
                      action={withdrawFinancingAction}
                      hidden={{ id: r.id }}
                      buttons={[{ label: t("party.withdraw"), variant: "outline" }]}
                    />
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {props.canRequest &&
          (props.active ? (
            props.banks.length === 0 ? (
              <p className="text-sm text-muted">{t("party.noBanks")}</p>
            ) : (
              <details className="rounded-lg border border-line p-3">
                <summary className="cursor-pointer font-semibold text-brand-800">{t("party.submit")}</summary>
                <div className="pt-3">
                  <ActionForm
                    label={t("party.submit")}
                    action={requestFinancingAction}
                    hidden={{ agreementId: props.agreementId }}
                    intro={t("party.lead")}
                    successMessage={t("status.submitted")}
                    fields={[
                      {
                        name: "bankId",
                        label: t("party.bank"),
                        type: "select",
                        options: props.banks.map((b) => ({ value: b.id, label: b.name })),
                        placeholder: t("party.bankPlaceholder"),
                      },
                      {
                        name: "type",
                        label: t("party.type"),
                        type: "select",
                        options: FINANCING_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) })),
                      },
                      { name: "amountIdr", label: t("party.amount"), type: "number" },
                    ]}
                    buttons={[{ label: t("party.submit") }]}
                  />
                </div>
              </details>
            )
          ) : (
            <p className="text-sm text-muted">{t("party.onlyActive")}</p>
          ))}
      </div>
    </Card>
  );
}
