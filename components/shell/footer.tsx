import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { statsRoutes } from "@/lib/stats/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { LanguageSwitcher } from "./language-switcher";

export async function Footer() {
  const t = await getTranslations("footer");
  const links = [
    { href: statsRoutes.aboutData(), label: t("aboutData") },
    { href: supplierRoutes.directory(), label: t("findSuppliers") },
  ];
  return (
    <footer className="bg-brand-950 text-brand-100">
      <div className="batik-band" aria-hidden="true" />
      <div className="relative">
        <div aria-hidden="true" className="bg-kawung absolute inset-0 opacity-40" />
        <div className="relative mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:px-6 md:grid-cols-[2fr_1fr_auto] lg:px-8">
          <div className="flex flex-col gap-3">
            <Logo inverse />
            <p className="max-w-md text-sm leading-relaxed text-brand-100">{t("description")}</p>
          </div>
          <ul className="flex flex-col gap-1 text-sm">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="inline-flex min-h-11 items-center text-white underline decoration-accent-300 hover:decoration-2"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
          <LanguageSwitcher inverse />
        </div>
        <div className="relative mx-auto max-w-6xl border-t border-white/15 px-4 py-4 text-xs text-brand-200 sm:px-6 lg:px-8">
          {t("copyright", { year: new Date().getFullYear() })}
        </div>
      </div>
    </footer>
  );
}
