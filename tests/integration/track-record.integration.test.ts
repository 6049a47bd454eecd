// The UMKM track record matching scores ("SupplierTrackRecord", kept by triggers of migration
// *_supplier_track_record) against an independent count: after every kind of write — an agreement becoming
// active, completed or terminated, a consortium member joining, deliveries recorded, rejected, re-timed and
// deleted, a lead changed, a draft with deliveries, an agreement deleted — the table equals what plain
// TypeScript counts from the agreements, parties and deliveries themselves. Deliveries recorded at the same
// moment for one UMKM are all counted, and stats_rebuild() rebuilds the same rows.
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { testBackend, useTestDatabase } from "@/tests/helpers/db";
import { createAgreement, createBuyer, createUmkm, dateInDays } from "@/tests/helpers/factories";
import { getTrackRecord } from "@/lib/agreements/track-record";

const t = useTestDatabase();

const COUNTED = new Set(["active", "completed", "terminated"]);

/** What the table should hold, counted in TypeScript from the source rows (UMKM with a record only). */
async function expected(): Promise<Record<string, { completedAgreements: number; deliveries: number; onTimeDeliveries: number }>> {
  const umkm = new Set((await t.db.supplierProfile.findMany({ select: { organizationId: true } })).map((p) => p.organizationId));
  const verified = new Set(
    (await t.db.organization.findMany({ where: { verificationStatus: "verified" }, select: { id: true } })).map((o) => o.id),
  );
  const agreements = await t.db.agreement.findMany({
    select: {
      id: true,
      status: true,
      buyerId: true,
      supplierId: true,
      parties: { select: { organizationId: true } },
      deliveries: { select: { status: true, onTime: true } },
    },
  });
  const out: Record<string, { completedAgreements: number; deliveries: number; onTimeDeliveries: number }> = {};
  for (const a of agreements) {
    if (!COUNTED.has(a.status)) continue;
    // issue 11: only agreements whose buyer and supplying party are verified, only deliveries the buyer accepted
    if (!verified.has(a.buyerId) || !verified.has(a.supplierId)) continue;
    const orgs = new Set([a.supplierId, ...a.parties.map((p) => p.organizationId)]);
    const kept = a.deliveries.filter((d) => d.status === "accepted");
    for (const org of orgs) {
      if (!umkm.has(org)) continue;
      const r = (out[org] ??= { completedAgreements: 0, deliveries: 0, onTimeDeliveries: 0 });
      if (a.status === "completed") r.completedAgreements += 1;
      r.deliveries += kept.length;
      r.onTimeDeliveries += kept.filter((d) => d.onTime).length;
    }
  }
  return out;
}

async function actual() {
  const rows = await t.db.supplierTrackRecord.findMany();
  return Object.fromEntries(rows.map(({ supplierId, ...r }) => [supplierId, r]));
}

async function expectConsistent() {
  expect(await actual()).toEqual(await expected());
}

async function expectRebuildEqual() {
  const incremental = await actual();
  await t.sql.query(`SELECT stats_rebuild()`);
  expect(await actual()).toEqual(incremental);
}

let buyer: Awaited<ReturnType<typeof createBuyer>>;
let a: Awaited<ReturnType<typeof createUmkm>>;
let b: Awaited<ReturnType<typeof createUmkm>>;
let c: Awaited<ReturnType<typeof createUmkm>>;

const delivery = (agreementId: string, o: { onTime?: boolean; status?: "pending_review" | "accepted" | "rejected" } = {}) =>
  t.db.delivery.create({
    data: { agreementId, quantity: 100, deliveredOn: dateInDays(-3), onTime: o.onTime ?? true, status: o.status ?? "accepted" },
  });

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Pembeli Rekam Jejak" });
  a = await createUmkm(t.db, { name: "CV Rekam Jejak A" });
  b = await createUmkm(t.db, { name: "UD Rekam Jejak B" });
  c = await createUmkm(t.db, { name: "UD Rekam Jejak C" });
});

