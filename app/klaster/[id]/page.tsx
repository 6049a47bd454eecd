// /klaster/[id] — a cluster's page (issue 12): name, sectors with KBLI titles, region scope, site, manager,
// active anchors, the membership panel (components/clusters/membership-panel.tsx) and the figures, protected
// for the viewer by lib/clusters/summary.ts (ADR 0028): the public sees "< 3" where fewer than 3 UMKM stand
// behind a figure; ministry and platform staff and the cluster's own regional government see exact figures;
// the manager and anchors also see the named members; a member sees how it belongs. Unknown id: 404.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink, Card, Container, PageHeader } from "@/components/ui";
import { ClusterFigures } from "@/components/clusters/cluster-figures";
import { ClusterMembershipPanel } from "@/components/clusters/membership-panel";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/page-guard";
import { clusterRoutes } from "@/lib/clusters/routes";
import { getClusterSummary, getClusterTitle } from "@/lib/clusters/summary";
import { publicClusterSummary } from "@/lib/cache/public-pages";
import { isLocale } from "@/lib/i18n/config";
import { getProvinceNames } from "@/lib/stats/partnerships";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const name = await getClusterTitle(id);
  if (!name) return { title: "Rantai" };
  const t = await getTranslations("clusterFigures.page");
  return { title: `${name} — Rantai`, description: t("metaDescription", { name }) };
}

export default async function ClusterPage({ params }: { params: Params }) {
  const { id } = await params;
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : "id";
  const actor = await getActor();
  // a visitor who is not signed in sees the public page, cached; a signed-in viewer's is computed per request
  const summary = await orNotFound(actor ? getClusterSummary(id, actor, { locale }) : publicClusterSummary(id, locale));
  const provinceNames = Object.fromEntries(await getProvinceNames());
  const t = await getTranslations("clusterFigures");
  const s = summary;
  const region = [...s.provinces.map((p) => p.name), ...s.regencies.map((r) => r.name)];

  return (
    <Container className="flex flex-col gap-6 py-8">
      <div>
        <ButtonLink href={clusterRoutes.list()} variant="ghost" size="sm">
          ← {t("page.back")}
        </ButtonLink>
      </div>
      <PageHeader title={s.name} description={s.kbliSections.map((k) => `${k.code} — ${k.title}`).join(" · ")} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("page.about")} className="lg:col-span-2">
          <div className="flex flex-col gap-4">
            <p className="whitespace-pre-line text-ink">{s.description || t("page.noDescription")}</p>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="font-medium text-muted">{t("page.sectors")}</dt>
                <dd>
                  <ul data-testid="cluster-sectors">
                    {s.kbliSections.map((k) => (
                      <li key={k.code}>
                        {k.code} — {k.title}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt className="font-medium text-muted">{t("page.region")}</dt>
                <dd data-testid="cluster-region">{region.length ? region.join(", ") : t("page.noRegion")}</dd>
              </div>
              <div>
                <dt className="font-medium text-muted">{t("page.site")}</dt>
                <dd>{s.site ? s.site.name : t("page.noSite")}</dd>
              </div>
              <div>
                <dt className="font-medium text-muted">{t("page.manager")}</dt>
                <dd data-testid="cluster-manager">{s.manager.name}</dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="font-medium text-muted">{t("page.anchors")}</dt>
                <dd>
                  {s.anchors.length === 0 ? (
                    t("page.noAnchors")
                  ) : (
                    <ul className="flex flex-wrap gap-2" data-testid="cluster-anchors">
                      {s.anchors.map((a) => (
                        <li key={a.id} className="rounded-full border border-line px-3 py-1">
                          {a.name}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
          </div>
        </Card>
        <div className="flex flex-col gap-4">
          <ClusterMembershipPanel clusterId={s.id} />
          {s.ownMembership && (
            <Card title={t("own.title")}>
              <p className="text-sm" data-testid="cluster-own-membership">
                {s.ownMembership.viaCooperatives.length === 0
                  ? t("own.direct")
                  : t(s.ownMembership.direct ? "own.both" : "own.via", { cooperatives: s.ownMembership.viaCooperatives.join(", ") })}
              </p>
            </Card>
          )}
        </div>
      </div>
      <ClusterFigures summary={s} provinceNames={provinceNames} />
    </Container>
  );
}
