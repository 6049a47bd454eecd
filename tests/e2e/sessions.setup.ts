// Runs before the specs (playwright.config.ts, project "sessions"): signs every demo account in ONCE through
// next-auth's real sign-in endpoint (the one the /masuk form posts to: CSRF token, then the credentials
// callback) and saves its cookies under test-results/.auth/, for `loginAs` / `pageAs` (fixtures.ts). One
// sign-in per account per run: the per-account sign-in limit keeps its strict default. The form itself is
// driven in auth.spec.ts (and the redirect back after signing in in roles.spec.ts).
//
// Sessions are JWTs (lib/auth/next-auth.ts): signing out elsewhere does not end them; a password change or
// reset would, so no spec changes a demo account's password (they use fresh accounts for that).
import fs from "node:fs";
import { test as setup, expect, request } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SESSION_DIR, sessionFile, type DemoRole } from "./fixtures";

// Eleven independent sign-ins: both workers share them.
setup.describe.configure({ mode: "parallel" });

for (const role of Object.keys(DEMO_ACCOUNTS) as DemoRole[]) {
  setup(`sign ${role} in`, async ({ baseURL }) => {
    const api = await request.newContext({ baseURL });
    try {
      const csrf = await api.get("/api/auth/csrf");
      expect(csrf.status()).toBe(200);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const signIn = await api.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: DEMO_ACCOUNTS[role], password: DEMO_PASSWORD, callbackUrl: `${baseURL}/dasbor`, json: "true" },
      });
      expect(signIn.status(), await signIn.text()).toBe(200);
      // A refused sign-in answers 200 too, with ?error=… in the URL it sends the browser to.
      expect((await signIn.json()) as { url: string }).toEqual({ url: `${baseURL}/dasbor` });
      const session = await api.get("/api/auth/session");
      expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(DEMO_ACCOUNTS[role]);
      fs.mkdirSync(SESSION_DIR, { recursive: true });
      await api.storageState({ path: sessionFile(role) });
    } finally {
      await api.dispose();
    }
  });
}