describe("SupplierTrackRecord", () => {
  it("starts empty and ignores drafts, even with deliveries", async () => {
    expect(await actual()).toEqual({});
    const draft = await createAgreement(t.db, buyer.organization.id, a.organization.id, { status: "draft" });
    await delivery(draft.id);
    expect(await actual()).toEqual({});
    await expectConsistent();
  });

  it("follows an agreement through its life: active, deliveries, completed, a member joining, terminated", async () => {
    const ag = await createAgreement(t.db, buyer.organization.id, a.organization.id, { status: "proposed" });
    expect(await actual()).toEqual({});
    await t.db.agreement.update({ where: { id: ag.id }, data: { status: "active" } });
    expect((await actual())[a.organization.id]).toEqual({ completedAgreements: 0, deliveries: 0, onTimeDeliveries: 0 });

    const late = await delivery(ag.id, { onTime: false });
    await delivery(ag.id);
    await delivery(ag.id, { status: "rejected" });
    expect((await actual())[a.organization.id]).toEqual({ completedAgreements: 0, deliveries: 2, onTimeDeliveries: 1 });

    // a consortium member added to the active agreement shares its record
    await t.db.agreementParty.create({ data: { agreementId: ag.id, organizationId: b.organization.id, role: "consortium_member" } });
    expect((await actual())[b.organization.id]).toEqual({ completedAgreements: 0, deliveries: 2, onTimeDeliveries: 1 });

    // re-timed, then rejected, then deleted deliveries
    await t.db.delivery.update({ where: { id: late.id }, data: { onTime: true } });
    expect((await actual())[a.organization.id]).toMatchObject({ deliveries: 2, onTimeDeliveries: 2 });
    await t.db.delivery.update({ where: { id: late.id }, data: { status: "rejected" } });
    expect((await actual())[a.organization.id]).toMatchObject({ deliveries: 1, onTimeDeliveries: 1 });
    await t.db.delivery.delete({ where: { id: late.id } });
    await expectConsistent();

    await t.db.agreement.update({ where: { id: ag.id }, data: { status: "completed" } });
    expect((await actual())[a.organization.id]).toEqual({ completedAgreements: 1, deliveries: 1, onTimeDeliveries: 1 });
    expect((await actual())[b.organization.id]).toEqual({ completedAgreements: 1, deliveries: 1, onTimeDeliveries: 1 });

    const other = await createAgreement(t.db, buyer.organization.id, b.organization.id, { status: "active" });
    await delivery(other.id, { onTime: false });
    await t.db.agreement.update({ where: { id: other.id }, data: { status: "terminated" } });
    expect((await actual())[b.organization.id]).toEqual({ completedAgreements: 1, deliveries: 2, onTimeDeliveries: 1 });
    await expectConsistent();
  });

  it("moves the record when the lead changes, and drops it when the agreement or the party goes", async () => {
    const ag = await createAgreement(t.db, buyer.organization.id, c.organization.id, { status: "completed" });
    await delivery(ag.id);
    expect((await actual())[c.organization.id]).toEqual({ completedAgreements: 1, deliveries: 1, onTimeDeliveries: 1 });
    // the supplier party row moves with the lead, as the agreements service does
    await t.db.$transaction([
      t.db.agreement.update({ where: { id: ag.id }, data: { supplierId: a.organization.id } }),
      t.db.agreementParty.updateMany({
        where: { agreementId: ag.id, organizationId: c.organization.id },
        data: { organizationId: a.organization.id },
      }),
    ]);
    expect((await actual())[c.organization.id]).toBeUndefined();
    expect((await actual())[a.organization.id]).toEqual({ completedAgreements: 2, deliveries: 2, onTimeDeliveries: 2 });
    await expectConsistent();

    await t.db.agreementParty.deleteMany({ where: { organizationId: b.organization.id, role: "consortium_member" } });
    await expectConsistent();
    await t.db.agreement.delete({ where: { id: ag.id } });
    expect((await actual())[a.organization.id]).toEqual({ completedAgreements: 1, deliveries: 1, onTimeDeliveries: 1 });
    await expectConsistent();
  });

  // Concurrent on PostgreSQL (PGlite has one connection, so there they run one after the other).
  it("counts every one of several deliveries recorded at the same moment for one UMKM", async () => {
    const agreements = await Promise.all(
      [1, 2, 3].map(() => createAgreement(t.db, buyer.organization.id, c.organization.id, { status: "active" })),
    );
    await Promise.all(
      agreements.flatMap((ag) =>
        [0, 1].map((i) =>
          t.db.$transaction(async (tx) =>
            tx.delivery.create({
              data: { agreementId: ag.id, quantity: 10, deliveredOn: dateInDays(-1), onTime: i === 0, status: "accepted" },
            }),
          ),
        ),
      ),
    );
    expect((await actual())[c.organization.id]).toEqual({ completedAgreements: 0, deliveries: 6, onTimeDeliveries: 3 });
    await expectConsistent();
  });

  it.runIf(testBackend() === "postgres")(
    "activating an agreement does not wait for the UMKM's profile row, which an edit of the profile may hold",
    async () => {
      // Profile edits lock the profile and then, through the statistics triggers, the supplier's statistics row;
      // a status change locks them the other way round. The recount must not take the profile's lock, or the two
      // deadlock (one of them fails).
      const ag = await createAgreement(t.db, buyer.organization.id, b.organization.id, { status: "proposed" });
      const editor = new pg.Client({ connectionString: t.url! });
      const activator = new pg.Client({ connectionString: t.url! });
      await Promise.all([editor.connect(), activator.connect()]);
      try {
        await editor.query("BEGIN");
        await editor.query(`SELECT 1 FROM "SupplierProfile" WHERE "organizationId" = $1 FOR UPDATE`, [b.organization.id]);
        await activator.query("SET statement_timeout = '5s'");
        await activator.query(`UPDATE "Agreement" SET status = 'active', "activatedAt" = now() WHERE id = $1`, [ag.id]);
      } finally {
        await editor.query("ROLLBACK").catch(() => undefined);
        await Promise.all([editor.end(), activator.end()]);
      }
      await expectConsistent();
    },
  );

  it.runIf(testBackend() === "postgres")("counts a member added while another transaction activates the agreement", async () => {
    const ag = await createAgreement(t.db, buyer.organization.id, a.organization.id, { status: "proposed" });
    await delivery(ag.id);
    const activator = new pg.Client({ connectionString: t.url! });
    const adder = new pg.Client({ connectionString: t.url! });
    await Promise.all([activator.connect(), adder.connect()]);
    try {
      await activator.query("BEGIN");
      await activator.query(`UPDATE "Agreement" SET status = 'active', "activatedAt" = now() WHERE id = $1`, [ag.id]);
      // the activation's recount cannot see this member; the member's own trigger must wait for the activation
      const adding = adder.query(
        `INSERT INTO "AgreementParty" (id, "agreementId", "organizationId", role) VALUES ($1, $2, $3, 'consortium_member')`,
        [`tr-party-${ag.id}`, ag.id, c.organization.id],
      );
      await new Promise((r) => setTimeout(r, 300));
      await activator.query("COMMIT");
      await adding;
    } finally {
      await Promise.all([activator.end(), adder.end()]);
    }
    await expectConsistent();
  });

  it("counts a delivery only once the buyer accepts it (issue 11 item 10)", async () => {
    const ag = await createAgreement(t.db, buyer.organization.id, c.organization.id, { status: "active" });
    const before = (await actual())[c.organization.id];
    const shownBefore = await getTrackRecord(c.organization.id); // what the agreement page shows the buyer
    const recorded = await delivery(ag.id, { status: "pending_review" });
    expect((await actual())[c.organization.id]).toEqual(before);
    expect((await getTrackRecord(c.organization.id)).deliveries).toBe(shownBefore.deliveries);
    await t.db.delivery.update({ where: { id: recorded.id }, data: { status: "accepted" } });
    expect((await actual())[c.organization.id]).toEqual({
      ...before,
      deliveries: before.deliveries + 1,
      onTimeDeliveries: before.onTimeDeliveries + 1,
    });
    expect((await getTrackRecord(c.organization.id)).deliveries).toBe(shownBefore.deliveries + 1);
    const refused = await delivery(ag.id, { status: "pending_review", onTime: false });
    await t.db.delivery.update({ where: { id: refused.id }, data: { status: "rejected" } });
    expect((await actual())[c.organization.id]).toEqual({
      ...before,
      deliveries: before.deliveries + 1,
      onTimeDeliveries: before.onTimeDeliveries + 1,
    });
    await expectConsistent();
    await expectRebuildEqual();
  });

  it("counts only agreements whose buyer and supplying party are verified, following verification both ways (issue 11 item 8)", async () => {
    const pendingBuyer = await createBuyer(t.db, { name: "PT Pembeli Belum Terverifikasi", verificationStatus: "pending" });
    const lead = await createUmkm(t.db, { name: "CV Pemimpin Konsorsium", verificationStatus: "pending" });
    const member = await createUmkm(t.db, { name: "UD Anggota Konsorsium" });
    const fromPendingBuyer = await createAgreement(t.db, pendingBuyer.organization.id, member.organization.id, { status: "completed" });
    await delivery(fromPendingBuyer.id);
    const ledByPending = await createAgreement(t.db, buyer.organization.id, lead.organization.id, { status: "active" });
    await t.db.agreementParty.create({
      data: { agreementId: ledByPending.id, organizationId: member.organization.id, role: "consortium_member" },
    });
    await delivery(ledByPending.id);
    expect((await actual())[member.organization.id]).toBeUndefined();
    expect((await actual())[lead.organization.id]).toBeUndefined();
    expect(await getTrackRecord(lead.organization.id)).toMatchObject({ activeAgreements: 0, deliveries: 0 });
    expect(await getTrackRecord(member.organization.id)).toMatchObject({ completedAgreements: 0, activeAgreements: 0 });
    await expectConsistent();
    await expectRebuildEqual();

    // the buyer is verified: its completed agreement counts for the UMKM
    await t.db.organization.update({ where: { id: pendingBuyer.organization.id }, data: { verificationStatus: "verified" } });
    expect((await actual())[member.organization.id]).toEqual({ completedAgreements: 1, deliveries: 1, onTimeDeliveries: 1 });
    // the consortium lead is verified: the member shares the lead's agreement; the member's own status never gated it
    await t.db.organization.update({ where: { id: lead.organization.id }, data: { verificationStatus: "verified" } });
    expect((await actual())[member.organization.id]).toEqual({ completedAgreements: 1, deliveries: 2, onTimeDeliveries: 2 });
    expect((await actual())[lead.organization.id]).toEqual({ completedAgreements: 0, deliveries: 1, onTimeDeliveries: 1 });
    expect(await getTrackRecord(lead.organization.id)).toMatchObject({ activeAgreements: 1, deliveries: 1 });
    expect(await getTrackRecord(member.organization.id)).toMatchObject({ completedAgreements: 1, activeAgreements: 1 });
    await expectConsistent();
    await expectRebuildEqual();

    // withdrawn again (returned by the platform): gone from both
    await t.db.organization.update({ where: { id: lead.organization.id }, data: { verificationStatus: "returned" } });
    expect((await actual())[lead.organization.id]).toBeUndefined();
    expect(await getTrackRecord(lead.organization.id)).toMatchObject({ activeAgreements: 0, deliveries: 0 });
    expect((await actual())[member.organization.id]).toEqual({ completedAgreements: 1, deliveries: 1, onTimeDeliveries: 1 });
    await t.db.organization.update({ where: { id: pendingBuyer.organization.id }, data: { verificationStatus: "pending" } });
    expect((await actual())[member.organization.id]).toBeUndefined();
    await expectConsistent();
    await expectRebuildEqual();
  });

  it("is rebuilt identically by stats_rebuild()", async () => {
    const before = await actual();
    await t.sql.query(`DELETE FROM "SupplierTrackRecord"`);
    await t.sql.query(`SELECT stats_rebuild()`);
    expect(await actual()).toEqual(before);
  });
});
