// /pemasok — the public supplier directory: typo-tolerant search with filters, sorting and keyset pages
// (lib/suppliers/search.ts; the same query as GET /api/v1/suppliers).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Container, EmptyState, PageHeader } from "@/components/ui";
import { SearchForm } from "@/components/directory/search-form";
import { SupplierCard } from "@/components/directory/supplier-card";
import { isDomainError } from "@/lib/errors";
import { directorySearch, provincesByName, siteOptions } from "@/lib/cache/public-pages";
import { supplierRoutes } from "@/lib/suppliers/routes";
import type { SupplierSearchPage } from "@/lib/suppliers/search";
import { directoryParams, MAX_PAGE_TRAIL, parseDirectoryParams, parsePageTrail, queryWords } from "@/lib/suppliers/search-query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("directory");
  return { title: `${t("title")} — Rantai`, description: t("description") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The query with its last searched word replaced by a suggested completion ("kain bat" → "kain batik"). */
function completeLastWord(q: string, completion: string): string {
  const last = queryWords(q).at(-1);
  const tokens = [...q.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const hit = tokens.findLast((m) => queryWords(m[0])[0] === last);
  return hit?.index === undefined ? completion : q.slice(0, hit.index) + completion + q.slice(hit.index + hit[0].length);
}

export default async function SuppliersPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("directory");
  const sp = await searchParams;
  let { query, invalid } = parseDirectoryParams(sp);
  let trail = query.cursor ? parsePageTrail(sp.sebelumnya) : [];
  const [provinces, sites] = await Promise.all([provincesByName(), siteOptions()]);

  let page: SupplierSearchPage;
  try {
    page = await directorySearch(query);
  } catch (err) {
    if (!isDomainError(err) || err.code !== "invalid_input") throw err;
    // A stale or edited cursor: start from the first page.
    query = { ...query, cursor: undefined };
    trail = [];
    invalid = true;
    page = await directorySearch(query);
  }

  // The search as validated (no cursor): the base of every link that pages, completes a word or opens a supplier.
  const base = directoryParams(query);
  // Previous/next: keyset cursors, with the cursors of the pages before this one carried in `sebelumnya` (at
  // most MAX_PAGE_TRAIL; beyond that, "previous" eventually leads to the first page).
  const pageLink = (cursor: string | undefined, before: string[]) =>
    supplierRoutes.directory({ ...base, cursor, sebelumnya: cursor && before.length ? before.join(".") : undefined });
  const next = page.nextCursor
    ? pageLink(page.nextCursor, [...trail, ...(query.cursor ? [query.cursor] : [])].slice(-MAX_PAGE_TRAIL))
    : null;
  const previous = query.cursor ? pageLink(trail[trail.length - 1], trail.slice(0, -1)) : null;
  const carried = new URLSearchParams(
    Object.entries(base).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  ).toString();
  const suggestions = query.q
    ? page.suggestions.map((word) => ({ word, href: supplierRoutes.directory({ ...base, q: completeLastWord(query.q!, word) }) }))
    : [];

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader title={t("title")} description={t("description")} />
      <SearchForm
        provinces={provinces}
        sites={sites}
        values={{
          kawasan: query.siteId,
          q: query.q,
          province: query.province,
          kbli: query.kbli,
          sizeClass: query.sizeClass,
          certification: query.certification,
          minTkdn: query.minTkdn !== undefined ? String(query.minTkdn) : undefined,
          verified: query.verified,
          flagship: query.flagship,
          sort: query.sort,
        }}
      />
      {invalid && <Alert tone="warning">{t("invalidFilters")}</Alert>}
      <div role="status" aria-live="polite" className="flex flex-col gap-1 text-sm text-muted">
        <p className="font-medium text-ink">
          {page.total.capped ? t("totalCapped", { count: page.total.count }) : t("total", { count: page.total.count })}
        </p>
        {page.partialMatch && <p>{t("partialMatch")}</p>}
        {page.interpretation.corrections.length > 0 && (
          <p>
            {t("corrected", { words: page.interpretation.corrections.map((c) => `${c.word} → ${c.to.slice(0, 3).join(", ")}`).join("; ") })}
          </p>
        )}
        {page.interpretation.ignored.length > 0 && <p>{t("ignored", { words: page.interpretation.ignored.join(", ") })}</p>}
      </div>
      {suggestions.length > 0 && (
        <p className="text-sm text-ink">
          {t("didYouMean")}{" "}
          {suggestions.map((s, i) => (
            <span key={s.word}>
              {i > 0 && ", "}
              <Link href={s.href} className="font-medium text-brand-700 underline underline-offset-2">
                {s.word}
              </Link>
            </span>
          ))}
          ?
        </p>
      )}
      {page.data.length === 0 ? (
        <EmptyState title={t("noResultsTitle")} description={t("noResultsBody")} />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {page.data.map((s) => (
            <li key={s.id}>
              <SupplierCard supplier={s} searchQuery={carried} />
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("pagination")} className="flex flex-wrap gap-3">
        {previous && (
          <ButtonLink href={previous} variant="outline" rel="prev">
            ← {t("previousPage")}
          </ButtonLink>
        )}
        {next && (
          <ButtonLink href={next} variant="outline" rel="next">
            {t("nextPage")} →
          </ButtonLink>
        )}
        {trail.length > 0 && (
          <ButtonLink href={supplierRoutes.directory(base)} variant="ghost">
            {t("firstPage")}
          </ButtonLink>
        )}
      </nav>
    </Container>
  );
}
