// Issue 11 item 11 (review): an extension and the deadline passing at the same moment. extendDeadline checks
// "not passed yet" under the RFQ's row lock, then writes the later deadline; until it commits, everyone else
// still reads the old deadline. A buyer reading its sealed RFQ's quotes in that window (the old deadline just
// passed) got every price, and then the RFQ was open again for another round: exactly what "a deadline is
// final once passed" forbids. The buyer's reads of quotes now wait for a running extension (FOR SHARE) and
// judge the deadline it leaves. PostgreSQL only: PGlite has a single connection, so there is no such window.
import { beforeAll, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

import { useTestDatabase, testBackend } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { createBuyer, createQuote, createRfq as createRfqRow, createUmkm } from "@/tests/helpers/factories";
import { getComparison, listRfqQuotes } from "@/lib/quotes/buyer-reads";
import { listClarifications } from "@/lib/rfqs/clarifications";
import { listRfqHistory } from "@/lib/rfqs/history";

const t = useTestDatabase();
let buyer: Awaited<ReturnType<typeof createBuyer>>;

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Pembeli Tergesa" });
});

it.skipIf(testBackend() === "pglite")(
  "a sealed RFQ being extended as its deadline passes: the buyer's quote reads wait and stay sealed",
  async () => {
    const rfq = await createRfqRow(t.db, buyer.organization.id, { sealed: true, status: "open", deadline: new Date(Date.now() - 500) });
    const supplier = await createUmkm(t.db, { name: "CV Harga Rahasia", verificationStatus: "verified" });
    await createQuote(t.db, rfq.id, supplier.organization.id, {});
    await t.db.clarification.create({ data: { rfqId: rfq.id, askedByOrgId: supplier.organization.id, question: "Boleh kirim bertahap?" } });
    const later = new Date(Date.now() + 7 * 24 * 3600 * 1000);

    // The extension, mid-flight: it checked the deadline just before it passed, locked the row, wrote the later one.
    await t.sql.query("BEGIN");
    await t.sql.query(`SELECT id FROM "Rfq" WHERE id = $1 FOR UPDATE`, [rfq.id]);
    await t.sql.query(`UPDATE "Rfq" SET deadline = $2 WHERE id = $1`, [rfq.id, later]);

    const actor = await actAs(buyer.owner);
    const reads = Promise.all([
      listRfqQuotes(actor, rfq.id),
      getComparison(actor, rfq.id),
      listClarifications(actor, rfq.id),
      listRfqHistory(actor, rfq.id),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    await t.sql.query("COMMIT");
    const [list, cmp, clarifications, history] = await reads;
    expect({ revealed: list.pricesRevealed, count: list.count, data: list.data.length }).toEqual({ revealed: false, count: 1, data: 0 });
    expect(cmp.suppliers).toEqual([]);
    expect(cmp.awardBlockedReason).toBe("sealed");
    expect(clarifications.map((c) => ({ askedBy: c.askedBy, withheld: c.askerWithheld }))).toEqual([{ askedBy: null, withheld: true }]);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: rfq.id } })).status).toBe("open"); // the history's closing pass waited too
    expect(history.filter((h) => h.action === "rfq.closed")).toEqual([]);
  },
);
