// The statistics' cluster filter (issue 12; ADR 0028): GET /api/v1/stats/partnerships?clusterId= and the
// /statistik overview restricted to the cluster's members (UMKM direct or through a member cooperative, and
// member cooperatives), with the same disclosure rule as every other filter: exact for ministry staff, groups
// behind fewer than 3 UMKM withheld for everybody else. Counts computed here from the fixture.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createCooperative, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { resetStatsCaches } from "@/lib/stats/partnerships";
import { getStatisticsOverview } from "@/lib/stats/overview";
import { GET as partnerships } from "@/app/api/v1/stats/partnerships/route";

const t = useTestDatabase();

const fx = {
  bigCluster: "",
  smallCluster: "",
  ministryToken: "",
  big: { agreements: 0, valueIdr: 0n, suppliers: new Set<string>(), active: 0 },
  small: { agreements: 0, valueIdr: 0n },
};

beforeAll(async () => {
  resetStatsCaches();
  const { organization: manager } = await createOrganization(t.db, "cluster_manager");
  const { owner: analyst } = await createOrganization(t.db, "ministry");
  fx.ministryToken = (await createApiToken(analyst.id, { name: "m" })).token;
  const { organization: buyer } = await createBuyer(t.db);
  const umkm = async () => (await createUmkm(t.db, { regencyCode: "33.75", annualSalesIdr: 1_000_000_000n })).organization.id;
  const [m1, m2, viaCoop, outsider, s1, s2] = [await umkm(), await umkm(), await umkm(), await umkm(), await umkm(), await umkm()];
  const { organization: coop } = await createCooperative(t.db, { members: [viaCoop, m1] });

  fx.bigCluster = (
    await t.db.cluster.create({
      data: {
        name: "Klaster Besar",
        managerId: manager.id,
        provinceCodes: ["33"],
        members: { create: [m1, m2, coop.id].map((organizationId) => ({ organizationId, status: "active" as const })) },
      },
    })
  ).id;
  fx.smallCluster = (
    await t.db.cluster.create({
      data: {
        name: "Klaster Kecil",
        managerId: manager.id,
        provinceCodes: ["33"],
        members: {
          create: [
            { organizationId: s1, status: "active" },
            { organizationId: s2, status: "requested" },
          ],
        },
      },
    })
  ).id;

  const start = new Date("2026-02-10");
  const big = async (supplier: string, valueIdr: bigint, status: "active" | "completed" = "active") => {
    await createAgreement(t.db, buyer.id, supplier, { valueIdr, status, startDate: start });
    fx.big.agreements += 1;
    fx.big.valueIdr += valueIdr;
    fx.big.suppliers.add(supplier);
    if (status === "active") fx.big.active += 1;
  };
  await big(m1, 100_000_000n);
  await big(m2, 200_000_000n, "completed");
  await big(viaCoop, 300_000_000n);
  await big(m1, 50_000_000n);
  // the small cluster's one member UMKM; the requested one and the outsider do not count anywhere
  await createAgreement(t.db, buyer.id, s1, { valueIdr: 70_000_000n, startDate: start });
  fx.small = { agreements: 1, valueIdr: 70_000_000n };
  await createAgreement(t.db, buyer.id, s2, { valueIdr: 11_000_000n, startDate: start });
  await createAgreement(t.db, buyer.id, outsider, { valueIdr: 13_000_000n, startDate: start });
  await createAgreement(t.db, buyer.id, m2, { valueIdr: 17_000_000n, status: "draft", startDate: start });
});

const table = (clusterId: string, token?: string, groupBy = "scheme") =>
  callRoute(partnerships, "GET", "/api/v1/stats/partnerships", { query: { groupBy, clusterId }, token });

interface Answer {
  data: { key: string; agreements: number | null; valueIdr: number | null; suppliers: number | null; suppressed: boolean }[];
  totals: { agreements: number | null; valueIdr: number | null; suppliers: number | null; suppressed: boolean };
  disclosure: string;
}

describe("GET /api/v1/stats/partnerships?clusterId=", () => {
  it("restricts the figures to the cluster's members, counting a member through its cooperative", async () => {
    for (const groupBy of ["scheme", "province", "month", "sizeClass", "kbliSection"]) {
      const res = await table(fx.bigCluster, fx.ministryToken, groupBy);
      expect(res.status).toBe(200);
      const body = await jsonOf<Answer>(res);
      expect(body.disclosure).toBe("exact");
      expect(body.totals.agreements).toBe(fx.big.agreements);
      expect(BigInt(body.totals.valueIdr!)).toBe(fx.big.valueIdr);
      expect(body.totals.suppliers).toBe(fx.big.suppliers.size);
    }
  });

  it("publishes a cluster backed by 3 UMKM to the public, and withholds one backed by a single UMKM", async () => {
    const big = await jsonOf<Answer>(await table(fx.bigCluster));
    expect(big.disclosure).toBe("protected");
    expect(big.totals).toMatchObject({ suppressed: false, agreements: fx.big.agreements, suppliers: 3 });
    const small = await jsonOf<Answer>(await table(fx.smallCluster));
    expect(small.totals).toMatchObject({ suppressed: true, agreements: null, valueIdr: null });
    expect(small.data.every((r) => r.suppressed || r.agreements === 0)).toBe(true);
    const exact = await jsonOf<Answer>(await table(fx.smallCluster, fx.ministryToken));
    expect(exact.totals).toMatchObject({ suppressed: false, agreements: fx.small.agreements, valueIdr: Number(fx.small.valueIdr) });
  });

  it("answers zeros for an unknown cluster and 400 for a malformed id", async () => {
    const unknown = await jsonOf<Answer>(await table("tidakada", fx.ministryToken));
    expect(unknown.totals).toMatchObject({ agreements: 0, valueIdr: 0, suppliers: 0 });
    const bad = await table("../x'--");
    expect(bad.status).toBe(400);
  });
});

describe("/statistik overview with a cluster filter", () => {
  it("follows the cluster in the 'now' cards too", async () => {
    const o = await getStatisticsOverview({ clusterId: fx.bigCluster }, "id", "exact");
    expect(o.current.active).toBe(fx.big.active);
    expect(o.current.completed).toBe(fx.big.agreements - fx.big.active);
    expect(o.umkm.registered).toBe(3);
    expect(o.partnerships.province.totals.agreements).toBe(fx.big.agreements);
    const pub = await getStatisticsOverview({ clusterId: fx.smallCluster }, "id", "public");
    expect(pub.current.active).toBeNull();
    expect(pub.partnerships.scheme.totals.suppressed).toBe(true);
  });
});
