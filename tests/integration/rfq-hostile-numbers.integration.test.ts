// Issue 11 item 14 (review): dates and numbers the RFQ list filter and the quote take must be a 400 on their
// field, never a PostgreSQL error (500). Found by the review: `deadlineBefore=0000-01-01` (year zero) and an
// ISO date of year -271821 reached PostgreSQL ("date/time field value out of range") as did a quote's
// `validUntil` of 0000-01-01; `leadTimeDays: true` or `[]` were coerced into 1 and 0 days and saved.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createBuyer, createRfq as createRfqRow, createUmkm } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { ErrorResponseSchema } from "@/lib/api/openapi";
import { GET as listRoute } from "@/app/api/v1/rfqs/route";
import { PUT as quotePutRoute } from "@/app/api/v1/rfqs/[id]/quote/route";
import { GET as productsRoute, POST as productCreateRoute } from "@/app/api/v1/products/route";

const t = useTestDatabase();
let tokB: string;
let tokS: string;
let rfqId: string;
let itemId: string;

beforeAll(async () => {
  const buyer = await createBuyer(t.db, { name: "PT Pembeli Angka" });
  const supplier = await createUmkm(t.db, { name: "CV Pemasok Angka", verificationStatus: "verified" });
  tokB = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
  tokS = (await createApiToken(supplier.owner.id, { name: "erp" })).token;
  const rfq = await createRfqRow(t.db, buyer.organization.id, { status: "open", visibility: "public" });
  rfqId = rfq.id;
  itemId = (await t.db.rfqItem.findFirstOrThrow({ where: { rfqId } })).id;
});

const fieldsOf = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBe(400);
  return ErrorResponseSchema.parse(await jsonOf(res)).error.fields ?? {};
};

describe("item 14 (review): impossible dates and wrong types are a 400 on the field", () => {
  it("GET /api/v1/rfqs?deadlineBefore= a year PostgreSQL cannot store → 400 on deadlineBefore (buyer and board)", async () => {
    for (const v of ["0000-01-01", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z"]) {
      for (const token of [tokB, tokS]) {
        const res = await callRoute(listRoute, "GET", "/api/v1/rfqs", { token, query: { deadlineBefore: v } });
        expect(Object.keys(await fieldsOf(res)), v).toEqual(["deadlineBefore"]);
      }
    }
    const ok = await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: tokB, query: { deadlineBefore: "2099-12-31" } });
    expect(ok.status).toBe(200);
  });

  it("PUT quote: validUntil of year 0000 or 9999, leadTimeDays true/[] → 400 on the field, nothing saved", async () => {
    const body = (over: Record<string, unknown>) => ({
      items: [{ rfqItemId: itemId, unitPriceIdr: 1000 }],
      leadTimeDays: 7,
      includesVat: false,
      submit: false,
      ...over,
    });
    for (const [over, field] of [
      [{ validUntil: "0000-01-01" }, "validUntil"],
      [{ validUntil: "9999-12-31" }, "validUntil"],
      [{ leadTimeDays: true }, "leadTimeDays"],
      [{ leadTimeDays: [] }, "leadTimeDays"],
      [{ offeredTkdn: true }, "offeredTkdn"],
      [{ offeredTkdn: [40] }, "offeredTkdn"],
    ] as const) {
      const res = await callRoute(quotePutRoute, "PUT", `/api/v1/rfqs/${rfqId}/quote`, {
        token: tokS,
        params: { id: rfqId },
        body: body(over),
      });
      expect(Object.keys(await fieldsOf(res)), JSON.stringify(over)).toContain(field);
    }
    expect(await t.db.quote.count()).toBe(0);
    const ok = await callRoute(quotePutRoute, "PUT", `/api/v1/rfqs/${rfqId}/quote`, {
      token: tokS,
      params: { id: rfqId },
      body: body({ validUntil: "2099-01-31", leadTimeDays: "14" }),
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await t.db.quote.findFirstOrThrow()).leadTimeDays).toBe(14);
  });

  it("a cursor holding a year-zero instant (GET /api/v1/rfqs, GET /api/v1/products) → 400 on cursor, not a 500", async () => {
    const cursor = (keys: unknown[]) => Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
    for (const at of ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00"]) {
      for (const [route, path] of [
        [listRoute, "/api/v1/rfqs"],
        [productsRoute, "/api/v1/products"],
      ] as const) {
        const res = await callRoute(route, "GET", path, { token: tokB, query: { cursor: cursor([at, "x"]) } });
        expect(Object.keys(await fieldsOf(res)), `${path} ${at}`).toEqual(["cursor"]);
      }
    }
    const ok = await callRoute(listRoute, "GET", "/api/v1/rfqs", { token: tokB, query: { cursor: cursor(["2026-01-01T00:00:00Z", "x"]) } });
    expect(ok.status).toBe(200);
  });

  it("POST /api/v1/products: moq, capacity or lead time given as true, [] or {} → 400 on the field, nothing saved", async () => {
    const tokP = (
      await createApiToken((await t.db.membership.findFirstOrThrow({ where: { organization: { name: "CV Pemasok Angka" } } })).userId, {
        name: "p",
      })
    ).token;
    const body = { name: "Kain batik tulis", kbli: "13134", unit: "lembar", priceMinIdr: 100000, priceMaxIdr: 150000 };
    for (const [field, v] of [
      ["moq", true],
      ["monthlyCapacity", [5]],
      ["leadTimeDays", {}],
    ] as const) {
      const res = await callRoute(productCreateRoute, "POST", "/api/v1/products", { token: tokP, body: { ...body, [field]: v } });
      expect(Object.keys(await fieldsOf(res)), field).toEqual([field]);
    }
    expect(await t.db.product.count()).toBe(0);
    const ok = await callRoute(productCreateRoute, "POST", "/api/v1/products", {
      token: tokP,
      body: { ...body, moq: "10", monthlyCapacity: 500, leadTimeDays: "" },
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
  });
});
