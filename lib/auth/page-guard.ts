// The one page guard. Pages (server components) call these before they read anything:
//   requireSignedIn(path)        signed-out visitors go to /masuk and come back to `path` afterwards;
//   requirePageActor(path, ok)   as above, and anyone for whom `ok(actor)` is false gets the 404 page —
//                                the page does not exist for them (the rule lives in lib/<domain>/access.ts);
//   orNotFound(read)             a lib/ read that says "not found" or "forbidden" becomes the 404 page.
// These only decide what a page shows; lib/<domain> checks role and ownership again on every read and write.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { isDomainError } from "@/lib/errors";
import { getActor } from "./session";
import { authRoutes } from "./routes";
import type { Actor } from "./types";

/** The signed-in actor, or a redirect to the sign-in page that returns to `path`. */
export async function requireSignedIn(path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(authRoutes.signIn(path));
  return actor;
}

/** The signed-in actor when `allowed(actor)`; sign-in for visitors; the 404 page for everyone else. */
export async function requirePageActor(path: string, allowed: (actor: Actor) => boolean): Promise<Actor> {
  const actor = await requireSignedIn(path);
  if (!allowed(actor)) notFound();
  return actor;
}

/** Runs a lib/ read; "not found" and "forbidden" become the 404 page, so "not yours" looks like "not there". */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (isDomainError(err) && (err.code === "not_found" || err.code === "forbidden")) notFound();
    throw err;
  }
}
