// Matching and consortia around clusters (issue 12, docs/decisions/0029-cluster-rfqs.md) on a real database
// (both backends): the "member of cluster" reason appears exactly for members of the RFQ's cluster or of a
// cluster the buyer actively anchors (directly or through a member cooperative) and "same industrial estate"
// exactly for UMKM on the buyer's site; a cluster manager's consortium proposal — who may (the manager of that
// cluster only, verified; others 404/403/401), for which RFQs (an active anchor's, public or posted to the
// cluster), with whom (active members that qualify) — and how the buyer then invites it, after which the
// existing consortium flow runs (members told, the lead quotes for the group).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, currentActor, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createOrganization, createProduct, createRfq, createUmkm, dateInDays } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { getRecommendedRfqs, getRfqMatches, getRfqFitForSupplier } from "@/lib/matching/service";
import { reasonLabel } from "@/lib/matching/labels";
import { ConsortiaResponseSchema, MatchesResponseSchema } from "@/lib/matching/responses";
import { GET as matchesRoute } from "@/app/api/v1/rfqs/[id]/matches/route";
import { GET as consortiaRoute } from "@/app/api/v1/rfqs/[id]/consortia/route";
import { POST as inviteProposalRoute } from "@/app/api/v1/rfqs/[id]/consortia/[consortiumId]/invite/route";
import { GET as clusterRfqsRoute, POST as proposeRoute } from "@/app/api/v1/clusters/[id]/consortia/route";
import { AnchorRfqListSchema, ClusterConsortiumSchema } from "@/lib/clusters/consortium-responses";
import { proposeClusterConsortiumAction } from "@/lib/clusters/consortium-actions";
import { getQuoteContext } from "@/lib/quotes/supplier-reads";

const t = useTestDatabase();

type Org = { organization: { id: string; name: string }; owner: { id: string } };
let buyer: Org;
let otherBuyer: Org;
let manager: Org;
let otherManager: Org;
let unverifiedManager: Org;
let siteId: string;
let clusterC: string; // the RFQ's cluster; the buyer anchors it too
let clusterA: string; // the buyer is an active anchor
let clusterB: string; // the buyer is only invited as anchor
const u: Record<string, Org> = {};
const tokens: Record<string, string> = {};

async function batik(key: string, o: { capacity?: number; siteId?: string | null } = {}) {
  const m = await createUmkm(t.db, {
    name: `UD Batik ${key}`,
    regencyCode: "33.75",
    kbliCodes: ["13134"],
    verificationStatus: "verified",
  });
  if (o.siteId) await t.db.organization.update({ where: { id: m.organization.id }, data: { siteId: o.siteId } });
  await createProduct(t.db, m.organization.id, {
    name: "Kain batik tulis motif parang",
    kbliCode: "13134",
    unit: "lembar",
    monthlyCapacity: o.capacity ?? 300,
  });
  u[key] = m;
  return m;
}

const member = (clusterId: string, organizationId: string, status: "active" | "left" | "requested" = "active") =>
  t.db.clusterMember.create({ data: { clusterId, organizationId, status } });
const newCluster = (name: string, managerId: string) =>
  t.db.cluster.create({ data: { name, kbliSections: ["C"], provinceCodes: ["33"], regencyCodes: [], managerId } }).then((c) => c.id);

