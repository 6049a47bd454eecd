// Issue 17 item 5, "attachments before sending a quote", on both backends, through the server actions the
// quote form uses (lib/quotes/actions.ts): an UMKM attaches a sample photo to its DRAFT; another UMKM cannot
// attach to or read it; the buyer cannot download a draft's file (not even on an open, unsealed RFQ, not even
// through the generic /api/files route); once the quote is submitted the buyer can, per the existing rules
// (a sealed RFQ: only after the deadline); a refused file writes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});
// Outside a Next.js request, revalidatePath() throws by design; in the app it re-renders the quote pages.
vi.mock("next/cache", async (importOriginal) => {
  const original = await importOriginal<typeof import("next/cache")>();
  const noop = () => {};
  return { ...original, refresh: noop, revalidatePath: noop, revalidateTag: noop, updateTag: noop };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { callRoute } from "@/tests/helpers/api";
import { installWriteLog } from "@/tests/helpers/write-log";
import { createBuyer, createRfq, createUmkm, placeholderPdf } from "@/tests/helpers/factories";
import { addQuoteAttachmentAction, saveQuoteAction } from "@/lib/quotes/actions";
import { getQuoteAttachment } from "@/lib/quotes/attachments";
import { GET as attachmentRoute } from "@/app/api/v1/rfqs/[id]/quote/attachments/[attachmentId]/route";
import { GET as fileRoute } from "@/app/api/files/[id]/route";
import { createApiToken } from "@/lib/auth/tokens";

const t = useTestDatabase();

type Org = Awaited<ReturnType<typeof createUmkm>>;
let umkm: Org;
let otherUmkm: Org;
let buyer: Awaited<ReturnType<typeof createBuyer>>;
const tok: Record<string, string> = {};

/** A phone camera's JPEG, as far as the content check cares (FF D8 FF …). */
const cameraJpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0xff, 0xd9]);

const fileForm = (rfqId: string, bytes: Uint8Array, name: string, type: string) => {
  const fd = new FormData();
  fd.append("rfqId", rfqId);
  fd.append("file", new File([Buffer.from(bytes)], name, { type }));
  return fd;
};

const draftOf = (rfq: { id: string; items: { id: string }[] }, submit: boolean) => ({
  rfqId: rfq.id,
  items: [{ rfqItemId: rfq.items[0].id, unitPriceIdr: "140.000" }],
  leadTimeDays: "14",
  includesVat: "false",
  offeredTkdn: "",
  validUntil: "",
  note: "",
  submit,
});

const download = (rfqId: string, attId: string, token: string) =>
  callRoute(attachmentRoute, "GET", `/api/v1/rfqs/${rfqId}/quote/attachments/${attId}`, {
    token,
    params: { id: rfqId, attachmentId: attId },
  });

beforeAll(async () => {
  umkm = await createUmkm(t.db, { name: "CV Contoh Kain" });
  otherUmkm = await createUmkm(t.db, { name: "UD Pesaing" });
  buyer = await createBuyer(t.db, { name: "PT Pembeli Sampel" });
  for (const [k, o] of Object.entries({ umkm, otherUmkm, buyer })) tok[k] = (await createApiToken(o.owner.id, { name: "erp" })).token;
});

