// Issue 11 (items 9, 10, 16), review of the agreements work as a bank and an auditor would read it:
// - one agreement is never financed beyond its value in force across banks: the submitted and approved
//   requests at every bank together stay within it, and an amendment cannot lower the value below them;
// - an amendment cannot move the start past a delivery already recorded (no delivery before the start);
// - while an amendment is pending, the version in force is shown as in force (not as "older"), the pending
//   one as pending, and the printed agreement is the version in force with that version's signatures;
// - a terminated agreement prints marked as ended; a bank cannot approve (nor the buyer confirm) financing
//   on it;
// - an unverified buyer cannot propose new terms by amending;
// - races (PostgreSQL): two confirmations, two last acceptances, confirm vs amend, two banks at once.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});
// The pages' translations, from the real message files (next-intl's request config needs a Next request).
vi.mock("next-intl/server", async () => {
  const { translate } = await import("@/lib/i18n/translate");
  const translator = (arg?: string | { namespace?: string }) => {
    const ns = typeof arg === "string" ? arg : arg?.namespace;
    const t = (key: string, values?: Record<string, string | number>) => translate("id", ns ? `${ns}.${key}` : key, values);
    return Object.assign(t, { has: () => true });
  };
  return {
    getTranslations: vi.fn(async (arg?: string | { namespace?: string }) => translator(arg)),
    getLocale: vi.fn(async () => "id"),
    getTimeZone: vi.fn(async () => "Asia/Jakarta"),
  };
});

import { testBackend, useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf, type RouteHandlerFn } from "@/tests/helpers/api";
import { createAgreement, createBuyer, createOrganization, createUmkm, dateInDays } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { PATCH as patchRoute } from "@/app/api/v1/agreements/[id]/route";
import { POST as acceptRoute } from "@/app/api/v1/agreements/[id]/accept/route";
import { POST as completeRoute } from "@/app/api/v1/agreements/[id]/complete/route";
import { POST as terminateRoute } from "@/app/api/v1/agreements/[id]/terminate/route";
import { POST as financingRoute } from "@/app/api/v1/agreements/[id]/financing/route";
import { POST as decisionRoute } from "@/app/api/v1/financing/[id]/decision/route";
import { POST as withdrawRoute } from "@/app/api/v1/financing/[id]/withdraw/route";
import { POST as confirmRoute } from "@/app/api/v1/financing/[id]/confirm/route";
import { GET as versionRoute } from "@/app/api/v1/agreements/[id]/versions/[version]/route";
import { AgreementSchema, AgreementVersionSchema } from "@/lib/agreements/responses";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { actAs } from "@/tests/helpers/act-as";
import { translate } from "@/lib/i18n/translate";
import { formatRupiah } from "@/lib/i18n/format";
import VersionPage from "@/app/kemitraan/[id]/versi/[version]/page";
import PrintPage from "@/app/kemitraan/[id]/cetak/page";

const t = useTestDatabase();

type Who = { id: string; token: string; owner: { id: string } };
let buyer: Who, umkm: Who, bankA: Who, bankB: Who, bankC: Who;

async function who(kind: "buyer" | "umkm" | "bank"): Promise<Who> {
  const made =
    kind === "buyer"
      ? await createBuyer(t.db)
      : kind === "umkm"
        ? await createUmkm(t.db, { verificationStatus: "verified" })
        : await createOrganization(t.db, "bank");
  return { id: made.organization.id, token: (await createApiToken(made.owner.id, { name: "t" })).token, owner: made.owner };
}

const at = (id: string, suffix = "") => `/api/v1/agreements/${id}${suffix}`;
const send = (h: unknown, method: string, id: string, token: string, body: unknown = {}, extra: Record<string, string> = {}) =>
  callRoute(h as RouteHandlerFn, method, at(id), { token, params: { id, ...extra }, body });
const errorOf = async (res: Response) => ErrorResponseSchema.parse(await jsonOf(res)).error;
const day = (d: Date) => d.toISOString().slice(0, 10);

