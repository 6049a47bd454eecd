// /daerah/produk-unggulan — a regional government's flagship products (produk unggulan daerah): tag product kinds
// (a KBLI code plus words), see how many UMKM of the region match each, change or remove them. Matching UMKM get a
// badge in the directory (docs/decisions/0023-regional-governments.md). Regional governments only (others 404);
// tagging needs a verified government.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert, ButtonLink, Card, Container, EmptyState, PageHeader } from "@/components/ui";
import { FlagshipControls, FlagshipForm } from "@/components/regions/flagship-forms";
import { requirePageActor } from "@/lib/auth/page-guard";
import { canOpenFlagshipPage } from "@/lib/regions/access";
import { listFlagships } from "@/lib/regions/flagship";
import { regionRoutes } from "@/lib/regions/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("regions.flagship");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function FlagshipProductsPage() {
  const actor = await requirePageActor(regionRoutes.flagshipProducts(), canOpenFlagshipPage);
  const t = await getTranslations("regions.flagship");
  const verified = actor.membership?.verificationStatus === "verified";
  const flagships = await listFlagships(actor);
  return (
    <Container className="flex flex-col gap-6 py-8">
      <PageHeader
        eyebrow={actor.membership?.organizationName}
        title={t("title")}
        description={t("description")}
        actions={
          <ButtonLink href={regionRoutes.dashboard()} size="sm" variant="ghost">
            ← {t("back")}
          </ButtonLink>
        }
      />
      <Alert tone="info">{t("rule")}</Alert>
      {!verified && <Alert tone="warning">{t("pending")}</Alert>}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="flagship-list" className="flex flex-col gap-3">
          <h2 id="flagship-list" className="text-lg font-semibold text-ink">
            {t("listTitle")}
          </h2>
          {flagships.length === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <ul className="flex flex-col gap-3">
              {flagships.map((f) => (
                <li key={f.id} data-testid="flagship-item">
                  <Card>
                    <div className="flex flex-col gap-2">
                      <h3 className="text-base font-semibold break-words text-ink">{f.name}</h3>
                      <p className="text-sm text-muted">
                        KBLI <span className="font-mono">{f.kbliCode}</span> · {f.kbliTitle}
                      </p>
                      <p className="text-sm text-ink">{f.keywords.length ? t("words", { words: f.keywords.join(", ") }) : t("noWords")}</p>
                      <p className="text-sm">
                        <a className="text-brand-800 underline" href={supplierRoutes.directory({ unggulan: "1", kbli: f.kbliCode })}>
                          {t("matching", { count: f.matchingUmkm })}
                        </a>
                      </p>
                      {verified && <FlagshipControls flagship={{ id: f.id, name: f.name, kbliCode: f.kbliCode, keywords: f.keywords }} />}
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
        {verified && (
          <Card title={t("addTitle")}>
            <FlagshipForm />
          </Card>
        )}
      </div>
    </Container>
  );
}
