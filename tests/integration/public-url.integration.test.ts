// Issue 17 item 12: e-mail links and the sitemap use the configured public URL (APP_URL), never localhost;
// the sitemap lists public pages only (verified UMKM, never an unverified one), robots.txt disallows the
// private paths.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { createBuyer, createRfq, createUmkm } from "@/tests/helpers/factories";
import { inviteMember } from "@/lib/organizations/invitations";
import { inviteSuppliers } from "@/lib/rfqs/invitations";
import { absoluteUrl } from "@/lib/app-url";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";

const t = useTestDatabase();
const PUBLIC = "https://rantai.example.go.id";
const saved = { APP_URL: process.env.APP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };

beforeAll(() => {
  process.env.APP_URL = `${PUBLIC}/`;
  process.env.NEXTAUTH_URL = "http://localhost:3000"; // what `npm start` sets when nothing is configured
});
afterAll(() => {
  process.env.APP_URL = saved.APP_URL;
  process.env.NEXTAUTH_URL = saved.NEXTAUTH_URL;
});

describe("the configured public URL", () => {
  it("is the one base of absolute links", () => {
    expect(absoluteUrl("/pemasok")).toBe(`${PUBLIC}/pemasok`);
  });

  it("every e-mail written (team invitation, RFQ invitation) links to it and never to localhost", async () => {
    const buyer = await createBuyer(t.db);
    const umkm = await createUmkm(t.db, { verificationStatus: "verified" });
    await inviteMember(await actAs(buyer.owner), buyer.organization.id, { email: "kolega@contoh.id", role: "member" });
    const rfq = await createRfq(t.db, buyer.organization.id, { visibility: "invited" });
    await inviteSuppliers(await actAs(buyer.owner), rfq.id, [umkm.organization.id]);
    const mails = await t.db.emailOutbox.findMany({ select: { to: true, text: true } });
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining(["kolega@contoh.id", umkm.owner.email]));
    for (const m of mails) {
      expect(m.text, m.to).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(m.text, m.to).toContain(`${PUBLIC}/`);
    }
  });

  it("the sitemap lists public pages on it: verified UMKM only; robots.txt disallows private paths", async () => {
    const shown = await createUmkm(t.db, { verificationStatus: "verified" });
    const hidden = await createUmkm(t.db, { verificationStatus: "pending" });
    const urls = (await sitemap()).map((e) => e.url);
    expect(urls).toContain(`${PUBLIC}/`);
    expect(urls).toContain(`${PUBLIC}/pemasok`);
    expect(urls).toContain(`${PUBLIC}/pemasok/${shown.organization.id}`);
    expect(urls).not.toContain(`${PUBLIC}/pemasok/${hidden.organization.id}`);
    expect(urls.every((u) => u.startsWith(`${PUBLIC}/`))).toBe(true);
    expect(urls.some((u) => /\/(dasbor|rfq|kemitraan|admin)\b/.test(u))).toBe(false);
    const r = robots();
    expect(r.sitemap).toBe(`${PUBLIC}/sitemap.xml`);
    const disallow = [r.rules].flat()[0].disallow;
    expect(disallow).toEqual(expect.arrayContaining(["/dasbor", "/admin", "/api/", "/rfq", "/kemitraan"]));
  });
});
