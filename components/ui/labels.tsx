"use client";
// The few words the shared UI kit translates itself (field.tsx, badge.tsx). Those modules render both in server
// components and inside client components, so they cannot call one translation API: next-intl's client hooks
// would bring its runtime back into every page (issue 14), and lib/i18n/client.tsx cannot run on the server.
// These client components work from both sides; their messages are in lib/i18n/client-messages.ts.
import type { OrgType, VerificationStatus } from "@/lib/auth/types";
import { useTranslations } from "@/lib/i18n/client";

/** "(opsional)" after a field's label. */
export function OptionalMark() {
  const t = useTranslations("common");
  return <span className="ml-1 font-normal text-muted">({t("optional")})</span>;
}

/** "Terverifikasi" / "Menunggu verifikasi" / … */
export function VerificationStatusLabel({ status }: { status: VerificationStatus }) {
  const t = useTranslations("verification.status");
  return t(status);
}

/** "UMKM" / "Pembeli" / "Koperasi" / … */
export function OrgTypeLabel({ type }: { type: OrgType }) {
  const t = useTranslations("orgTypes");
  return t(type);
}
