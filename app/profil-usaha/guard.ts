// The profile pages' gate: signed-out visitors go to /masuk (and come back); a user not acting for an UMKM
// gets a 404. The data functions and actions check again in lib/.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";

export async function requireUmkmActor(path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.membership?.organizationType !== "umkm") notFound();
  return actor;
}
