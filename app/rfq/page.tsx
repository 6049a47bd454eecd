// /rfq — a buyer organization's RFQs (buyer officers only: anyone else gets 404), each linking to its page
// (/rfq/[id]); "new RFQ" opens /rfq/baru. Data: lib/rfqs/queries.ts listOwnRfqs; who may open: lib/rfqs/access.ts.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Card, Container, EmptyState, PageHeader, ResponsiveTable, type BadgeTone } from "@/components/ui";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { RFQ_STATUSES, type RfqStatus } from "@/lib/enums";
import { formattersFor } from "@/lib/i18n/format";
import { mayManageRfqs } from "@/lib/rfqs/access";
import { listOwnRfqs } from "@/lib/rfqs/queries";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { rfqListFilterSchema } from "@/lib/rfqs/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rfqs.list");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

const TONE: Record<RfqStatus, BadgeTone> = {
  draft: "neutral",
  open: "success",
  closed: "info",
  awarded: "brand",
  cancelled: "danger",
};

export default async function BuyerRfqsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(rfqRoutes.list(), mayManageRfqs);
  const filter = rfqListFilterSchema.parse(await searchParams);
  const data = await orNotFound(listOwnRfqs(actor, filter));
  const t = await getTranslations("rfqs.list");
  const tStatus = await getTranslations("dashboard.rfqStatus");
  const tCert = await getTranslations("certifications");
  const f = formattersFor(await getLocale(), await getTimeZone());
  const now = new Date();
  const total = Object.values(data.counts).reduce((s, n) => s + (n ?? 0), 0);

  return (
    <Container className="py-8">
      <PageHeader
        eyebrow={actor.membership?.organizationName}
        title={t("title")}
        description={t("description", { organization: actor.membership?.organizationName ?? "" })}
        actions={<ButtonLink href={rfqRoutes.create()}>{t("newRfq")}</ButtonLink>}
      />
      <nav aria-label={t("filterLabel")} className="mb-4 flex flex-wrap gap-2">
        {[undefined, ...RFQ_STATUSES].map((s) => {
          const active = filter.status === s;
          const count = s ? (data.counts[s] ?? 0) : total;
          return (
            <Link
              key={s ?? "all"}
              href={rfqRoutes.list({ status: s })}
              aria-current={active ? "page" : undefined}
              className={`rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 ${
                active ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink ring-stone-300 hover:bg-stone-50"
              }`}
            >
              {s ? tStatus(s) : t("all")} <span className="tabular-nums">({f.number(count)})</span>
            </Link>
          );
        })}
      </nav>
      <Card flush={data.rfqs.length > 0}>
        {data.rfqs.length === 0 ? (
          <EmptyState title={t("empty")} description={t("emptyBody")} />
        ) : (
          <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[56rem]" className="max-sm:p-3 sm:rounded-none sm:border-0">
            <thead>
              <tr>
                <th scope="col">RFQ</th>
                <th scope="col">{t("deadline")}</th>
                <th scope="col" className="num">
                  {t("quotes")}
                </th>
                <th scope="col">{t("items")}</th>
                <th scope="col">{t("requirements")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rfqs.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="align-top text-ink">
                    <Link
                      href={rfqRoutes.detail(r.id)}
                      className="block font-semibold text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2"
                    >
                      {r.title}
                    </Link>
                    <span className="mt-1 flex flex-wrap gap-1">
                      <Badge tone={TONE[r.status]}>{tStatus(r.status)}</Badge>
                      <Badge tone="neutral">{r.visibility === "invited" ? t("invitedOnly") : t("public")}</Badge>
                      {r.sealed && <Badge tone="accent">{t("sealed")}</Badge>}
                    </span>
                    <span className="mt-1 block text-xs font-normal text-muted">
                      KBLI {r.kbli} · {r.kbliTitle.id}
                    </span>
                    <span className="block text-xs font-normal text-muted">
                      {t("delivery")}: {r.deliveryRegency.name}, {r.deliveryRegency.province.name}
                    </span>
                  </th>
                  <td data-label={t("deadline")} className="align-top text-sm sm:whitespace-nowrap">
                    <time dateTime={r.deadline.toISOString()}>{f.dateTime(r.deadline)}</time>
                  </td>
                  <td data-label={t("quotes")} className="num align-top">
                    <span>
                      <span className="font-semibold">{f.number(r.quoteCount ?? 0)}</span>
                      {r.visibility === "invited" && (
                        <span className="block text-xs text-muted">{t("invited", { count: r.invitationCount ?? 0 })}</span>
                      )}
                      {r.sealed && r.deadline > now && <span className="block text-xs text-muted">{t("sealedHint")}</span>}
                    </span>
                  </td>
                  <td data-label={t("items")} className="wide align-top">
                    <ul className="space-y-1 text-sm">
                      {r.items.map((it) => (
                        <li key={it.id}>
                          <span className="text-ink">{it.name}</span>{" "}
                          <span className="text-muted">
                            — {t("quantity", { quantity: f.number(it.quantity), unit: it.unit })}
                            {it.targetUnitPriceIdr !== null &&
                              `, ${t("target", { price: f.rupiah(it.targetUnitPriceIdr), unit: it.unit })}`}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-label={t("requirements")} className="wide align-top text-sm">
                    {r.requiredCertifications.length === 0 && r.minTkdn === null ? (
                      <span className="text-muted">{t("noRequirements")}</span>
                    ) : (
                      <span className="flex flex-wrap gap-1">
                        {r.requiredCertifications.map((c) => (
                          <Badge key={c} tone="info">
                            {tCert(c)}
                          </Badge>
                        ))}
                        {r.minTkdn !== null && (
                          <Badge tone="info">{t("minTkdn", { value: f.percent(r.minTkdn, { scale: "points" }) })}</Badge>
                        )}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </Card>
    </Container>
  );
}
