// /produk/baru — add a product.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader } from "@/components/ui";
import { ProductForm } from "@/components/products/product-form";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { mayKeepCatalogue } from "@/lib/products/access";
import { listProfileKbliOptions } from "@/lib/products/catalogue";
import { kbliOptionsFor } from "@/components/products/kbli-options";
import { productRoutes } from "@/lib/products/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("products");
  return { title: `${t("newTitle")} — Rantai`, robots: { index: false } };
}

export default async function NewProductPage() {
  const actor = await requireSignedIn(productRoutes.create());
  const allowed = mayKeepCatalogue(actor);
  const t = await getTranslations("products");
  const kbliOptions = allowed ? await kbliOptionsFor(await listProfileKbliOptions(actor)) : [];
  return (
    <Container className="flex max-w-3xl flex-col gap-6 py-8">
      <PageHeader title={t("newTitle")} />
      {allowed ? (
        <Card>
          <ProductForm kbliOptions={kbliOptions} />
        </Card>
      ) : (
        <Alert tone="info">{t("notUmkm")}</Alert>
      )}
    </Container>
  );
}
