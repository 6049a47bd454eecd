// Notifications on a real database (both backends): notify() writes one in-app row per member of the
// organizations (not the actor, not disabled users) and one email per person in that person's language,
// nothing when the change rolls back; the list, unread count and mark-read through the service, the server
// actions and /api/v1/notifications; someone else's notification is 404 everywhere and stays unread.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createUmkm, createUser } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { notify, renderNotification } from "@/lib/notifications/notify";
import { countUnread, listNotifications, markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/service";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { NotificationPageSchema, NotificationSchema } from "@/lib/notifications/responses";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import { POST as readRoute } from "@/app/api/v1/notifications/[id]/read/route";
import { POST as readAllRoute } from "@/app/api/v1/notifications/read-all/route";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { db } from "@/lib/db";

const t = useTestDatabase();

let supplier: Awaited<ReturnType<typeof createUmkm>>;
let buyer: Awaited<ReturnType<typeof createBuyer>>;
let englishMember: { id: string; email: string };
let disabledMember: { id: string };
let otherUser: { id: string };
let supplierToken: string;
let otherToken: string;

beforeAll(async () => {
  supplier = await createUmkm(t.db, { name: "CV Batik Notifikasi" });
  buyer = await createBuyer(t.db, { name: "PT Pembeli Notifikasi" });
  englishMember = await createUser(t.db, { locale: "en", email: "staff.en@contoh.rantai.test" });
  await t.db.membership.create({ data: { userId: englishMember.id, organizationId: supplier.organization.id, role: "member" } });
  disabledMember = await createUser(t.db, {});
  await t.db.user.update({ where: { id: disabledMember.id }, data: { disabledAt: new Date() } });
  await t.db.membership.create({ data: { userId: disabledMember.id, organizationId: supplier.organization.id, role: "member" } });
  otherUser = (await createUmkm(t.db, { name: "UD Lain" })).owner;
  supplierToken = (await createApiToken(supplier.owner.id, { name: "erp" })).token;
  otherToken = (await createApiToken(otherUser.id, { name: "erp" })).token;
});

const inviteParams = (title: string) => ({
  rfqTitle: title,
  buyerName: "PT Pembeli Notifikasi",
  supplierName: "CV Batik Notifikasi",
  deadline: new Date("2026-12-01T07:00:00Z"),
});

describe("notify()", () => {
  it("notifies every active member of the organization except the actor, each email in the member's language", async () => {
    const actorMember = await createUser(t.db, {});
    await t.db.membership.create({ data: { userId: actorMember.id, organizationId: supplier.organization.id, role: "member" } });
    const outboxBefore = await t.db.emailOutbox.count();

    const n = await db.$transaction((tx) =>
      notify(tx, {
        type: "rfq.invited",
        organizationIds: [supplier.organization.id],
        params: inviteParams("Seragam batik 2027"),
        link: "/papan-rfq/rfq-1",
        excludeUserId: actorMember.id,
      }),
    );
    expect(n).toBe(2); // the owner and the English-speaking member; not the actor, not the disabled member

    const rows = await t.db.notification.findMany({
      where: { link: "/papan-rfq/rfq-1" },
      select: { userId: true, organizationId: true, readAt: true },
    });
    expect(rows.map((r) => r.userId).sort()).toEqual([supplier.owner.id, englishMember.id].sort());
    expect(rows.every((r) => r.organizationId === supplier.organization.id && r.readAt === null)).toBe(true);

    const mails = await t.db.emailOutbox.findMany({ where: { createdAt: { gte: new Date(Date.now() - 60_000) } }, orderBy: { to: "asc" } });
    expect(await t.db.emailOutbox.count()).toBe(outboxBefore + 2);
    const en = mails.find((m) => m.to === englishMember.email)!;
    const id = mails.find((m) => m.to === supplier.owner.email)!;
    expect(en.subject).toBe("RFQ invitation: Seragam batik 2027");
    expect(en.text).toContain("before 1 December 2026, 14:00 WIB");
    expect(en.text).toContain("http://localhost:3000/papan-rfq/rfq-1");
    expect(id.subject).toBe("Undangan RFQ: Seragam batik 2027");
    expect(id.text).toContain("sebelum 1 Desember 2026 pukul 14.00 WIB");
    expect(id.status).toBe("pending");
  });

  it("writes nothing when the change it belongs to rolls back", async () => {
    const [notes, mails] = [await t.db.notification.count(), await t.db.emailOutbox.count()];
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { type: "quote.received", organizationIds: [buyer.organization.id], params: { rfqTitle: "X", count: 1 } });
        throw new Error("the quote could not be saved");
      }),
    ).rejects.toThrow("the quote could not be saved");
    expect(await t.db.notification.count()).toBe(notes);
    expect(await t.db.emailOutbox.count()).toBe(mails);
  });

  it("renders Rupiah amounts per language and keeps raw params out of the text", () => {
    const id = renderNotification("id", "payment.recorded", { number: "RNT-1", title: "Kain", amount: 1_500_000n });
    const en = renderNotification("en", "payment.recorded", { number: "RNT-1", title: "Kain", amount: { $idr: "1500000" } });
    expect(id.body).toBe('Pembayaran Rp1.500.000 untuk "Kain" telah dicatat.');
    expect(en.body).toBe('A payment of Rp1,500,000 for "Kain" was recorded.');
  });
});

