// A supply-chain financing programme's terms as a card (issue 13): buyer, bank, status, maximum per UMKM, tenor,
// which agreements qualify and, for the buyer and the bank, how many partners were referred. Used on the
// programme list (one card each, the name links to the detail) and at the top of the detail page. Cards, not a
// table: a phone at 390 px never scrolls sideways.
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card, type BadgeTone } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { financingRoutes } from "@/lib/financing/routes";
import type { ProgrammeView } from "@/lib/financing/programmes";

const PROGRAMME_TONE: Record<string, BadgeTone> = { proposed: "info", active: "success", declined: "danger", closed: "neutral" };
export const REFERRAL_TONE: Record<string, BadgeTone> = { referred: "info", accepted: "success", declined: "danger", withdrawn: "neutral" };

export async function ProgrammeTerms({
  programme: p,
  side,
  link = false,
  headingLevel = 2,
  children,
}: {
  programme: ProgrammeView;
  side: "buyer" | "bank" | "supplier";
  /** On the list: the name links to the programme's page. */
  link?: boolean;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const t = await getTranslations("financingProgrammes");
  const tf = await getTranslations("financing");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const joined = p.referrals.filter((r) => r.status === "accepted").length;
  const open = p.referrals.filter((r) => r.status === "referred").length;
  const title = link ? (
    <Link href={financingRoutes.programme(p.id)} className="text-brand-800 underline-offset-2 hover:underline">
      {p.name}
    </Link>
  ) : (
    p.name
  );
  return (
    <Card
      as="article"
      headingLevel={headingLevel}
      title={title}
      description={
        side === "buyer"
          ? p.bank.name
          : side === "bank"
            ? p.buyer.name
            : t("terms.byBuyerWithBank", { buyer: p.buyer.name, bank: p.bank.name })
      }
      actions={<Badge tone={PROGRAMME_TONE[p.status]}>{tf(`programmeStatus.${p.status}`)}</Badge>}
    >
      <div className="flex flex-col gap-4">
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-muted">{t("terms.maxPerUmkm")}</dt>
            <dd className="font-semibold text-ink">{f.rupiah(p.maxPerUmkmIdr)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("terms.tenor")}</dt>
            <dd className="font-semibold text-ink">{t("terms.tenorDays", { days: p.tenorDays })}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-muted">{t("terms.qualifying")}</dt>
            <dd className="text-ink">{p.requireAcceptedDeliveries ? t("terms.qualifyingAccepted") : t("terms.qualifyingActive")}</dd>
          </div>
          {side !== "supplier" && (
            <div>
              <dt className="text-sm text-muted">{t("terms.partners")}</dt>
              <dd className="text-ink">{t("terms.partnersCount", { joined, open })}</dd>
            </div>
          )}
          <div>
            <dt className="text-sm text-muted">{p.acceptedAt ? t("terms.acceptedOn") : t("terms.proposedOn")}</dt>
            <dd className="text-ink">{f.date(p.acceptedAt ?? p.createdAt)}</dd>
          </div>
          {p.status === "declined" && p.decisionNote && (
            <div className="sm:col-span-2">
              <dt className="text-sm text-muted">{t("terms.declineReason")}</dt>
              <dd className="break-words text-ink">{p.decisionNote}</dd>
            </div>
          )}
        </dl>
        {children}
      </div>
    </Card>
  );
}
