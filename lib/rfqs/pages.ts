// Helpers for the RFQ pages: who is looking (redirect to sign-in, 404 for the wrong kind of organization) and
// reference lists for the form. Pages call these (never Prisma).
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { kbliTitles, listAllRegencies, listProvinces } from "@/lib/reference/service";

/** A signed-in buyer officer with "rfq:write"; sign-in for visitors; 404 for everyone else. */
export async function requireBuyerPage(path: string) {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.membership?.organizationType !== "buyer" || !can(actor.membership, "rfq:write")) notFound();
  return actor;
}

/** A signed-in supplier (UMKM or cooperative) member; sign-in for visitors; 404 for everyone else. */
export async function requireSupplierPage(path: string) {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  if (!actor.membership || !["umkm", "cooperative"].includes(actor.membership.organizationType) || !can(actor.membership, "rfq:board:read")) notFound();
  return actor;
}

/** Runs a lib/ read; "not found" and "forbidden" become the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (isDomainError(err) && (err.code === "not_found" || err.code === "forbidden")) notFound();
    throw err;
  }
}

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
