// Review of issue 11 item 13 (statistical disclosure), as an attacker who differences published figures:
// the "now" cards of /statistik per province against the national card, and the completed-with-open-
// milestones line of /statistik across periods that the public should only get as whole quarters.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { createAgreement, createBuyer, createUmkm } from "@/tests/helpers/factories";
import { resetStatsCaches } from "@/lib/stats/partnerships";
import { getStatisticsOverview } from "@/lib/stats/overview";

const t = useTestDatabase();
const SECRET = 777_000_123n;
const OPEN_SECRET = 555_000_321n;

// Central Java (33) and Bali (51): 3 UMKM each with one active agreement. Papua (91): 3 UMKM with agreements
// (so Papua is published in the all-time province table), only ONE of them active now, value SECRET.
// Completed with open milestones: 3 UMKM in Central Java, Jan 2026 (published), and one in Bali, Feb 2026,
// value OPEN_SECRET.
// one payment (days to pay known) per active agreement
const pay = (agreementId: string) =>
  t.db.payment.create({
    data: { agreementId, amountIdr: 1_000_000n, invoicedOn: new Date("2025-07-01"), paidOn: new Date("2025-07-21"), daysToPay: 20 },
  });

beforeAll(async () => {
  resetStatsCaches();
  const { organization: buyer } = await createBuyer(t.db);
  for (const [regency, n] of [
    ["33.75", 3],
    ["51.71", 3],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const u = await createUmkm(t.db, { regencyCode: regency });
      const ag = await createAgreement(t.db, buyer.id, u.organization.id, {
        startDate: new Date("2025-06-10"),
        valueIdr: 100_000_000n + BigInt(i),
      });
      await pay(ag.id);
    }
  }
  const papua = [];
  for (let i = 0; i < 3; i++) papua.push(await createUmkm(t.db, { regencyCode: "91.03" }));
  await pay((await createAgreement(t.db, buyer.id, papua[0].organization.id, { startDate: new Date("2025-06-10"), valueIdr: SECRET })).id);
  for (const p of papua.slice(1)) {
    await createAgreement(t.db, buyer.id, p.organization.id, {
      status: "completed",
      startDate: new Date("2025-03-10"),
      valueIdr: 20_000_000n,
    });
  }
  for (let i = 0; i < 3; i++) {
    const u = await createUmkm(t.db, { regencyCode: "33.75" });
    await createAgreement(t.db, buyer.id, u.organization.id, {
      status: "completed",
      completionReason: "Tahap 3 dibatalkan bersama",
      startDate: new Date("2026-01-10"),
      valueIdr: 10_000_000n,
    });
  }
  // moved up a size class (mikro → kecil) in 2025: 3 UMKM in Central Java, 3 in Bali, ONE in Papua
  for (const [regency, n] of [
    ["33.75", 3],
    ["51.71", 3],
    ["91.03", 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const u = await createUmkm(t.db, { regencyCode: regency });
      await t.db.sizeClassChange.create({
        data: { supplierId: u.organization.id, sizeClass: "mikro", basis: "annual_sales", effectiveAt: new Date("2025-01-05") },
      });
      await t.db.sizeClassChange.create({
        data: { supplierId: u.organization.id, sizeClass: "kecil", basis: "annual_sales", effectiveAt: new Date("2025-07-05") },
      });
    }
  }
  const lone = await createUmkm(t.db, { regencyCode: "51.71" });
  await createAgreement(t.db, buyer.id, lone.organization.id, {
    status: "completed",
    completionReason: "Tahap 3 dibatalkan bersama",
    startDate: new Date("2026-02-10"),
    valueIdr: OPEN_SECRET,
  });
});

describe("differencing the /statistik 'now' cards (issue 11 item 13)", () => {
  it("national active value minus the published provinces does not give Papua's one active contract", async () => {
    const national = await getStatisticsOverview({}, "id", "public");
    expect(national.current.active).toBe(7);
    const byProvince = await Promise.all(["33", "51", "91"].map((p) => getStatisticsOverview({ province: p }, "id", "public")));
    const papua = byProvince[2];
    expect(papua.current.activeValueIdr).toBeNull();
    const published = byProvince.filter((o) => o.current.activeValueIdr !== null);
    const rest = national.current.activeValueIdr! - published.reduce((n, o) => n + o.current.activeValueIdr!, 0n);
    const restCount = national.current.active! - published.reduce((n, o) => n + o.current.active!, 0);
    expect(rest === SECRET && restCount === 1).toBe(false);
    // nor the count of UMKM in a supply chain (national 7 minus 3 and 3)
    const chainRest =
      national.supplyChain.umkmWithActiveAgreement! - byProvince.reduce((n, o) => n + (o.supplyChain.umkmWithActiveAgreement ?? 0), 0);
    expect(byProvince.filter((o) => o.supplyChain.suppressed).length === 1 && chainRest === 1).toBe(false);
    // ministry staff still see Papua exactly
    expect((await getStatisticsOverview({ province: "91" }, "id", "exact")).current.activeValueIdr).toBe(SECRET);
  });
});

describe("differencing the days-to-pay card's payment count (issue 11 item 13)", () => {
  it("national minus the published provinces does not give Papua's one payment", async () => {
    const national = await getStatisticsOverview({}, "id", "public");
    expect(national.daysToPay.payments).toBe(7);
    const parts = await Promise.all(["33", "51", "91"].map((p) => getStatisticsOverview({ province: p }, "id", "public")));
    expect(parts[2].daysToPay.payments).toBeNull();
    const rest = national.daysToPay.payments! - parts.reduce((n, o) => n + (o.daysToPay.payments ?? 0), 0);
    expect(parts.filter((o) => o.daysToPay.payments === null).length === 1 && rest === 1).toBe(false);
  });
});

describe("differencing the 'moved up a size class' card (issue 11 item 13)", () => {
  it("national minus the published provinces does not give Papua's one UMKM", async () => {
    const national = await getStatisticsOverview({}, "id", "public");
    const parts = await Promise.all(["33", "51", "91"].map((p) => getStatisticsOverview({ province: p }, "id", "public")));
    expect(parts[2].movedUp).toBeNull();
    const published = parts.filter((o) => o.movedUp !== null);
    expect(national.movedUp === null || national.movedUp - published.reduce((n, o) => n + o.movedUp!, 0) !== 1).toBe(true);
    expect((await getStatisticsOverview({ province: "91" }, "id", "exact")).movedUp).toBe(1);
  });
});

describe("the completed-with-open-milestones line (issue 11 items 13 and 16)", () => {
  // Before: the page computed this line from the raw filter (months, not quarters) with only the primary
  // rule: Jan–Feb (4 UMKM) minus Jan (3 UMKM) gave Bali's February contract; so did national minus provinces.
  it("the public gets the national, all-period figure whatever the filter: no month or province differencing", async () => {
    const national = (await getStatisticsOverview({}, "id", "public")).completedOpen;
    expect(national).toEqual({ agreements: 4, valueIdr: 30_000_000n + OPEN_SECRET, suppressed: false, scope: "national" });
    for (const filter of [
      { from: "2026-01", to: "2026-01" },
      { from: "2026-01", to: "2026-02" },
      { from: "2026-02" },
      { province: "51" },
      { province: "33" },
      { kbliSection: "C" },
    ]) {
      expect((await getStatisticsOverview(filter, "id", "public")).completedOpen).toEqual(national);
    }
  });

  it("ministry staff get it for the filter, exactly", async () => {
    expect((await getStatisticsOverview({ province: "51" }, "id", "exact")).completedOpen).toEqual({
      agreements: 1,
      valueIdr: OPEN_SECRET,
      suppressed: false,
      scope: "filter",
    });
    expect((await getStatisticsOverview({ from: "2026-01", to: "2026-01" }, "id", "exact")).completedOpen).toMatchObject({ agreements: 3 });
  });
});
