// A cluster's figures (lib/clusters/summary.ts) through GET /api/v1/clusters/{id}, on PostgreSQL and PGlite: every
// figure against a count made here from the fixture itself — UMKM through a member cooperative counted once,
// expired and unverified certificates not counted, draft, excluded and non-anchor agreements not counted — and
// what each viewer gets: the public protected, ministry staff and the cluster's own regional government exact, a
// government of another region protected; unknown ids 404.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import {
  createAgreement,
  createBuyer,
  createCertification,
  createCooperative,
  createOrganization,
  createProduct,
  createUmkm,
  dateInDays,
} from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { resetStatsCaches } from "@/lib/stats/partnerships";
import { GET } from "@/app/api/v1/clusters/[id]/route";

const t = useTestDatabase();

interface Row {
  key: string;
  umkm: number | null;
  suppressed: boolean;
}
interface Summary {
  id: string;
  name: string;
  members: { umkm: number | null; cooperatives: number; bySizeClass: Row[]; byProvince: Row[]; byVerification: Row[] };
  certificates: Record<string, { umkm: number | null; share: number | null; suppressed: boolean }>;
  capacity: { kbliCode: string; unit: string; monthlyCapacity: number | null; umkm: number | null; suppressed: boolean }[];
  anchors: { id: string; name: string; agreements: number | null; valueIdr: number | null; suppressed: boolean }[];
  partnerships: { agreements: number | null; valueIdr: number | null; suppliers: number | null; suppressed: boolean };
  movedUp: number | null;
  disclosure: string;
  partnershipDisclosure: string;
}

const fx = {
  clusterId: "",
  emptyClusterId: "",
  tokens: { ministry: "", ownGov: "", otherGov: "", buyer: "", anchor: "" },
  anchorA: "",
  anchorB: "",
  /** every UMKM of the cluster with what the test counts: size class, province, verification */
  umkm: new Map<string, { size: string; province: string; verification: string }>(),
  expected: { agreements: 0, valueIdr: 0n, byAnchor: new Map<string, { agreements: number; valueIdr: bigint }>() },
};

const MIKRO = 1_000_000_000n;
const KECIL = 9_000_000_000n;
const MENENGAH = 30_000_000_000n;

