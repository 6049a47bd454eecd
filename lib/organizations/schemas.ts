import { z } from "zod";

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
