// An organization's profile fields as a definition list: the proposed identity change on /organisasi/profil,
// the read-only view for members, and the admin's review queue (only the fields given are shown).
import { getTranslations } from "next-intl/server";
import { formatNpwp } from "@/lib/suppliers/identifiers";

interface SummaryFields {
  name?: string;
  legalName?: string | null;
  legalForm?: string | null;
  npwp?: string | null;
  isStateOwned?: boolean;
}

export async function ProfileSummary({ fields, extra = {} }: { fields: SummaryFields; extra?: Record<string, string | null> }) {
  const t = await getTranslations("organizations.profile");
  const tl = await getTranslations("suppliers.legalForms");
  const rows: [string, string][] = [];
  const notSet = t("notSet");
  if (fields.name !== undefined) rows.push([t("name"), fields.name]);
  if (fields.legalName !== undefined) rows.push([t("legalName"), fields.legalName ?? notSet]);
  if (fields.legalForm !== undefined) rows.push([t("legalForm"), fields.legalForm ? tl(fields.legalForm) : notSet]);
  if (fields.npwp !== undefined) rows.push([t("npwp"), fields.npwp ? formatNpwp(fields.npwp) : notSet]);
  if (fields.isStateOwned !== undefined) rows.push([t("isStateOwned"), fields.isStateOwned ? t("yes") : t("no")]);
  for (const [key, value] of Object.entries(extra)) rows.push([t(key as "address"), value ?? notSet]);
  return (
    <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-muted">{label}</dt>
          <dd className="font-medium break-words text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
