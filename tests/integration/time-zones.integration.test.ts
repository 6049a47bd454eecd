// Issue 16 (time zones) on a real database, both backends: a deadline typed on a wall clock is read on the
// buyer organization's clock (never a zone the client names) and stored in UTC; each viewer reads it on their
// own organization's clock with the zone named, and the RFQ shows the buyer's clock when it differs; e-mails
// and in-app notifications about it use the recipient organization's clock.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { RfqSchema } from "@/lib/rfqs/responses";
import { POST as createRoute } from "@/app/api/v1/rfqs/route";
import { POST as extendRoute } from "@/app/api/v1/rfqs/[id]/extend/route";
import { createRfqAction } from "@/lib/rfqs/actions";
import { publishRfq } from "@/lib/rfqs/lifecycle";
import { inviteSuppliers } from "@/lib/rfqs/invitations";
import { getRfqForActor } from "@/lib/rfqs/queries";
import { listNotifications } from "@/lib/notifications/service";
import { formattersFor } from "@/lib/i18n/format";
import { zoneForActor, zoneForOrganization } from "@/lib/i18n/time-zone";

const t = useTestDatabase();

type Org = Awaited<ReturnType<typeof createBuyer>>;
let makassarBuyer: Org;
let jakartaBuyer: Org;
let jayapuraSupplier: Org;
let jakartaSupplier: Org;
let unplacedBuyer: Org;

beforeAll(async () => {
  // The clock the deadline rules see (future, at most a year ahead); the database keeps its own.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T02:00:00Z") });
  makassarBuyer = await createBuyer(t.db, { name: "PT Semen Makassar Contoh", regencyCode: "73.71" });
  jakartaBuyer = await createBuyer(t.db, { name: "PT Jakarta Contoh", regencyCode: "31.74" });
  unplacedBuyer = await createBuyer(t.db, { name: "PT Tanpa Wilayah", regencyCode: null });
  jayapuraSupplier = await createUmkm(t.db, {
    name: "CV Noken Jayapura",
    regencyCode: "91.71",
    owner: { email: "noken@example.id", locale: "id" },
  });
  jakartaSupplier = await createUmkm(t.db, {
    name: "CV Batik Betawi",
    regencyCode: "31.71",
    owner: { email: "betawi@example.id", locale: "en" },
  });
});

afterAll(() => {
  vi.useRealTimers();
});

const form = (deadline: string) => {
  const fd = new FormData();
  const fields: Record<string, string> = {
    title: "Pengadaan karung semen",
    kbli: "13134",
    deliveryRegencyCode: "73.71",
    deadline,
    "items.0.name": "Karung woven 50 kg",
    "items.0.quantity": "10.000",
    "items.0.unit": "lembar",
    visibility: "public",
  };
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};

describe("whose clock", () => {
  it("an organization's zone comes from its region; visitors and organizations without one read WIB", async () => {
    expect(await zoneForOrganization(makassarBuyer.organization.id)).toBe("Asia/Makassar");
    expect(await zoneForOrganization(jayapuraSupplier.organization.id)).toBe("Asia/Jayapura");
    expect(await zoneForOrganization(jakartaSupplier.organization.id)).toBe("Asia/Jakarta");
    expect(await zoneForOrganization(unplacedBuyer.organization.id)).toBe("Asia/Jakarta");
    expect(await zoneForActor(null)).toBe("Asia/Jakarta");
    expect(await zoneForActor(await actAs(jayapuraSupplier.owner))).toBe("Asia/Jayapura");
  });
});