async function activeAgreement() {
  const a = await createAgreement(t.db, buyer.id, umkm.id, { status: "active", valueIdr: 100_000_000n });
  return { id: a.id, milestones: a.milestones };
}
const ask = (id: string, bank: Who, amountIdr: number) =>
  send(financingRoute, "POST", id, umkm.token, { bankId: bank.id, type: "purchase_order", amountIdr });
/** Every string in a rendered server-component tree (element props, children), once each object. */
function textOf(node: unknown, seen = new WeakSet<object>()): string {
  if (typeof node === "string" || typeof node === "number") return String(node) + "\n";
  if (!node || typeof node !== "object" || seen.has(node)) return "";
  seen.add(node);
  if (Array.isArray(node)) return node.map((n) => textOf(n, seen)).join("");
  const el = node as { props?: Record<string, unknown> };
  return el.props
    ? Object.values(el.props)
        .map((v) => textOf(v, seen))
        .join("")
    : "";
}
const idOf = async (res: Response) => ((await jsonOf(res)) as { id: string }).id;

beforeAll(async () => {
  [buyer, umkm, bankA, bankB, bankC] = [await who("buyer"), await who("umkm"), await who("bank"), await who("bank"), await who("bank")];
});

describe("financing against one agreement stays within its value across banks", () => {
  it("a second bank cannot be asked for more than what is left; a withdrawn request frees its amount", async () => {
    const { id } = await activeAgreement();
    const first = await ask(id, bankA, 60_000_000);
    expect(first.status).toBe(201);
    // 60 open at bank A + 60 at bank B = 120 > 100
    const over = await ask(id, bankB, 60_000_000);
    expect(over.status).toBe(400);
    expect((await errorOf(over)).fields?.amountIdr).toBeDefined();
    expect(await t.db.financingRequest.count({ where: { agreementId: id } })).toBe(1);
    // approved requests count too
    const firstId = await idOf(first);
    expect(
      (
        await callRoute(decisionRoute as RouteHandlerFn, "POST", "/api/v1/financing/x/decision", {
          token: bankA.token,
          params: { id: firstId },
          body: { decision: "approved" },
        })
      ).status,
    ).toBe(200);
    expect((await ask(id, bankB, 40_000_001)).status).toBe(400);
    const rest = await ask(id, bankB, 40_000_000);
    expect(rest.status).toBe(201);
    expect((await ask(id, bankC, 1)).status).toBe(400);
    // a withdrawn request no longer counts
    expect(
      (
        await callRoute(withdrawRoute as RouteHandlerFn, "POST", "/api/v1/financing/x/withdraw", {
          token: umkm.token,
          params: { id: await idOf(rest) },
        })
      ).status,
    ).toBe(200);
    expect((await ask(id, bankC, 40_000_000)).status).toBe(201);
  });

  it("an amendment cannot lower the value below what banks were asked for or granted (400 on valueIdr, nothing written)", async () => {
    const { id } = await activeAgreement();
    expect((await ask(id, bankA, 80_000_000)).status).toBe(201);
    const res = await send(patchRoute, "PATCH", id, buyer.token, { version: 1, valueIdr: 70_000_000, milestones: [] });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields?.valueIdr).toBeDefined();
    expect(
      await t.db.agreement.findUniqueOrThrow({ where: { id }, select: { version: true, pendingVersion: true, valueIdr: true } }),
    ).toEqual({ version: 1, pendingVersion: null, valueIdr: 100_000_000n });
    // at or above the financed amount is fine
    expect((await send(patchRoute, "PATCH", id, buyer.token, { version: 1, valueIdr: 90_000_000, milestones: [] })).status).toBe(200);
  });

  it("a pending amendment that would fall below financing requested meanwhile is not applied (409), the value in force stays", async () => {
    const { id } = await activeAgreement();
    expect((await send(patchRoute, "PATCH", id, buyer.token, { version: 1, valueIdr: 70_000_000, milestones: [] })).status).toBe(200);
    // meanwhile the UMKM asks a bank for 90 (allowed: the value in force is 100)
    expect((await ask(id, bankA, 90_000_000)).status).toBe(201);
    expect((await send(acceptRoute, "POST", id, buyer.token, { version: 2 })).status).toBe(200);
    const last = await send(acceptRoute, "POST", id, umkm.token, { version: 2 });
    expect(last.status).toBe(409);
    expect(await t.db.agreement.findUniqueOrThrow({ where: { id }, select: { valueIdr: true, pendingVersion: true } })).toEqual({
      valueIdr: 100_000_000n,
      pendingVersion: 2,
    });
  });
});

