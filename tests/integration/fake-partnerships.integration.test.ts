// Fake partnerships (issue 13; docs/decisions/0025-fake-partnerships.md), on both databases:
// - the buyer's first acceptance needs its declaration (PP 7/2021): without it 400 on declareNoControl, nothing
//   accepted; with it the time and the person are recorded;
// - flags for each reason (NPWP root, owner e-mail, member user; the lead and a consortium member), none for
//   look-alikes; the parties are told nothing while a flag is open;
// - ministry review: who may list and decide (owners/admins of a ministry; everyone else 403, nothing written);
// - confirm takes the agreement out of every statistic (the rollups match an independent recount and
//   stats_rebuild()), clear (reversal) puts it back; both parties are notified of the confirmation; audited.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm, createUser, entityNpwp } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as acceptRoute } from "@/app/api/v1/agreements/[id]/accept/route";
import { GET as flagsRoute } from "@/app/api/v1/agreement-flags/route";
import { POST as decisionRoute } from "@/app/api/v1/agreement-flags/[id]/decision/route";
import { AgreementFlagListSchema, AgreementFlagSchema, AgreementSchema } from "@/lib/agreements/responses";

const t = useTestDatabase();

const token = async (userId: string) => (await createApiToken(userId, { name: "test" })).token;
const accept = (id: string, tk: string, body: Record<string, unknown> = {}) =>
  callRoute(acceptRoute as RouteHandlerFn, "POST", `/api/v1/agreements/${id}/accept`, { token: tk, params: { id }, body });
const listFlags = (tk: string, query: Record<string, string> = {}) =>
  callRoute(flagsRoute as RouteHandlerFn, "GET", "/api/v1/agreement-flags", { token: tk, query });
const decide = (id: string, tk: string, body: unknown) =>
  callRoute(decisionRoute as RouteHandlerFn, "POST", `/api/v1/agreement-flags/${id}/decision`, { token: tk, params: { id }, body });

let serial = 10_000_000;
const nextSerial = () => String(serial++ * 7 + 13).slice(-8);

interface Pair {
  buyerId: string;
  buyerToken: string;
  buyerOwnerId: string;
  umkmId: string;
  umkmToken: string;
  umkmOwnerId: string;
}

async function pair(): Promise<Pair> {
  const b = await createBuyer(t.db);
  const u = await createUmkm(t.db, { verificationStatus: "verified" });
  return {
    buyerId: b.organization.id,
    buyerToken: await token(b.owner.id),
    buyerOwnerId: b.owner.id,
    umkmId: u.organization.id,
    umkmToken: await token(u.owner.id),
    umkmOwnerId: u.owner.id,
  };
}

/** A draft between the pair, proposed by the buyer (with the declaration). Returns the agreement id. */
async function propose(p: Pair): Promise<string> {
  const a = await createAgreement(t.db, p.buyerId, p.umkmId, { status: "draft" });
  const res = await accept(a.id, p.buyerToken, { version: 1, declareNoControl: true });
  expect(res.status).toBe(200);
  return a.id;
}

const flagOf = (agreementId: string) => t.db.agreementFlag.findUnique({ where: { agreementId } });

let ministryOwner: string, ministryMember: string, bankToken: string, platformToken: string;

beforeAll(async () => {
  const m = await createOrganization(t.db, "ministry");
  ministryOwner = await token(m.owner.id);
  const member = await createUser(t.db, { name: "Staf Kementerian" });
  await t.db.membership.create({ data: { userId: member.id, organizationId: m.organization.id, role: "member" } });
  ministryMember = await token(member.id);
  bankToken = await token((await createOrganization(t.db, "bank")).owner.id);
  platformToken = await token((await createOrganization(t.db, "platform")).owner.id);
});

