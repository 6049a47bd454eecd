// RFQs posted to a cluster (issue 12, docs/decisions/0029-cluster-rfqs.md) on a real database (both backends):
// who sees them on the board, on the RFQ page and through the API (active members, members of an active member
// cooperative — and nobody else: requested, declined and left members, a cooperative member that left its
// cooperative, other UMKM, other buyers, visitors); the validation of clusterId; and the set-based
// notifications on publishing (every member organization's users in the app, owners and admins by e-mail,
// preferences obeyed, directly invited members told once).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut, currentActor } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createOrganization, createUmkm, createUser } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { RfqPageSchema, RfqSchema } from "@/lib/rfqs/responses";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/rfqs/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/rfqs/[id]/route";
import { POST as publishRoute } from "@/app/api/v1/rfqs/[id]/publish/route";
import { POST as inviteRoute } from "@/app/api/v1/rfqs/[id]/invitations/route";
import { getRfqForActor, listRfqs } from "@/lib/rfqs/queries";

const t = useTestDatabase();

type Org = { organization: { id: string; name: string }; owner: { id: string; email: string } };

let buyer: Org;
let otherBuyer: Org;
let manager: Org;
let clusterId: string;
let otherClusterId: string;
const members: Record<string, Org> = {};
const tokens: Record<string, string> = {};

const inDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();
const body = (over: Record<string, unknown> = {}) => ({
  title: "Pengadaan komponen rangka motor listrik",
  kbli: "13134",
  deliveryRegencyCode: "32.16",
  deadline: inDays(10),
  items: [{ name: "Braket rangka baja", quantity: 400, unit: "buah" }],
  requiredCertifications: [],
  visibility: "invited",
  ...over,
});

async function clusterMember(cid: string, organizationId: string, status: "active" | "requested" | "invited" | "declined" | "left") {
  await t.db.clusterMember.create({ data: { clusterId: cid, organizationId, status, joinedAt: status === "active" ? new Date() : null } });
}

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Motor Listrik Anchor" });
  otherBuyer = await createBuyer(t.db, { name: "PT Pembeli Lain" });
  manager = await createOrganization(t.db, "cluster_manager", { name: "Asosiasi IKM Logam" });
  const c = await t.db.cluster.create({
    data: {
      name: "Klaster Komponen Motor Listrik Jabar",
      kbliSections: ["C"],
      provinceCodes: ["32"],
      regencyCodes: [],
      managerId: manager.organization.id,
    },
  });
  clusterId = c.id;
  otherClusterId = (
    await t.db.cluster.create({
      data: {
        name: "Klaster Batik Pekalongan",
        kbliSections: ["C"],
        provinceCodes: ["33"],
        regencyCodes: [],
        managerId: manager.organization.id,
      },
    })
  ).id;
  for (const name of [
    "direct",
    "viaCoop",
    "coopLeft",
    "requested",
    "invitedOnly",
    "declined",
    "left",
    "outsider",
    "otherCluster",
    "optedOut",
  ])
    members[name] = await createUmkm(t.db, { name: `UMKM ${name}`, regencyCode: "32.16" });
  // a cooperative that is an active member; "viaCoop" an active member of it, "coopLeft" a former member
  members.coop = await createOrganization(t.db, "cooperative", { name: "Koperasi Logam Cikarang", regencyCode: "32.16" });
  await t.db.cooperativeMembership.create({
    data: { cooperativeId: members.coop.organization.id, memberId: members.viaCoop.organization.id, status: "active" },
  });
  await t.db.cooperativeMembership.create({
    data: { cooperativeId: members.coop.organization.id, memberId: members.coopLeft.organization.id, status: "left" },
  });
  // a cooperative that only asked to join: its members are not the cluster's
  members.coopRequested = await createOrganization(t.db, "cooperative", { name: "Koperasi Calon" });
  members.viaRequestedCoop = await createUmkm(t.db, { name: "UMKM via requested coop" });
  await t.db.cooperativeMembership.create({
    data: { cooperativeId: members.coopRequested.organization.id, memberId: members.viaRequestedCoop.organization.id, status: "active" },
  });
  await clusterMember(clusterId, members.direct.organization.id, "active");
  await clusterMember(clusterId, members.optedOut.organization.id, "active");
  await clusterMember(clusterId, members.coop.organization.id, "active");
  await clusterMember(clusterId, members.coopRequested.organization.id, "requested");
  await clusterMember(clusterId, members.requested.organization.id, "requested");
  await clusterMember(clusterId, members.invitedOnly.organization.id, "invited");
  await clusterMember(clusterId, members.declined.organization.id, "declined");
  await clusterMember(clusterId, members.left.organization.id, "left");
  await clusterMember(otherClusterId, members.otherCluster.organization.id, "active");
  for (const [k, o] of [...Object.entries(members), ["buyer", buyer] as const, ["otherBuyer", otherBuyer] as const])
    tokens[k] = (await createApiToken(o.owner.id, { name: "t" })).token;
});

