// Email outbox delivery and deadline reminders on a real database (both backends), through nodemailer's
// real transports: jsonTransport (renders the message, sends nothing) for success, an SMTP transport to a
// port where nothing listens for failure. Several deliverers / sweepers at once never send or notify twice,
// even when the SMTP server takes longer than the lease (a slow fake transport, two deliverers).
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { useTestDatabase } from "@/tests/helpers/db";
import { createBuyer, createQuote, createRfq, createUmkm, createUser, hoursFromNow } from "@/tests/helpers/factories";
import { backoffMs, deliverOutbox, MAX_AGE_MS, SENDING_LEASE_MS } from "@/lib/notifications/outbox";
import { sweepDeadlineReminders } from "@/lib/notifications/deadlines";
import { extendDeadline } from "@/lib/rfqs/lifecycle";
import { actAs } from "@/tests/helpers/act-as";

const t = useTestDatabase();

const json = () => nodemailer.createTransport({ jsonTransport: true });

/** A TCP port on which nothing listens: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function enqueue(n: number, prefix = "penerima") {
  const rows = Array.from({ length: n }, (_, i) => ({ to: `${prefix}${i}@contoh.rantai.test`, subject: `Subjek ${i}`, text: `Isi ${i}` }));
  await t.db.emailOutbox.createMany({ data: rows });
}

describe("deliverOutbox", () => {
  const savedSmtp = process.env.SMTP_URL;
  beforeEach(async () => {
    await t.db.emailOutbox.deleteMany({});
    delete process.env.SMTP_URL;
  });
  afterAll(() => {
    if (savedSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtp;
  });

  it("without SMTP configured touches nothing: emails stay pending for the outbox page", async () => {
    await enqueue(2);
    const r = await deliverOutbox();
    expect(r).toMatchObject({ configured: false, claimed: 0, sent: [] });
    const rows = await t.db.emailOutbox.findMany();
    expect(rows.map((m) => [m.status, m.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
  });

  it("sends what is due through the transport and marks it sent; not-yet-due rows wait", async () => {
    await enqueue(3);
    await t.db.emailOutbox.create({
      data: { to: "nanti@contoh.rantai.test", subject: "Nanti", text: "x", sendAfter: new Date(Date.now() + 3_600_000) },
    });
    const transport = json();
    const r = await deliverOutbox({ transport, from: "Rantai <no-reply@rantai.test>" });
    expect(r.configured).toBe(true);
    expect(r.sent).toHaveLength(3);
    const rows = await t.db.emailOutbox.findMany({ orderBy: { to: "asc" } });
    expect(
      rows
        .filter((m) => m.status === "sent")
        .map((m) => m.to)
        .sort(),
    ).toEqual(["penerima0@contoh.rantai.test", "penerima1@contoh.rantai.test", "penerima2@contoh.rantai.test"]);
    expect(rows.find((m) => m.to.startsWith("nanti"))).toMatchObject({ status: "pending", attempts: 0 });
    expect(rows.filter((m) => m.status === "sent").every((m) => m.sentAt !== null && m.attempts === 1)).toBe(true);
  });

  it("a failure goes back to pending with exponential backoff and the error; gives up after the last attempt", async () => {
    await enqueue(1, "gagal");
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: await closedPort(), secure: false, connectionTimeout: 2_000 });
    const t0 = new Date();
    const first = await deliverOutbox({ transport, now: t0, maxAttempts: 3 });
    expect(first).toMatchObject({ claimed: 1, sent: [], retrying: 1, failed: 0 });
    let row = await t.db.emailOutbox.findFirstOrThrow();
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.sendAfter.getTime()).toBe(t0.getTime() + backoffMs(1));

    // Not due yet: nothing happens.
    expect((await deliverOutbox({ transport, now: new Date(t0.getTime() + backoffMs(1) - 1000), maxAttempts: 3 })).claimed).toBe(0);

    const t1 = new Date(t0.getTime() + backoffMs(1));
    await deliverOutbox({ transport, now: t1, maxAttempts: 3 });
    row = await t.db.emailOutbox.findFirstOrThrow();
    expect([row.status, row.attempts, row.sendAfter.getTime()]).toEqual(["pending", 2, t1.getTime() + backoffMs(2)]);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    const t2 = new Date(t1.getTime() + backoffMs(2));
    const last = await deliverOutbox({ transport, now: t2, maxAttempts: 3 });
    expect(last).toMatchObject({ claimed: 1, retrying: 0, failed: 1 });
    row = await t.db.emailOutbox.findFirstOrThrow();
    expect([row.status, row.attempts]).toEqual(["failed", 3]);
    expect((await deliverOutbox({ transport, now: new Date(t2.getTime() + 86_400_000), maxAttempts: 3 })).claimed).toBe(0);
  });

  it("a row stuck in 'sending' (its deliverer died) is taken again after the lease; too old rows are given up", async () => {
    await enqueue(1, "macet");
    const t0 = new Date();
    // Claimed by a process that then died: status 'sending', lease until t0 + 10 min.
    await t.db.emailOutbox.updateMany({ data: { status: "sending", attempts: 1, sendAfter: new Date(t0.getTime() + SENDING_LEASE_MS) } });
    expect((await deliverOutbox({ transport: json(), now: new Date(t0.getTime() + SENDING_LEASE_MS - 1000) })).claimed).toBe(0);
    const later = await deliverOutbox({ transport: json(), now: new Date(t0.getTime() + SENDING_LEASE_MS) });
    expect(later.sent).toHaveLength(1);
    expect(await t.db.emailOutbox.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 2 });

    await t.db.emailOutbox.create({
      data: {
        to: "basi@contoh.rantai.test",
        subject: "Lama",
        text: "x",
        createdAt: new Date(t0.getTime() - MAX_AGE_MS - 60_000),
        sendAfter: new Date(t0.getTime() - MAX_AGE_MS),
      },
    });
    const r = await deliverOutbox({ transport: json(), now: t0 });
    expect(r).toMatchObject({ claimed: 0, failed: 1 });
    expect(await t.db.emailOutbox.findFirstOrThrow({ where: { to: "basi@contoh.rantai.test" } })).toMatchObject({
      status: "failed",
      lastError: "expired before delivery",
    });
  });

  it("four deliverers at once send each email exactly once (SKIP LOCKED claims)", async () => {
    await enqueue(40, "serentak");
    const runs = await Promise.all(Array.from({ length: 4 }, () => deliverOutbox({ transport: json(), limit: 8 })));
    const more = await Promise.all(Array.from({ length: 4 }, () => deliverOutbox({ transport: json(), limit: 8 })));
    const sent = [...runs, ...more].flatMap((r) => r.sent);
    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(40);
    const rows = await t.db.emailOutbox.findMany();
    expect(rows.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
  });
});

/**
 * A transport whose SMTP server is slow: every message takes `delayMs` (longer than the lease in the tests
 * below). Records who got what, so that a message sent twice — by either instance — shows.
 */