describe("the buyer's declaration (PP 7/2021)", () => {
  it("a buyer's first acceptance without the declaration is refused with a localized field error; nothing accepted", async () => {
    const p = await pair();
    const a = await createAgreement(t.db, p.buyerId, p.umkmId, { status: "draft" });
    for (const body of [{ version: 1 }, { version: 1, declareNoControl: false }]) {
      const res = await accept(a.id, p.buyerToken, body);
      expect(res.status).toBe(400);
      const err = await jsonOf<{ error: { code: string; fields: Record<string, string[]> } }>(res);
      expect(err.error.fields.declareNoControl[0]).toMatch(/tidak memiliki atau mengendalikan UMKM mitra/);
    }
    const row = await t.db.agreement.findUniqueOrThrow({
      where: { id: a.id },
      select: { status: true, ownershipDeclaredAt: true, _count: { select: { acceptances: true } } },
    });
    expect(row).toMatchObject({ status: "draft", ownershipDeclaredAt: null, _count: { acceptances: 0 } });
  });

  it("with it the buyer proposes; the time and the person are kept and shown; the UMKM accepts without one", async () => {
    const p = await pair();
    const a = await createAgreement(t.db, p.buyerId, p.umkmId, { status: "draft" });
    const res = await accept(a.id, p.buyerToken, { version: 1, declareNoControl: true });
    expect(res.status).toBe(200);
    const view = AgreementSchema.parse(await jsonOf(res));
    expect(view.status).toBe("proposed");
    expect(view.ownershipDeclaredAt).not.toBeNull();
    const row = await t.db.agreement.findUniqueOrThrow({ where: { id: a.id }, select: { ownershipDeclaredById: true } });
    expect(row.ownershipDeclaredById).toBe(p.buyerOwnerId);
    expect((await accept(a.id, p.umkmToken, { version: 1 })).status).toBe(200);
  });

  it("when the UMKM proposes first, the buyer's acceptance (activation) still needs the declaration", async () => {
    const p = await pair();
    const a = await createAgreement(t.db, p.buyerId, p.umkmId, { status: "draft" });
    expect((await accept(a.id, p.umkmToken, { version: 1 })).status).toBe(200);
    expect((await accept(a.id, p.buyerToken, { version: 1 })).status).toBe(400);
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("proposed");
    expect((await accept(a.id, p.buyerToken, { version: 1, declareNoControl: true })).status).toBe(200);
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("active");
  });
});

describe("flags", () => {
  it("NPWP root: the buyer's entity NPWP and the UMKM's at another tax office → flagged with the root in words", async () => {
    const p = await pair();
    const s = nextSerial();
    await t.db.organization.update({ where: { id: p.buyerId }, data: { npwp: entityNpwp(s, "011") } });
    await t.db.supplierProfile.update({ where: { organizationId: p.umkmId }, data: { npwp: entityNpwp(s, "927") } });
    const id = await propose(p);
    const flag = await flagOf(id);
    expect(flag).toMatchObject({ status: "open", reasons: ["npwp_root"] });
    const root = `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}.${entityNpwp(s, "011").slice(9, 10)}`;
    expect(flag!.details).toEqual({ npwpRoot: [expect.objectContaining({ root })] });
  });

  it("NIK-based NPWPs match only in full", async () => {
    const same = await pair();
    await t.db.organization.update({ where: { id: same.buyerId }, data: { npwp: "3171012345670001" } });
    await t.db.supplierProfile.update({ where: { organizationId: same.umkmId }, data: { npwp: "3171012345670001" } });
    expect((await flagOf(await propose(same)))?.reasons).toEqual(["npwp_root"]);

    const lookAlike = await pair();
    await t.db.organization.update({ where: { id: lookAlike.buyerId }, data: { npwp: "3171012345670011" } });
    await t.db.supplierProfile.update({ where: { organizationId: lookAlike.umkmId }, data: { npwp: "3171012345670012" } });
    expect(await flagOf(await propose(lookAlike))).toBeNull();
  });

  it("look-alikes are not flagged: another serial at the same tax office, e-mails of the same domain, same-name users", async () => {
    const p = await pair();
    const s = nextSerial();
    let other = nextSerial();
    if (other === s) other = nextSerial();
    await t.db.organization.update({ where: { id: p.buyerId }, data: { npwp: entityNpwp(s, "011"), email: "kontak@contoh.co.id" } });
    await t.db.supplierProfile.update({ where: { organizationId: p.umkmId }, data: { npwp: entityNpwp(other, "011") } });
    await t.db.organization.update({ where: { id: p.umkmId }, data: { email: "kontak2@contoh.co.id" } });
    const id = await propose(p);
    expect((await accept(id, p.umkmToken, { version: 1 })).status).toBe(200); // activation: checked again
    expect(await flagOf(id)).toBeNull();
  });

  it("owner e-mail: the UMKM owner's e-mail is the buyer's contact e-mail (another case) → owner_email", async () => {
    const p = await pair();
    const owner = await t.db.user.findUniqueOrThrow({ where: { id: p.umkmOwnerId }, select: { email: true } });
    await t.db.organization.update({ where: { id: p.buyerId }, data: { email: owner.email.toUpperCase() } });
    const flag = await flagOf(await propose(p));
    expect(flag?.reasons).toEqual(["owner_email"]);
    expect(flag?.details).toEqual({ ownerEmail: [expect.objectContaining({ email: owner.email })] });
  });

  it("member user: one person is a member of both organizations → member_user (and owner_email when an owner of both)", async () => {
    const p = await pair();
    const both = await createUser(t.db, { name: "Orang Dalam" });
    await t.db.membership.createMany({
      data: [
        { userId: both.id, organizationId: p.buyerId, role: "member" },
        { userId: both.id, organizationId: p.umkmId, role: "member" },
      ],
    });
    const flag = await flagOf(await propose(p));
    expect(flag?.reasons).toEqual(["member_user"]);
    expect(flag?.details).toEqual({ memberUser: [expect.objectContaining({ name: "Orang Dalam", email: both.email })] });

    const q = await pair();
    await t.db.membership.create({ data: { userId: q.buyerOwnerId, organizationId: q.umkmId, role: "owner" } });
    expect((await flagOf(await propose(q)))?.reasons).toEqual(["owner_email", "member_user"]);
  });

  it("a consortium member (not the lead) sharing the buyer's NPWP root flags the agreement", async () => {
    const p = await pair();
    const member = await createUmkm(t.db, { verificationStatus: "verified" });
    const s = nextSerial();
    await t.db.organization.update({ where: { id: p.buyerId }, data: { npwp: entityNpwp(s, "011") } });
    await t.db.supplierProfile.update({ where: { organizationId: member.organization.id }, data: { npwp: entityNpwp(s, "011") } });
    const a = await createAgreement(t.db, p.buyerId, p.umkmId, { status: "draft" });
    await t.db.agreementParty.create({ data: { agreementId: a.id, organizationId: member.organization.id, role: "consortium_member" } });
    expect((await accept(a.id, p.buyerToken, { version: 1, declareNoControl: true })).status).toBe(200);
    const flag = await flagOf(a.id);
    expect(flag?.details).toEqual({ npwpRoot: [expect.objectContaining({ supplier: member.organization.name })] });
  });

  it("the parties are told nothing while the flag is open", async () => {
    const p = await pair();
    await t.db.membership.create({ data: { userId: p.buyerOwnerId, organizationId: p.umkmId, role: "admin" } });
    const id = await propose(p);
    expect(await flagOf(id)).not.toBeNull();
    expect(await t.db.notification.count({ where: { type: { startsWith: "agreement.flag" } } })).toBe(0);
    const view = await jsonOf(await accept(id, p.umkmToken, { version: 1 }));
    expect(JSON.stringify(view)).not.toMatch(/flag/i);
  });
});

