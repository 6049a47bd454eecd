// Issue 11 item 7: the sign-in page advertises the demo accounts (and their shared password) only on a
// database the demo data was seeded into — the marker the seed writes with the demo rows
// (tests/integration/seed.integration.test.ts checks the seed writes it) — never on any other database,
// even when someone registers one of the demo addresses there.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...original, getSessionUser: vi.fn(async () => null), getActor: vi.fn(async () => null) };
});
vi.mock("next-intl/server", async () => {
  const { translate } = await import("@/lib/i18n/translate");
  const translator = (ns?: string | { namespace?: string }) => {
    const n = typeof ns === "string" ? ns : ns?.namespace;
    const t = (key: string, values?: Record<string, string | number>) => translate("id", n ? `${n}.${key}` : key, values);
    return Object.assign(t, { has: () => true });
  };
  return {
    getTranslations: vi.fn(async (ns?: string) => translator(ns)),
    getLocale: vi.fn(async () => "id"),
    getTimeZone: vi.fn(async () => "Asia/Jakarta"),
  };
});

import type { ReactElement } from "react";
import { useTestDatabase } from "@/tests/helpers/db";
import { registerAccount } from "@/lib/auth/accounts";
import SignInPage from "@/app/masuk/page";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";

const t = useTestDatabase();
afterEach(() => vi.unstubAllEnvs());

/** The props the page hands its sign-in form (the client component that renders the demo list). */
async function formProps(): Promise<{ demoAccounts?: { email: string }[]; demoPassword?: string }> {
  const page = (await SignInPage({ searchParams: Promise.resolve({}) })) as ReactElement<{ children: ReactElement | ReactElement[] }>;
  const form = [page.props.children].flat().find((child) => child?.type === SignInForm);
  if (!form) throw new Error("the sign-in page renders no SignInForm");
  return form.props as { demoAccounts?: { email: string }[]; demoPassword?: string };
}

describe("the demo accounts on /masuk", () => {
  it("are not advertised on a database without demo data, even when a demo address was registered there", async () => {
    await registerAccount({
      email: DEMO_ACCOUNTS[0].email,
      password: "bukan-demo-sandinya",
      name: "Penyamar",
      organization: { name: "CV Penyamar", type: "umkm" },
    });
    const props = await formProps();
    expect(props.demoAccounts).toBeUndefined();
    expect(props.demoPassword).toBeUndefined();
  });

  it("are advertised where the demo data was seeded, unless SHOW_DEMO_ACCOUNTS=false", async () => {
    await t.db.installationMarker.create({ data: { key: "demo-data" } });
    const props = await formProps();
    expect(props.demoAccounts?.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    expect(props.demoPassword).toBe(DEMO_PASSWORD);

    vi.stubEnv("SHOW_DEMO_ACCOUNTS", "false");
    expect((await formProps()).demoAccounts).toBeUndefined();
  });
});
