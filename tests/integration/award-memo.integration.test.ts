// The award memo (issue 17, item 8; lib/quotes/award-memo.ts, /rfq/[id]/bandingkan/memo): the comparison and
// the decision for the buyer's internal approval — who was awarded which lines and why (best evaluated value
// or not), when and by whom. Only the RFQ's buyer organization may read it.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { createBuyer, createOrganization, createQuote, createRfq, createUmkm } from "@/tests/helpers/factories";
import { loadSessionUser, pickMembership } from "@/lib/auth/session-user";
import type { Actor } from "@/lib/auth/types";
import { awardRfq } from "@/lib/quotes/awards";
import { getAwardMemo } from "@/lib/quotes/award-memo";

const t = useTestDatabase();
const actors: Record<string, Actor> = {};
let rfqId = "";
let cheapQuote = "";
let dearQuote = "";

async function actorOf(userId: string): Promise<Actor> {
  const user = await loadSessionUser(userId);
  return { user: user!, membership: pickMembership(user!, undefined), via: "session" };
}

beforeAll(async () => {
  const buyer = await createBuyer(t.db);
  actors.buyer = await actorOf(buyer.owner.id);
  actors.otherBuyer = await actorOf((await createBuyer(t.db)).owner.id);
  actors.ministry = await actorOf((await createOrganization(t.db, "ministry")).owner.id);
  const cheap = await createUmkm(t.db, { name: "UD Murah Meriah" });
  const dear = await createUmkm(t.db, { name: "CV Mahal Sekali" });
  actors.umkm = await actorOf(cheap.owner.id);
  const rfq = await createRfq(t.db, buyer.organization.id, { sealed: false });
  rfqId = rfq.id;
  const items = await t.db.rfqItem.findMany({ where: { rfqId } });
  const price = (p: bigint) => Object.fromEntries(items.map((i) => [i.id, p]));
  cheapQuote = (await createQuote(t.db, rfqId, cheap.organization.id, { unitPrices: price(90_000n) })).id;
  dearQuote = (await createQuote(t.db, rfqId, dear.organization.id, { unitPrices: price(120_000n) })).id;
});

describe("award memo", () => {
  it("before the decision: the comparison, no decision yet", async () => {
    const memo = await getAwardMemo(actors.buyer, rfqId);
    expect(memo.decisions).toEqual([]);
    expect(memo.suppliers.map((s) => s.supplier.name).sort()).toEqual(["CV Mahal Sekali", "UD Murah Meriah"]);
  });

  it("after the award: who won which lines, for how much, that it was not the best value, when and by whom", async () => {
    await awardRfq(actors.buyer, rfqId, { awards: [{ quoteId: dearQuote }] });
    const memo = await getAwardMemo(actors.buyer, rfqId);
    expect(memo.decisions).toHaveLength(1);
    const [d] = memo.decisions;
    expect(d.supplierName).toBe("CV Mahal Sekali");
    expect(d.quoteId).not.toBe(cheapQuote);
    expect(d.lines.length).toBeGreaterThan(0);
    expect(d.lines.every((l) => l.bestValue === false)).toBe(true);
    expect(d.amountIdr).toBe(memo.suppliers.find((s) => s.quoteId === dearQuote)!.column.totalIdr);
    expect(d.decidedBy).toEqual({ name: actors.buyer.user.name, role: "owner" });
    expect(d.decidedAt).toBeInstanceOf(Date);
    expect(d.agreementNumber).toMatch(/^RNT-/);
  });

  for (const who of ["otherBuyer", "umkm", "ministry", "anonymous"] as const) {
    it(`${who} cannot read it`, async () => {
      const err = await getAwardMemo(who === "anonymous" ? null : actors[who], rfqId).catch((e: { code?: string }) => e);
      expect(err).toMatchObject({ code: expect.stringMatching(/^(not_found|forbidden|unauthorized)$/) });
    });
  }
});
