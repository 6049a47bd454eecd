// A signed-in user changes their own password (issue 16 item 2, ADR 0018): the current password is required
// and checked under the sign-in limits (so a borrowed session cannot guess it), the new one follows the
// sign-up rules. Every other session and every API token of the user ends (./password-reset.ts
// replacePassword); the browser that made the change signs in again with the new password and continues.
import "server-only";
import { db } from "@/lib/db";
import { invalidInput, unauthorized } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { replacePassword } from "./password-reset";
import { reserveLoginAttempt } from "./rate-limit";
import { fieldErrors, passwordChangeSchema } from "./schemas";

export async function changePassword(
  userId: string,
  input: unknown,
  { address = null, now = new Date() }: { address?: string | null; now?: Date } = {},
): Promise<{ email: string; sessionVersion: number; revokedTokens: number }> {
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const { currentPassword, newPassword } = parsed.data;

  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true, disabledAt: true } });
  if (!user || user.disabledAt) throw unauthorized();
  // A wrong current password counts as a failed sign-in (per account and per address), reserved before the check.
  const attempt = await reserveLoginAttempt(user.email, address);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalidInput({ currentPassword: ["auth.passwordChange.errors.wrongCurrent"] }, "auth.passwordChange.errors.wrongCurrent");
  }
  await attempt.succeeded();
  if (currentPassword === newPassword) {
    throw invalidInput({ newPassword: ["auth.passwordChange.errors.sameAsCurrent"] }, "auth.passwordChange.errors.sameAsCurrent");
  }

  const passwordHash = await hashPassword(newPassword);
  const done = await db.$transaction((tx) => replacePassword(tx, { userId, passwordHash, now, action: "password.changed" }));
  return { email: user.email, ...done };
}
