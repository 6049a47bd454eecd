// The /kemitraan server actions on a real database: a form creates a draft (blank milestone rows ignored),
// bad input comes back with translated field errors and writes nothing, a stale amendment says which
// version is current, and concurrent writers cannot overwrite each other (two amendments of one version:
// one wins, one conflicts; two parties accepting at the same moment: the agreement becomes active).
// "Sebagai konsorsium": a buyer is offered only the consortia it formed for its own RFQs and the chosen
// partner leads; picking one makes every member a party with its share; another buyer's consortium is
// refused with a field error and writes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { createBuyer, createOrganization, createRfq, createUmkm } from "@/tests/helpers/factories";
import { acceptAgreementAction, amendAgreementAction, createAgreementAction, recordDeliveryAction } from "@/lib/agreements/actions";
import { acceptAgreement } from "@/lib/agreements/lifecycle";
import { amendAgreement, consortiumChoices, createAgreement } from "@/lib/agreements/proposals";
import { getAgreement } from "@/lib/agreements/queries";

const t = useTestDatabase();

let buyer: Awaited<ReturnType<typeof createBuyer>>;
let umkm: Awaited<ReturnType<typeof createUmkm>>;
let ministry: Awaited<ReturnType<typeof createOrganization>>;

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

const valid = () => ({
  title: "Pasokan gula aren cetak 2027",
  scheme: "inti_plasma",
  valueIdr: "84.000.000",
  startDate: "2027-01-04",
  endDate: "2027-12-20",
  terms: "Mutu SNI; pembayaran 14 hari.",
  "milestones.0.title": "Triwulan I",
  "milestones.0.quantity": "2000",
  "milestones.0.unit": "kg",
  "milestones.0.dueDate": "2027-03-31",
  "milestones.0.amountIdr": "42000000",
  "milestones.0.paymentTermDays": "14",
  "milestones.1.title": "",
  "milestones.1.quantity": "",
  "milestones.1.unit": "",
  "milestones.1.dueDate": "",
  "milestones.1.amountIdr": "",
  "milestones.1.paymentTermDays": "",
});

beforeAll(async () => {
  buyer = await createBuyer(t.db);
  umkm = await createUmkm(t.db, { verificationStatus: "verified" });
  ministry = await createOrganization(t.db, "ministry");
});

describe("forms", () => {
  it("a buyer's form creates a draft with the partner as supplier and only the filled milestone rows", async () => {
    await actAs(buyer.owner);
    await expect(createAgreementAction(undefined, form({ ...valid(), counterpartyId: umkm.organization.id }))).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
    const a = await t.db.agreement.findFirstOrThrow({
      where: { title: "Pasokan gula aren cetak 2027" },
      include: { milestones: true, parties: true, versions: true },
    });
    expect(a).toMatchObject({
      buyerId: buyer.organization.id,
      supplierId: umkm.organization.id,
      scheme: "inti_plasma",
      valueIdr: 84_000_000n,
      status: "draft",
      version: 1,
    });
    expect(a.milestones).toHaveLength(1);
    expect(a.versions).toHaveLength(1);
    expect(await t.db.auditLog.count({ where: { action: "agreement.created", entityId: a.id } })).toBe(1);
  });

  it("refuses an invalid scheme, an end before the start and fractional Rupiah with translated field errors, writing nothing", async () => {
    await actAs(umkm.owner);
    const before = await t.db.agreement.count();
    const r = await createAgreementAction(
      undefined,
      form({ ...valid(), counterpartyId: buyer.organization.id, scheme: "borongan", valueIdr: "84.000.000,50" }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields?.scheme).toEqual(["Pilih salah satu dari sepuluh pola kemitraan PP 7/2021."]);
    expect(r.error.fields?.valueIdr?.[0]).toMatch(/bilangan bulat/);
    const dates = await createAgreementAction(
      undefined,
      form({ ...valid(), counterpartyId: buyer.organization.id, endDate: "2026-12-31" }),
    );
    expect(dates).toMatchObject({ ok: false, error: { fields: { endDate: ["Tanggal selesai tidak boleh sebelum tanggal mulai."] } } });
    expect(await t.db.agreement.count()).toBe(before);
  });

  it("ministry staff cannot write, and nobody can pick another organization's counterparty on both sides", async () => {
    await actAs(ministry.owner);
    const r = await createAgreementAction(undefined, form({ ...valid(), counterpartyId: umkm.organization.id }));
    expect(r).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await actAs(buyer.owner);
    const other = await createBuyer(t.db);
    const wrong = await createAgreementAction(undefined, form({ ...valid(), counterpartyId: other.organization.id }));
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { counterpartyId: [expect.stringMatching(/tidak ada di Rantai/)] } },
    });
  });

  it("a stale amendment says which version is current and changes nothing", async () => {
    const actor = await actAs(buyer.owner);
    const a = await createAgreement(actor, {
      title: "Perjanjian untuk diubah",
      scheme: "subkontrak",
      buyerOrgId: buyer.organization.id,
      supplierOrgId: umkm.organization.id,
      valueIdr: 10_000_000n,
      startDate: new Date("2027-01-01"),
      endDate: new Date("2027-06-30"),
    });
    await amendAgreement(await actAs(umkm.owner), a.id, { version: 1, valueIdr: 12_000_000n });
    await actAs(buyer.owner);
    const r = await amendAgreementAction(undefined, form({ ...valid(), id: a.id, version: "1", title: "Judul pembeli" }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "Seseorang telah mengubah perjanjian ini. Muat ulang untuk melihat versi 2." },
      currentVersion: 2,
    });
    expect(await t.db.agreement.findUniqueOrThrow({ where: { id: a.id }, select: { version: true, title: true, valueIdr: true } })).toEqual(
      { version: 2, title: "Perjanjian untuk diubah", valueIdr: 12_000_000n },
    );
    // accepting a version that is no longer current is refused the same way
    const acc = await acceptAgreementAction({ id: a.id, version: 1 });
    expect(acc).toMatchObject({ ok: false, error: { code: "conflict" }, currentVersion: 2 });
    expect(await t.db.agreementAcceptance.count({ where: { agreementId: a.id } })).toBe(0);
  });

  it("deliveries are refused until the agreement is active", async () => {
    const actor = await actAs(buyer.owner);
    const a = await createAgreement(actor, {
      title: "Belum aktif",
      scheme: "subkontrak",
      buyerOrgId: buyer.organization.id,
      supplierOrgId: umkm.organization.id,
      valueIdr: 10_000_000n,
      startDate: new Date("2026-01-01"),
      endDate: new Date("2026-06-30"),
    });
    const r = await recordDeliveryAction(undefined, form({ id: a.id, quantity: "10", deliveredOn: "2026-02-01" }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "Pengiriman dan pembayaran hanya dicatat pada perjanjian yang aktif." },
    });
    expect(await t.db.delivery.count({ where: { agreementId: a.id } })).toBe(0);
  });
});

