// /kemitraan/[id]/cetak — the agreement as a printable document: parties with their identities (legal name,
// address, NIB, NPWP, who signed and in what role: lib/agreements/print.ts), scheme under PP 7/2021 Pasal 106,
// value and term, milestones, terms, and each party's electronic acceptance of this version. In the reader's
// language, wholly (dates and times too), or the one chosen with ?bahasa=id|en; the document title ("Perjanjian
// RNT-2026-…") is the file name a "save as PDF" suggests. The print stylesheet hides the app's frame; on a
// 390 px phone the document fits the screen (the milestone table scrolls inside it).
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/agreements/print-button";
import { formattersFor } from "@/lib/i18n/format";
import { orNotFound, requirePageActor } from "@/lib/auth/page-guard";
import { getActor } from "@/lib/auth/session";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { getPartyIdentities } from "@/lib/agreements/print";
import { formatNpwp } from "@/lib/suppliers/identifiers";
import { mayOpenAgreements } from "@/lib/agreements/access";
import { getAgreement, getAgreementVersion } from "@/lib/agreements/queries";
import { agreementRoutes } from "@/lib/agreements/routes";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** The document's language: ?bahasa=id|en, else the reader's. */
async function printLocale(searchParams: Search): Promise<Locale> {
  const raw = (await searchParams).bahasa;
  const chosen = Array.isArray(raw) ? raw[0] : raw;
  if (isLocale(chosen)) return chosen;
  const reader = await getLocale();
  return isLocale(reader) ? reader : "id";
}