beforeAll(async () => {
  resetStatsCaches();
  const { organization: manager } = await createOrganization(t.db, "cluster_manager", { name: "Asosiasi IKM Logam" });
  const { owner: analyst } = await createOrganization(t.db, "ministry");
  fx.tokens.ministry = (await createApiToken(analyst.id, { name: "m" })).token;
  const { owner: gov33 } = await createOrganization(t.db, "regional_government", { regionProvinceCode: "33" });
  fx.tokens.ownGov = (await createApiToken(gov33.id, { name: "g" })).token;
  const { owner: gov32 } = await createOrganization(t.db, "regional_government", { regionProvinceCode: "32" });
  fx.tokens.otherGov = (await createApiToken(gov32.id, { name: "g2" })).token;

  const { organization: a, owner: buyerOwner } = await createBuyer(t.db, { name: "PT Jangkar Satu" });
  const { organization: b } = await createBuyer(t.db, { name: "PT Jangkar Dua" });
  const { organization: invitedOnly, owner: invitedOwner } = await createBuyer(t.db, { name: "PT Baru Diundang" });
  fx.tokens.anchor = (await createApiToken(buyerOwner.id, { name: "b" })).token;
  fx.tokens.buyer = (await createApiToken(invitedOwner.id, { name: "b2" })).token;
  fx.anchorA = a.id;
  fx.anchorB = b.id;

  // direct members: six UMKM (one pending verification, one in Bali)
  const mk = async (sales: bigint, regency = "33.75", verificationStatus: "verified" | "pending" = "verified", extra = {}) =>
    (await createUmkm(t.db, { regencyCode: regency, annualSalesIdr: sales, verificationStatus, ...extra })).organization.id;
  const u1 = await mk(MIKRO);
  const u2 = await mk(KECIL, "33.75", "verified", {
    sizeHistory: [{ annualSalesIdr: MIKRO, effectiveAt: new Date("2025-01-10") }],
    sizeReportedAt: new Date("2026-06-01"),
  });
  const u3 = await mk(MIKRO, "33.26");
  const u4 = await mk(MENENGAH);
  const u5 = await mk(MIKRO, "33.75", "pending");
  const u6 = await mk(KECIL, "51.71");
  // a cooperative (member) whose active members join the cluster through it: u1 again (counted once), v1, v2;
  // v3 left the cooperative
  const v1 = await mk(MIKRO);
  const v2 = await mk(MIKRO);
  const v3 = await mk(MIKRO);
  const { organization: coop } = await createCooperative(t.db, { members: [u1, v1, v2, v3] });
  await t.db.cooperativeMembership.updateMany({ where: { cooperativeId: coop.id, memberId: v3 }, data: { status: "left" } });
  // not members: asked, left, declined
  const requested = await mk(MIKRO);
  const left = await mk(MIKRO);
  const outsider = await mk(MIKRO);

  const cluster = await t.db.cluster.create({
    data: {
      name: "Klaster Komponen Logam Jawa Tengah",
      kbliSections: ["C", "25"],
      provinceCodes: ["33"],
      regencyCodes: ["33.75"],
      managerId: manager.id,
      members: {
        create: [
          ...[u1, u2, u3, u4, u5, u6, coop.id].map((organizationId) => ({ organizationId, status: "active" as const })),
          { organizationId: requested, status: "requested" as const },
          { organizationId: left, status: "left" as const },
        ],
      },
      anchors: {
        create: [
          { buyerId: a.id, status: "active" },
          { buyerId: b.id, status: "active" },
          { buyerId: invitedOnly.id, status: "invited" },
        ],
      },
    },
  });
  fx.clusterId = cluster.id;
  fx.emptyClusterId = (await t.db.cluster.create({ data: { name: "Klaster Kosong", managerId: manager.id, provinceCodes: ["33"] } })).id;

  const size = (s: bigint) => (s === MIKRO ? "mikro" : s === KECIL ? "kecil" : "menengah");
  const add = (id: string, sales: bigint, province: string, verification: string) =>
    fx.umkm.set(id, { size: size(sales), province, verification });
  add(u1, MIKRO, "33", "verified");
  add(u2, KECIL, "33", "verified");
  add(u3, MIKRO, "33", "verified");
  add(u4, MENENGAH, "33", "verified");
  add(u5, MIKRO, "33", "pending");
  add(u6, KECIL, "51", "verified");
  add(v1, MIKRO, "33", "verified");
  add(v2, MIKRO, "33", "verified");

  // certificates: halal valid for u1, v1, v2, u3; expired (u2), pending review (u4), returned (u6) do not count;
  // u1's second halal certificate does not make two; SNI valid for u1 only; TKDN for u4, u2, v2 (u6's expired)
  await createCertification(t.db, u1, { type: "halal", withDocument: false });
  await createCertification(t.db, u1, { type: "halal", withDocument: false });
  await createCertification(t.db, v1, { type: "halal", withDocument: false, validUntil: null });
  await createCertification(t.db, v2, { type: "halal", withDocument: false });
  await createCertification(t.db, u3, { type: "halal", withDocument: false, validUntil: dateInDays(0) });
  await createCertification(t.db, u2, { type: "halal", withDocument: false, validUntil: dateInDays(-1) });
  await createCertification(t.db, u4, { type: "halal", withDocument: false, verificationStatus: "pending" });
  await createCertification(t.db, u6, { type: "halal", withDocument: false, verificationStatus: "returned" });
  await createCertification(t.db, outsider, { type: "halal", withDocument: false });
  await createCertification(t.db, u1, { type: "sni", withDocument: false });
  await createCertification(t.db, u4, { type: "tkdn", withDocument: false });
  await createCertification(t.db, u2, { type: "tkdn", withDocument: false });
  await createCertification(t.db, v2, { type: "tkdn", withDocument: false });
  await createCertification(t.db, u6, { type: "tkdn", withDocument: false, validUntil: dateInDays(-30) });

  // capacity: 25920 (casting of metal) per month in "unit" by u1, u2, v1 (3 UMKM), 1 by u3 in kg; archived and
  // outsiders' products do not count
  await createProduct(t.db, u1, { kbliCode: "25920", unit: "unit", monthlyCapacity: 1000 });
  await createProduct(t.db, u1, { kbliCode: "25920", unit: "Unit ", monthlyCapacity: 200 });
  await createProduct(t.db, u2, { kbliCode: "25920", unit: "unit", monthlyCapacity: 500 });
  await createProduct(t.db, v1, { kbliCode: "25920", unit: "unit", monthlyCapacity: 300 });
  await createProduct(t.db, v1, { kbliCode: "25920", unit: "unit", monthlyCapacity: 999, archivedAt: new Date() });
  await createProduct(t.db, u3, { kbliCode: "25920", unit: "kg", monthlyCapacity: 40 });
  await createProduct(t.db, outsider, { kbliCode: "25920", unit: "unit", monthlyCapacity: 7000 });

  // partnerships with the anchors
  const counted = async (buyer: string, supplier: string, valueIdr: bigint, status: "active" | "completed" = "active") => {
    const ag = await createAgreement(t.db, buyer, supplier, { valueIdr, status });
    fx.expected.agreements += 1;
    fx.expected.valueIdr += valueIdr;
    const e = fx.expected.byAnchor.get(buyer) ?? { agreements: 0, valueIdr: 0n };
    fx.expected.byAnchor.set(buyer, { agreements: e.agreements + 1, valueIdr: e.valueIdr + valueIdr });
    return ag;
  };
  await counted(a.id, u1, 100_000_000n);
  await counted(a.id, u2, 200_000_000n, "completed");
  await counted(a.id, u3, 70_000_000n);
  await counted(b.id, v1, 300_000_000n);
  // a consortium led by an outsider with member u6: the cluster's (a member is on the supplier side)
  const consortium = await counted(a.id, outsider, 50_000_000n);
  await t.db.agreementParty.create({ data: { agreementId: consortium.id, organizationId: u6, role: "consortium_member" } });
  // not counted: a draft, an excluded fake partnership, an unverified supplier, a buyer only invited as anchor,
  // an anchor's agreement with an outsider, a terminated one
  await createAgreement(t.db, a.id, u1, { status: "draft", valueIdr: 1_000n });
  const fake = await createAgreement(t.db, a.id, u4, { valueIdr: 5_000_000_000n });
  await t.db.agreement.update({ where: { id: fake.id }, data: { excludedAt: new Date() } });
  await createAgreement(t.db, a.id, u5, { valueIdr: 9_000n });
  await createAgreement(t.db, invitedOnly.id, u1, { valueIdr: 11_000n });
  await createAgreement(t.db, b.id, outsider, { valueIdr: 13_000n });
  await createAgreement(t.db, b.id, v2, { valueIdr: 17_000n, status: "terminated" });
});