function slowTransport(delayMs: number, log: string[]) {
  return {
    async sendMail(mail: { to?: unknown }) {
      await new Promise((r) => setTimeout(r, delayMs));
      log.push(String(mail.to));
      return { accepted: [mail.to] };
    },
  };
}

describe("two app instances and a slow SMTP server (issue 11)", () => {
  beforeEach(async () => {
    await t.db.emailOutbox.deleteMany({});
  });

  it("never sends a message twice when sending one takes longer than the lease", async () => {
    await enqueue(2, "lambat");
    // Generous against a loaded CI machine: the lease is renewed every ~333 ms, so only a stall of over
    // ~667 ms could let B in; each message takes 2.5 leases to go out.
    const LEASE_MS = 1000;
    const sentBy: string[] = [];
    // Instance A starts on both.
    const a = deliverOutbox({ transport: slowTransport(2500, sentBy), leaseMs: LEASE_MS, limit: 2 });
    // Instance B polls meanwhile, as its job loop would, with its own (fast) transport.
    let aDone = false;
    void a.finally(() => (aDone = true));
    const b: Awaited<ReturnType<typeof deliverOutbox>>[] = [];
    while (!aDone) {
      await new Promise((r) => setTimeout(r, 100));
      b.push(await deliverOutbox({ transport: slowTransport(0, sentBy), leaseMs: LEASE_MS, limit: 3 }));
    }
    const resultA = await a;
    // and a last round of B once A is done: whatever is left, it sends.
    b.push(await deliverOutbox({ transport: slowTransport(0, sentBy), leaseMs: LEASE_MS, limit: 3 }));

    const rows = await t.db.emailOutbox.findMany({ orderBy: { to: "asc" } });
    expect(rows.map((m) => m.status)).toEqual(["sent", "sent"]);
    // every address got exactly one email, whichever instance sent it
    expect([...sentBy].sort()).toEqual(rows.map((m) => m.to));
    expect(resultA.lost).toBe(0);
    expect(rows.every((m) => m.attempts === 1 && m.leaseToken === null)).toBe(true);
    expect(resultA.sent.length + b.reduce((n, r) => n + r.sent.length, 0)).toBe(2);
  });

  it("a deliverer that died mid-send leaves its message to be taken again after the lease, and only then", async () => {
    await enqueue(1, "mati");
    // Claimed by a process that died just now: status 'sending' under someone else's token, lease 300 ms.
    await t.db.emailOutbox.updateMany({
      data: { status: "sending", attempts: 1, leaseToken: "hilang", sendAfter: new Date(Date.now() + 300) },
    });
    const sentBy: string[] = [];
    expect((await deliverOutbox({ transport: slowTransport(0, sentBy), leaseMs: 300 })).claimed).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect((await deliverOutbox({ transport: slowTransport(0, sentBy), leaseMs: 300 })).sent).toHaveLength(1);
    expect(sentBy).toEqual(["mati0@contoh.rantai.test"]);
    expect(await t.db.emailOutbox.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 2, leaseToken: null });
  });
});