describe("financing against an agreement that is no longer in force", () => {
  it("a bank cannot approve, nor the buyer confirm, a request once the agreement was terminated (409); a decline still closes it", async () => {
    const { id } = await activeAgreement();
    const requestId = await idOf(await ask(id, bankA, 50_000_000));
    expect((await send(terminateRoute, "POST", id, buyer.token, { reason: "Pesanan dibatalkan pembeli" })).status).toBe(200);
    const confirm = await callRoute(confirmRoute as RouteHandlerFn, "POST", "/api/v1/financing/x/confirm", {
      token: buyer.token,
      params: { id: requestId },
    });
    expect(confirm.status).toBe(409);
    const approve = await callRoute(decisionRoute as RouteHandlerFn, "POST", "/api/v1/financing/x/decision", {
      token: bankA.token,
      params: { id: requestId },
      body: { decision: "approved" },
    });
    expect(approve.status).toBe(409);
    expect(
      await t.db.financingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, buyerConfirmedAt: true } }),
    ).toEqual({ status: "submitted", buyerConfirmedAt: null });
    // declining stays possible (the bank closes its file)
    expect(
      (
        await callRoute(decisionRoute as RouteHandlerFn, "POST", "/api/v1/financing/x/decision", {
          token: bankA.token,
          params: { id: requestId },
          body: { decision: "declined", note: "Perjanjian diakhiri" },
        })
      ).status,
    ).toBe(200);
  });
});

describe("an amendment cannot put a recorded delivery before the agreement's start", () => {
  it("moving the start past a delivery is a 400 on startDate; nothing written", async () => {
    const { id } = await activeAgreement();
    await t.db.delivery.create({ data: { agreementId: id, quantity: 5, deliveredOn: dateInDays(-20), onTime: true, status: "accepted" } });
    const res = await send(patchRoute, "PATCH", id, buyer.token, { version: 1, startDate: day(dateInDays(-10)) });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields?.startDate).toBeDefined();
    expect((await t.db.agreement.findUniqueOrThrow({ where: { id }, select: { version: true } })).version).toBe(1);
    expect((await send(patchRoute, "PATCH", id, buyer.token, { version: 1, startDate: day(dateInDays(-20)) })).status).toBe(200);
  });
});

