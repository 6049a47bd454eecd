// /produk/[id]/ubah — edit one of the active organization's products (anyone else's is a 404).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, Card, Container, PageHeader } from "@/components/ui";
import { ProductForm } from "@/components/products/product-form";
import { orNotFound, requireSignedIn } from "@/lib/auth/page-guard";
import { mayKeepCatalogue } from "@/lib/products/access";
import { getOwnProduct, listProfileKbliOptions } from "@/lib/products/catalogue";
import { kbliOptionsFor } from "@/components/products/kbli-options";
import { productRoutes } from "@/lib/products/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("products");
  return { title: `${t("editTitle")} — Rantai`, robots: { index: false } };
}

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireSignedIn(productRoutes.edit(id));
  const t = await getTranslations("products");
  if (!mayKeepCatalogue(actor)) {
    return (
      <Container className="py-8">
        <Alert tone="info">{t("notUmkm")}</Alert>
      </Container>
    );
  }
  const product = await orNotFound(getOwnProduct(actor, id));
  // The profile's codes, and the product's own when the profile no longer lists it (kept until changed).
  const kbliOptions = await kbliOptionsFor(await listProfileKbliOptions(actor), { code: product.kbli, title: product.kbliTitle });
  const s = (v: number | bigint | null) => (v === null ? "" : String(v));
  return (
    <Container className="flex max-w-3xl flex-col gap-6 py-8">
      <PageHeader title={t("editTitle")} description={product.name} />
      <Card>
        <ProductForm
          initial={{
            id: product.id,
            name: product.name,
            description: product.description ?? "",
            kbli: product.kbli,
            unit: product.unit,
            priceMinIdr: s(product.priceMinIdr),
            priceMaxIdr: s(product.priceMaxIdr),
            moq: s(product.moq),
            monthlyCapacity: s(product.monthlyCapacity),
            leadTimeDays: s(product.leadTimeDays),
            images: product.images.map((i) => ({ id: i.id, thumbnailUrl: i.thumbnailUrl })),
          }}
          kbliOptions={kbliOptions}
        />
      </Card>
    </Container>
  );
}
