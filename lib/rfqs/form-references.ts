// Reference data and value formats for the RFQ form (/rfq/baru, /rfq/[id]/ubah) and the extend form on
// /rfq/[id]: the region lists, a KBLI code's title, and a deadline as a datetime-local value in WIB.
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

/** "YYYY-MM-DDTHH:mm" in WIB, for a datetime-local input. */
export function toWibLocal(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}
