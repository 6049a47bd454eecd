// Issue 11 item 12 (review): the TKDN price preference needs a certificate an admin verified. When a platform
// admin returns an UMKM's verification (its documents no longer hold), its certificates were left "verified":
// its declared TKDN kept earning the preference on the comparison (/rfq/[id]/bandingkan) and in
// GET /api/v1/rfqs/{id}/quotes. Returning the UMKM returns the certificates reviewed with it.
import { beforeAll, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import {
  createBuyer,
  createCertification,
  createOrganization,
  createQuote,
  createRfq as createRfqRow,
  createUmkm,
} from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { decideVerification } from "@/lib/organizations/service";
import { getComparison } from "@/lib/quotes/buyer-reads";
import { RfqQuotesSchema } from "@/lib/quotes/responses";
import { GET as quotesRoute } from "@/app/api/v1/rfqs/[id]/quotes/route";

const t = useTestDatabase();
const DAY = 24 * 3600 * 1000;
const day = (d: number) => new Date(new Date(Date.now() + d * DAY).toISOString().slice(0, 10) + "T00:00:00.000Z");

let buyer: Awaited<ReturnType<typeof createBuyer>>;
let tok: string;

beforeAll(async () => {
  buyer = await createBuyer(t.db, { name: "PT Pembeli TKDN" });
  tok = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
});

it("an UMKM whose verification an admin returned earns no TKDN preference (API and comparison); re-verified, it does again on later deadlines", async () => {
  const admin = await createOrganization(t.db, "platform", { name: "Rantai Admin" });
  const rfq = await createRfqRow(t.db, buyer.organization.id, {
    deadline: new Date(Date.now() - 60_000), // past: prices revealed
    status: "closed",
    items: [{ name: "Kain batik cap", quantity: 10, unit: "lembar", targetUnitPriceIdr: 100_000n }],
  });
  const umkm = await createUmkm(t.db, { name: "CV TKDN Dikembalikan", verificationStatus: "verified" });
  await createCertification(t.db, umkm.organization.id, {
    type: "tkdn",
    tkdnPercent: "45.00",
    validUntil: day(300),
    verificationStatus: "verified",
  }); // with its document (the factory default)
  await createQuote(t.db, rfq.id, umkm.organization.id, { offeredTkdn: "40.00", unitPrices: { [rfq.items[0].id]: 100_000n } });

  const view = async () => {
    const api = RfqQuotesSchema.parse(await jsonOf(await callRoute(quotesRoute, "GET", "/x", { token: tok, params: { id: rfq.id } })))
      .data[0];
    const cmp = (await getComparison(await actAs(buyer.owner), rfq.id)).suppliers[0];
    return {
      api: { status: api.tkdnStatus, pref: api.tkdnPreferencePercent, price: api.items[0].evaluatedUnitPriceIdr },
      page: { status: cmp.tkdnStatus, pref: cmp.column.preferencePercent },
    };
  };
  expect(await view()).toEqual({ api: { status: "verified", pref: 10, price: 90_909 }, page: { status: "verified", pref: 10 } });

  await decideVerification(await actAs(admin.owner), {
    organizationId: umkm.organization.id,
    decision: "returned",
    note: "Dokumen TKDN tidak sah.",
  });
  expect(await view()).toEqual({ api: { status: "unverified", pref: 0, price: 100_000 }, page: { status: "unverified", pref: 0 } });

  await decideVerification(await actAs(admin.owner), { organizationId: umkm.organization.id, decision: "verified", note: "" });
  // Issue 16: verified again only after this RFQ's deadline, so it earns nothing here…
  expect(await view()).toEqual({ api: { status: "unverified", pref: 0, price: 100_000 }, page: { status: "unverified", pref: 0 } });
  // …but it does on an RFQ whose deadline comes after the new verification.
  const later = await createRfqRow(t.db, buyer.organization.id, {
    deadline: new Date(Date.now() + 7 * DAY),
    status: "open",
    items: [{ name: "Kain batik cap", quantity: 10, unit: "lembar", targetUnitPriceIdr: 100_000n }],
  });
  await createQuote(t.db, later.id, umkm.organization.id, { offeredTkdn: "40.00", unitPrices: { [later.items[0].id]: 100_000n } });
  const cmp = (await getComparison(await actAs(buyer.owner), later.id)).suppliers[0];
  expect({ status: cmp.tkdnStatus, pref: cmp.column.preferencePercent }).toEqual({ status: "verified", pref: 10 });
});

it("the backfill migration returns the verified certificates of UMKM returned before this rule, and only theirs", async () => {
  const { readFileSync, readdirSync } = await import("node:fs");
  const dir = readdirSync("prisma/migrations").find((d) => d.endsWith("_returned_supplier_certificates"))!;
  const sql = readFileSync(`prisma/migrations/${dir}/migration.sql`, "utf8");
  const returned = await createUmkm(t.db, { name: "CV Dikembalikan Dulu", verificationStatus: "returned" });
  const fine = await createUmkm(t.db, { name: "CV Tetap Terverifikasi", verificationStatus: "verified" });
  const old = await createCertification(t.db, returned.organization.id, {
    type: "tkdn",
    tkdnPercent: "45.00",
    validUntil: day(300),
    verificationStatus: "verified",
  });
  const kept = await createCertification(t.db, fine.organization.id, {
    type: "tkdn",
    tkdnPercent: "45.00",
    validUntil: day(300),
    verificationStatus: "verified",
  });
  await t.db.$executeRawUnsafe(sql);
  const status = async (id: string) => (await t.db.certification.findUniqueOrThrow({ where: { id } })).verificationStatus;
  expect({ old: await status(old.id), kept: await status(kept.id) }).toEqual({ old: "returned", kept: "verified" });
});
