// The ten PP 7/2021 schemes with their names and short explanations, in the request's language.
import "server-only";
import { getTranslations } from "next-intl/server";
import { SCHEMES } from "@/lib/agreements/schemas";

export async function schemeOptions() {
  const t = await getTranslations("schemes");
  return SCHEMES.map((s) => ({ value: s, label: t(`${s}.name`), description: t(`${s}.description`) }));
}