describe("while an amendment is pending, the version in force is the one shown and printed as in force", () => {
  it("version page: v1 says it is in force (not 'older'), v2 that it is pending; the API says which is which; the print is v1 as signed", async () => {
    const { id } = await activeAgreement();
    expect((await send(patchRoute, "PATCH", id, buyer.token, { version: 1, valueIdr: 150_000_000, changeNote: "Naik" })).status).toBe(200);
    expect((await send(acceptRoute, "POST", id, buyer.token, { version: 2 })).status).toBe(200);

    const v1 = AgreementVersionSchema.parse(
      await jsonOf(
        await callRoute(versionRoute as RouteHandlerFn, "GET", at(id, "/versions/1"), { token: umkm.token, params: { id, version: "1" } }),
      ),
    );
    expect(v1).toMatchObject({ version: 1, currentVersion: 2, inForceVersion: 1, pendingVersion: 2 });
    expect(v1.acceptances.map((x) => x.organizationId).sort()).toEqual([buyer.id, umkm.id].sort());

    await actAs(buyer.owner);
    const page = async (version: number) =>
      textOf(
        await VersionPage({ params: Promise.resolve({ id, version: String(version) }) } as unknown as Parameters<typeof VersionPage>[0]),
      );
    const older = translate("id", "agreements.versionPage.older", { current: 2 }).slice(0, 12); // "Ini versi la"
    const inForce = await page(1);
    expect(inForce).toContain(translate("id", "agreements.versionPage.inForcePending", { pending: 2 }));
    expect(inForce).not.toContain(older);
    const pending = await page(2);
    expect(pending).toContain(translate("id", "agreements.versionPage.pending", { inForce: 1 }));

    // the printed agreement: the version in force, with the acceptances of that version, not marked as a draft
    const printed = textOf(
      await PrintPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({ bahasa: "id" }) } as unknown as Parameters<
        typeof PrintPage
      >[0]),
    );
    expect(printed).toContain(translate("id", "agreements.print.numberLine", { number: "", version: 1 }).split("·")[1].trim());
    expect(printed).not.toContain(translate("id", "agreements.print.numberLine", { number: "", version: 2 }).split("·")[1].trim());
    expect(printed).toContain(formatRupiah(100_000_000n, "id"));
    expect(printed).not.toContain(formatRupiah(150_000_000n, "id"));
    expect(printed).not.toContain(translate("id", "agreements.print.draftMark"));
    expect(printed).not.toContain(translate("id", "agreements.print.notSigned"));
  });
});

describe("an unverified buyer does not propose through an amendment", () => {
  it("amending a proposed or active agreement is 403 verification_required and writes nothing; its draft it may still edit", async () => {
    const made = await createBuyer(t.db, { verificationStatus: "unverified" });
    const unverified = { id: made.organization.id, token: (await createApiToken(made.owner.id, { name: "t" })).token };
    for (const status of ["active", "proposed"] as const) {
      const a = await createAgreement(t.db, unverified.id, umkm.id, { status, valueIdr: 100_000_000n });
      const res = await send(patchRoute, "PATCH", a.id, unverified.token, { version: 1, valueIdr: 110_000_000 });
      expect(res.status, status).toBe(403);
      expect((await errorOf(res)).code).toBe("verification_required");
      expect(
        await t.db.agreement.findUniqueOrThrow({ where: { id: a.id }, select: { version: true, valueIdr: true, pendingVersion: true } }),
      ).toEqual({ version: 1, valueIdr: 100_000_000n, pendingVersion: null });
    }
    const draft = await createAgreement(t.db, unverified.id, umkm.id, { status: "draft", valueIdr: 100_000_000n });
    const edited = await send(patchRoute, "PATCH", draft.id, unverified.token, { version: 1, valueIdr: 110_000_000 });
    expect(edited.status, JSON.stringify(await edited.clone().json())).toBe(200);
  });
});

describe("the printed agreement of a terminated agreement says so", () => {
  it("an active agreement terminated (an amendment left waiting) prints the version in force marked as ended", async () => {
    const { id } = await activeAgreement();
    expect((await send(patchRoute, "PATCH", id, buyer.token, { version: 1, valueIdr: 150_000_000 })).status).toBe(200);
    expect((await send(acceptRoute, "POST", id, buyer.token, { version: 2 })).status).toBe(200);
    expect((await send(terminateRoute, "POST", id, buyer.token, { reason: "Pemasok tidak sanggup melanjutkan" })).status).toBe(200);
    await actAs(buyer.owner);
    const printed = textOf(
      await PrintPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({ bahasa: "id" }) } as unknown as Parameters<
        typeof PrintPage
      >[0]),
    );
    expect(printed).toContain(translate("id", "agreements.status.terminated").toUpperCase());
    expect(printed).toContain(translate("id", "agreements.print.numberLine", { number: "", version: 1 }).split("·")[1].trim());
    expect(printed).not.toContain(translate("id", "agreements.print.numberLine", { number: "", version: 2 }).split("·")[1].trim());
  });
});

