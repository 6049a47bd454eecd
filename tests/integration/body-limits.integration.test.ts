// Request bodies stop at their limit (issue 11): every route handler that takes a body answers 413 as soon as
// the body passes the endpoint's limit — refused on a declared Content-Length before a byte is read, and for a
// chunked body without Content-Length (or with a Content-Length that lies) after reading about the limit, never
// the whole body — and nothing is written. The bodies here are generated lazily and count what was pulled.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { jsonOf } from "@/tests/helpers/api";
import { createBuyer, createCooperative, createQuote, createRfq, createUmkm, placeholderPdf } from "@/tests/helpers/factories";
import { createApiToken } from "@/lib/auth/tokens";
import { MAX_UPLOAD_BYTES } from "@/lib/files/upload";
import { MAX_IMPORT_BYTES } from "@/lib/cooperatives/import-parse";
import { MAX_JSON_BODY_BYTES } from "@/lib/api/body";
import { POST as rfqAttachRoute } from "@/app/api/v1/rfqs/[id]/attachments/route";
import { POST as quoteAttachRoute } from "@/app/api/v1/rfqs/[id]/quote/attachments/route";
import { POST as createRfqRoute } from "@/app/api/v1/rfqs/route";
import { POST as importRoute } from "@/app/api/cooperatives/import/route";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { NextRequest } from "next/server";

const t = useTestDatabase();

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
/** Far over every limit: a client that would read it all would read 48 MB. */
const HUGE = 48 * MB;
/** How far past its limit an endpoint may read: the chunk that crossed it, and a few in flight. */
const SLACK = 4 * CHUNK;

/** A lazily generated body: `head`, then filler bytes up to `total`; `pulled` counts the bytes handed out. */
function countingBody(head: string, total = HUGE) {
  const counter = { pulled: 0 };
  const headBytes = new TextEncoder().encode(head);
  const filler = new Uint8Array(CHUNK).fill(0x41);
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!sentHead) {
          sentHead = true;
          counter.pulled += headBytes.byteLength;
          controller.enqueue(headBytes);
          return;
        }
        if (counter.pulled >= total) {
          controller.close();
          return;
        }
        counter.pulled += CHUNK;
        controller.enqueue(filler.slice());
      },
    },
    { highWaterMark: 0 },
  ); // pulled only when the reader asks

  return { stream, counter };
}

