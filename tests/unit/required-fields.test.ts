// Issue 17: an empty required field says "Wajib diisi", not "Terlalu pendek" (lib/validation.ts).
import { describe, expect, it } from "vitest";
import { fieldErrors, passwordSchema, registerSchema } from "@/lib/auth/schemas";
import { financingProgrammeSchema } from "@/lib/financing/schemas";
import { rfqCreateObject } from "@/lib/rfqs/schemas";
import { translate } from "@/lib/i18n/translate";

const register = (over: Record<string, unknown>) =>
  registerSchema.safeParse({
    email: "a@b.id",
    password: "rahasia-sekali-123",
    name: "Budi",
    organization: { type: "umkm", name: "CV Maju" },
    ...over,
  });

describe("empty required text", () => {
  it("an empty or blank name says required (Wajib diisi), a one-letter name too short", () => {
    for (const name of ["", "   "]) {
      const r = register({ name });
      expect(r.success).toBe(false);
      expect(fieldErrors(r.error!).name).toEqual(["errors.field.required"]);
    }
    const short = register({ name: "B" });
    expect(fieldErrors(short.error!).name).toEqual(["errors.field.tooShort"]);
    expect(translate("id", "errors.field.required")).toBe("Wajib diisi.");
    expect(translate("en", "errors.field.required")).toBe("Required.");
  });

  it("an empty password says required, a short one says how long it must be", () => {
    expect(passwordSchema.safeParse("").error?.issues.map((i) => i.message)).toEqual(["errors.field.required"]);
    expect(passwordSchema.safeParse("pendek").error?.issues.map((i) => i.message)).toEqual(["errors.field.passwordTooShort"]);
  });

  it("an RFQ without a title says required", () => {
    const r = rfqCreateObject.safeParse({ title: "" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!).title).toEqual(["errors.field.required"]);
  });

  it("a financing programme without a name says required", () => {
    const r = financingProgrammeSchema.safeParse({ bankId: "b", name: " ", maxPerUmkmIdr: 1_000_000, tenorDays: 90 });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!).name).toEqual(["errors.field.required"]);
  });
});