const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  header, footer, [data-print="hide"], a[href="#main"] { display: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  .agreement-doc { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; font-size: 11pt; }
  .agreement-doc h2 { break-after: avoid; }
  .agreement-doc table, .agreement-doc section { break-inside: avoid; }
}
`;

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: Search }): Promise<Metadata> {
  const { id } = await params;
  const locale = await printLocale(searchParams);
  const t = await getTranslations({ locale, namespace: "agreements.print" });
  // the number only for a reader who may open the agreement (the page itself answers 404 to anyone else)
  const a = await getAgreement(await getActor(), id).catch(() => null);
  return { title: a ? t("docTitle", { number: a.number }) : t("docTitleGeneric"), robots: { index: false } };
}

export default async function PrintAgreementPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const actor = await requirePageActor(agreementRoutes.print(id), mayOpenAgreements);
  const a = await orNotFound(getAgreement(actor, id));
  const locale = await printLocale(searchParams);
  const t = await getTranslations({ locale, namespace: "agreements" });
  const tSchemes = await getTranslations({ locale, namespace: "schemes" });
  const tRoles = await getTranslations({ locale, namespace: "roles" });
  const tForms = await getTranslations({ locale, namespace: "suppliers.legalForms" });
  const f = formattersFor(locale, await getTimeZone());
  const other: Locale = locale === "id" ? "en" : "id";
  const roleName = (r: string) => t(`role.${r}`).toUpperCase();
  // Once an agreement was in force, its fields are the latest version every party accepted (issue 11): an
  // amendment still waiting (or left waiting when the agreement ended) is not what is printed — the version in
  // force is, with its own number and acceptances. Before that: printed as signed only when every party
  // accepted the current version.
  const inForce =
    a.activatedAt && a.lastAcceptedVersion !== null && a.lastAcceptedVersion !== a.version
      ? await getAgreementVersion(actor, id, a.lastAcceptedVersion)
      : null;
  const printedVersion = inForce ? inForce.version : a.version;
  const signatures = inForce ? inForce.acceptances : a.acceptances;
  const identities = await getPartyIdentities(actor, id, printedVersion);
  const accepted = inForce !== null || (a.status !== "draft" && a.status !== "proposed" && a.pendingAcceptance.length === 0);
  // A terminated agreement is always marked so, signed or not (a printout is what a bank may be shown).
  const mark = a.status === "terminated" ? t("status.terminated").toUpperCase() : accepted ? null : t("print.draftMark");

  return (
    <div lang={locale} className="bg-paper px-2 py-6 sm:px-4 sm:py-8">
      <style>{PRINT_CSS}</style>
      <div data-print="hide" className="mx-auto mb-4 flex max-w-3xl flex-wrap items-center justify-between gap-3">
        <Link href={agreementRoutes.detail(a.id)} className="text-brand-800 underline">
          ← {t("print.back")}
        </Link>
        <span className="flex flex-wrap items-center gap-3">
          <Link href={agreementRoutes.print(a.id, { bahasa: other })} hrefLang={other} className="text-sm text-brand-800 underline">
            {t("print.otherLanguage")}
          </Link>
          <PrintButton label={t("print.printButton")} />
        </span>
      </div>
      <article className="agreement-doc mx-auto flex max-w-3xl min-w-0 flex-col gap-6 rounded-card border border-line bg-white p-4 font-serif text-[15px] leading-relaxed break-words text-black shadow-sm sm:p-10">
        {mark && <p className="border-2 border-black px-3 py-1 text-center font-sans font-bold tracking-wide">{mark}</p>}
        <div className="text-center">
          <h1 className="text-xl font-bold tracking-wide">{t("print.heading")}</h1>
          <p className="mt-1 font-semibold">{a.title}</p>
          <p className="text-sm">{t("print.numberLine", { number: a.number, version: printedVersion })}</p>
        </div>
        <p>{t("print.basis", { scheme: tSchemes(`${a.scheme}.name`) })}</p>
        <section>
          <p>{t("print.partiesIntro")}</p>
          <ol className="mt-2 list-decimal pl-6">
            {a.parties.map((p) => {
              const id = identities.get(p.organizationId);
              return (
                <li key={p.organizationId} data-testid="print-party">
                  <p>{t("print.partyLine", { name: id?.legalName ?? p.name, role: roleName(p.role) })}</p>
                  {id && (
                    <dl className="text-sm">
                      {id.legalForm && <IdentityLine label={t("print.identity.legalForm")} value={tForms(id.legalForm)} />}
                      {(id.address || id.region) && (
                        <IdentityLine label={t("print.identity.address")} value={[id.address, id.region].filter(Boolean).join(", ")} />
                      )}
                      {id.nib && <IdentityLine label={t("print.identity.nib")} value={id.nib} />}
                      {id.npwp && <IdentityLine label={t("print.identity.npwp")} value={formatNpwp(id.npwp)} />}
                      {/* Who signed is said once, in the signatures below (an agreement accepted before
                          acceptances were recorded per member has no signatory here, yet is signed). */}
                      {id.signatory && (
                        <IdentityLine
                          label={t("print.identity.signatory")}
                          value={`${id.signatory.name}, ${id.signatory.role ? tRoles(id.signatory.role) : "—"}`}
                        />
                      )}
                    </dl>
                  )}
                </li>
              );
            })}
          </ol>
          <p className="mt-2 text-xs">{t("print.identity.signatoryNote")}</p>
        </section>
        <section>
          <h2 className="font-bold">{t("print.article1")}</h2>
          <p>
            <strong>{tSchemes(`${a.scheme}.name`)}.</strong> {tSchemes(`${a.scheme}.description`)}
          </p>
        </section>
        <section>
          <h2 className="font-bold">{t("print.article2")}</h2>
          <p>{t("print.valueLine", { value: f.rupiah(a.valueIdr), start: f.calendarDate(a.startDate), end: f.calendarDate(a.endDate) })}</p>
        </section>
        <section>
          <h2 className="font-bold">{t("print.article3")}</h2>
          {a.milestones.length === 0 ? (
            <p>{t("detail.noMilestones")}</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-xs sm:text-sm">
                <thead>
                  <tr>
                    {["milestone", "quantity", "due", "amount", "payment"].map((c) => (
                      <th key={c} scope="col" className="border border-black px-2 py-1 text-left">
                        {t(`detail.col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {a.milestones.map((m) => (
                    <tr key={m.id}>
                      <td className="border border-black px-2 py-1">{`${m.position}. ${m.title}`}</td>
                      <td className="border border-black px-2 py-1">
                        {m.quantity === null ? "—" : `${f.number(m.quantity)} ${m.unit ?? ""}`}
                      </td>
                      <td className="border border-black px-2 py-1">{f.calendarDate(m.dueDate)}</td>
                      <td className="border border-black px-2 py-1 text-right">{m.amountIdr === null ? "—" : f.rupiah(m.amountIdr)}</td>
                      <td className="border border-black px-2 py-1">
                        {m.paymentTermDays === null ? "—" : t("detail.paymentTerm", { days: m.paymentTermDays })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section>
          <h2 className="font-bold">{t("print.article4")}</h2>
          <p className="whitespace-pre-line">{a.terms || t("detail.noTerms")}</p>
        </section>
        <section>
          <h2 className="font-bold">{t("print.signatures")}</h2>
          <div className="mt-3 grid gap-6 sm:grid-cols-2">
            {a.parties.map((p) => {
              const acc = signatures.find((x) => x.organizationId === p.organizationId);
              const shown = acc ?? (accepted ? { userName: null, acceptedAt: a.activatedAt } : null);
              return (
                <div key={p.organizationId} className="flex flex-col gap-1 border-t border-black pt-2">
                  <span className="font-semibold">{roleName(p.role)}</span>
                  <span>{identities.get(p.organizationId)?.legalName ?? p.name}</span>
                  <span className="text-sm">
                    {shown?.acceptedAt
                      ? t("print.signedElectronically", { name: shown.userName ?? p.name, date: f.dateTime(shown.acceptedAt) })
                      : t("print.notSigned")}
                  </span>
                </div>
              );
            })}
          </div>
        </section>
        <p className="border-t border-black pt-3 text-xs">{t("print.footer", { date: f.date(new Date()) })}</p>
      </article>
    </div>
  );
}

function IdentityLine({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="inline">{label}: </dt>
      <dd className="inline">{value}</dd>
    </div>
  );
}
