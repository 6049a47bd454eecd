// Landing page: what Rantai is, for whom, how it works, the PP 7/2021 partnership schemes, and live figures
// from the database. Rendered per request (the sign-in buttons follow the session); the figures come from a
// short-lived cache shared by all visitors (lib/cache/public-pages.ts: at most 30 s old).
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Stat, StatGrid } from "@/components/ui/stat";
import { cn } from "@/components/ui/cn";
import { formattersFor } from "@/lib/i18n/format";
import { landingFigures } from "@/lib/cache/public-pages";
import { getSessionUser } from "@/lib/auth/session";
import { PARTNERSHIP_SCHEMES } from "@/lib/enums";
import { authRoutes } from "@/lib/auth/routes";
import { organizationRoutes } from "@/lib/organizations/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { statsRoutes } from "@/lib/stats/routes";

/** PP 7/2021 Pasal 106: the six named patterns, then the other forms (the schema's order). */
const SCHEMES = PARTNERSHIP_SCHEMES;

const STEPS = ["one", "two", "three", "four"] as const;

function SectionHeading({ id, title, lead, inverse = false }: { id: string; title: string; lead?: string; inverse?: boolean }) {
  return (
    <div className="max-w-3xl">
      <h2 id={id} className={cn("text-2xl font-bold sm:text-3xl", inverse ? "text-white" : "text-ink")}>
        {title}
      </h2>
      {lead && <p className={cn("mt-3 text-lg", inverse ? "text-brand-100" : "text-muted")}>{lead}</p>}
    </div>
  );
}

function AudienceIcon({ kind }: { kind: "umkm" | "buyer" | "ministry" }) {
  const paths = {
    // a shop front
    umkm: "M4 10h16v10H4zM3 5h18l-1 5H4zM9 20v-5h6v5",
    // a clipboard with a check
    buyer: "M8 4h8v3H8zM6 6H5v15h14V6h-1M9 14l2 2 4-4",
    // a bar chart
    ministry: "M4 20h16M7 16v-5M12 16V7M17 16v-8",
  } as const;
  return (
    <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-xl bg-accent-100 text-accent-700">
      <svg viewBox="0 0 24 24" className="size-7 fill-none stroke-current" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d={paths[kind]} />
      </svg>
    </span>
  );
}

/** Decorative: three large interlocking chain links beside the hero text (wide screens only). */
function HeroChain() {
  const link = { width: 150, height: 90, rx: 45, y: 55 };
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 370 200"
      className="pointer-events-none hidden w-full -rotate-12 lg:block"
      fill="none"
      strokeWidth="18"
    >
      <defs>
        {/* where one link passes over the next: link 1 over link 2 at the top, link 2 over link 3 at the bottom */}
        <clipPath id="hero-chain-top">
          <rect x="118" y="30" width="34" height="50" />
        </clipPath>
        <clipPath id="hero-chain-bottom">
          <rect x="218" y="120" width="34" height="50" />
        </clipPath>
      </defs>
      <rect x="10" {...link} stroke="#454c7f" />
      <rect x="110" {...link} className="stroke-accent-400" />
      <rect x="210" {...link} className="stroke-teal-600" />
      <rect x="10" {...link} stroke="#454c7f" clipPath="url(#hero-chain-top)" />
      <rect x="110" {...link} className="stroke-accent-400" clipPath="url(#hero-chain-bottom)" />
    </svg>
  );
}

