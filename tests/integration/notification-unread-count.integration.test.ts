// The unread count behind the live bell, on a real database (both backends): getUnreadCount() and
// GET /api/v1/notifications/unread-count count only the caller's own unread notifications — not a colleague's
// in the same organization, not another organization's, not read ones — whether the caller comes with the
// browser session or a bearer token; a page rendered for another user (userId) gets 403, signed out 401.
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
import { createUmkm, createUser } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { notify } from "@/lib/notifications/notify";
import { getUnreadCount, markNotificationRead } from "@/lib/notifications/service";
import { UnreadCountSchema } from "@/lib/notifications/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { GET as countRoute } from "@/app/api/v1/notifications/unread-count/route";
import { db } from "@/lib/db";

const t = useTestDatabase();
const PATH = "/api/v1/notifications/unread-count";

let owner: { id: string };
let colleague: { id: string };
let outsider: { id: string };
let outsiderToken: string;
let orgId: string;
let otherOrgId: string;
let ownerReadId: string;

async function addNotification(userId: string, organizationId: string | null, read = false) {
  const n = await t.db.notification.create({
    data: {
      userId,
      organizationId,
      type: "rfq.clarification_answered",
      params: { rfqTitle: "Kain seragam" },
      link: "/papan-rfq/x",
      readAt: read ? new Date() : null,
    },
  });
  return n.id;
}

beforeAll(async () => {
  const supplier = await createUmkm(t.db, { name: "CV Lonceng Hidup" });
  const other = await createUmkm(t.db, { name: "UD Lonceng Lain" });
  owner = supplier.owner;
  orgId = supplier.organization.id;
  otherOrgId = other.organization.id;
  outsider = other.owner;
  colleague = await createUser(t.db, {});
  await t.db.membership.create({ data: { userId: colleague.id, organizationId: orgId, role: "member" } });
  outsiderToken = (await createApiToken(outsider.id, { name: "erp" })).token;

  // The owner: 3 unread (one about another organization: notifications are the person's), 2 read.
  await addNotification(owner.id, orgId);
  await addNotification(owner.id, orgId);
  await addNotification(owner.id, null);
  ownerReadId = await addNotification(owner.id, orgId, true);
  await addNotification(owner.id, orgId, true);
  // A colleague in the same organization: 2 unread. Another organization's owner: 4 unread, 1 read.
  await addNotification(colleague.id, orgId);
  await addNotification(colleague.id, orgId);
  for (let i = 0; i < 4; i++) await addNotification(outsider.id, otherOrgId);
  await addNotification(outsider.id, otherOrgId, true);
});

describe("getUnreadCount()", () => {
  it("counts only the caller's own unread notifications", async () => {
    expect(await getUnreadCount(await actAs(owner))).toEqual({ unreadCount: 3 });
    expect(await getUnreadCount(await actAs(colleague))).toEqual({ unreadCount: 2 });
    expect(await getUnreadCount(await actAs(outsider))).toEqual({ unreadCount: 4 });
    // Acting for another organization changes nothing: the count is the person's.
    expect(await getUnreadCount(await actAs(owner, orgId), { userId: owner.id })).toEqual({ unreadCount: 3 });
  });

  it("refuses a signed-out caller and a page rendered for someone else", async () => {
    await expect(getUnreadCount(null)).rejects.toMatchObject({ code: "unauthorized" });
    const actor = await actAs(owner);
    await expect(getUnreadCount(actor, { userId: colleague.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getUnreadCount(actor, { userId: "" })).rejects.toThrow();
  });

  it("follows new and read notifications", async () => {
    const actor = await actAs(owner);
    await db.$transaction((tx) =>
      notify(tx, { type: "award.won", organizationIds: [orgId], params: { rfqTitle: "Kain seragam" }, link: "/kemitraan" }),
    );
    expect(await getUnreadCount(actor)).toEqual({ unreadCount: 4 });
    expect(await getUnreadCount(await actAs(colleague))).toEqual({ unreadCount: 3 }); // a member of the organization too
    expect(await getUnreadCount(await actAs(outsider))).toEqual({ unreadCount: 4 }); // not notified

    const newest = await t.db.notification.findFirstOrThrow({ where: { userId: owner.id, type: "award.won" } });
    await markNotificationRead(actor, newest.id);
    await markNotificationRead(actor, ownerReadId); // already read: no change
    expect(await getUnreadCount(actor)).toEqual({ unreadCount: 3 });
  });
});

describe("GET /api/v1/notifications/unread-count", () => {
  it("answers the browser session's own count, and nothing else", async () => {
    await actAs(owner);
    const res = await callRoute(countRoute, "GET", PATH, { query: { userId: owner.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await jsonOf(res);
    expect(UnreadCountSchema.strict().parse(body)).toEqual({ unreadCount: 3 });

    await actAs(colleague);
    expect(await jsonOf(await callRoute(countRoute, "GET", PATH))).toEqual({ unreadCount: 3 });
  });

  it("with a bearer token: the token's user, even when a browser session is present", async () => {
    await actAs(owner);
    const res = await callRoute(countRoute, "GET", PATH, { token: outsiderToken });
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({ unreadCount: 4 });
    expect((await callRoute(countRoute, "GET", PATH, { token: "rnt_not-a-token" })).status).toBe(401);
  });

  it("403 for a page rendered for another user, 401 when signed out", async () => {
    await actAs(owner);
    const other = await callRoute(countRoute, "GET", PATH, { query: { userId: outsider.id }, headers: { "accept-language": "en" } });
    expect(other.status).toBe(403);
    const err = ErrorResponseSchema.parse(await jsonOf(other));
    expect(err.error.code).toBe("forbidden");
    expect(err.error.message).toBe("This page was opened for another user. Reload the page.");
    expect(JSON.stringify(err)).not.toMatch(/unreadCount/);

    signOut();
    expect((await callRoute(countRoute, "GET", PATH)).status).toBe(401);
    expect((await callRoute(countRoute, "GET", PATH, { query: { userId: owner.id } })).status).toBe(401);
  });
});