const BOUNDARY = "----rantai-batas-uji";
const multipartHead = (field = "file", name = "besar.pdf", type = "application/pdf") =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n%PDF-1.4\n`;

function streamingRequest(url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit & { duplex: "half" });
}

let buyerToken: string;
let umkmToken: string;
let rfqId: string;
let coopOwnerId: string;
let coopId: string;

beforeAll(async () => {
  const buyer = await createBuyer(t.db);
  const umkm = await createUmkm(t.db);
  buyerToken = (await createApiToken(buyer.owner.id, { name: "erp" })).token;
  umkmToken = (await createApiToken(umkm.owner.id, { name: "erp" })).token;
  const rfq = await createRfq(t.db, buyer.organization.id);
  rfqId = rfq.id;
  await createQuote(t.db, rfq.id, umkm.organization.id);
  const coop = await createCooperative(t.db);
  coopOwnerId = coop.owner.id;
  coopId = coop.organization.id;
});

const files = () => t.db.storedFile.count();

describe("upload endpoints stop reading at their limit (413)", () => {
  const routes = [
    {
      name: "POST /api/v1/rfqs/{id}/attachments",
      call: (req: Request) => rfqAttachRoute(req, { params: Promise.resolve({ id: rfqId }) }),
      token: () => buyerToken,
      rows: () => t.db.rfqAttachment.count(),
    },
    {
      name: "POST /api/v1/rfqs/{id}/quote/attachments",
      call: (req: Request) => quoteAttachRoute(req, { params: Promise.resolve({ id: rfqId }) }),
      token: () => umkmToken,
      rows: () => t.db.quoteAttachment.count(),
    },
  ];

  for (const r of routes) {
    it(`${r.name}: a chunked 48 MB body without Content-Length is refused after reading about the limit, nothing written`, async () => {
      const [filesBefore, rowsBefore] = [await files(), await r.rows()];
      const { stream, counter } = countingBody(multipartHead());
      const res = await r.call(
        streamingRequest(`http://rantai.test/x`, stream, {
          authorization: `Bearer ${r.token()}`,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        }),
      );
      expect(res.status).toBe(413);
      expect(res.headers.get("connection")).toBe("close"); // the server closes the socket instead of reading on
      expect((await jsonOf<{ error: { code: string } }>(res)).error.code).toBe("payload_too_large");
      expect(counter.pulled).toBeGreaterThan(MAX_UPLOAD_BYTES);
      expect(counter.pulled).toBeLessThan(MAX_UPLOAD_BYTES + 64 * 1024 + SLACK);
      expect([await files(), await r.rows()]).toEqual([filesBefore, rowsBefore]);
    });

    it(`${r.name}: a Content-Length that lies (says 1 KB, sends 48 MB) is no way around the limit`, async () => {
      const [filesBefore, rowsBefore] = [await files(), await r.rows()];
      const { stream, counter } = countingBody(multipartHead());
      const res = await r.call(
        streamingRequest(`http://rantai.test/x`, stream, {
          authorization: `Bearer ${r.token()}`,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
          "content-length": "1024",
        }),
      );
      expect(res.status).toBe(413);
      expect(counter.pulled).toBeLessThan(MAX_UPLOAD_BYTES + 64 * 1024 + SLACK);
      expect([await files(), await r.rows()]).toEqual([filesBefore, rowsBefore]);
    });

    it(`${r.name}: a declared length over the limit is refused before a byte is read`, async () => {
      const { stream, counter } = countingBody(multipartHead());
      const res = await r.call(
        streamingRequest(`http://rantai.test/x`, stream, {
          authorization: `Bearer ${r.token()}`,
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
          "content-length": String(HUGE),
        }),
      );
      expect(res.status).toBe(413);
      expect(counter.pulled).toBeLessThanOrEqual(CHUNK); // at most what the stream machinery pre-reads
    });

    it(`${r.name}: anonymous, a 48 MB body is not read at all and the connection is closed`, async () => {
      const { stream, counter } = countingBody(multipartHead());
      const res = await r.call(
        streamingRequest(`http://rantai.test/x`, stream, { "content-type": `multipart/form-data; boundary=${BOUNDARY}` }),
      );
      expect(res.status).toBe(401);
      expect(res.headers.get("connection")).toBe("close");
      expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
    });

    it(`${r.name}: a document within the limit is still accepted`, async () => {
      const fd = new FormData();
      fd.append("file", new File([Buffer.from(placeholderPdf("Dalam batas"))], "dalam-batas.pdf", { type: "application/pdf" }));
      const res = await r.call(
        new Request("http://rantai.test/x", { method: "POST", headers: { authorization: `Bearer ${r.token()}` }, body: fd }),
      );
      expect(res.status).toBe(201);
    });
  }
});