describe("ministry review", () => {
  let p: Pair;
  let agreementId: string;
  let flagId: string;

  /** The statistics as the triggers keep them. */
  const rollup = async () => {
    const [status] = await t.sql.query<{ agreements: number; value: string }>(
      `SELECT coalesce(sum(agreements), 0)::int AS agreements, coalesce(sum("valueIdr"), 0)::text AS value FROM "StatsAgreementStatus"`,
    );
    const [lead] = await t.sql.query<{ n: number }>(
      `SELECT coalesce(sum("leadAgreements"), 0)::int AS n FROM "StatsSupplierMonth" WHERE "supplierId" = $1`,
      [p.umkmId],
    );
    const track = await t.db.supplierTrackRecord.findUnique({ where: { supplierId: p.umkmId } });
    return { agreements: Number(status.agreements), value: status.value, lead: Number(lead.n), tracked: track !== null };
  };
  /** The same figures counted independently from the agreements. */
  const recount = async () => {
    const [r] = await t.sql.query<{ agreements: number; value: string }>(
      `SELECT count(*)::int AS agreements, coalesce(sum(a."valueIdr"), 0)::text AS value FROM "Agreement" a
         JOIN "Organization" b ON b.id = a."buyerId" AND b."verificationStatus" = 'verified'
         JOIN "Organization" s ON s.id = a."supplierId" AND s."verificationStatus" = 'verified'
        WHERE a."excludedAt" IS NULL`,
    );
    const [lead] = await t.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Agreement" WHERE "supplierId" = $1 AND "excludedAt" IS NULL AND status IN ('active', 'completed')`,
      [p.umkmId],
    );
    return { agreements: Number(r.agreements), value: r.value, lead: Number(lead.n) };
  };

  beforeAll(async () => {
    p = await pair();
    await t.db.membership.create({ data: { userId: p.buyerOwnerId, organizationId: p.umkmId, role: "admin" } });
    agreementId = await propose(p);
    expect((await accept(agreementId, p.umkmToken, { version: 1 })).status).toBe(200);
    flagId = (await flagOf(agreementId))!.id;
  });

  it("only ministry owners and admins list flags; members, parties, banks and platform staff get 403", async () => {
    const res = await listFlags(ministryOwner, { status: "open" });
    expect(res.status).toBe(200);
    const list = AgreementFlagListSchema.parse(await jsonOf(res));
    const mine = list.data.find((f) => f.id === flagId)!;
    expect(mine).toMatchObject({
      status: "open",
      reasons: ["member_user"],
      agreement: { id: agreementId, status: "active", excluded: false, buyer: { id: p.buyerId }, valueIdr: 90_000_000 },
    });
    expect(mine.agreement.suppliers.map((s) => s.id)).toEqual([p.umkmId]);
    const cleared = AgreementFlagListSchema.parse(await jsonOf(await listFlags(ministryOwner, { status: "cleared" })));
    expect(cleared.data.map((f) => f.id)).not.toContain(flagId);
    for (const tk of [ministryMember, p.buyerToken, p.umkmToken, bankToken, platformToken]) {
      expect((await listFlags(tk)).status).toBe(403);
    }
    expect((await listFlags(ministryOwner, { status: "bogus" })).status).toBe(400);
  });

  it("nobody but a ministry owner or admin decides; nothing changes", async () => {
    for (const tk of [ministryMember, p.buyerToken, p.umkmToken, bankToken, platformToken]) {
      expect((await decide(flagId, tk, { decision: "confirm", note: "Saya mengonfirmasi." })).status).toBe(403);
    }
    expect((await decide(flagId, ministryOwner, { decision: "confirm" })).status).toBe(400); // a note is required
    expect((await decide(flagId, ministryOwner, { decision: "maybe", note: "Catatan panjang" })).status).toBe(400);
    expect((await decide("no-such-flag", ministryOwner, { decision: "clear", note: "Catatan panjang" })).status).toBe(404);
    expect(await flagOf(agreementId)).toMatchObject({ status: "open", reviewedAt: null });
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id: agreementId } })).excludedAt).toBeNull();
  });

  it("confirm: the agreement leaves every statistic and the track record; both parties are told; audited", async () => {
    const before = await rollup();
    expect(before).toEqual({ ...(await recount()), tracked: true });
    expect(before.lead).toBe(1);

    const res = await decide(flagId, ministryOwner, { decision: "confirm", note: "Pemilik pembeli juga admin UMKM." });
    expect(res.status).toBe(200);
    const flag = AgreementFlagSchema.parse(await jsonOf(res));
    expect(flag).toMatchObject({ status: "confirmed", reviewNote: "Pemilik pembeli juga admin UMKM.", agreement: { excluded: true } });

    const after = await rollup();
    expect(after).toEqual({ ...(await recount()), tracked: false });
    expect(after.agreements).toBe(before.agreements - 1);
    expect(BigInt(after.value)).toBe(BigInt(before.value) - 90_000_000n);
    expect(after.lead).toBe(0);

    // the rebuild agrees with the triggers
    await t.sql.query("SELECT stats_rebuild()");
    expect(await rollup()).toEqual(after);

    const notes = await t.db.notification.findMany({ where: { type: "agreement.flag_confirmed" }, select: { organizationId: true } });
    expect(new Set(notes.map((n) => n.organizationId))).toEqual(new Set([p.buyerId, p.umkmId]));
    const log = await t.db.auditLog.findFirst({ where: { entityId: flagId, action: "agreement.flag_confirmed" } });
    expect(log?.data).toMatchObject({ from: "open", note: "Pemilik pembeli juga admin UMKM." });

    expect((await decide(flagId, ministryOwner, { decision: "confirm", note: "Sekali lagi." })).status).toBe(409);
  });

  it("clear after confirm reverses it: the agreement counts again; the parties are told", async () => {
    const res = await decide(flagId, ministryOwner, { decision: "clear", note: "Kepemilikan sudah dialihkan." });
    expect(res.status).toBe(200);
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id: agreementId } })).excludedAt).toBeNull();
    const now = await rollup();
    expect(now).toEqual({ ...(await recount()), tracked: true });
    expect(now.lead).toBe(1);
    expect(await t.db.notification.count({ where: { type: "agreement.flag_reversed" } })).toBeGreaterThanOrEqual(2);
    const list = AgreementFlagListSchema.parse(await jsonOf(await listFlags(ministryOwner, { status: "cleared" })));
    expect(list.data.find((f) => f.id === flagId)).toMatchObject({ reviewNote: "Kepemilikan sudah dialihkan." });
  });
});