// Races: on PostgreSQL (several connections); PGlite runs one transaction at a time.
describe("concurrent writes complete, apply and finance exactly once", () => {
  const pg = testBackend() === "postgres";
  const reason = { reason: "Tahap 2 dibatalkan bersama" };

  it.runIf(pg)("both sides confirm at once: completed once, one completion on the record", async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await activeAgreement();
      const res = await Promise.all([
        send(completeRoute, "POST", id, buyer.token, reason),
        send(completeRoute, "POST", id, umkm.token, reason),
      ]);
      expect(res.map((r) => r.status)).toEqual([200, 200]);
      expect((await t.db.agreement.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("completed");
      expect(await t.db.auditLog.count({ where: { entityId: id, action: "agreement.completed" } })).toBe(1);
    }
  });

  it.runIf(pg)("both last acceptances of an amendment at once: applied once (milestones not doubled)", async () => {
    for (let i = 0; i < 3; i++) {
      const { id, milestones } = await activeAgreement();
      const ms = milestones.map((m) => ({
        title: m.title,
        quantity: m.quantity,
        unit: m.unit,
        dueDate: day(m.dueDate),
        amountIdr: Number(m.amountIdr),
        paymentTermDays: m.paymentTermDays,
      }));
      expect(
        (
          await send(patchRoute, "PATCH", id, buyer.token, {
            version: 1,
            valueIdr: 150_000_000,
            milestones: [...ms, { ...ms[1], title: "Tahap 3" }],
          })
        ).status,
      ).toBe(200);
      const res = await Promise.all([
        send(acceptRoute, "POST", id, buyer.token, { version: 2 }),
        send(acceptRoute, "POST", id, umkm.token, { version: 2 }),
      ]);
      expect(res.map((r) => r.status)).toEqual([200, 200]);
      // whichever came second applied it (the first may already read the applied state after its commit)
      const views = await Promise.all(res.map(async (r) => AgreementSchema.parse(await jsonOf(r))));
      expect(views.some((v) => v.pendingVersion === null && v.valueIdr === 150_000_000 && v.lastAcceptedVersion === 2)).toBe(true);
      expect(await t.db.agreementAcceptance.count({ where: { agreementId: id, version: 2 } })).toBe(2);
      expect(await t.db.agreement.findUniqueOrThrow({ where: { id }, select: { valueIdr: true, pendingVersion: true } })).toEqual({
        valueIdr: 150_000_000n,
        pendingVersion: null,
      });
      expect(await t.db.milestone.count({ where: { agreementId: id } })).toBe(3);
    }
  });

  it.runIf(pg)("a confirmation and an amendment at once: never completed with an amendment pending", async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await activeAgreement();
      expect((await send(completeRoute, "POST", id, buyer.token, reason)).status).toBe(200);
      const [done, amended] = await Promise.all([
        send(completeRoute, "POST", id, umkm.token, reason),
        send(patchRoute, "PATCH", id, buyer.token, { version: 1, valueIdr: 110_000_000 }),
      ]);
      const row = await t.db.agreement.findUniqueOrThrow({
        where: { id },
        select: { status: true, pendingVersion: true, buyerConfirmedCompletionAt: true },
      });
      if (done.status === 200 && row.status === "completed") {
        expect(amended.status).toBe(409);
        expect(row.pendingVersion).toBeNull();
      } else {
        expect(amended.status).toBe(200);
        expect(row).toMatchObject({ status: "active", pendingVersion: 2, buyerConfirmedCompletionAt: null });
      }
    }
  });

  it.runIf(pg)("two banks asked at once for more than the value together: only one request stands", async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await activeAgreement();
      const res = await Promise.all([ask(id, bankA, 60_000_000), ask(id, bankB, 60_000_000)]);
      expect(res.map((r) => r.status).sort()).toEqual([201, 400]);
      expect(await t.db.financingRequest.count({ where: { agreementId: id } })).toBe(1);
    }
  });
});
