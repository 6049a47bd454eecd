// Clusters, the write side (issue 12), over /api/v1 and the lib/clusters services on a real database: who may
// create a cluster (every organization type, verification, a regional government's region), hostile codes,
// the public list with its disclosure rule, the membership states (ask, decide, invite, answer, leave,
// remove), anchors, notifications — and another manager's cluster answering 404 on every manage path.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { actAs } from "@/tests/helpers/act-as";
import { createBuyer, createCooperative, createOrganization, createUmkm, createUser } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/clusters/route";
import { POST as joinRoute } from "@/app/api/v1/clusters/[id]/join/route";
import { POST as invitationRoute } from "@/app/api/v1/clusters/[id]/invitation/route";
import { POST as decisionRoute } from "@/app/api/v1/clusters/[id]/members/[orgId]/decision/route";
import { DELETE as memberDeleteRoute } from "@/app/api/v1/clusters/[id]/members/[orgId]/route";
import { POST as anchorsRoute } from "@/app/api/v1/clusters/[id]/anchors/route";
import { POST as anchorAnswerRoute } from "@/app/api/v1/clusters/[id]/anchors/invitation/route";
import { DELETE as anchorLeaveRoute } from "@/app/api/v1/clusters/[id]/anchors/[buyerId]/route";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { ClusterPageSchema, ClusterWrittenSchema } from "@/lib/clusters/responses";
import { inviteMember, findInviteCandidates } from "@/lib/clusters/membership";
import { membershipPanelState } from "@/lib/clusters/queries";
import type { OrgType } from "@/lib/auth/types";

const t = useTestDatabase();

type Who = { id: string; token: string; ownerId: string };

async function who(
  type: OrgType,
  opts: { verified?: boolean; regionProvinceCode?: string; regionRegencyCode?: string } = {},
): Promise<Who> {
  const verificationStatus = opts.verified === false ? "unverified" : "verified";
  const made =
    type === "umkm"
      ? await createUmkm(t.db, { verificationStatus })
      : type === "buyer"
        ? await createBuyer(t.db, { verificationStatus })
        : type === "cooperative"
          ? await createCooperative(t.db, { verificationStatus, members: 0 })
          : await createOrganization(t.db, type, {
              verificationStatus,
              regionProvinceCode: opts.regionProvinceCode,
              regionRegencyCode: opts.regionRegencyCode,
            });
  return { id: made.organization.id, ownerId: made.owner.id, token: (await createApiToken(made.owner.id, { name: "t" })).token };
}

const call = (h: unknown, method: string, token: string | undefined, params: Record<string, string> = {}, body?: unknown) =>
  callRoute(h as RouteHandlerFn, method, "/api/v1/clusters/x", { token, params, body });

const valid = (extra: Record<string, unknown> = {}) => ({
  name: "Klaster Komponen Motor Listrik Jawa Barat",
  description: "Komponen motor listrik di sekitar Bekasi dan Karawang.",
  kbliSections: ["C", "29"],
  provinceCodes: ["32"],
  regencyCodes: ["32.16"],
  ...extra,
});

async function errorOf(res: Response) {
  return ErrorResponseSchema.parse(await jsonOf(res)).error;
}

let manager: Who, otherManager: Who, ministry: Who, umkm: Who, umkmUnverified: Who, coop: Who, buyer: Who, bank: Who;

beforeAll(async () => {
  manager = await who("cluster_manager");
  otherManager = await who("cluster_manager");
  ministry = await who("ministry");
  umkm = await who("umkm");
  umkmUnverified = await who("umkm", { verified: false });
  coop = await who("cooperative");
  buyer = await who("buyer");
  bank = await who("bank");
});

