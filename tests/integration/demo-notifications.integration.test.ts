// The demo seed's notifications: each demo account that should have some does (with unread ones for the
// UMKM, buyer, cooperative and bank), every one renders a complete sentence in both languages (no missing
// ICU values, no message keys), links stay inside the app, and each is about a thing that exists.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoData } from "@/prisma/seed/demo";
import { renderNotification } from "@/lib/notifications/notify";
import { safeLink } from "@/lib/notifications/service";

const t = useTestDatabase();

describe("demo notifications", () => {
  it("give the demo accounts read and unread notifications that render in both languages", { timeout: 180_000 }, async () => {
    await seedDemoData(t.db, { passwordHash: await hashPassword("rantai-demo") });
    const unreadOf = (email: string) => t.db.notification.count({ where: { user: { email }, readAt: null } });
    expect(await unreadOf("umkm@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("umkm2@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("buyer@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("koperasi@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(await unreadOf("bank@demo.rantai.id")).toBeGreaterThanOrEqual(1);
    expect(
      await t.db.notification.count({ where: { user: { email: "umkm@demo.rantai.id" }, readAt: { not: null } } }),
    ).toBeGreaterThanOrEqual(1);

    const all = await t.db.notification.findMany({ include: { organization: { select: { id: true } } } });
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const n of all) {
      for (const locale of ["id", "en"]) {
        const { title, body } = renderNotification(locale, n.type, n.params);
        for (const text of [title, body]) {
          expect(text, `${n.type} ${locale}`).not.toMatch(/notifications\.types|\{|\}|Terjadi kesalahan|went wrong/);
        }
      }
      expect(safeLink(n.link)).toBe(n.link);
      expect(n.organization).not.toBeNull();
    }
    // The batik workshop's invitation is a real one.
    const invited = all.find((n) => n.type === "rfq.invited" && n.organizationId);
    const rfqId = invited!.link!.split("/").pop()!;
    expect(await t.db.rfqInvitation.count({ where: { rfqId, supplierId: invited!.organizationId! } })).toBe(1);
    expect(renderNotification("id", "rfq.invited", invited!.params).body).toMatch(/pukul \d{2}\.\d{2} WIB/);
  });
});