describe("the reader's own notifications", () => {
  let mineId: string;
  let othersId: string;

  beforeAll(async () => {
    // Three for the supplier's owner (one read already), one for someone else.
    await db.$transaction(async (tx) => {
      await notify(tx, {
        type: "award.won",
        userIds: [supplier.owner.id],
        params: { rfqTitle: "Kain seragam", buyerName: "PT A", supplierName: "CV B" },
        link: "/kemitraan",
      });
      await notify(tx, {
        type: "rfq.clarification_answered",
        userIds: [supplier.owner.id],
        params: { rfqTitle: "Kain seragam" },
        link: "https://evil.example/phish",
      });
    });
    await db.$transaction((tx) =>
      notify(tx, { type: "quote.received", userIds: [otherUser.id], params: { rfqTitle: "Baut", count: 2 }, link: "/rfq/x" }),
    );
    const mine = await t.db.notification.findFirstOrThrow({ where: { userId: supplier.owner.id, type: "award.won" } });
    mineId = mine.id;
    othersId = (await t.db.notification.findFirstOrThrow({ where: { userId: otherUser.id } })).id;
  });

  it("lists newest first in the viewer's language, pages with a cursor, filters unread, counts unread", async () => {
    const actor = await actAs(supplier.owner);
    const all = await listNotifications(actor, { limit: 2 }, "en");
    expect(all.data).toHaveLength(2);
    expect(all.data[0].title).toBe("Clarification answered: Kain seragam");
    expect(all.data[0].link).toBeNull(); // never a link out of the app
    expect(all.data[1]).toMatchObject({ title: "Your quote won: Kain seragam", link: "/kemitraan", read: false });
    expect(all.nextCursor).not.toBeNull();
    const rest = await listNotifications(actor, { limit: 2, cursor: all.nextCursor! }, "id");
    expect(rest.data.map((n) => n.title)).toEqual(["Undangan RFQ: Seragam batik 2027"]);
    expect(rest.nextCursor).toBeNull();
    expect(await countUnread(actor)).toBe(3);
    expect((await listNotifications(actor, { unread: "true" })).data).toHaveLength(3);
  });

  it("marks one read (once), and someone else's is not found and stays unread", async () => {
    const actor = await actAs(supplier.owner);
    const read = await markNotificationRead(actor, mineId);
    expect(read.read).toBe(true);
    const again = await markNotificationRead(actor, mineId);
    expect(again.readAt).toEqual(read.readAt);
    expect(await countUnread(actor)).toBe(2);

    await expect(markNotificationRead(actor, othersId)).rejects.toMatchObject({ code: "not_found" });
    await expect(markNotificationRead(actor, "does-not-exist")).rejects.toMatchObject({ code: "not_found" });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: othersId } })).readAt).toBeNull();
  });

  it("server actions: mark read returns the link; not yours → not_found; signed out → unauthorized; mark all", async () => {
    await actAs(supplier.owner);
    expect(await markNotificationReadAction({ id: mineId })).toEqual({ ok: true, data: { id: mineId, link: "/kemitraan" } });
    expect(await markNotificationReadAction({ id: othersId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    signOut();
    expect(await markNotificationReadAction({ id: mineId })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    const actor = await actAs(supplier.owner);
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { updated: 2 } });
    expect(await countUnread(actor)).toBe(0);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: othersId } })).readAt).toBeNull();
    expect(await markAllNotificationsRead(actor)).toEqual({ updated: 0 });
  });
});