const get = (id: string, token?: string) => callRoute(GET, "GET", `/api/v1/clusters/${id}`, { params: { id }, token });
const summaryFor = async (token?: string) => {
  const res = await get(fx.clusterId, token);
  expect(res.status).toBe(200);
  return jsonOf<Summary>(res);
};

function tally(by: "size" | "province" | "verification") {
  const m = new Map<string, number>();
  for (const u of fx.umkm.values()) m.set(u[by], (m.get(u[by]) ?? 0) + 1);
  return m;
}
const asMap = (rows: Row[]) => new Map(rows.map((r) => [r.key, r.umkm]));

describe("GET /api/v1/clusters/{id} — exact figures (ministry staff)", () => {
  it("counts each UMKM once, directly or through a member cooperative, and the member cooperatives", async () => {
    const s = await summaryFor(fx.tokens.ministry);
    expect(s.disclosure).toBe("exact");
    expect(s.partnershipDisclosure).toBe("exact");
    expect(s.members.umkm).toBe(fx.umkm.size);
    expect(s.members.umkm).toBe(8);
    expect(s.members.cooperatives).toBe(1);
    expect(asMap(s.members.bySizeClass)).toEqual(tally("size"));
    expect(asMap(s.members.byProvince)).toEqual(tally("province"));
    expect(asMap(s.members.byVerification)).toEqual(tally("verification"));
  });

  it("counts UMKM holding valid, verified certificates, each once", async () => {
    const s = await summaryFor(fx.tokens.ministry);
    expect(s.certificates.halal.umkm).toBe(4); // u1, v1, v2, u3 (valid through today)
    expect(s.certificates.halal.share).toBeCloseTo(4 / 8);
    expect(s.certificates.sni.umkm).toBe(1);
    expect(s.certificates.iso9001.umkm).toBe(0);
    expect(s.certificates.tkdn.umkm).toBe(3);
  });

  it("adds up monthly capacity by KBLI code and unit over active products", async () => {
    const s = await summaryFor(fx.tokens.ministry);
    const unit = s.capacity.find((c) => c.kbliCode === "25920" && c.unit === "unit");
    expect(unit).toMatchObject({ monthlyCapacity: 1000 + 200 + 500 + 300, umkm: 3, suppressed: false });
    expect(s.capacity.find((c) => c.unit === "kg")).toMatchObject({ monthlyCapacity: 40, umkm: 1 });
    expect(s.capacity).toHaveLength(2);
  });

  it("counts only counted agreements between active anchors and members, by anchor", async () => {
    const s = await summaryFor(fx.tokens.ministry);
    expect(s.partnerships.agreements).toBe(fx.expected.agreements);
    expect(BigInt(s.partnerships.valueIdr!)).toBe(fx.expected.valueIdr);
    expect(s.partnerships.suppliers).toBe(5); // u1, u2, u3, u6 (consortium member), v1
    expect(s.anchors.map((x) => x.name).sort()).toEqual(["PT Jangkar Dua", "PT Jangkar Satu"]);
    for (const x of s.anchors) {
      const e = fx.expected.byAnchor.get(x.id)!;
      expect(x.agreements).toBe(e.agreements);
      expect(BigInt(x.valueIdr!)).toBe(e.valueIdr);
    }
    expect(s.movedUp).toBe(1); // u2: mikro → kecil
  });
});

