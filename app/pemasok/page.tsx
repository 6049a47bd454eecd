// /pemasok — the public supplier directory: typo-tolerant search with filters, sorting and keyset pages
// (lib/suppliers/search.ts; the same query as GET /api/v1/suppliers).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Container, EmptyState, PageHeader } from "@/components/ui";
import { SearchForm } from "@/components/directory/search-form";
import { SupplierCard } from "@/components/directory/supplier-card";
import { isDomainError } from "@/lib/errors";
import { listProvinces } from "@/lib/reference/service";
import { listSiteOptions } from "@/lib/sites/service";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { searchSuppliers, type SupplierSearchPage } from "@/lib/suppliers/search";
import { supplierSearchQuery, type SupplierSearchQuery } from "@/lib/suppliers/search-query";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("directory");
  return { title: `${t("title")} — Rantai`, description: t("description") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Parses the query string; an invalid filter is dropped (and reported) instead of failing the page. */
function parseQuery(sp: Record<string, string | string[] | undefined>): { query: SupplierSearchQuery; invalid: boolean } {
  const raw: Record<string, unknown> = { ...sp };
  // The page's Indonesian name for the API's `flagship` filter (produk unggulan daerah).
  delete raw.flagship;
  if (sp.unggulan !== undefined) raw.flagship = sp.unggulan;
  // ?kawasan=<siteId> (issue 12) is the page's word for the API's siteId.
  if (sp.kawasan !== undefined) raw.siteId = sp.kawasan;
  delete raw.kawasan;
  const first = supplierSearchQuery.safeParse(raw);
  if (first.success) return { query: first.data, invalid: false };
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  const second = supplierSearchQuery.safeParse(raw);
  return { query: second.success ? second.data : supplierSearchQuery.parse({}), invalid: true };
}

export default async function SuppliersPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("directory");
  const sp = await searchParams;
  let { query, invalid } = parseQuery(sp);
  const [provinces, sites] = await Promise.all([listProvinces("name"), listSiteOptions()]);

  let page: SupplierSearchPage;
  try {
    page = await searchSuppliers(query);
  } catch (err) {
    if (!isDomainError(err) || err.code !== "invalid_input") throw err;
    // A stale or edited cursor: start from the first page.
    query = { ...query, cursor: undefined };
    invalid = true;
    page = await searchSuppliers(query);
  }

  // The query as given (without its cursor and empty fields), for the "first page" and "next page" links.
  const base: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(sp)) {
    if (k === "cursor" || v === undefined) continue;
    const values = (Array.isArray(v) ? v : [v]).filter((x) => x !== "");
    if (values.length > 0) base[k] = values;
  }
  const next = page.nextCursor ? supplierRoutes.directory({ ...base, cursor: page.nextCursor }) : null;

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
        <p>{t("showing", { count: page.data.length })}</p>
        {page.interpretation.corrections.length > 0 && (
          <p>
            {t("corrected", { words: page.interpretation.corrections.map((c) => `${c.word} → ${c.to.slice(0, 3).join(", ")}`).join("; ") })}
          </p>
        )}
        {page.interpretation.ignored.length > 0 && <p>{t("ignored", { words: page.interpretation.ignored.join(", ") })}</p>}
      </div>
      {page.data.length === 0 ? (
        <EmptyState title={t("noResultsTitle")} description={t("noResultsBody")} />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {page.data.map((s) => (
            <li key={s.id}>
              <SupplierCard supplier={s} />
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("title")} className="flex flex-wrap gap-3">
        {query.cursor && (
          <ButtonLink href={supplierRoutes.directory(base)} variant="ghost">
            {t("firstPage")}
          </ButtonLink>
        )}
        {next && (
          <ButtonLink href={next} variant="outline">
            {t("nextPage")}
          </ButtonLink>
        )}
      </nav>
    </Container>
  );
}