describe("JSON bodies over 1 MB are 413, not 400", () => {
  it("POST /api/v1/rfqs with a chunked 48 MB JSON body: 413 payload_too_large after about 1 MB, no RFQ written", async () => {
    const before = await t.db.rfq.count();
    const { stream, counter } = countingBody('{"title":"');
    const res = await createRfqRoute(
      streamingRequest("http://rantai.test/api/v1/rfqs", stream, {
        authorization: `Bearer ${buyerToken}`,
        "content-type": "application/json",
      }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(res.status).toBe(413);
    expect((await jsonOf<{ error: { code: string } }>(res)).error.code).toBe("payload_too_large");
    expect(counter.pulled).toBeLessThan(MAX_JSON_BODY_BYTES + SLACK);
    expect(await t.db.rfq.count()).toBe(before);
  });
});

describe("JSON text holding a NUL character is 400 naming the field, not a 500 from the database", () => {
  it("POST /api/v1/rfqs with \\u0000 in the title (and in a key): 400 invalid_input, no RFQ written", async () => {
    const before = await t.db.rfq.count();
    for (const body of ['{"title":"Seragam\\u0000batik","items":[]}', '{"items":[{"na\\u0000me":"x"}]}']) {
      const res = await createRfqRoute(
        new Request("http://rantai.test/api/v1/rfqs", {
          method: "POST",
          headers: { authorization: `Bearer ${buyerToken}`, "content-type": "application/json" },
          body,
        }),
        { params: Promise.resolve({}) },
      );
      expect(res.status, body).toBe(400);
      const error = (await jsonOf<{ error: { code: string; fields?: Record<string, string[]> } }>(res)).error;
      expect(error.code).toBe("invalid_input");
      expect(Object.keys(error.fields ?? {})).toEqual([body.includes("title") ? "title" : "items.0"]);
    }
    expect(await t.db.rfq.count()).toBe(before);
  });
});

describe("cooperative import stops reading at 10 MB (413)", () => {
  const umkmCount = () => t.db.organization.count({ where: { type: "umkm" } });

  it("a raw chunked CSV of 48 MB: 413 fileTooLarge after about 10 MB, nothing imported", async () => {
    await actAs({ id: coopOwnerId }, coopId);
    const before = await umkmCount();
    const { stream, counter } = countingBody("nama_usaha;nib;kode_kabupaten;kbli\n");
    const res = await importRoute(streamingRequest("http://localhost/api/cooperatives/import", stream, { "content-type": "text/csv" }));
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toMatchObject({ type: "error", key: "fileTooLarge" });
    expect(counter.pulled).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(counter.pulled).toBeLessThan(MAX_IMPORT_BYTES + SLACK);
    expect(await umkmCount()).toBe(before);
  });

  it("a multipart upload of 48 MB with a lying Content-Length: 413 after about 10 MB, nothing imported", async () => {
    await actAs({ id: coopOwnerId }, coopId);
    const before = await umkmCount();
    const { stream, counter } = countingBody(multipartHead("file", "anggota.csv", "text/csv"));
    const res = await importRoute(
      streamingRequest("http://localhost/api/cooperatives/import", stream, {
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        "content-length": "2048",
      }),
    );
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThan(MAX_IMPORT_BYTES + 64 * 1024 + SLACK);
    expect(await umkmCount()).toBe(before);
  });

  it("anonymous: refused without reading, connection closed", async () => {
    signOut();
    const { stream, counter } = countingBody("x");
    const res = await importRoute(streamingRequest("http://localhost/api/cooperatives/import", stream, { "content-type": "text/csv" }));
    expect(res.status).toBe(401);
    expect(res.headers.get("connection")).toBe("close");
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("a declared length over the limit is refused before a byte is read", async () => {
    await actAs({ id: coopOwnerId }, coopId);
    const { stream, counter } = countingBody("x");
    const res = await importRoute(
      streamingRequest("http://localhost/api/cooperatives/import", stream, { "content-type": "text/csv", "content-length": String(HUGE) }),
    );
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK); // at most what the stream machinery pre-reads
  });
});

describe("next-auth's endpoints stop reading at 64 KB (413)", () => {
  const authCtx = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

  it("POST /api/auth/callback/credentials with a chunked 48 MB body: 413 after about 64 KB, no session", async () => {
    const { stream, counter } = countingBody("csrfToken=x&email=");
    const req = new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1] & { duplex: "half" });
    const res = await authPost(req, authCtx("callback", "credentials"));
    expect(res.status).toBe(413);
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/session-token/);
    expect(counter.pulled).toBeLessThan(64 * 1024 + SLACK);
  });
  // (in-limit sign-in through next-auth: the e2e sign-in of every signed-in spec)
});
