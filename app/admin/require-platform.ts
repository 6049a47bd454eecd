// The admin pages' gate: signed-out visitors go to /masuk (and come back), anyone who is not acting for the
// platform organization with permission to verify gets a 404 — the pages do not exist for them. The data
// functions and actions check again in lib/.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";

export async function requirePlatformActor(path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.membership?.organizationType !== "platform" || !can(actor.membership, "platform:verify")) notFound();
  return actor;
}