describe("POST /api/v1/clusters: who may create", () => {
  it("cluster managers, ministry staff and regional governments create (201); the creator manages it", async () => {
    for (const w of [manager, ministry]) {
      const res = await call(createRoute, "POST", w.token, {}, valid());
      expect(res.status).toBe(201);
      const body = ClusterWrittenSchema.parse(await jsonOf(res));
      expect(body.managerId).toBe(w.id);
      expect(body.kbliSections).toEqual(["C", "29"]);
      const row = await t.db.cluster.findUniqueOrThrow({ where: { id: body.id } });
      expect(row.managerId).toBe(w.id);
    }
  });

  it("every other organization type is 403 and writes nothing; anonymous 401", async () => {
    const before = await t.db.cluster.count();
    for (const w of [umkm, coop, buyer, bank, await who("platform")]) {
      const res = await call(createRoute, "POST", w.token, {}, valid());
      expect(res.status).toBe(403);
    }
    expect((await call(createRoute, "POST", undefined, {}, valid())).status).toBe(401);
    expect(await t.db.cluster.count()).toBe(before);
  });

  it("an unverified cluster manager is 403 verification_required", async () => {
    const unverified = await who("cluster_manager", { verified: false });
    const res = await call(createRoute, "POST", unverified.token, {}, valid());
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("verification_required");
    expect(await t.db.cluster.count({ where: { managerId: unverified.id } })).toBe(0);
  });

  it("a province government creates inside its province only; a regency government inside its regency only", async () => {
    const jabar = await who("regional_government", { regionProvinceCode: "32" });
    expect((await call(createRoute, "POST", jabar.token, {}, valid())).status).toBe(201);
    const outside = await call(createRoute, "POST", jabar.token, {}, valid({ provinceCodes: ["33"], regencyCodes: [] }));
    expect(outside.status).toBe(400);
    expect((await errorOf(outside)).fields?.provinceCodes?.[0]).toMatch(/wilayahnya sendiri/);
    const otherRegency = await call(createRoute, "POST", jabar.token, {}, valid({ regencyCodes: ["33.75"] }));
    expect(otherRegency.status).toBe(400);
    expect((await errorOf(otherRegency)).fields?.regencyCodes).toBeDefined();

    const bekasi = await who("regional_government", { regionRegencyCode: "32.16" });
    expect((await call(createRoute, "POST", bekasi.token, {}, valid({ provinceCodes: [], regencyCodes: ["32.16"] }))).status).toBe(201);
    // The whole province is more than its regency.
    expect((await call(createRoute, "POST", bekasi.token, {}, valid())).status).toBe(400);
    expect((await call(createRoute, "POST", bekasi.token, {}, valid({ provinceCodes: [], regencyCodes: ["32.16", "32.15"] }))).status).toBe(
      400,
    );
    expect(await t.db.cluster.count({ where: { managerId: { in: [jabar.id, bekasi.id] } } })).toBe(2);
  });

  it("hostile input: unknown KBLI, region and site codes, bad shapes and oversize fields are 400 with fields, nothing written", async () => {
    const before = await t.db.cluster.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ kbliSections: ["Z"] }, "kbliSections"], // a letter KBLI 2020 does not have
      [{ kbliSections: ["04"] }, "kbliSections"], // a division that does not exist
      [{ kbliSections: ["13134"] }, "kbliSections"], // a 5-digit code is not a section or division
      [{ kbliSections: [] }, "kbliSections"],
      [{ provinceCodes: ["99"] }, "provinceCodes"],
      [{ regencyCodes: ["32.99"] }, "regencyCodes"],
      [{ regencyCodes: ['\'; DROP TABLE "Cluster"; --'] }, "regencyCodes"],
      [{ provinceCodes: [], regencyCodes: [] }, "provinceCodes"],
      [{ siteId: "no-such-site" }, "siteId"],
      [{ name: "x".repeat(161) }, "name"],
      [{ name: "  " }, "name"],
      [{ description: "x".repeat(4001) }, "description"],
      [{ kbliSections: Array.from({ length: 60 }, (_, i) => String(10 + (i % 90)).padStart(2, "0") + String(i)) }, "kbliSections"],
      [{ kbliSections: "C" as unknown as string[], provinceCodes: { a: 1 } }, "provinceCodes"],
    ];
    for (const [extra, field] of cases) {
      const res = await call(createRoute, "POST", manager.token, {}, valid(extra));
      expect(res.status, JSON.stringify(extra).slice(0, 80)).toBe(400);
      const fields = Object.keys((await errorOf(res)).fields ?? {}).map((k) => k.split(".")[0]);
      expect(fields, JSON.stringify(extra).slice(0, 80)).toContain(field);
    }
    expect(await t.db.cluster.count()).toBe(before);
  });
});