export default async function HomePage() {
  const [t, ts, locale, s, user] = await Promise.all([
    getTranslations("landing"),
    getTranslations("schemes"),
    getLocale(),
    // the same figures for every visitor, cached: protected (lib/stats/disclosure.ts)
    landingFigures(),
    getSessionUser(),
  ]);
  const f = formattersFor(locale, await getTimeZone());
  const share = s.umkmWithActiveAgreementShare;
  const withheld = t("stats.suppressed");
  const num = (n: number | null) => (n === null ? withheld : f.number(n));

  return (
    <>
      {/* Hero */}
      <section aria-labelledby="hero-title" className="relative overflow-hidden bg-brand-900 text-white">
        <div aria-hidden="true" className="bg-kawung absolute inset-0 opacity-70" />
        <div aria-hidden="true" className="absolute inset-0 bg-gradient-to-br from-brand-950/80 via-brand-900/40 to-teal-900/50" />
        <Container className="relative pt-12 pb-28 sm:pt-16 sm:pb-32 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:items-center lg:gap-8 lg:pt-20 xl:grid-cols-[minmax(0,1fr)_20rem]">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full bg-white/10 px-3 py-1 text-sm font-semibold text-accent-200 ring-1 ring-white/20">
              <span aria-hidden="true" className="size-2 rounded-full bg-accent-300" />
              {t("hero.eyebrow")}
            </p>
            <h1 id="hero-title" className="mt-5 max-w-3xl text-3xl leading-tight font-extrabold tracking-tight sm:text-5xl">
              {t("hero.title")}
            </h1>
            <p className="mt-5 max-w-2xl text-lg leading-relaxed text-brand-100">{t("hero.lead")}</p>
            <div className="mt-8 flex flex-col gap-3 min-[420px]:flex-row min-[420px]:flex-wrap">
              {user ? (
                <ButtonLink href={organizationRoutes.dashboard()} variant="inverse" size="lg">
                  {t("hero.ctaDashboard")}
                </ButtonLink>
              ) : (
                <>
                  <ButtonLink href={authRoutes.signUp()} variant="inverse" size="lg">
                    {t("hero.ctaSignUp")}
                  </ButtonLink>
                  <ButtonLink
                    href={authRoutes.signIn()}
                    variant="outline"
                    size="lg"
                    className="border-white/40 bg-transparent text-white hover:border-white hover:bg-white/10"
                  >
                    {t("hero.ctaSignIn")}
                  </ButtonLink>
                </>
              )}
            </div>
            <p className="mt-6">
              <Link
                href={supplierRoutes.directory()}
                className="inline-flex min-h-11 items-center gap-1.5 font-semibold text-accent-200 underline decoration-accent-300/60 hover:text-white hover:decoration-white"
              >
                {t("hero.ctaSuppliers")}
                <span aria-hidden="true">→</span>
              </Link>
            </p>
          </div>
          <HeroChain />
        </Container>
      </section>

      {/* Live figures */}
      <section aria-labelledby="angka" className="relative -mt-16">
        <Container>
          <div className="rounded-2xl border border-line bg-paper p-4 shadow-lg sm:p-6">
            <div className="flex flex-col gap-1 pb-4 sm:flex-row sm:items-end sm:justify-between">
              <h2 id="angka" className="flex items-center gap-2 text-xl font-bold text-ink">
                <span aria-hidden="true" className="relative flex size-2.5">
                  <span className="absolute inline-flex size-full animate-ping rounded-full bg-teal-500 opacity-60 motion-reduce:hidden" />
                  <span className="relative inline-flex size-2.5 rounded-full bg-teal-600" />
                </span>
                {t("stats.title")}
              </h2>
              <p className="text-sm text-muted">{t("stats.subtitle", { time: f.dateTime(s.asOf) })}</p>
            </div>
            <StatGrid>
              <Stat
                label={t("stats.verifiedUmkm")}
                value={f.number(s.umkmVerified)}
                hint={t("stats.verifiedUmkmHint", { total: f.number(s.umkmRegistered) })}
              />
              <Stat
                label={t("stats.provinces")}
                value={f.number(s.provincesCovered)}
                hint={t("stats.provincesHint", { total: f.number(s.provincesTotal) })}
              />
              <Stat label={t("stats.buyers")} value={f.number(s.buyersVerified)} hint={t("stats.buyersHint")} />
              <Stat label={t("stats.openRfqs")} value={f.number(s.openRfqs)} hint={t("stats.openRfqsHint")} />
              <Stat
                label={t("stats.activeAgreements")}
                value={num(s.activeAgreements)}
                hint={s.activeAgreements === null ? t("stats.suppressedHint") : t("stats.activeAgreementsHint")}
              />
              <Stat
                label={t("stats.completedAgreements")}
                value={num(s.completedAgreements)}
                hint={s.completedAgreements === null ? t("stats.suppressedHint") : t("stats.completedAgreementsHint")}
              />
              <Stat
                emphasis
                className="col-span-2"
                label={t("stats.agreementValue")}
                value={s.activeAgreementValueIdr === null ? withheld : f.rupiahCompact(s.activeAgreementValueIdr)}
                hint={
                  s.activeAgreementValueIdr === null
                    ? t("stats.suppressedHint")
                    : t("stats.agreementValueHint", { amount: f.rupiah(s.activeAgreementValueIdr) })
                }
              />
              <Stat
                className="col-span-2 lg:col-span-4"
                label={t("stats.share")}
                value={s.umkmWithActiveAgreement === null ? withheld : f.percent(share ?? 0)}
                hint={
                  <>
                    <span aria-hidden="true" className="mt-1 mb-2 block h-2 overflow-hidden rounded-full bg-brand-100">
                      <span
                        className="block h-full rounded-full bg-gradient-to-r from-teal-600 to-brand-600"
                        style={{ width: `${Math.round((share ?? 0) * 100)}%` }}
                      />
                    </span>
                    {s.umkmWithActiveAgreement === null
                      ? t("stats.suppressedHint")
                      : share === null
                        ? t("stats.shareEmpty")
                        : t("stats.shareHint", { count: f.number(s.umkmWithActiveAgreement), total: f.number(s.umkmVerified) })}
                  </>
                }
              />
            </StatGrid>
            <p className="mt-4 text-sm">
              <Link
                href={statsRoutes.aboutData("definisi")}
                className="inline-flex min-h-11 items-center font-medium text-brand-700 underline hover:text-brand-900"
              >
                {t("stats.definitions")}
              </Link>
            </p>
          </div>
        </Container>
      </section>

      {/* The problem */}
      <section aria-labelledby="mengapa" className="py-16 sm:py-20">
        <Container>
          <SectionHeading id="mengapa" title={t("problem.title")} lead={t("problem.lead")} />
          <dl className="mt-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
            {(
              [
                ["figureUmkm", "figureUmkmLabel"],
                ["figureGdp", "figureGdpLabel"],
                ["figureJobs", "figureJobsLabel"],
                ["figureShare", "figureShareLabel"],
              ] as const
            ).map(([value, label], i) => (
              <div
                key={value}
                className={cn(
                  "flex flex-col rounded-card border px-4 py-5",
                  i === 3 ? "border-accent-300 bg-accent-50" : "border-line bg-surface",
                )}
              >
                <dt className="order-2 mt-1 text-sm font-medium text-muted">{t(`problem.${label}`)}</dt>
                <dd
                  className={cn(
                    "order-1 text-2xl font-extrabold tracking-tight sm:text-3xl",
                    i === 3 ? "text-accent-800" : "text-brand-800",
                  )}
                >
                  {t(`problem.${value}`)}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-8 max-w-3xl text-lg leading-relaxed text-ink">{t("problem.body")}</p>
          <p className="mt-4 max-w-3xl text-sm text-muted">{t("problem.source")}</p>
        </Container>
      </section>

      {/* Who it is for */}
      <section aria-labelledby="untuk-siapa" className="border-y border-line bg-surface py-16 sm:py-20">
        <Container>
          <SectionHeading id="untuk-siapa" title={t("audiences.title")} />
          <ul className="mt-8 grid gap-4 md:grid-cols-3">
            {(["umkm", "buyer", "ministry"] as const).map((kind) => (
              <li key={kind} className="flex flex-col gap-4 rounded-card border border-line bg-paper p-5">
                <AudienceIcon kind={kind} />
                <h3 className="text-xl font-bold text-ink">{t(`audiences.${kind}.title`)}</h3>
                <p className="leading-relaxed text-muted">{t(`audiences.${kind}.body`)}</p>
              </li>
            ))}
          </ul>
        </Container>
      </section>

      {/* How it works */}
      <section aria-labelledby="cara-kerja" className="py-16 sm:py-20">
        <Container>
          <SectionHeading id="cara-kerja" title={t("steps.title")} />
          <ol className="mt-8 grid gap-6 md:grid-cols-2 lg:grid-cols-4">
            {STEPS.map((step, i) => (
              <li key={step} className="relative flex gap-4 lg:flex-col">
                {i < STEPS.length - 1 && (
                  <span
                    aria-hidden="true"
                    className="absolute top-11 bottom-[-1.5rem] left-[1.3rem] w-0.5 bg-brand-100 md:hidden lg:top-[1.3rem] lg:right-[-1.5rem] lg:bottom-auto lg:left-14 lg:block lg:h-0.5 lg:w-auto"
                  />
                )}
                <span
                  aria-hidden="true"
                  className="flex size-11 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white ring-4 ring-brand-100"
                >
                  {f.number(i + 1)}
                </span>
                <div>
                  <h3 className="text-lg font-bold text-ink">{t(`steps.${step}.title`)}</h3>
                  <p className="mt-1.5 leading-relaxed text-muted">{t(`steps.${step}.body`)}</p>
                </div>
              </li>
            ))}
          </ol>
        </Container>
      </section>

      {/* PP 7/2021 schemes */}
      <section aria-labelledby="pola-kemitraan" className="border-t border-line bg-accent-50/60 py-16 sm:py-20">
        <Container>
          <SectionHeading id="pola-kemitraan" title={t("schemes.title")} lead={t("schemes.lead")} />
          <ul className="mt-8 grid gap-3 sm:grid-cols-2">
            {SCHEMES.map((scheme) => (
              <li key={scheme} className="rounded-card border border-accent-200 bg-surface p-4">
                <h3 className="font-bold text-ink">{ts(`${scheme}.name`)}</h3>
                <p className="mt-1 text-sm leading-relaxed text-muted">{ts(`${scheme}.description`)}</p>
              </li>
            ))}
          </ul>
          <p className="mt-6 max-w-3xl border-l-4 border-accent-500 pl-4 font-medium text-accent-900">{t("schemes.note")}</p>
        </Container>
      </section>

      {/* Call to action */}
      <section aria-labelledby="bergabung" className="relative overflow-hidden bg-brand-900 py-16 text-white">
        <div aria-hidden="true" className="bg-kawung absolute inset-0 opacity-60" />
        <Container className="relative flex flex-col items-start gap-6 md:flex-row md:items-center md:justify-between">
          <div>
            <h2 id="bergabung" className="text-2xl font-bold sm:text-3xl">
              {user ? t("cta.signedInTitle") : t("cta.title")}
            </h2>
            <p className="mt-2 text-lg text-brand-100">{user ? t("cta.signedInBody") : t("cta.body")}</p>
          </div>
          <div className="flex w-full flex-col gap-3 min-[420px]:w-auto min-[420px]:flex-row">
            {user ? (
              <ButtonLink href={organizationRoutes.dashboard()} variant="inverse" size="lg">
                {t("cta.dashboard")}
              </ButtonLink>
            ) : (
              <>
                <ButtonLink href={authRoutes.signUp()} variant="inverse" size="lg">
                  {t("cta.signUp")}
                </ButtonLink>
                <ButtonLink href={authRoutes.signIn()} variant="ghost" size="lg" className="text-white hover:bg-white/10">
                  {t("cta.signIn")}
                </ButtonLink>
              </>
            )}
          </div>
        </Container>
      </section>
    </>
  );
}
