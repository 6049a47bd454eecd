// The sign-in page lists the demo accounts from its own copy (app code must not import the seed).
import { describe, expect, it } from "vitest";
import * as page from "@/components/auth/demo-accounts";
import * as seed from "@/lib/seed/demo";

describe("demo accounts on the sign-in page", () => {
  it("are exactly the ones the seed creates, with the seed's password", () => {
    const simplify = (list: readonly { email: string; orgType: string; organization: string }[]) =>
      list.map(({ email, orgType, organization }) => ({ email, orgType, organization })).sort((a, b) => a.email.localeCompare(b.email));
    expect(simplify(page.DEMO_ACCOUNTS)).toEqual(simplify(seed.DEMO_ACCOUNTS));
    expect(page.DEMO_PASSWORD).toBe(seed.DEMO_PASSWORD);
  });
});
