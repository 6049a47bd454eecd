import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/components/auth/callback-url";

describe("safeCallbackUrl (where to go after signing in)", () => {
  it("keeps same-origin relative paths with their query and hash", () => {
    expect(safeCallbackUrl("/rfq/abc?tab=quotes#q1")).toBe("/rfq/abc?tab=quotes#q1");
    expect(safeCallbackUrl("/admin/verifikasi")).toBe("/admin/verifikasi");
    expect(safeCallbackUrl(["/dasbor", "/other"])).toBe("/dasbor");
  });

  it("falls back to /dasbor for anything that could leave the site", () => {
    for (const bad of [
      undefined,
      "",
      "dasbor",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/%0a/evil.example\n",
      "javascript:alert(1)",
      " /dasbor",
    ]) {
      expect(safeCallbackUrl(bad), String(bad)).toBe("/dasbor");
    }
  });

  it("does not loop back to the sign-in or sign-up page", () => {
    expect(safeCallbackUrl("/masuk?callbackUrl=/x")).toBe("/dasbor");
    expect(safeCallbackUrl("/daftar")).toBe("/dasbor");
    expect(safeCallbackUrl("/masukan")).toBe("/masukan");
  });
});