beforeAll(async () => {
  siteId = (await t.db.site.create({ data: { name: "Kawasan Industri Wijayakusuma", kind: "industrial_estate", regencyCode: "33.74" } }))
    .id;
  buyer = await createBuyer(t.db, { name: "PT Anchor Batik", siteId });
  otherBuyer = await createBuyer(t.db, { name: "PT Bukan Anchor" });
  manager = await createOrganization(t.db, "cluster_manager", { name: "Pengelola Klaster Batik" });
  otherManager = await createOrganization(t.db, "cluster_manager", { name: "Pengelola Lain" });
  unverifiedManager = await createOrganization(t.db, "cluster_manager", {
    name: "Pengelola Belum Terverifikasi",
    verificationStatus: "unverified",
  });
  clusterC = await newCluster("Klaster Batik Pekalongan", manager.organization.id);
  clusterA = await newCluster("Klaster Tenun Jepara", manager.organization.id);
  clusterB = await newCluster("Klaster Bordir Kudus", otherManager.organization.id);
  await newCluster("Klaster Pengelola Belum Terverifikasi", unverifiedManager.organization.id);
  await t.db.clusterAnchor.createMany({
    data: [
      { clusterId: clusterC, buyerId: buyer.organization.id, status: "active" },
      { clusterId: clusterA, buyerId: buyer.organization.id, status: "active" },
      { clusterId: clusterB, buyerId: buyer.organization.id, status: "invited" },
    ],
  });
  for (const k of ["inC", "inC2", "inA", "inB", "leftC", "outsider"]) await batik(k);
  await batik("onSite", { siteId });
  await batik("viaCoop");
  const coop = await createOrganization(t.db, "cooperative", { name: "Koperasi Batik Anggota" });
  await t.db.cooperativeMembership.create({
    data: { cooperativeId: coop.organization.id, memberId: u.viaCoop.organization.id, status: "active" },
  });
  await member(clusterC, u.inC.organization.id);
  await member(clusterC, u.inC2.organization.id);
  await member(clusterC, coop.organization.id);
  await member(clusterC, u.leftC.organization.id, "left");
  await member(clusterA, u.inA.organization.id);
  await member(clusterB, u.inB.organization.id);
  for (const [k, o] of [
    ["buyer", buyer],
    ["otherBuyer", otherBuyer],
    ["manager", manager],
    ["otherManager", otherManager],
    ["unverifiedManager", unverifiedManager],
    ["inC", u.inC],
  ] as const)
    tokens[k] = (await createApiToken(o.owner.id, { name: "t" })).token;
});

describe("match reasons", () => {
  it("name the RFQ's cluster, an anchored cluster and the shared estate exactly for the right UMKM", async () => {
    const rfq = await createRfq(t.db, buyer.organization.id, {
      title: "Kain batik tulis untuk seragam",
      visibility: "invited",
      items: [{ name: "Kain batik tulis", quantity: 200, unit: "lembar" }],
    });
    await t.db.rfq.update({ where: { id: rfq.id }, data: { clusterId: clusterC } });
    await actAs(buyer.owner, buyer.organization.id);
    const res = await getRfqMatches(currentActor(), rfq.id, { limit: 50 });
    const reasons = (key: string) => {
      const m = [...res.matches, ...res.almostQualified].find((x) => x.supplier.id === u[key].organization.id);
      expect(m, key).toBeDefined();
      return m!.reasons.filter((r) => r.code === "cluster_member" || r.code === "same_estate").map((r) => reasonLabel("en", r));
    };
    expect(reasons("inC")).toEqual(["Member of the cluster Klaster Batik Pekalongan (this RFQ is posted to it)"]);
    expect(reasons("viaCoop")).toEqual(["Member of the cluster Klaster Batik Pekalongan (this RFQ is posted to it)"]);
    expect(reasons("inA")).toEqual(["Member of the cluster Klaster Tenun Jepara (this buyer anchors it)"]);
    expect(reasons("inB")).toEqual([]); // only invited as anchor there
    expect(reasons("leftC")).toEqual([]);
    expect(reasons("outsider")).toEqual([]);
    expect(reasons("onSite")).toEqual(["In the same industrial estate as the buyer: Kawasan Industri Wijayakusuma"]);
    // the same through the API, in Indonesian
    const api = await callRoute(matchesRoute, "GET", `/api/v1/rfqs/${rfq.id}/matches`, {
      token: tokens.buyer,
      params: { id: rfq.id },
      query: { limit: "50" },
      headers: { "accept-language": "id" },
    });
    expect(api.status).toBe(200);
    const body = MatchesResponseSchema.parse(await jsonOf(api));
    const inC = body.data.find((m) => m.supplier.id === u.inC.organization.id)!;
    expect(inC.reasons[0]).toMatchObject({ code: "cluster_member", points: 0 });
    expect(inC.reasons[0].label).toBe("Anggota klaster Klaster Batik Pekalongan (RFQ ini untuk klaster tersebut)");
    // the member sees the same reason on the RFQ page's fit panel (it sees the RFQ as a member)
    await actAs(u.inC.owner, u.inC.organization.id);
    const fit = await getRfqFitForSupplier(currentActor(), rfq.id);
    expect(fit?.reasons.map((r) => r.code)).toContain("cluster_member");
    // … and it is recommended to members only (also through the cooperative), not to a former member
    expect((await getRecommendedRfqs(currentActor(), u.inC.organization.id)).map((r) => r.rfq.id)).toContain(rfq.id);
    await actAs(u.viaCoop.owner, u.viaCoop.organization.id);
    expect((await getRecommendedRfqs(currentActor(), u.viaCoop.organization.id)).map((r) => r.rfq.id)).toContain(rfq.id);
    await actAs(u.leftC.owner, u.leftC.organization.id);
    expect((await getRecommendedRfqs(currentActor(), u.leftC.organization.id)).map((r) => r.rfq.id)).not.toContain(rfq.id);
    // a buyer without site or anchors: no affinity reasons at all
    const plain = await createRfq(t.db, otherBuyer.organization.id, {
      title: "Kain batik tulis",
      items: [{ name: "Kain batik tulis", quantity: 200, unit: "lembar" }],
    });
    await actAs(otherBuyer.owner, otherBuyer.organization.id);
    const other = await getRfqMatches(currentActor(), plain.id, { limit: 50 });
    expect(other.matches.flatMap((m) => m.reasons).filter((r) => r.code === "cluster_member" || r.code === "same_estate")).toEqual([]);
  });
});

