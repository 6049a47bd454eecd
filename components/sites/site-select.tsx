"use client";
// The optional "which industrial estate / UMKM centre are you on" select of the profile forms (the UMKM's
// /profil-usaha location step and a buyer's /organisasi/profil; issue 12). Sites are grouped by province;
// the first option clears the site. Plain props only (no zod in client components). The server checks the
// site exists (lib/sites/service.ts siteIdError).
import type { ComponentProps } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Select } from "@/components/ui";

export interface SiteSelectOption {
  id: string;
  name: string;
  regencyName: string;
  provinceCode: string;
  provinceName: string;
}

type Props = Omit<ComponentProps<typeof Select>, "label" | "options" | "children" | "name"> & { sites: SiteSelectOption[] };

export function SiteSelect({ sites, ...rest }: Props) {
  const t = useTranslations("sites.select");
  const provinces = [...new Map(sites.map((s) => [s.provinceCode, s.provinceName])).entries()];
  return (
    <Select name="siteId" label={t("label")} description={t("hint")} optional placeholder={t("none")} {...rest}>
      {provinces.map(([code, name]) => (
        <optgroup key={code} label={name}>
          {sites
            .filter((s) => s.provinceCode === code)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.regencyName}
              </option>
            ))}
        </optgroup>
      ))}
    </Select>
  );
}
