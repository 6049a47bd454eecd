// Review of issue 11 item 8 (verification means something), as a gamer: a buyer whose verification was
// taken back after it published an RFQ must not award it (award decides other organizations' quotes and
// drafts agreements for them), and ratings from agreements whose buyer or supplying party is no longer
// verified must not dress up a track record.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createQuote, createRfq, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as awardRoute } from "@/app/api/v1/rfqs/[id]/award/route";
import { POST as ratingsRoute } from "@/app/api/v1/agreements/[id]/ratings/route";
import { getTrackRecord } from "@/lib/agreements/track-record";

const t = useTestDatabase();
let umkmA: Awaited<ReturnType<typeof createUmkm>>;
let umkmB: Awaited<ReturnType<typeof createUmkm>>;

beforeAll(async () => {
  umkmA = await createUmkm(t.db);
  umkmB = await createUmkm(t.db);
});

describe("award by a buyer that is no longer verified (item 8)", () => {
  it("is 403 verification_required; no agreement, no quote decided, no notification", async () => {
    const buyer = await createBuyer(t.db);
    const token = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
    const rfq = await createRfq(t.db, buyer.organization.id, {
      items: [{ name: "Kain batik cap", quantity: 100, unit: "lembar", targetUnitPriceIdr: 150_000n }],
    });
    const qa = await createQuote(t.db, rfq.id, umkmA.organization.id);
    const qb = await createQuote(t.db, rfq.id, umkmB.organization.id);
    // published while verified; the verification is returned afterwards
    await t.db.organization.update({ where: { id: buyer.organization.id }, data: { verificationStatus: "returned" } });
    const notificationsBefore = await t.db.notification.count();
    const res = await callRoute(awardRoute, "POST", `/api/v1/rfqs/${rfq.id}/award`, {
      token,
      body: { awards: [{ quoteId: qa.id }] },
      params: { id: rfq.id },
    });
    expect(res.status).toBe(403);
    expect(((await jsonOf(res)) as { error: { code: string } }).error.code).toBe("verification_required");
    expect(await t.db.agreement.count({ where: { rfqId: rfq.id } })).toBe(0);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).status).toBe("open");
    expect((await t.db.quote.findMany({ where: { id: { in: [qa.id, qb.id] } }, select: { status: true } })).map((q) => q.status)).toEqual([
      "submitted",
      "submitted",
    ]);
    expect(await t.db.notification.count()).toBe(notificationsBefore);
  });
});

describe("ratings in the track record follow the verified-parties rule (item 8)", () => {
  it("a rating from an agreement whose buyer is no longer verified does not count", async () => {
    const buyer = await createBuyer(t.db);
    const token = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
    const umkm = await createUmkm(t.db);
    const ag = await createAgreement(t.db, buyer.organization.id, umkm.organization.id, { status: "completed" });
    const res = await callRoute(ratingsRoute, "POST", `/api/v1/agreements/${ag.id}/ratings`, {
      token,
      body: { score: 5 },
      params: { id: ag.id },
    });
    expect(res.status).toBe(201);
    expect(await getTrackRecord(umkm.organization.id)).toMatchObject({ completedAgreements: 1, ratings: 1, averageRating: 5 });
    await t.db.organization.update({ where: { id: buyer.organization.id }, data: { verificationStatus: "returned" } });
    expect(await getTrackRecord(umkm.organization.id)).toMatchObject({ completedAgreements: 0, ratings: 0, averageRating: null });
  });
});
