// Review of issue 11 item 13: the partnerships total (active + completed agreements, all periods) minus the
// published "active now" figure is the completed agreements' figure. When the completed figure is withheld
// (fewer than 3 UMKM behind it), the active one must be too, or one contract's value comes back.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createUmkm } from "@/tests/helpers/factories";
import { resetStatsCaches } from "@/lib/stats/partnerships";
import { getStatisticsOverview } from "@/lib/stats/overview";
import { GET as partnerships } from "@/app/api/v1/stats/partnerships/route";
import { GET as summary } from "@/app/api/v1/stats/summary/route";

const t = useTestDatabase();
const COMPLETED_VALUE = 913_000_777n;

// 4 UMKM in Central Java with an active agreement each; ONE completed agreement, by a fifth UMKM.
beforeAll(async () => {
  resetStatsCaches();
  const { organization: buyer } = await createBuyer(t.db);
  for (let i = 0; i < 4; i++) {
    const u = await createUmkm(t.db, { regencyCode: "33.75" });
    await createAgreement(t.db, buyer.id, u.organization.id, { startDate: new Date("2025-06-10"), valueIdr: 100_000_000n + BigInt(i) });
  }
  const u = await createUmkm(t.db, { regencyCode: "33.75" });
  await createAgreement(t.db, buyer.id, u.organization.id, {
    status: "completed",
    startDate: new Date("2025-02-10"),
    valueIdr: COMPLETED_VALUE,
  });
});

describe("active now vs the all-time total (issue 11 item 13)", () => {
  it("/statistik: the total minus the active card does not give the one completed contract", async () => {
    for (const filter of [{}, { province: "33" }]) {
      const o = await getStatisticsOverview(filter, "id", "public");
      expect(o.current.completed).toBeNull();
      const total = o.partnerships.scheme.totals;
      if (!total.suppressed && o.current.activeValueIdr !== null)
        expect(total.valueIdr! - o.current.activeValueIdr).not.toBe(COMPLETED_VALUE);
    }
    // ministry staff see both
    expect((await getStatisticsOverview({}, "id", "exact")).current).toEqual({ active: 4, activeValueIdr: 400_000_006n, completed: 1 });
  });

  it("API: the summary's active value and the partnerships total do not give it either", async () => {
    const s = await jsonOf<{
      activeAgreements: number | null;
      agreementValueIdr: number | null;
      completedAgreements: number | null;
      suppressed: string[];
    }>(await callRoute(summary, "GET", "/api/v1/stats/summary"));
    expect(s.completedAgreements).toBeNull();
    const p = await jsonOf<{ totals: { suppressed: boolean; valueIdr: number | null } }>(
      await callRoute(partnerships, "GET", "/api/v1/stats/partnerships?groupBy=scheme"),
    );
    if (!p.totals.suppressed && s.agreementValueIdr !== null)
      expect(p.totals.valueIdr! - s.agreementValueIdr).not.toBe(Number(COMPLETED_VALUE));
    if (s.activeAgreements === null) expect(s.suppressed).toContain("activeAgreements");
  });
});
