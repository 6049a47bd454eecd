// The landing page's live figures and the reference-data counts on /tentang-data, against a real database.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { createAgreement, createBuyer, createRfq, createUmkm, hoursFromNow } from "@/tests/helpers/factories";
import { getPublicSummary, getReferenceDataSummary } from "@/lib/stats/public-summary";

const t = useTestDatabase();

describe("getPublicSummary", () => {
  it("is all zeros on a database with reference data only", async () => {
    const s = await getPublicSummary();
    expect(s).toMatchObject({
      umkmRegistered: 0,
      umkmVerified: 0,
      provincesCovered: 0,
      provincesTotal: 38,
      buyersVerified: 0,
      openRfqs: 0,
      activeAgreements: 0,
      activeAgreementValueIdr: 0n,
      completedAgreements: 0,
      umkmWithActiveAgreement: 0,
      umkmWithActiveAgreementShare: null,
    });
  });

  it("counts only what the definitions say, with exact bigint sums", async () => {
    // Verified UMKM in Central Java (33.75 Pekalongan, twice), Bali (51.71) and Papua (91.71); one pending
    // in Aceh (11.01) that must count as registered only.
    const pekalongan1 = await createUmkm(t.db, { regencyCode: "33.75" });
    const pekalongan2 = await createUmkm(t.db, { regencyCode: "33.75" });
    const denpasar = await createUmkm(t.db, { regencyCode: "51.71" });
    const jayapura = await createUmkm(t.db, { regencyCode: "91.71" });
    const pending = await createUmkm(t.db, { regencyCode: "11.01", verificationStatus: "pending" });

    const { organization: bumn } = await createBuyer(t.db, { isStateOwned: true });
    const { organization: unverifiedBuyer } = await createBuyer(t.db, { verificationStatus: "pending" });

    await createRfq(t.db, bumn.id); // open, deadline ahead
    await createRfq(t.db, bumn.id, { deadline: hoursFromNow(-1) }); // open but past its deadline
    await createRfq(t.db, bumn.id, { status: "draft" });
    await createRfq(t.db, unverifiedBuyer.id, { status: "closed" });

    // Values beyond 2^53 in total: the sum must stay exact.
    const big = 9_007_199_254_740_993n; // 2^53 + 1
    await createAgreement(t.db, bumn.id, pekalongan1.organization.id, { valueIdr: big });
    await createAgreement(t.db, bumn.id, pekalongan1.organization.id, { valueIdr: 7n });
    await createAgreement(t.db, bumn.id, denpasar.organization.id, { valueIdr: 100_000_000n, status: "completed" });
    await createAgreement(t.db, bumn.id, jayapura.organization.id, { valueIdr: 5_000_000n, status: "proposed" });
    // An active agreement with the pending UMKM as its supplier, or with the unverified buyer, counts nowhere
    // (issue 11 item 8: only agreements between a verified buyer and a verified supplying party).
    await createAgreement(t.db, bumn.id, pending.organization.id, { valueIdr: 1_000n });
    await createAgreement(t.db, unverifiedBuyer.id, pekalongan2.organization.id, { valueIdr: 3_000n });
    // pekalongan2 joins an active agreement as a consortium member (a party, not the supplier).
    const consortiumDeal = await createAgreement(t.db, bumn.id, denpasar.organization.id, { valueIdr: 2_000n, status: "active" });
    await t.db.agreementParty.create({
      data: { agreementId: consortiumDeal.id, organizationId: pekalongan2.organization.id, role: "consortium_member" },
    });

    const s = await getPublicSummary();
    expect(s.umkmRegistered).toBe(5);
    expect(s.umkmVerified).toBe(4);
    expect(s.provincesCovered).toBe(3); // 33, 51, 91 — not 11 (pending)
    expect(s.provincesTotal).toBe(38);
    expect(s.buyersVerified).toBe(1);
    expect(s.openRfqs).toBe(1);
    expect(s.activeAgreements).toBe(3);
    expect(s.activeAgreementValueIdr).toBe(big + 7n + 2_000n);
    expect(typeof s.activeAgreementValueIdr).toBe("bigint");
    expect(s.completedAgreements).toBe(1);
    // pekalongan1 (supplier), pekalongan2 (consortium member), denpasar (supplier of the consortium deal)
    expect(s.umkmWithActiveAgreement).toBe(3);
    expect(s.umkmWithActiveAgreementShare).toBeCloseTo(3 / 4);
    expect(s.asOf).toBeInstanceOf(Date);
  });
});

describe("getReferenceDataSummary", () => {
  it("reports the loaded regions and KBLI 2020 tree", async () => {
    const r = await getReferenceDataSummary();
    expect(r.provinces).toBe(38);
    expect(r.kabupaten).toBe(416);
    expect(r.kota).toBe(98);
    expect(r.kbliByLevel).toEqual([
      { level: 1, count: 21 },
      { level: 2, count: 88 },
      { level: 3, count: 245 },
      { level: 4, count: 567 },
      { level: 5, count: 1790 },
    ]);
    expect(r.kbliTotal).toBe(21 + 88 + 245 + 567 + 1790);
  });
});
