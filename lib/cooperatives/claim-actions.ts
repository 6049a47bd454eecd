"use server";
// The server action behind /klaim/[token]: an UMKM owner invited by their cooperative claims the account.
// Public (whoever holds the emailed link); the token is the authority, checked by claimInvitation. Errors
// come back as ActionResult with messages translated from message keys, never text from the request.
import { redirect } from "next/navigation";
import { formDataToObject, toActionError, type ActionResult } from "@/lib/auth/action-wrapper";
import { claimInvitation } from "./members";

export async function claimInvitationAction(token: string, _previous: unknown, form: FormData): Promise<ActionResult<never>> {
  try {
    const { name, password } = formDataToObject(form);
    await claimInvitation(String(token ?? ""), { name, password });
  } catch (err) {
    return toActionError(err);
  }
  redirect("/masuk?claimed=1");
}
