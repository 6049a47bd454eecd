// /pembiayaan/[id] — one request addressed to the bank: only what it shares (the agreement's value, term and
// schedule, the parties' names, the buyer's confirmation and days-to-pay; the supplier's public basics, size
// class history, valid certificates and track record), and the decision. Not found for any other bank.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, Card, Container, PageHeader, Table, type BadgeTone } from "@/components/ui";
import { ActionForm } from "@/components/agreements/action-form";
import { SupplierForBank } from "@/components/financing/supplier-for-bank";
import { orNotFound, requireSignedIn } from "@/lib/auth/page-guard";
import { formattersFor } from "@/lib/i18n/format";
import { decideFinancingAction } from "@/lib/financing/actions";
import { getBankRequest } from "@/lib/financing/queries";
import { financingRoutes } from "@/lib/financing/routes";

export const dynamic = "force-dynamic";

const TONE: Record<string, BadgeTone> = { submitted: "info", approved: "success", declined: "danger", withdrawn: "neutral" };

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("financing");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function FinancingRequestPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requireSignedIn(financingRoutes.detail(id));
  const r = await orNotFound(getBankRequest(actor, id));
  const t = await getTranslations("financing");
  const ta = await getTranslations("agreements");
  const tSchemes = await getTranslations("schemes");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const pay = r.agreement.buyer.paymentBehaviour;
  return (
    <Container className="flex max-w-4xl flex-col gap-6 py-8">
      <PageHeader eyebrow={r.supplier.name} title={t("detail.title", { number: r.agreement.number })} />
      <Link href={financingRoutes.list()} className="text-brand-800 underline">
        ← {t("detail.back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
        <span className="font-semibold text-ink">
          {t(`type.${r.type}`)} · {f.rupiah(r.amountIdr)}
        </span>
      </div>
      <Card title={t("detail.shared")}>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-muted">{t("list.buyer")}</dt>
            <dd className="font-semibold text-ink">{r.agreement.buyer.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.buyerDaysToPay", { year: pay.year })}</dt>
            <dd className="font-semibold text-ink">
              {!pay.enoughData
                ? t("detail.buyerDaysToPayNotEnough")
                : pay.daysToPayMedian === null
                  ? t("detail.buyerDaysToPayNone")
                  : t("detail.buyerDaysToPayValue", {
                      median: pay.daysToPayMedian,
                      p90: pay.daysToPayP90 ?? 0,
                      late: f.percent(pay.latePaymentShare ?? 0, { maximumFractionDigits: 0 }),
                    })}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("list.supplier")}</dt>
            <dd className="font-semibold text-ink">{r.supplier.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.agreementValue")}</dt>
            <dd className="font-semibold text-ink tabular-nums">{f.rupiah(r.agreement.valueIdr)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.term")}</dt>
            <dd className="text-ink">
              {ta("list.periodValue", { start: f.calendarDate(r.agreement.startDate), end: f.calendarDate(r.agreement.endDate) })}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.scheme")}</dt>
            <dd className="text-ink">{tSchemes(`${r.agreement.scheme}.name`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">{t("detail.buyerConfirmation")}</dt>
            <dd className={r.buyerConfirmedAt ? "text-emerald-800" : "text-amber-800"}>
              {r.buyerConfirmedAt
                ? t("detail.confirmedOn", { buyer: r.agreement.buyer.name, date: f.date(r.buyerConfirmedAt) })
                : t("detail.notConfirmed")}
            </dd>
          </div>
        </dl>
      </Card>
      <SupplierForBank supplier={r.supplier} />
      {r.agreement.schedule.length > 0 && (
        <Table caption={t("detail.scheduleCaption")} minWidthClassName="min-w-[36rem]">
          <thead>
            <tr>
              <th scope="col">{ta("detail.col.milestone")}</th>
              <th scope="col" className="num">
                {ta("detail.col.quantity")}
              </th>
              <th scope="col">{ta("detail.col.due")}</th>
              <th scope="col" className="num">
                {ta("detail.col.amount")}
              </th>
              <th scope="col">{ta("detail.col.payment")}</th>
            </tr>
          </thead>
          <tbody>
            {r.agreement.schedule.map((m) => (
              <tr key={m.position}>
                <th scope="row">{`${m.position}. ${m.title}`}</th>
                <td className="num">{m.quantity === null ? "—" : `${f.number(m.quantity)} ${m.unit ?? ""}`}</td>
                <td>{f.calendarDate(m.dueDate)}</td>
                <td className="num">{m.amountIdr === null ? "—" : f.rupiah(m.amountIdr)}</td>
                <td>{m.paymentTermDays === null ? "—" : ta("detail.paymentTerm", { days: m.paymentTermDays })}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card title={t("detail.decision")}>
        {r.status === "submitted" ? (
          <ActionForm
            label={t("detail.decision")}
            action={decideFinancingAction}
            hidden={{ id: r.id }}
            successMessage={t("detail.decided")}
            fields={[{ name: "note", label: t("detail.note"), description: t("detail.noteHint"), type: "textarea", optional: true }]}
            buttons={[
              { label: t("detail.approve"), name: "decision", value: "approved" },
              { label: t("detail.decline"), name: "decision", value: "declined", variant: "danger" },
            ]}
          />
        ) : (
          <div className="flex flex-col gap-1">
            <p className="font-semibold text-ink">{t(`status.${r.status}`)}</p>
            {r.decidedAt && <p className="text-sm text-muted">{t("detail.decidedOn", { date: f.date(r.decidedAt) })}</p>}
            {r.decisionNote && <p className="text-ink">{r.decisionNote}</p>}
          </div>
        )}
      </Card>
      <Alert tone="info">{t("noMoney")}</Alert>
    </Container>
  );
}
