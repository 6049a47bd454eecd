// Who may open the /kemitraan pages: a signed-in member acting for an UMKM, cooperative or buyer (parties)
// or ministry staff (read-only). Others see a notice; lib/agreements checks again on every read and write.
import "server-only";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export async function agreementsActor(path: string) {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  const type = actor.membership?.organizationType;
  const allowed = Boolean(type && ["umkm", "buyer", "cooperative", "ministry"].includes(type) && can(actor.membership, "agreement:read"));
  const ministry = type === "ministry";
  return {
    actor,
    allowed,
    ministry,
    canWrite: allowed && !ministry && can(actor.membership, "agreement:write"),
    canAccept: allowed && !ministry && can(actor.membership, "agreement:accept"),
  };
}
