// The product form's KBLI choices in the reader's language (server side): the supplier profile's codes, plus
// the product's current code when the profile no longer lists it (it stays until changed).
import { getLocale } from "next-intl/server";
import type { KbliOption } from "@/lib/products/catalogue";
import type { ProductKbliOption } from "./product-form";

export async function kbliOptionsFor(profile: KbliOption[], current?: KbliOption): Promise<ProductKbliOption[]> {
  const en = (await getLocale()) === "en";
  const all = current && !profile.some((o) => o.code === current.code) ? [...profile, current] : profile;
  return all.map((o) => ({ code: o.code, title: en && o.title.en ? o.title.en : o.title.id }));
}