const SEES = ["direct", "viaCoop", "coop", "optedOut"];
const BLIND = ["coopLeft", "requested", "invitedOnly", "declined", "left", "outsider", "otherCluster", "coopRequested", "viaRequestedCoop"];

describe("posting an RFQ to a cluster", () => {
  it("clusterId needs visibility invited and an existing cluster (400 on clusterId, nothing written)", async () => {
    const before = await t.db.rfq.count();
    const pub = await callRoute(createRoute, "POST", "/api/v1/rfqs", {
      token: tokens.buyer,
      body: body({ visibility: "public", clusterId }),
    });
    expect(pub.status).toBe(400);
    expect((await jsonOf<{ error: { fields: Record<string, string[]> } }>(pub)).error.fields.clusterId).toBeDefined();
    const unknown = await callRoute(createRoute, "POST", "/api/v1/rfqs", {
      token: tokens.buyer,
      body: body({ clusterId: "no-such-cluster" }),
    });
    expect(unknown.status).toBe(400);
    expect((await jsonOf<{ error: { fields: Record<string, string[]> } }>(unknown)).error.fields.clusterId).toBeDefined();
    expect(await t.db.rfq.count()).toBe(before);
  });

  it("a draft with clusterId is saved and returned with the cluster; PATCH to public while on a cluster → 400", async () => {
    const res = await callRoute(createRoute, "POST", "/api/v1/rfqs", { token: tokens.buyer, body: body({ clusterId }) });
    expect(res.status, await res.clone().text()).toBe(201);
    const rfq = RfqSchema.parse(await jsonOf(res));
    expect(rfq.clusterId).toBe(clusterId);
    expect(rfq.cluster).toEqual({ id: clusterId, name: "Klaster Komponen Motor Listrik Jabar" });
    const p = { id: rfq.id };
    const toPublic = await callRoute(patchRoute, "PATCH", `/api/v1/rfqs/${rfq.id}`, {
      token: tokens.buyer,
      params: p,
      body: { visibility: "public" },
    });
    expect(toPublic.status).toBe(400);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).visibility).toBe("invited");
    // off the cluster and public in one PATCH is fine; back onto the other cluster too
    const off = await callRoute(patchRoute, "PATCH", `/api/v1/rfqs/${rfq.id}`, {
      token: tokens.buyer,
      params: p,
      body: { visibility: "public", clusterId: null },
    });
    expect(off.status, await off.clone().text()).toBe(200);
    expect(RfqSchema.parse(await jsonOf(off))).toMatchObject({ visibility: "public", clusterId: null, cluster: null });
    const back = await callRoute(patchRoute, "PATCH", `/api/v1/rfqs/${rfq.id}`, {
      token: tokens.buyer,
      params: p,
      body: { visibility: "invited", clusterId: otherClusterId },
    });
    expect(back.status).toBe(200);
    expect(RfqSchema.parse(await jsonOf(back)).clusterId).toBe(otherClusterId);
  });
});