describe("concurrent writers", () => {
  it("two amendments of the same version: exactly one is saved, the other is a conflict", async () => {
    const buyerActor = await actAs(buyer.owner);
    const umkmActor = await actAs(umkm.owner);
    const a = await createAgreement(buyerActor, {
      title: "Dua penyunting",
      scheme: "rantai_pasok",
      buyerOrgId: buyer.organization.id,
      supplierOrgId: umkm.organization.id,
      valueIdr: 20_000_000n,
      startDate: new Date("2027-01-01"),
      endDate: new Date("2027-06-30"),
    });
    const results = await Promise.allSettled([
      amendAgreement(buyerActor, a.id, { version: 1, title: "Versi pembeli" }),
      amendAgreement(umkmActor, a.id, { version: 1, title: "Versi pemasok" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict", messageKey: "agreements.errors.stale" });
    const row = await t.db.agreement.findUniqueOrThrow({ where: { id: a.id }, select: { version: true, title: true } });
    expect(row.version).toBe(2);
    expect(["Versi pembeli", "Versi pemasok"]).toContain(row.title);
    expect(await t.db.agreementVersion.count({ where: { agreementId: a.id } })).toBe(2);
  });

  it("both parties accepting at the same moment make it active", async () => {
    const buyerActor = await actAs(buyer.owner);
    const umkmActor = await actAs(umkm.owner);
    const a = await createAgreement(buyerActor, {
      title: "Setuju bersamaan",
      scheme: "rantai_pasok",
      buyerOrgId: buyer.organization.id,
      supplierOrgId: umkm.organization.id,
      valueIdr: 20_000_000n,
      startDate: new Date("2027-01-01"),
      endDate: new Date("2027-06-30"),
    });
    await Promise.all([
      acceptAgreement(buyerActor, a.id, { version: 1, declareNoControl: true }),
      acceptAgreement(umkmActor, a.id, { version: 1 }),
    ]);
    expect(await t.db.agreement.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })).toEqual({ status: "active" });
  });
});

describe("a consortium on the form", () => {
  let otherBuyer: Awaited<ReturnType<typeof createBuyer>>;
  let lead: Awaited<ReturnType<typeof createUmkm>>,
    member: Awaited<ReturnType<typeof createUmkm>>,
    third: Awaited<ReturnType<typeof createUmkm>>;
  let own: { id: string }, foreign: { id: string }, ownLedByOther: { id: string }, noRfq: { id: string };
  let ownRfqTitle: string;

  const consortium = (rfqId: string | null, leadId: string, name: string, shares: [string, number, string][]) =>
    t.db.consortium.create({
      data: {
        rfqId,
        name,
        leadId,
        members: { create: shares.map(([supplierId, shareQuantity, sharePercent]) => ({ supplierId, shareQuantity, sharePercent })) },
      },
      select: { id: true },
    });

  beforeAll(async () => {
    otherBuyer = await createBuyer(t.db);
    lead = await createUmkm(t.db, { verificationStatus: "verified" });
    member = await createUmkm(t.db, { verificationStatus: "verified" });
    third = await createUmkm(t.db, { verificationStatus: "verified" });
    const ownRfq = await createRfq(t.db, buyer.organization.id);
    ownRfqTitle = ownRfq.title;
    const foreignRfq = await createRfq(t.db, otherBuyer.organization.id);
    own = await consortium(ownRfq.id, lead.organization.id, "Konsorsium Batik Pesisir", [
      [member.organization.id, 3000, "33.33"],
      [lead.organization.id, 6000, "66.67"],
    ]);
    // The same lead, in a consortium another buyer formed for its own RFQ.
    foreign = await consortium(foreignRfq.id, lead.organization.id, "Konsorsium Pembeli Lain", [
      [lead.organization.id, 500, "50"],
      [third.organization.id, 500, "50"],
    ]);
    ownLedByOther = await consortium(ownRfq.id, third.organization.id, "Konsorsium Lain di RFQ Sendiri", [
      [third.organization.id, 500, "50"],
      [member.organization.id, 500, "50"],
    ]);
    noRfq = await consortium(null, lead.organization.id, "Konsorsium Tanpa RFQ", [
      [lead.organization.id, 500, "50"],
      [member.organization.id, 500, "50"],
    ]);
  });

  it("offers a buyer only the consortia its organization formed that the partner leads, lead first with shares", async () => {
    const buyerActor = await actAs(buyer.owner);
    const choices = await consortiumChoices(buyerActor, [lead.organization.id]);
    expect(choices.map((c) => c.id)).toEqual([own.id]);
    expect(choices[0]).toMatchObject({
      name: "Konsorsium Batik Pesisir",
      leadId: lead.organization.id,
      rfq: { title: ownRfqTitle },
      members: [
        { organizationId: lead.organization.id, name: lead.organization.name, shareQuantity: 6000, sharePercent: "66.67" },
        { organizationId: member.organization.id, name: member.organization.name, shareQuantity: 3000, sharePercent: "33.33" },
      ],
    });
    expect((await consortiumChoices(buyerActor, [lead.organization.id, third.organization.id])).map((c) => c.id).sort()).toEqual(
      [own.id, ownLedByOther.id].sort(),
    );
    // The other buyer sees its own consortium with that lead, never the first buyer's.
    expect((await consortiumChoices(await actAs(otherBuyer.owner), [lead.organization.id])).map((c) => c.id)).toEqual([foreign.id]);
    // Suppliers are not offered consortia; nobody signed in is refused.
    expect(await consortiumChoices(await actAs(lead.owner), [buyer.organization.id, lead.organization.id])).toEqual([]);
    await expect(consortiumChoices(null, [lead.organization.id])).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("creates a draft with every member as a party with its share", async () => {
    await actAs(buyer.owner);
    await expect(
      createAgreementAction(
        undefined,
        form({ ...valid(), title: "Seragam batik bersama konsorsium", counterpartyId: lead.organization.id, consortiumId: own.id }),
      ),
    ).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const row = await t.db.agreement.findFirstOrThrow({
      where: { title: "Seragam batik bersama konsorsium" },
      select: { id: true, consortiumId: true, supplierId: true },
    });
    expect(row).toMatchObject({ consortiumId: own.id, supplierId: lead.organization.id });
    const view = await getAgreement(await actAs(member.owner), row.id);
    expect(view.yourRole).toBe("consortium_member");
    expect(view.parties.map((p) => [p.organizationId, p.role, p.shareQuantity, p.sharePercent]).sort()).toEqual(
      [
        [buyer.organization.id, "buyer", null, null],
        [lead.organization.id, "supplier", 6000, "66.67"],
        [member.organization.id, "consortium_member", 3000, "33.33"],
      ].sort(),
    );
    expect(view.pendingAcceptance.sort()).toEqual([buyer.organization.id, lead.organization.id, member.organization.id].sort());
  });

  it("refuses another buyer's consortium, one led by someone else or one without an RFQ with a field error, writing nothing", async () => {
    await actAs(buyer.owner);
    const before = await t.db.agreement.count();
    const message =
      "Konsorsium ini tidak ada, tidak dipimpin oleh pemasok yang dipilih, atau tidak dibentuk untuk RFQ milik pembeli perjanjian ini.";
    for (const id of [foreign.id, ownLedByOther.id, noRfq.id, "tidak-ada"]) {
      const r = await createAgreementAction(
        undefined,
        form({ ...valid(), title: "Tidak boleh tercipta", counterpartyId: lead.organization.id, consortiumId: id }),
      );
      expect(r).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { consortiumId: [message] } } });
    }
    expect(await t.db.agreement.count()).toBe(before);
    expect(await t.db.agreement.count({ where: { title: "Tidak boleh tercipta" } })).toBe(0);
  });
});