describe("GET /api/v1/clusters and membership", () => {
  let clusterId: string;
  let batikId: string;

  beforeAll(async () => {
    clusterId = ClusterWrittenSchema.parse(
      await jsonOf(await call(createRoute, "POST", manager.token, {}, valid({ name: "Klaster Uji Keanggotaan" }))),
    ).id;
    batikId = ClusterWrittenSchema.parse(
      await jsonOf(
        await call(
          createRoute,
          "POST",
          otherManager.token,
          {},
          valid({
            name: "Klaster Batik Pekalongan",
            description: "Sentra batik tulis",
            kbliSections: ["13"],
            provinceCodes: [],
            regencyCodes: ["33.75"],
          }),
        ),
      ),
    ).id;
  });

  it("an UMKM (even unverified) and a cooperative ask to join; buyers, banks and managers cannot (403)", async () => {
    for (const w of [umkm, umkmUnverified, coop]) {
      const res = await call(joinRoute, "POST", w.token, { id: clusterId });
      expect(res.status).toBe(200);
      expect((await jsonOf(res)).status).toBe("requested");
    }
    for (const w of [buyer, bank, manager, ministry]) expect((await call(joinRoute, "POST", w.token, { id: clusterId })).status).toBe(403);
    expect((await call(joinRoute, "POST", undefined, { id: clusterId })).status).toBe(401);
    // Asking twice is a conflict; an unknown cluster is 404.
    expect((await call(joinRoute, "POST", umkm.token, { id: clusterId })).status).toBe(409);
    expect((await call(joinRoute, "POST", umkm.token, { id: "no-such-cluster" })).status).toBe(404);
    // The manager's owner is told, in-app.
    const notes = await t.db.notification.findMany({ where: { userId: manager.ownerId, type: "cluster.join_requested" } });
    expect(notes).toHaveLength(3);
  });

  it("another manager's cluster is 404 on deciding, removing and inviting anchors; nothing changes", async () => {
    for (const w of [otherManager, ministry]) {
      expect((await call(decisionRoute, "POST", w.token, { id: clusterId, orgId: umkm.id }, { decision: "accept" })).status).toBe(404);
      expect((await call(memberDeleteRoute, "DELETE", w.token, { id: clusterId, orgId: umkm.id })).status).toBe(404);
      expect((await call(anchorsRoute, "POST", w.token, { id: clusterId }, { buyerId: buyer.id })).status).toBe(404);
    }
    const other = await actAs({ id: otherManager.ownerId });
    await expect(inviteMember(other, { clusterId, organizationId: umkm.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(findInviteCandidates(other, { clusterId, q: "Batik" })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.clusterMember.count({ where: { clusterId, status: "requested" } })).toBe(3);
    expect(await t.db.clusterAnchor.count({ where: { clusterId } })).toBe(0);
  });

  it("the manager accepts and declines; the requester is told; a second decision is 404", async () => {
    expect((await call(decisionRoute, "POST", manager.token, { id: clusterId, orgId: umkm.id }, { decision: "accept" })).status).toBe(200);
    expect((await call(decisionRoute, "POST", manager.token, { id: clusterId, orgId: coop.id }, { decision: "accept" })).status).toBe(200);
    const declined = await call(decisionRoute, "POST", manager.token, { id: clusterId, orgId: umkmUnverified.id }, { decision: "decline" });
    expect((await jsonOf(declined)).status).toBe("declined");
    expect((await call(decisionRoute, "POST", manager.token, { id: clusterId, orgId: umkm.id }, { decision: "decline" })).status).toBe(404);
    expect((await call(decisionRoute, "POST", manager.token, { id: clusterId, orgId: umkm.id }, { decision: "maybe" })).status).toBe(400);
    const rows = await t.db.clusterMember.findMany({ where: { clusterId }, select: { organizationId: true, status: true } });
    expect(Object.fromEntries(rows.map((r) => [r.organizationId, r.status]))).toEqual({
      [umkm.id]: "active",
      [coop.id]: "active",
      [umkmUnverified.id]: "declined",
    });
    expect(await t.db.notification.count({ where: { userId: umkm.ownerId, type: "cluster.join_accepted" } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: umkmUnverified.ownerId, type: "cluster.join_declined" } })).toBe(1);
    // Declined recently: asking again waits.
    expect((await call(joinRoute, "POST", umkmUnverified.token, { id: clusterId })).status).toBe(409);
    // An unverified manager cannot decide (it must be verified to act on others).
    await t.db.organization.update({ where: { id: manager.id }, data: { verificationStatus: "pending" } });
    const pending = await call(decisionRoute, "POST", manager.token, { id: clusterId, orgId: umkm.id }, { decision: "decline" });
    expect((await errorOf(pending)).code).toBe("verification_required");
    await t.db.organization.update({ where: { id: manager.id }, data: { verificationStatus: "verified" } });
  });

  it("the list: search, sector and province filters; member counts under 3 are withheld", async () => {
    const page = async (query: Record<string, string>) =>
      ClusterPageSchema.parse(await jsonOf(await callRoute(listRoute as RouteHandlerFn, "GET", "/api/v1/clusters", { query })));
    const mine = (await page({ q: "Uji Keanggotaan" })).data;
    expect(mine.map((c) => c.id)).toEqual([clusterId]);
    // Two verified active members (the UMKM and the cooperative): fewer than 3, withheld.
    expect(mine[0].memberCount).toBeNull();
    const third = await who("umkm");
    await call(joinRoute, "POST", third.token, { id: clusterId });
    await call(decisionRoute, "POST", manager.token, { id: clusterId, orgId: third.id }, { decision: "accept" });
    expect((await page({ q: "Uji Keanggotaan" })).data[0].memberCount).toBe(3);

    expect((await page({ q: "batik tulis" })).data.map((c) => c.id)).toEqual([batikId]); // description
    const textile = (await page({ kbliSection: "C" })).data.map((c) => c.id); // section C holds division 13
    expect(textile).toContain(batikId);
    expect(textile).toContain(clusterId);
    expect((await page({ kbliSection: "29" })).data.map((c) => c.id)).not.toContain(batikId);
    const jateng = (await page({ province: "33" })).data.map((c) => c.id); // batik names regency 33.75 only
    expect(jateng).toContain(batikId);
    expect(jateng).not.toContain(clusterId);
    const badFilter = await callRoute(listRoute as RouteHandlerFn, "GET", "/api/v1/clusters", { query: { province: "3x" } });
    expect(badFilter.status).toBe(400);
    // Cursor paging: one per page walks every cluster exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Awaited<ReturnType<typeof page>> = await page(cursor ? { limit: "1", cursor } : { limit: "1" });
      seen.push(...p.data.map((c) => c.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(await t.db.cluster.count());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("leaving, removal and invitations: the member or the manager only", async () => {
    // Another UMKM naming a member: 404; a buyer (no cluster role at all): 403; the member itself leaves.
    expect((await call(memberDeleteRoute, "DELETE", umkmUnverified.token, { id: clusterId, orgId: umkm.id })).status).toBe(404);
    expect((await call(memberDeleteRoute, "DELETE", buyer.token, { id: clusterId, orgId: umkm.id })).status).toBe(403);
    const left = await call(memberDeleteRoute, "DELETE", umkm.token, { id: clusterId, orgId: umkm.id });
    expect((await jsonOf(left)).status).toBe("left");
    // It may ask again later.
    expect((await call(joinRoute, "POST", umkm.token, { id: clusterId })).status).toBe(200);
    // The manager removes the cooperative.
    expect((await call(memberDeleteRoute, "DELETE", manager.token, { id: clusterId, orgId: coop.id })).status).toBe(200);
    expect((await t.db.clusterMember.findFirstOrThrow({ where: { clusterId, organizationId: coop.id } })).status).toBe("left");

    // The manager invites by name; the invited UMKM is told and accepts through the API.
    const invitee = await createUmkm(t.db, { name: "UD Logam Presisi Cikarang", verificationStatus: "verified" });
    const inviteeToken = (await createApiToken(invitee.owner.id, { name: "t" })).token;
    const mgr = await actAs({ id: manager.ownerId });
    const found = await findInviteCandidates(mgr, { clusterId, q: "logam presisi" });
    expect(found.map((c) => c.organizationId)).toEqual([invitee.organization.id]);
    expect(found[0].verified).toBe(true);
    expect((await inviteMember(mgr, { clusterId, organizationId: invitee.organization.id })).status).toBe("invited");
    await expect(inviteMember(mgr, { clusterId, organizationId: invitee.organization.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(inviteMember(mgr, { clusterId, organizationId: buyer.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.notification.count({ where: { userId: invitee.owner.id, type: "cluster.invited" } })).toBe(1);
    const panel = await membershipPanelState(await actAs({ id: invitee.owner.id }), clusterId);
    expect(panel).toMatchObject({ kind: "member", status: "invited" });
    // Another UMKM cannot answer it (it has no invitation): 404.
    expect((await call(invitationRoute, "POST", umkmUnverified.token, { id: clusterId }, { decision: "accept" })).status).toBe(404);
    const accepted = await call(invitationRoute, "POST", inviteeToken, { id: clusterId }, { decision: "accept" });
    expect((await jsonOf(accepted)).status).toBe("active");
    expect((await t.db.clusterMember.findFirstOrThrow({ where: { clusterId, organizationId: invitee.organization.id } })).status).toBe(
      "active",
    );
  });

  it("anchors: verified buyers only; the buyer's owner answers, a plain member cannot; an anchor can leave", async () => {
    const unverifiedBuyer = await who("buyer", { verified: false });
    const refused = await call(anchorsRoute, "POST", manager.token, { id: clusterId }, { buyerId: unverifiedBuyer.id });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).fields?.buyerId?.[0]).toMatch(/terverifikasi/);
    expect((await call(anchorsRoute, "POST", manager.token, { id: clusterId }, { buyerId: umkm.id })).status).toBe(400);
    const invited = await call(anchorsRoute, "POST", manager.token, { id: clusterId }, { buyerId: buyer.id });
    expect((await jsonOf(invited)).status).toBe("invited");
    expect((await call(anchorsRoute, "POST", manager.token, { id: clusterId }, { buyerId: buyer.id })).status).toBe(409);
    expect(await t.db.notification.count({ where: { userId: buyer.ownerId, type: "cluster.anchor_invited" } })).toBe(1);

    // A plain member of the buyer: 403.
    const staff = await createUser(t.db);
    await t.db.membership.create({ data: { organizationId: buyer.id, userId: staff.id, role: "member" } });
    const staffToken = (await createApiToken(staff.id, { name: "t" })).token;
    expect((await call(anchorAnswerRoute, "POST", staffToken, { id: clusterId }, { decision: "accept" })).status).toBe(403);
    // Another buyer has nothing to answer: 404.
    const otherBuyer = await who("buyer");
    expect((await call(anchorAnswerRoute, "POST", otherBuyer.token, { id: clusterId }, { decision: "accept" })).status).toBe(404);
    expect((await jsonOf(await call(anchorAnswerRoute, "POST", buyer.token, { id: clusterId }, { decision: "accept" }))).status).toBe(
      "active",
    );
    // Leaving names the buyer itself; another buyer naming it is 404.
    expect((await call(anchorLeaveRoute, "DELETE", otherBuyer.token, { id: clusterId, buyerId: buyer.id })).status).toBe(404);
    expect((await jsonOf(await call(anchorLeaveRoute, "DELETE", buyer.token, { id: clusterId, buyerId: buyer.id }))).status).toBe("left");
    // The manager may invite again after a leave.
    expect((await call(anchorsRoute, "POST", manager.token, { id: clusterId }, { buyerId: buyer.id })).status).toBe(200);
  });

  it("audit entries on both sides of a decision", async () => {
    const entries = await t.db.auditLog.findMany({ where: { action: "cluster.join.accepted", entityId: umkm.id } });
    expect(entries.map((e) => e.organizationId)).toContain(manager.id);
    expect(await t.db.auditLog.count({ where: { action: "cluster.join.accepted", organizationId: umkm.id } })).toBeGreaterThan(0);
  });
});
