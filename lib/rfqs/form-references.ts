// Reference data and value formats for the RFQ form (/rfq/baru, /rfq/[id]/ubah) and the extend form on
// /rfq/[id]: the region lists and a KBLI code's title. (A deadline's datetime-local value is
// lib/i18n/zoned-time.ts toZonedLocal on the viewer's clock.)
import "server-only";
import { kbliTitles, listAllRegencies, listProvinces } from "@/lib/reference/service";

export async function regionLists() {
  const [provinces, regencies] = await Promise.all([listProvinces(), listAllRegencies()]);
  return { provinces, regencies };
}

export async function kbliTitle(code: string) {
  const [k] = await kbliTitles([code]);
  return k?.titleId ?? "";
}