describe("GET /api/v1/clusters/{id} — who sees what", () => {
  it("gives the public protected figures: groups of 1–2 UMKM and single partnerships withheld", async () => {
    for (const token of [undefined, fx.tokens.buyer, fx.tokens.otherGov]) {
      const s = await summaryFor(token);
      expect(s.disclosure).toBe("protected");
      expect(s.members.umkm).toBe(8);
      for (const rows of [s.members.bySizeClass, s.members.byProvince, s.members.byVerification]) {
        for (const r of rows) if (r.umkm !== null) expect(r.umkm).toBeGreaterThanOrEqual(3);
        // never a single withheld group next to a published total
        expect(rows.filter((r) => r.suppressed).length).not.toBe(1);
      }
      // province 51 (one UMKM) and "pending" (one UMKM) are withheld
      expect(s.members.byProvince.find((r) => r.key === "51")).toMatchObject({ umkm: null, suppressed: true });
      expect(s.members.byVerification.find((r) => r.key === "pending")).toMatchObject({ umkm: null, suppressed: true });
      expect(s.certificates.sni).toMatchObject({ umkm: null, share: null, suppressed: true });
      expect(s.certificates.halal.umkm).toBe(4);
      expect(s.capacity.find((c) => c.unit === "kg")).toMatchObject({ monthlyCapacity: null, suppressed: true });
      expect(s.capacity.find((c) => c.unit === "unit")).toMatchObject({ monthlyCapacity: 2000 });
      // anchor B has one agreement with one UMKM: withheld, and anchor A with it (the total is published)
      const bRow = s.anchors.find((x) => x.id === fx.anchorB)!;
      expect(bRow).toMatchObject({ agreements: null, valueIdr: null, suppressed: true });
      expect(s.anchors.find((x) => x.id === fx.anchorA)).toMatchObject({ suppressed: true, valueIdr: null });
      expect(s.partnerships.agreements).toBe(fx.expected.agreements);
      expect(s.movedUp).toBeNull();
      expect(JSON.stringify(s)).not.toContain("300000000");
    }
  });

  it("gives exact figures to the government of the cluster's province, not to another province's", async () => {
    const own = await summaryFor(fx.tokens.ownGov);
    expect(own.disclosure).toBe("exact");
    expect(own.anchors.find((x) => x.id === fx.anchorB)).toMatchObject({ agreements: 1, valueIdr: 300_000_000 });
    expect(own.members.byProvince.find((r) => r.key === "51")).toMatchObject({ umkm: 1 });
    const other = await summaryFor(fx.tokens.otherGov);
    expect(other.disclosure).toBe("protected");
    expect(other.anchors.find((x) => x.id === fx.anchorB)?.valueIdr).toBeNull();
  });

  it("gives an anchor exact member figures but the public's partnership figures", async () => {
    const s = await summaryFor(fx.tokens.anchor);
    expect(s.disclosure).toBe("exact");
    expect(s.partnershipDisclosure).toBe("protected");
    expect(s.members.byProvince.find((r) => r.key === "51")).toMatchObject({ umkm: 1 });
    expect(s.anchors.find((x) => x.id === fx.anchorB)).toMatchObject({ valueIdr: null, suppressed: true });
  });

  it("withholds everything of a cluster with fewer than 3 UMKM, and answers 0 for an empty one", async () => {
    const res = await get(fx.emptyClusterId);
    expect(res.status).toBe(200);
    const s = await jsonOf<Summary>(res);
    expect(s.members.umkm).toBe(0);
    expect(s.partnerships).toMatchObject({ agreements: 0, suppressed: false });
  });

  it("answers 404 for an unknown id", async () => {
    const res = await get("no-such-cluster");
    expect(res.status).toBe(404);
  });
});
