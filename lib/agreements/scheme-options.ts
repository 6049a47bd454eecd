// The ten PP 7/2021 schemes (lib/enums.ts) with their names and short explanations in the request's language,
// for the scheme choice of the agreement form and the award form (/kemitraan/baru, /kemitraan/[id]/ubah,
// /rfq/[id]/bandingkan).
import "server-only";
import { getTranslations } from "next-intl/server";
import { PARTNERSHIP_SCHEMES } from "@/lib/enums";

export async function schemeOptions() {
  const t = await getTranslations("schemes");
  return PARTNERSHIP_SCHEMES.map((s) => ({ value: s, label: t(`${s}.name`), description: t(`${s}.description`) }));
}
