// The /tentang-data section on the reference list of industrial estates and UMKM centres (issue 12): what the
// list is, and every site with the public source that confirms it. Server component; the page reads the list.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { siteRoutes } from "@/lib/sites/routes";

interface SiteSource {
  id: string;
  name: string;
  regencyName: string;
  provinceName: string;
  operator: string | null;
  source: string | null;
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export async function SitesAbout({ sites }: { sites: SiteSource[] }) {
  const t = await getTranslations("sites.about");
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-3 leading-relaxed">
        <p>{t("body")}</p>
        {sites.length === 0 ? (
          <p className="text-muted">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {sites.map((s) => (
              <li key={s.id}>
                <Link href={siteRoutes.detail(s.id)} className="font-medium text-brand-800 underline underline-offset-2">
                  {s.name}
                </Link>{" "}
                — {s.regencyName}, {s.provinceName}
                {s.operator ? ` (${s.operator})` : ""}.{" "}
                {s.source ? (
                  <a href={s.source} rel="noopener noreferrer" className="break-all text-brand-700 underline">
                    {t("source", { host: host(s.source) })}
                  </a>
                ) : (
                  <span className="text-muted">{t("noSource")}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
