// The /pembiayaan lists (issue 17): on a phone each request is a card with its status and amount always in
// view; from `sm:` up, a table. Only one of the two is displayed at a time (the other is display:none, so
// screen readers meet each request once). A bank's inbox links each request to its page; a supplier's list
// links to the agreement the request is on.
import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Table, type BadgeTone } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { agreementRoutes } from "@/lib/agreements/routes";
import type { FinancingBankView, FinancingPartyView } from "@/lib/financing/queries";
import { financingRoutes } from "@/lib/financing/routes";

const TONE: Record<string, BadgeTone> = { submitted: "info", approved: "success", declined: "danger", withdrawn: "neutral" };
const LINK = "font-semibold text-brand-800 underline-offset-2 hover:underline";

/** One card: a linked title, the status and amount on top, then the other facts. */
function RequestCard(props: { title: ReactNode; subtitle?: string; status: ReactNode; amount: string; facts: [string, string][] }) {
  return (
    <li className="flex flex-col gap-2 rounded-card border border-line bg-surface p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="break-words">{props.title}</p>
          {props.subtitle && <p className="text-sm text-muted">{props.subtitle}</p>}
        </div>
        {props.status}
      </div>
      <p className="text-lg font-semibold text-ink tabular-nums">{props.amount}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {props.facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="text-ink">{v}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

export async function BankRequestList({ rows }: { rows: FinancingBankView[] }) {
  const t = await getTranslations("financing");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const status = (r: FinancingBankView) => <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>;
  return (
    <>
      <ul aria-label={t("list.caption")} className="flex flex-col gap-3 sm:hidden">
        {rows.map((r) => (
          <RequestCard
            key={r.id}
            title={
              <Link href={financingRoutes.detail(r.id)} className={LINK}>
                {r.agreement.number}
              </Link>
            }
            subtitle={r.agreement.buyer.name}
            status={status(r)}
            amount={f.rupiah(r.amountIdr)}
            facts={[
              [t("list.supplier"), r.supplier.name],
              [t("list.type"), t(`type.${r.type}`)],
              [t("list.date"), f.date(r.createdAt)],
            ]}
          />
        ))}
      </ul>
      <Table caption={t("list.caption")} captionHidden minWidthClassName="min-w-[44rem]" className="hidden sm:block">
        <thead>
          <tr>
            <th scope="col">{t("list.agreement")}</th>
            <th scope="col">{t("list.supplier")}</th>
            <th scope="col">{t("list.type")}</th>
            <th scope="col" className="num">
              {t("list.amount")}
            </th>
            <th scope="col">{t("list.date")}</th>
            <th scope="col">{t("list.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={financingRoutes.detail(r.id)} className={LINK}>
                  {r.agreement.number}
                </Link>
                <span className="block text-xs font-normal text-muted">{r.agreement.buyer.name}</span>
              </th>
              <td>{r.supplier.name}</td>
              <td>{t(`type.${r.type}`)}</td>
              <td className="num">{f.rupiah(r.amountIdr)}</td>
              <td className="whitespace-nowrap">{f.date(r.createdAt)}</td>
              <td>{status(r)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

export async function SupplierRequestList({ rows }: { rows: FinancingPartyView[] }) {
  const t = await getTranslations("financing");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const status = (r: FinancingPartyView) => <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>;
  return (
    <>
      <ul aria-label={t("list.caption")} className="flex flex-col gap-3 sm:hidden">
        {rows.map((r) => (
          <RequestCard
            key={r.id}
            title={
              <Link href={agreementRoutes.detail(r.agreementId)} className={LINK}>
                {r.bank.name}
              </Link>
            }
            status={status(r)}
            amount={f.rupiah(r.amountIdr)}
            facts={[
              [t("list.type"), t(`type.${r.type}`)],
              [t("list.date"), f.date(r.createdAt)],
            ]}
          />
        ))}
      </ul>
      <Table caption={t("list.caption")} captionHidden minWidthClassName="min-w-[40rem]" className="hidden sm:block">
        <thead>
          <tr>
            <th scope="col">{t("list.bank")}</th>
            <th scope="col">{t("list.type")}</th>
            <th scope="col" className="num">
              {t("list.amount")}
            </th>
            <th scope="col">{t("list.date")}</th>
            <th scope="col">{t("list.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={agreementRoutes.detail(r.agreementId)} className={LINK}>
                  {r.bank.name}
                </Link>
              </th>
              <td>{t(`type.${r.type}`)}</td>
              <td className="num">{f.rupiah(r.amountIdr)}</td>
              <td className="whitespace-nowrap">{f.date(r.createdAt)}</td>
              <td>{status(r)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