describe("publishing and who sees it", () => {
  let rfqId: string;

  beforeAll(async () => {
    // "optedOut"'s owner turned RFQ notifications off in the app and by e-mail
    await t.db.notificationPreference.create({ data: { userId: members.optedOut.owner.id, kind: "rfqs", inApp: false, email: false } });
    // a second user (member role) in "direct": told in the app, not by e-mail
    const colleague = await createUser(t.db, { email: `rekan-${Date.now()}@contoh.id` });
    await t.db.membership.create({ data: { userId: colleague.id, organizationId: members.direct.organization.id, role: "member" } });
    const res = await callRoute(createRoute, "POST", "/api/v1/rfqs", { token: tokens.buyer, body: body({ clusterId }) });
    rfqId = RfqSchema.parse(await jsonOf(res)).id;
    // "viaCoop" is also invited directly: it hears of the RFQ once, as an invitation
    const inv = await callRoute(inviteRoute, "POST", `/api/v1/rfqs/${rfqId}/invitations`, {
      token: tokens.buyer,
      params: { id: rfqId },
      body: { supplierIds: [members.viaCoop.organization.id] },
    });
    expect(inv.status, await inv.clone().text()).toBe(200);
    const pub = await callRoute(publishRoute, "POST", `/api/v1/rfqs/${rfqId}/publish`, { token: tokens.buyer, params: { id: rfqId } });
    expect(pub.status, await pub.clone().text()).toBe(200);
  });

  it("a cluster RFQ publishes without direct invitations (its members are the invitees)", async () => {
    const res = await callRoute(createRoute, "POST", "/api/v1/rfqs", { token: tokens.buyer, body: body({ clusterId: otherClusterId }) });
    const id = RfqSchema.parse(await jsonOf(res)).id;
    const pub = await callRoute(publishRoute, "POST", `/api/v1/rfqs/${id}/publish`, { token: tokens.buyer, params: { id } });
    expect(pub.status, await pub.clone().text()).toBe(200);
    // the other cluster's member was told, nobody of this cluster
    const told = await t.db.notification.findMany({
      where: { type: "rfq.cluster_posted", link: { contains: id } },
      select: { organizationId: true },
    });
    expect(told.map((n) => n.organizationId)).toEqual([members.otherCluster.organization.id]);
  });

  it("members (direct, via an active member cooperative, the cooperative) see it on the board, the page and the API", async () => {
    for (const who of SEES) {
      const o = members[who];
      const list = await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: tokens[who] });
      expect(list.status).toBe(200);
      const page = RfqPageSchema.parse(await jsonOf(list));
      const row = page.data.find((r) => r.id === rfqId);
      expect(row, who).toBeDefined();
      expect(row!.invited, who).toBe(true);
      expect(row!.cluster?.name).toBe("Klaster Komponen Motor Listrik Jabar");
      const one = await callRoute(getRoute, "GET", `/api/v1/rfqs/${rfqId}`, { token: tokens[who], params: { id: rfqId } });
      expect(one.status, who).toBe(200);
      // the pages' data functions (board and RFQ page)
      await actAs(o.owner, o.organization.id);
      const board = await listRfqs(currentActor(), {});
      expect(
        board.data.map((r) => r.id),
        who,
      ).toContain(rfqId);
      expect((await getRfqForActor(currentActor(), rfqId)).invited).toBe(true);
    }
  });

  it("nobody else sees it: former, requested, invited-not-accepted and declined members, other UMKM, another buyer (404), visitors (401)", async () => {
    for (const who of [...BLIND, "otherBuyer"]) {
      const list = await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: tokens[who], query: who === "otherBuyer" ? {} : {} });
      expect(list.status).toBe(200);
      expect(
        RfqPageSchema.parse(await jsonOf(list)).data.map((r) => r.id),
        who,
      ).not.toContain(rfqId);
      const one = await callRoute(getRoute, "GET", `/api/v1/rfqs/${rfqId}`, { token: tokens[who], params: { id: rfqId } });
      expect(one.status, who).toBe(404);
      const o = who === "otherBuyer" ? otherBuyer : members[who];
      await actAs(o.owner, o.organization.id);
      await expect(getRfqForActor(currentActor(), rfqId), who).rejects.toMatchObject({ code: "not_found" });
      if (who !== "otherBuyer")
        expect(
          (await listRfqs(currentActor(), {})).data.map((r) => r.id),
          who,
        ).not.toContain(rfqId);
    }
    signOut();
    const anon = await callRoute(getRoute, "GET", `/api/v1/rfqs/${rfqId}`, { params: { id: rfqId } });
    expect(anon.status).toBe(401);
    await expect(getRfqForActor(null, rfqId)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("a member that leaves stops seeing it; one that joins starts seeing it", async () => {
    const left = members.direct;
    await t.db.clusterMember.updateMany({ where: { clusterId, organizationId: left.organization.id }, data: { status: "left" } });
    expect((await callRoute(getRoute, "GET", `/api/v1/rfqs/${rfqId}`, { token: tokens.direct, params: { id: rfqId } })).status).toBe(404);
    await t.db.clusterMember.updateMany({ where: { clusterId, organizationId: left.organization.id }, data: { status: "active" } });
    expect((await callRoute(getRoute, "GET", `/api/v1/rfqs/${rfqId}`, { token: tokens.direct, params: { id: rfqId } })).status).toBe(200);
  });

  it("publishing told every member organization's users in the app and owners/admins by e-mail, preferences obeyed", async () => {
    const notes = await t.db.notification.findMany({
      where: { type: "rfq.cluster_posted", link: `/papan-rfq/${rfqId}` },
      select: { userId: true, organizationId: true, params: true },
    });
    const byOrg = (id: string) => notes.filter((n) => n.organizationId === id).length;
    expect(byOrg(members.direct.organization.id)).toBe(2); // owner and the colleague
    expect(byOrg(members.coop.organization.id)).toBe(1);
    expect(byOrg(members.optedOut.organization.id)).toBe(0); // turned off in the app
    expect(byOrg(members.viaCoop.organization.id)).toBe(0); // invited directly: got rfq.invited instead
    for (const who of BLIND) expect(byOrg(members[who].organization.id), who).toBe(0);
    expect(notes).toHaveLength(3);
    expect(notes[0].params).toMatchObject({ clusterName: "Klaster Komponen Motor Listrik Jabar", buyerName: "PT Motor Listrik Anchor" });
    const invited = await t.db.notification.count({ where: { type: "rfq.invited", organizationId: members.viaCoop.organization.id } });
    expect(invited).toBe(1);
    const mails = await t.db.emailOutbox.findMany({
      where: { text: { contains: `/papan-rfq/${rfqId}` }, subject: { contains: "klaster" } },
    });
    expect(mails.map((m) => m.to).sort()).toEqual([members.coop.owner.email, members.direct.owner.email].sort());
    expect(mails[0].text).toContain("PT Motor Listrik Anchor");
  });
});