describe("attachments on a draft quote", () => {
  it("the UMKM attaches a camera photo to its draft; the buyer sees nothing until it is submitted", async () => {
    const rfq = await createRfq(t.db, buyer.organization.id, { sealed: false });
    await actAs(umkm.owner);
    const saved = await saveQuoteAction(draftOf(rfq, false));
    expect(saved).toMatchObject({ ok: true, data: { status: "draft" } });

    const added = await addQuoteAttachmentAction(fileForm(rfq.id, cameraJpeg(), "image.jpg", "image/jpeg"));
    expect(added.ok).toBe(true);
    const attId = added.ok ? added.data.id : "";
    const row = await t.db.quoteAttachment.findUniqueOrThrow({
      where: { id: attId },
      select: {
        quote: { select: { status: true, supplierId: true } },
        file: { select: { id: true, mimeType: true, organizationId: true } },
      },
    });
    expect(row).toMatchObject({
      quote: { status: "draft", supplierId: umkm.organization.id },
      file: { mimeType: "image/jpeg", organizationId: umkm.organization.id },
    });
    expect((await download(rfq.id, attId, tok.umkm)).status).toBe(200);

    // The buyer: the draft's file is "not found" — through the quote route, the domain function and /api/files.
    expect((await download(rfq.id, attId, tok.buyer)).status).toBe(404);
    await expect(getQuoteAttachment(await actAs(buyer.owner), rfq.id, attId)).rejects.toMatchObject({ code: "not_found" });
    expect((await callRoute(fileRoute, "GET", `/api/files/${row.file.id}`, { token: tok.buyer, params: { id: row.file.id } })).status).toBe(
      404,
    );
    // …and its audit trail does not learn of the draft or its attachment.
    const buyerAudit = await t.db.auditLog.findMany({ where: { organizationId: buyer.organization.id, entityType: "quote" } });
    expect(buyerAudit).toEqual([]);

    // Submitted (an open, unsealed RFQ): the buyer may download it now.
    await actAs(umkm.owner);
    expect(await saveQuoteAction(draftOf(rfq, true))).toMatchObject({ ok: true, data: { status: "submitted" } });
    const res = await download(rfq.id, attId, tok.buyer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
  });

  it("another UMKM cannot attach to the draft nor read its file, and nothing is written", async () => {
    const rfq = await createRfq(t.db, buyer.organization.id);
    await actAs(umkm.owner);
    await saveQuoteAction(draftOf(rfq, false));
    const added = await addQuoteAttachmentAction(fileForm(rfq.id, placeholderPdf("Rincian"), "rincian.pdf", "application/pdf"));
    const attId = added.ok ? added.data.id : "";
    expect(attId).not.toBe("");

    const log = await installWriteLog(t.sql);
    const mark = await log.mark();
    await actAs(otherUmkm.owner);
    // It has no quote on this RFQ: there is nothing of its own to attach to (the owner's draft is never reached).
    expect(await addQuoteAttachmentAction(fileForm(rfq.id, cameraJpeg(), "x.jpg", "image/jpeg"))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await log.since(mark)).toEqual([]);
    expect((await download(rfq.id, attId, tok.otherUmkm)).status).toBe(404);
    expect(await t.db.quoteAttachment.count({ where: { quote: { rfqId: rfq.id } } })).toBe(1);
  });

  it("a file that is not a PDF, JPEG or PNG is refused on the field and writes nothing", async () => {
    const rfq = await createRfq(t.db, buyer.organization.id);
    await actAs(umkm.owner);
    await saveQuoteAction(draftOf(rfq, false));
    const log = await installWriteLog(t.sql);
    const mark = await log.mark();
    const res = await addQuoteAttachmentAction(fileForm(rfq.id, new TextEncoder().encode("<html>x</html>"), "foto.jpg", "image/jpeg"));
    expect(res).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { file: [expect.any(String)] } } });
    expect(await log.since(mark)).toEqual([]);
  });

  it("on a sealed RFQ a submitted quote's file stays hidden from the buyer until the deadline", async () => {
    const rfq = await createRfq(t.db, buyer.organization.id, { sealed: true });
    await actAs(umkm.owner);
    await saveQuoteAction(draftOf(rfq, false));
    const added = await addQuoteAttachmentAction(fileForm(rfq.id, cameraJpeg(), "contoh.jpg", "image/jpeg"));
    const attId = added.ok ? added.data.id : "";
    await saveQuoteAction(draftOf(rfq, true));
    expect((await download(rfq.id, attId, tok.buyer)).status).toBe(404);
    await t.db.rfq.update({ where: { id: rfq.id }, data: { deadline: new Date(Date.now() - 1000) } });
    expect((await download(rfq.id, attId, tok.buyer)).status).toBe(200);
  });
});
