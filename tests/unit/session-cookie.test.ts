// Anonymous page views skip NextAuth only when there is no session cookie in any of its forms.
import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "@/lib/auth/session-cookie";

describe("hasSessionCookie", () => {
  it("recognises NextAuth's session cookie, secure and chunked", () => {
    expect(hasSessionCookie(["next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["NEXT_LOCALE", "next-auth.session-token.0", "next-auth.session-token.1"])).toBe(true);
  });

  it("sees no session in other cookies", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(["NEXT_LOCALE", "rantai_org", "next-auth.csrf-token", "next-auth.callback-url"])).toBe(false);
    expect(hasSessionCookie(["x-next-auth.session-token"])).toBe(false);
  });
});
