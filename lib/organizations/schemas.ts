// Inputs of the organization domain (verification decisions, the active organization, members and
// invitations), validated with zod: the forms, the server actions and the API share them.
import { emptyIsRequired } from "@/lib/validation";
import { z } from "zod";
import { MEMBER_ROLES } from "@/lib/enums";
import { emailSchema, passwordSchema } from "@/lib/auth/schemas";

export const verificationDecisionSchema = z
  .object({
    organizationId: z.string().min(1, "errors.field.required"),
    decision: z.enum(["verified", "returned"], { error: "errors.field.invalidChoice" }),
    note: z.string().trim().max(1000, "errors.field.tooLong").optional().default(""),
  })
  .refine((v) => v.decision === "verified" || v.note.length > 0, {
    path: ["note"],
    message: "errors.field.noteRequired",
  });
export type VerificationDecision = z.infer<typeof verificationDecisionSchema>;

/** A returned buyer or cooperative asks for review again, saying what it changed (for the admin). */
export const resubmitVerificationSchema = z.object({
  message: z.string().trim().min(1, "errors.field.required").max(1000, "errors.field.tooLong"),
});
export type ResubmitVerification = z.infer<typeof resubmitVerificationSchema>;

export const switchOrganizationSchema = z.object({ organizationId: z.string().min(1, "errors.field.required") });

// --- members and invitations (issue 16, ADR 0019): one definition for the team page, its actions and the API.

const idSchema = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(100, "errors.field.tooLong");
const memberRoleSchema = z.enum(MEMBER_ROLES, { error: "errors.field.invalidChoice" });

/** POST /api/v1/organizations/{id}/members and the invite form. */
export const inviteMemberSchema = z.object({ email: emailSchema, role: memberRoleSchema });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/** PATCH /api/v1/organizations/{id}/members/{userId}. */
export const changeRoleSchema = z.object({ role: memberRoleSchema });

/** The team page's role change: the member and the new role. */
export const changeMemberRoleSchema = z.object({ userId: idSchema, role: memberRoleSchema });
export const memberTargetSchema = z.object({ userId: idSchema });
export const revokeInvitationSchema = z.object({ invitationId: idSchema });

/** A path parameter: an organization or user id (anything else cannot exist → 404). */
export const pathIdSchema = z.string().min(1).max(100);

/** The invitation token, always in a POST body (never in a URL that access logs keep; ADR 0019). */
export const invitationTokenSchema = z.object({
  token: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(200, "errors.field.tooLong"),
});

/** An invitee without an account: a name and a password; the e-mail address is the invitation's. */
export const acceptWithSignUpSchema = invitationTokenSchema.extend({
  name: z
    .string({ error: "errors.field.required" })
    .trim()
    .min(2, emptyIsRequired("errors.field.tooShort"))
    .max(120, "errors.field.tooLong"),
  password: passwordSchema,
});