describe("an RFQ deadline across three clocks", () => {
  let rfqId: string;

  it("a Makassar buyer's form deadline 2026-12-15T17:00 is stored as 09:00Z", async () => {
    await actAs(makassarBuyer.owner);
    const res = await createRfqAction(undefined, form("2026-12-15T17:00"));
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    rfqId = res.data.id;
    const row = await t.db.rfq.findUniqueOrThrow({ where: { id: rfqId } });
    expect(row.deadline.toISOString()).toBe("2026-12-15T09:00:00.000Z");
  });

  it("the same wall-clock time from a Jakarta buyer is an hour later in UTC; an organization without a region reads WIB", async () => {
    await actAs(jakartaBuyer.owner);
    const jkt = await createRfqAction(undefined, form("2026-12-15T17:00"));
    await actAs(unplacedBuyer.owner);
    const none = await createRfqAction(undefined, form("2026-12-15T17:00"));
    if (!jkt.ok || !none.ok) throw new Error(JSON.stringify([jkt, none]));
    const rows = await t.db.rfq.findMany({ where: { id: { in: [jkt.data.id, none.data.id] } }, select: { deadline: true } });
    expect(rows.map((r) => r.deadline.toISOString())).toEqual(["2026-12-15T10:00:00.000Z", "2026-12-15T10:00:00.000Z"]);
  });

  it("a Jayapura supplier reads 18.00 WIT with the buyer's 17.00 WITA; a Jakarta viewer reads 16.00 WIB", async () => {
    await publishRfq(await actAs(makassarBuyer.owner), rfqId);

    const papua = await actAs(jayapuraSupplier.owner);
    const seenInPapua = await getRfqForActor(papua, rfqId);
    expect(seenInPapua!.buyer.timeZone).toBe("Asia/Makassar");
    const fp = formattersFor("id", await zoneForActor(papua));
    expect(fp.dateTime(seenInPapua!.deadline)).toBe("15 Desember 2026 pukul 18.00 WIT");
    expect(fp.onOtherClock(seenInPapua!.deadline, seenInPapua!.buyer.timeZone)).toBe("17.00 WITA");

    const jakarta = await actAs(jakartaSupplier.owner);
    const seenInJakarta = await getRfqForActor(jakarta, rfqId);
    const fj = formattersFor("en", await zoneForActor(jakarta));
    expect(fj.dateTime(seenInJakarta!.deadline)).toBe("15 December 2026, 16:00 WIB");
    expect(fj.onOtherClock(seenInJakarta!.deadline, seenInJakarta!.buyer.timeZone)).toBe("17:00 WITA");

    // The buyer's own clock: no second time.
    const fm = formattersFor("id", await zoneForActor(await actAs(makassarBuyer.owner)));
    expect(fm.dateTime(seenInPapua!.deadline)).toBe("15 Desember 2026 pukul 17.00 WITA");
    expect(fm.onOtherClock(seenInPapua!.deadline, "Asia/Makassar")).toBeNull();
  });

  it("the invitation e-mail and notification use each recipient organization's clock", async () => {
    await inviteSuppliers(await actAs(makassarBuyer.owner), rfqId, [jayapuraSupplier.organization.id, jakartaSupplier.organization.id]);
    const mails = await t.db.emailOutbox.findMany({ where: { to: { in: ["noken@example.id", "betawi@example.id"] } } });
    const papuaMail = mails.find((m) => m.to === "noken@example.id");
    const jakartaMail = mails.find((m) => m.to === "betawi@example.id");
    expect(papuaMail?.text).toContain("15 Desember 2026 pukul 18.00 WIT");
    expect(jakartaMail?.text).toContain("15 December 2026, 16:00 WIB");

    const inApp = await listNotifications(await actAs(jayapuraSupplier.owner), {}, "id");
    expect(inApp.data.find((n) => n.type === "rfq.invited")?.body).toContain("18.00 WIT");
  });

  it("the API: a local deadline without offset is read on the buyer's clock, never the client's; an offset is kept", async () => {
    const { token } = await createApiToken(makassarBuyer.owner.id, { name: "erp" });
    const body = {
      title: "Karung semen tahap dua",
      kbli: "13134",
      deliveryRegencyCode: "73.71",
      deadline: "2026-12-20T08:00",
      items: [{ name: "Karung", quantity: 100, unit: "lembar" }],
    };
    const res = await callRoute(createRoute, "POST", "/api/v1/rfqs", { token, body });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = RfqSchema.parse(await jsonOf(res));
    expect(new Date(created.deadline).toISOString()).toBe("2026-12-20T00:00:00.000Z");
    expect(created.buyer.timeZone).toBe("Asia/Makassar");

    await publishRfq(await actAs(makassarBuyer.owner), created.id);
    const ext = await callRoute(extendRoute, "POST", `/api/v1/rfqs/${created.id}/extend`, {
      token,
      params: { id: created.id },
      body: { deadline: "2026-12-21T08:00:00+09:00" },
    });
    expect(ext.status, await ext.clone().text()).toBe(200);
    expect((await t.db.rfq.findUniqueOrThrow({ where: { id: created.id } })).deadline.toISOString()).toBe("2026-12-20T23:00:00.000Z");
  });
});