describe("a cluster manager's consortium proposal", () => {
  let rfqId: string;
  let consortiumId: string;
  const propose = (token: string | undefined, clusterId: string, body: Record<string, unknown>) =>
    callRoute(proposeRoute, "POST", `/api/v1/clusters/${clusterId}/consortia`, { token, params: { id: clusterId }, body });

  beforeAll(async () => {
    // 500 lembar: no member alone (300 each) can supply it
    rfqId = (
      await createRfq(t.db, buyer.organization.id, {
        title: "Kain batik tulis 500 lembar",
        deadline: dateInDays(20),
        items: [{ name: "Kain batik tulis", quantity: 500, unit: "lembar" }],
      })
    ).id;
  });

  it("lists the anchors' open RFQs for the manager only (another manager 404, others 403, visitors 401)", async () => {
    const hidden = await createRfq(t.db, buyer.organization.id, { title: "RFQ undangan lain", visibility: "invited" });
    const foreign = await createRfq(t.db, otherBuyer.organization.id, { title: "RFQ bukan anchor" });
    const res = await callRoute(clusterRfqsRoute, "GET", `/api/v1/clusters/${clusterC}/consortia`, {
      token: tokens.manager,
      params: { id: clusterC },
    });
    expect(res.status).toBe(200);
    const ids = AnchorRfqListSchema.parse(await jsonOf(res)).data.map((r) => r.id);
    expect(ids).toContain(rfqId);
    expect(ids).not.toContain(hidden.id); // invitation-only, not posted to this cluster
    expect(ids).not.toContain(foreign.id); // not an anchor's
    expect((await callRoute(clusterRfqsRoute, "GET", "/", { token: tokens.otherManager, params: { id: clusterC } })).status).toBe(404);
    expect((await callRoute(clusterRfqsRoute, "GET", "/", { token: tokens.buyer, params: { id: clusterC } })).status).toBe(403);
    expect((await callRoute(clusterRfqsRoute, "GET", "/", { token: tokens.inC, params: { id: clusterC } })).status).toBe(403);
    expect((await callRoute(clusterRfqsRoute, "GET", "/", { params: { id: clusterC } })).status).toBe(401);
  });

  it("refuses outsiders, unverified managers, foreign RFQs and non-members, writing nothing", async () => {
    const before = await t.db.consortium.count();
    const body = { rfqId, memberIds: [u.inC.organization.id, u.inC2.organization.id] };
    expect((await propose(tokens.otherManager, clusterC, body)).status).toBe(404);
    expect((await propose(tokens.buyer, clusterC, body)).status).toBe(403);
    expect((await propose(tokens.inC, clusterC, body)).status).toBe(403);
    expect((await propose(undefined, clusterC, body)).status).toBe(401);
    const unverifiedCluster = (await t.db.cluster.findFirstOrThrow({ where: { managerId: unverifiedManager.organization.id } })).id;
    const unv = await propose(tokens.unverifiedManager, unverifiedCluster, body);
    expect(unv.status).toBe(403);
    expect((await jsonOf<{ error: { code: string } }>(unv)).error.code).toBe("verification_required");
    // an RFQ of a buyer that does not anchor the cluster
    const foreign = await createRfq(t.db, otherBuyer.organization.id, {
      title: "Kain batik tulis",
      items: [{ name: "Kain batik tulis", quantity: 500, unit: "lembar" }],
    });
    expect((await propose(tokens.manager, clusterC, { ...body, rfqId: foreign.id })).status).toBe(404);
    // members that are not active members of this cluster: left, another cluster's, an outsider
    for (const k of ["leftC", "inA", "outsider"]) {
      const res = await propose(tokens.manager, clusterC, { rfqId, memberIds: [u.inC.organization.id, u[k].organization.id] });
      expect(res.status, k).toBe(400);
      expect((await jsonOf<{ error: { fields: Record<string, string[]> } }>(res)).error.fields.memberIds, k).toBeDefined();
    }
    expect((await propose(tokens.manager, clusterC, { rfqId, memberIds: [u.inC.organization.id] })).status).toBe(400);
    expect(await t.db.consortium.count()).toBe(before);
  });

  it("the manager proposes active members (one through its cooperative); the buyer is told, nobody is invited yet", async () => {
    const res = await propose(tokens.manager, clusterC, { rfqId, memberIds: [u.inC.organization.id, u.viaCoop.organization.id] });
    expect(res.status, await res.clone().text()).toBe(201);
    const c = ClusterConsortiumSchema.parse(await jsonOf(res));
    consortiumId = c.id;
    expect(c.clusterId).toBe(clusterC);
    expect(c.members.reduce((a, m) => a + m.shareQuantity, 0)).toBe(500);
    const row = await t.db.consortium.findUniqueOrThrow({ where: { id: c.id }, include: { members: true, invitations: true } });
    expect(row.clusterId).toBe(clusterC);
    expect(row.members.map((m) => m.supplierId).sort()).toEqual([u.inC.organization.id, u.viaCoop.organization.id].sort());
    expect(row.invitations).toHaveLength(0);
    expect(await t.db.notification.count({ where: { type: "consortium.proposed", organizationId: buyer.organization.id } })).toBe(1);
    expect(await t.db.notification.count({ where: { type: "consortium.invited" } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: "cluster.consortium_proposed", entityId: rfqId } })).toBe(1);
    // the same member again → 409
    const again = await propose(tokens.manager, clusterC, { rfqId, memberIds: [u.inC.organization.id, u.inC2.organization.id] });
    expect(again.status).toBe(409);
    // the server action (the /klaster/[id]/konsorsium form) runs the same rules
    await actAs(otherManager.owner, otherManager.organization.id);
    const refused = await proposeClusterConsortiumAction({
      clusterId: clusterC,
      rfqId,
      memberIds: [u.inC2.organization.id, u.inA.organization.id],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("the buyer sees the proposal and invites it; then it is an invited consortium (members told, the lead quotes)", async () => {
    const list = await callRoute(consortiaRoute, "GET", `/api/v1/rfqs/${rfqId}/consortia`, { token: tokens.buyer, params: { id: rfqId } });
    const body = ConsortiaResponseSchema.parse(await jsonOf(list));
    expect(body.clusterProposals.map((p) => [p.id, p.cluster.name])).toEqual([[consortiumId, "Klaster Batik Pekalongan"]]);
    expect(body.invited).toEqual([]);
    const path = `/api/v1/rfqs/${rfqId}/consortia/${consortiumId}/invite`;
    expect(
      (await callRoute(inviteProposalRoute, "POST", path, { token: tokens.otherBuyer, params: { id: rfqId, consortiumId } })).status,
    ).toBe(404);
    expect(
      (await callRoute(inviteProposalRoute, "POST", path, { token: tokens.manager, params: { id: rfqId, consortiumId } })).status,
    ).toBe(403);
    expect(await t.db.rfqInvitation.count({ where: { consortiumId } })).toBe(0);
    const ok = await callRoute(inviteProposalRoute, "POST", path, { token: tokens.buyer, params: { id: rfqId, consortiumId } });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const lead = (await t.db.consortium.findUniqueOrThrow({ where: { id: consortiumId } })).leadId;
    const inv = await t.db.rfqInvitation.findMany({ where: { rfqId } });
    expect(inv.map((i) => [i.supplierId, i.consortiumId])).toEqual([[lead, consortiumId]]);
    const told = await t.db.notification.findMany({ where: { type: "consortium.invited" }, select: { organizationId: true } });
    expect(told.map((n) => n.organizationId).sort()).toEqual([u.inC.organization.id, u.viaCoop.organization.id].sort());
    // the lead's quote form answers for the group; each member still accepts the agreement itself later
    const leadOrg = Object.values(u).find((o) => o.organization.id === lead)!;
    await actAs(leadOrg.owner, lead);
    const ctx = await getQuoteContext(currentActor(), rfqId);
    expect(ctx.consortium?.id).toBe(consortiumId);
    expect(await t.db.agreement.count({ where: { rfqId } })).toBe(0);
    // invited once only
    expect((await callRoute(inviteProposalRoute, "POST", path, { token: tokens.buyer, params: { id: rfqId, consortiumId } })).status).toBe(
      404,
    );
    signOut();
  });
});
