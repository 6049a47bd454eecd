// /produk — the UMKM's own catalogue: active and archived products, add / edit / archive / restore.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card, Container, EmptyState, PageHeader, cn } from "@/components/ui";
import { ArchiveButton } from "@/components/products/archive-button";
import { ProductSummary } from "@/components/products/product-summary";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { mayKeepCatalogue } from "@/lib/products/access";
import { listOwnProducts } from "@/lib/products/catalogue";
import { productRoutes } from "@/lib/products/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("products");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProductsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireSignedIn(productRoutes.list());
  const t = await getTranslations("products");
  const tc = await getTranslations("common");
  if (!mayKeepCatalogue(actor)) {
    return (
      <Container className="py-8">
        <PageHeader title={t("title")} />
        <Alert tone="info">{t("notUmkm")}</Alert>
      </Container>
    );
  }
  const sp = await searchParams;
  const archivedTab = sp.tab === "archived";
  const products = await listOwnProducts(actor, { archived: archivedTab });
  const notice = sp.saved ? t("saved") : sp.archived ? t("archivedNotice") : sp.restored ? t("restoredNotice") : null;
  const tab = (active: boolean) =>
    cn("rounded-lg px-3 py-2 text-sm font-medium", active ? "bg-brand-700 text-white" : "text-ink hover:bg-stone-100");

  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <ButtonLink href={productRoutes.create()} size="md">
            {t("add")}
          </ButtonLink>
        }
      />
      {notice && (
        <div role="status">
          <Alert tone="success">{notice}</Alert>
        </div>
      )}
      <nav aria-label={t("title")} className="flex gap-2">
        <Link href={productRoutes.list()} className={tab(!archivedTab)} aria-current={!archivedTab ? "page" : undefined}>
          {t("active")}
        </Link>
        <Link href={productRoutes.list({ tab: "archived" })} className={tab(archivedTab)} aria-current={archivedTab ? "page" : undefined}>
          {t("archivedTab")}
        </Link>
      </nav>
      {products.length === 0 ? (
        archivedTab ? (
          <EmptyState title={t("emptyArchived")} />
        ) : (
          <EmptyState
            title={t("emptyTitle")}
            description={t("emptyBody")}
            action={<ButtonLink href={productRoutes.create()}>{t("add")}</ButtonLink>}
          />
        )
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {products.map((p) => (
            <li key={p.id}>
              <Card>
                <ProductSummary
                  product={p}
                  actions={
                    <>
                      <ButtonLink href={productRoutes.edit(p.id)} size="sm" variant="secondary">
                        {tc("edit")}
                      </ButtonLink>
                      <ArchiveButton id={p.id} archived={p.archived} label={p.archived ? t("restore") : t("archive")} />
                    </>
                  }
                />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