describe("sweepDeadlineReminders", () => {
  let buyer: Awaited<ReturnType<typeof createBuyer>>;
  let quoting: Awaited<ReturnType<typeof createUmkm>>;
  let drafting: Awaited<ReturnType<typeof createUmkm>>;
  let invited: Awaited<ReturnType<typeof createUmkm>>;
  let withdrawn: Awaited<ReturnType<typeof createUmkm>>;
  let bystander: Awaited<ReturnType<typeof createUmkm>>;

  beforeAll(async () => {
    buyer = await createBuyer(t.db);
    [quoting, drafting, invited, withdrawn, bystander] = await Promise.all(
      ["CV Menawar", "CV Draf", "CV Diundang", "CV Mundur", "CV Penonton"].map((name) => createUmkm(t.db, { name })),
    );
    const staff = await createUser(t.db, { locale: "en" });
    await t.db.membership.create({ data: { userId: staff.id, organizationId: quoting.organization.id, role: "member" } });
  });

  it("notifies the suppliers in an RFQ closing within 24 h exactly once, even with sweeps running at once", async () => {
    const now = new Date();
    const soon = await createRfq(t.db, buyer.organization.id, {
      title: "Seragam batik — tutup besok",
      deadline: hoursFromNow(20, now),
      invitedSupplierIds: [invited.organization.id],
    });
    await createQuote(t.db, soon.id, quoting.organization.id);
    await createQuote(t.db, soon.id, drafting.organization.id, { status: "draft" });
    await createQuote(t.db, soon.id, withdrawn.organization.id, { status: "withdrawn" });
    const later = await createRfq(t.db, buyer.organization.id, {
      title: "Masih lama",
      deadline: hoursFromNow(30, now),
      invitedSupplierIds: [invited.organization.id],
    });
    const past = await createRfq(t.db, buyer.organization.id, {
      title: "Sudah lewat",
      deadline: hoursFromNow(-1, now),
      invitedSupplierIds: [invited.organization.id],
    });
    const draft = await createRfq(t.db, buyer.organization.id, {
      title: "Draf",
      status: "draft",
      deadline: hoursFromNow(5, now),
      invitedSupplierIds: [invited.organization.id],
    });
    const mailsBefore = await t.db.emailOutbox.count();

    const sweeps = await Promise.all(Array.from({ length: 3 }, () => sweepDeadlineReminders({ now })));
    expect(sweeps.flatMap((s) => s.rfqIds)).toEqual([soon.id]);
    expect(sweeps.reduce((n, s) => n + s.notified, 0)).toBe(4); // quoting (owner + staff), drafting, invited

    const notes = await t.db.notification.findMany({
      where: { type: "rfq.deadline_approaching" },
      select: { userId: true, organizationId: true, link: true },
    });
    expect(notes).toHaveLength(4);
    expect(new Set(notes.map((n) => n.organizationId))).toEqual(
      new Set([quoting.organization.id, drafting.organization.id, invited.organization.id]),
    );
    expect(notes.every((n) => n.link === `/papan-rfq/${soon.id}`)).toBe(true);
    expect(notes.some((n) => n.organizationId === withdrawn.organization.id || n.organizationId === bystander.organization.id)).toBe(false);
    expect(await t.db.emailOutbox.count()).toBe(mailsBefore + 4);
    const en = await t.db.emailOutbox.findFirstOrThrow({ where: { subject: { startsWith: "Deadline approaching" } } });
    expect(en.subject).toBe("Deadline approaching: Seragam batik — tutup besok");
    expect(await t.db.auditLog.count({ where: { action: "rfq.deadline_reminder_sent", entityId: soon.id } })).toBe(1);

    // Later sweeps: nothing new for this RFQ; the 30-hour one once it is within 24 h; never past or draft RFQs.
    expect((await sweepDeadlineReminders({ now })).rfqIds).toEqual([]);
    const sixHoursOn = new Date(now.getTime() + 6 * 3_600_000 + 60_000);
    expect((await sweepDeadlineReminders({ now: sixHoursOn })).rfqIds).toEqual([later.id]);
    expect((await sweepDeadlineReminders({ now: sixHoursOn })).rfqIds).toEqual([]);
    const rows = await t.db.rfq.findMany({ where: { id: { in: [past.id, draft.id] } }, select: { deadlineReminderAt: true } });
    expect(rows.every((r) => r.deadlineReminderAt === null)).toBe(true);
  });

  it("an extended deadline is reminded of again before the new deadline", async () => {
    const now = new Date();
    const rfq = await createRfq(t.db, buyer.organization.id, {
      title: "Diperpanjang",
      deadline: hoursFromNow(10, now),
      invitedSupplierIds: [invited.organization.id],
    });
    expect((await sweepDeadlineReminders({ now })).rfqIds).toEqual([rfq.id]);
    await extendDeadline(await actAs(buyer.owner, buyer.organization.id), rfq.id, hoursFromNow(40, now));
    expect((await sweepDeadlineReminders({ now })).rfqIds).toEqual([]); // 40 h away: not yet
    const later = new Date(now.getTime() + 20 * 3_600_000);
    expect((await sweepDeadlineReminders({ now: later })).rfqIds).toEqual([rfq.id]);
    expect(await t.db.notification.count({ where: { type: "rfq.deadline_approaching", link: `/papan-rfq/${rfq.id}` } })).toBe(2);
  });

  it("an RFQ nobody is in yet is still claimed once (and notifies no one)", async () => {
    const now = new Date();
    const lonely = await createRfq(t.db, buyer.organization.id, { title: "Sepi peminat", deadline: hoursFromNow(2, now) });
    const r = await sweepDeadlineReminders({ now });
    expect(r).toEqual({ rfqIds: [lonely.id], notified: 0 });
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: lonely.id } })).deadlineReminderAt).not.toBeNull();
  });
});
