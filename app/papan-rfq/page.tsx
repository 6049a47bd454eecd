// /papan-rfq — the RFQ board for UMKM and cooperatives: open RFQs they may see (public, or invited), with search
// and filters (KBLI, province, deadline) in a plain GET form (shareable links, works without JavaScript), folded
// in a disclosure so a phone's first screen shows RFQs. An UMKM sees "Cocok untuk saya" first (issue 17): the
// open RFQs that fit its business, ranked by the matching engine (lib/matching/service.ts getRecommendedRfqs)
// with the reasons and what it still lacks; "Tenggat terdekat" (soonest deadline, paged) stays one choice away.
// Data: lib/rfqs/queries.ts listRfqs (visibility rules in lib/rfqs/access.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Alert, Badge, Button, ButtonLink, Card, Container, EmptyState, Input, PageHeader, Select } from "@/components/ui";
import { msUntil, RfqStatusBadges } from "@/components/rfqs/rfq-summary";
import { formattersFor } from "@/lib/i18n/format";
import { listProvinces } from "@/lib/reference/service";
import { rfqListQuery } from "@/lib/rfqs/schemas";
import { listRfqs } from "@/lib/rfqs/queries";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { mayReadRfqBoard } from "@/lib/rfqs/access";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { getRecommendedRfqs, type RecommendedRfq } from "@/lib/matching/service";
import { LIMITS } from "@/lib/matching/weights";
import { ReasonList } from "@/components/matching/reason-list";
import { GapList } from "@/components/matching/gap-list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rfqs.board");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function RfqBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(rfqRoutes.board(), mayReadRfqBoard);
  const sp = await searchParams;
  const raw = { q: one(sp.q), kbli: one(sp.kbli), province: one(sp.province), deadlineBefore: one(sp.deadlineBefore) };
  const parsed = rfqListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const cursor = one(sp.cursor) || undefined;
  // "Cocok untuk saya" needs a supplier profile to match: UMKM only; cooperatives sort by deadline.
  const umkm = actor.membership?.organizationType === "umkm";
  const sort = umkm && one(sp.sort) !== "deadline" ? "fit" : "deadline";
  const [fits, provinces] = await Promise.all([
    sort === "fit"
      ? orNotFound(getRecommendedRfqs(actor, actor.membership!.organizationId, { limit: LIMITS.recommendationCandidates }))
      : Promise.resolve([] as RecommendedRfq[]),
    listProvinces(),
  ]);
  const page =
    sort === "fit"
      ? fits.length
        ? await orNotFound(listRfqs(actor, { ...query, status: "open", ids: fits.map((x) => x.rfq.id), limit: fits.length }))
        : { data: [], nextCursor: null }
      : await orNotFound(listRfqs(actor, { ...query, status: "open", limit: 20, cursor }));
  const fitOf = new Map(fits.map((x, i) => [x.rfq.id, { ...x, rank: i }]));
  const rows = sort === "fit" ? [...page.data].sort((a, b) => fitOf.get(a.id)!.rank - fitOf.get(b.id)!.rank) : page.data;
  const t = await getTranslations("rfqs.board");
  const tCert = await getTranslations("certifications");
  const locale = await getLocale();
  const f = formattersFor(locale, await getTimeZone());
  const filtered = Boolean(raw.q || raw.kbli || raw.province || raw.deadlineBefore);
  const keep = { ...raw, sort: sort === "fit" ? undefined : umkm ? "deadline" : undefined };
  const nextHref = sort === "deadline" && page.nextCursor ? rfqRoutes.board({ ...keep, cursor: page.nextCursor }) : null;

  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} />
      <form
        method="get"
        action={rfqRoutes.board()}
        role="search"
        aria-label={t("searchLabel")}
        className="mb-6 flex flex-col gap-3 rounded-xl border border-stone-200 bg-surface p-4"
      >
        {umkm && (
          <Select
            name="sort"
            label={t("sort")}
            defaultValue={sort}
            className="sm:max-w-xs"
            options={[
              { value: "fit", label: t("sortFit") },
              { value: "deadline", label: t("sortDeadline") },
            ]}
          />
        )}
        <details open={filtered || !parsed.success} className="group">
          <summary className="cursor-pointer font-medium text-brand-800 underline-offset-2 hover:underline">
            {filtered ? t("filtersActive") : t("filters")}
          </summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Input type="search" name="q" label={t("q")} placeholder={t("qPlaceholder")} defaultValue={raw.q} maxLength={200} />
            <Input name="kbli" label={t("kbli")} description={t("kbliHint")} inputMode="numeric" defaultValue={raw.kbli} maxLength={5} />
            <Select
              name="province"
              label={t("province")}
              defaultValue={raw.province}
              options={[{ value: "", label: t("anyProvince") }, ...provinces.map((p) => ({ value: p.code, label: p.name }))]}
            />
            <Input type="date" name="deadlineBefore" label={t("deadlineBefore")} defaultValue={raw.deadlineBefore} />
          </div>
        </details>
        {!parsed.success && <Alert tone="warning">{t("badFilter")}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit">{t("apply")}</Button>
          {filtered && (
            <ButtonLink href={rfqRoutes.board({ sort: keep.sort })} variant="ghost">
              {t("reset")}
            </ButtonLink>
          )}
        </div>
      </form>

      {sort === "fit" && (
        <p className="mb-2 text-sm text-ink">
          {t("fitNote")}{" "}
          <Link href={rfqRoutes.board({ ...raw, sort: "deadline" })} className="font-medium text-brand-800 underline underline-offset-2">
            {t("fitAll")}
          </Link>
        </p>
      )}
      <p className="mb-3 text-sm text-muted" aria-live="polite">
        {t("count", { count: rows.length, more: nextHref ? "yes" : "no" })}
      </p>
      {rows.length === 0 ? (
        <Card>
          <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} description={t("emptyBody")} />
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map((r) => {
            const days = Math.floor(msUntil(r.deadline) / 86_400_000);
            const fit = fitOf.get(r.id);
            return (
              <li key={r.id}>
                <Card as="article" className="h-full">
                  <div className="flex h-full flex-col gap-3">
                    <div className="flex flex-col gap-1">
                      <h2 className="text-lg font-semibold text-ink">
                        <Link
                          href={rfqRoutes.boardDetail(r.id)}
                          className="hover:underline focus-visible:outline-2 focus-visible:outline-offset-2"
                        >
                          {r.title}
                        </Link>
                      </h2>
                      <p className="text-sm text-muted">{r.buyer.name}</p>
                      <RfqStatusBadges rfq={r} />
                    </div>
                    {fit && (
                      <div className="flex flex-col gap-1 text-sm" data-testid="board-fit">
                        <p className="flex flex-wrap items-center gap-2">
                          <Badge tone={fit.qualified ? "success" : "warning"}>{fit.qualified ? t("fitQualified") : t("fitAlmost")}</Badge>
                          <span className="text-muted">{t("fitScore", { score: fit.score })}</span>
                        </p>
                        <ReasonList reasons={fit.reasons.slice(0, 3)} locale={locale} label={t("fitReasons")} />
                        {!fit.qualified && (
                          <div className="rounded-md bg-amber-50 p-2 text-amber-950 ring-1 ring-amber-200">
                            <GapList gaps={fit.gaps} />
                          </div>
                        )}
                      </div>
                    )}
                    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                      <div>
                        <dt className="text-muted">{t("deadline")}</dt>
                        <dd className="text-ink">
                          <time dateTime={r.deadline.toISOString()}>{f.dateTime(r.deadline)}</time>
                          <span className={`block text-xs ${days < 3 ? "font-semibold text-red-800" : "text-muted"}`}>
                            {days >= 1 ? t("daysLeft", { count: days }) : t("lastDay")}
                          </span>
                        </dd>
                      </div>
                      <div>
                        <dt className="text-muted">{t("delivery")}</dt>
                        <dd className="text-ink">
                          {r.deliveryRegency.name}, {r.deliveryRegency.province.name}
                        </dd>
                      </div>
                      <div className="col-span-2">
                        <dt className="text-muted">KBLI</dt>
                        <dd className="text-ink">
                          {r.kbli} — {r.kbliTitle.id}
                        </dd>
                      </div>
                    </dl>
                    <ul className="text-sm text-ink">
                      {r.items.slice(0, 3).map((it) => (
                        <li key={it.id}>
                          {it.name} — <span className="tabular-nums">{f.number(it.quantity)}</span> {it.unit}
                        </li>
                      ))}
                      {r.items.length > 3 && <li className="text-muted">{t("moreItems", { count: r.items.length - 3 })}</li>}
                    </ul>
                    {(r.requiredCertifications.length > 0 || r.minTkdn !== null) && (
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
                    <div className="mt-auto pt-1">
                      <ButtonLink
                        href={rfqRoutes.boardDetail(r.id)}
                        size="sm"
                        variant="secondary"
                        aria-label={t("openNamed", { title: r.title })}
                      >
                        {t("open")}
                      </ButtonLink>
                    </div>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {nextHref && (
        <nav aria-label={t("pagination")} className="mt-6 flex justify-end">
          <ButtonLink href={nextHref} variant="outline">
            {t("nextPage")}
          </ButtonLink>
        </nav>
      )}
    </Container>
  );
}