describe("/api/v1/notifications", () => {
  it("lists your own, with the unread count, in the Accept-Language language; unread filter; bad input is 400", async () => {
    await db.$transaction((tx) =>
      notify(tx, { type: "quote.received", userIds: [supplier.owner.id], params: { rfqTitle: "Gula aren", count: 3 }, link: "/rfq/g" }),
    );
    const res = await callRoute(listRoute, "GET", "/api/v1/notifications", {
      token: supplierToken,
      headers: { "accept-language": "en" },
      query: { unread: "true" },
    });
    expect(res.status).toBe(200);
    const page = NotificationPageSchema.parse(await jsonOf(res));
    expect(page.unreadCount).toBe(1);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ type: "quote.received", title: "Quote received: Gula aren", read: false, link: "/rfq/g" });

    const all = NotificationPageSchema.parse(
      await jsonOf(await callRoute(listRoute, "GET", "/api/v1/notifications", { token: supplierToken, query: { limit: "2" } })),
    );
    expect(all.data).toHaveLength(2);
    expect(all.data[0].title).toBe("Penawaran masuk: Gula aren");
    expect(all.nextCursor).toEqual(expect.any(String));

    const bad = await callRoute(listRoute, "GET", "/api/v1/notifications", {
      token: supplierToken,
      query: { unread: "maybe", limit: "0" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(ErrorResponseSchema.parse(await jsonOf(bad)).error.fields ?? {}).sort()).toEqual(["limit", "unread"]);
    expect((await callRoute(listRoute, "GET", "/api/v1/notifications")).status).toBe(401);
  });

  it("marks one and all read; another user's id is 404 and changes nothing", async () => {
    const mine = await t.db.notification.findFirstOrThrow({ where: { userId: supplier.owner.id, readAt: null } });
    const theirs = await t.db.notification.findFirstOrThrow({ where: { userId: otherUser.id } });

    const cross = await callRoute(readRoute, "POST", `/api/v1/notifications/${mine.id}/read`, {
      token: otherToken,
      params: { id: mine.id },
    });
    expect(cross.status).toBe(404);
    expect(ErrorResponseSchema.parse(await jsonOf(cross)).error.code).toBe("not_found");
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();

    const ok = await callRoute(readRoute, "POST", `/api/v1/notifications/${mine.id}/read`, {
      token: supplierToken,
      params: { id: mine.id },
    });
    expect(ok.status).toBe(200);
    expect(NotificationSchema.parse(await jsonOf(ok))).toMatchObject({ id: mine.id, read: true });

    const all = await callRoute(readAllRoute, "POST", "/api/v1/notifications/read-all", { token: otherToken });
    expect(await jsonOf(all)).toEqual({ updated: 1, unreadCount: 0 });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).not.toBeNull();
    expect(await t.db.notification.count({ where: { userId: supplier.owner.id, readAt: null } })).toBe(0);
  });
});
