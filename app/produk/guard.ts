// Who may open the /produk pages: a signed-in member acting for an UMKM (others see a notice; the server
// actions and lib/products check again on every write).
import "server-only";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export async function catalogueActor(path: string) {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  const allowed = actor.membership?.organizationType === "umkm" && can(actor.membership, "supplier:products:write");
  return { actor, allowed };
}
