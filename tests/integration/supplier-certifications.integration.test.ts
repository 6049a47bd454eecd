// Certificates with uploaded documents: content-checked uploads (size, magic bytes), tenancy through the
// server actions, and who may download a document (GET /api/files/{id}).
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute } from "@/tests/helpers/api";
import { createOrganization, placeholderPdf } from "@/tests/helpers/factories";
import { GET as downloadFile } from "@/app/api/files/[id]/route";
import { deleteCertificateAction, saveCertificateAction } from "@/lib/suppliers/actions";
import { MAX_UPLOAD_BYTES, detectFileType, sniffFileType } from "@/lib/files/upload";

const t = useTestDatabase();
afterEach(() => signOut());

async function newUmkm(name = `UMKM ${Math.random().toString(36).slice(2, 8)}`) {
  const { organization, owner } = await createOrganization(t.db, "umkm", { name });
  await t.db.supplierProfile.create({ data: { organizationId: organization.id } });
  return { organization, owner };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);

function form(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  if (file) fd.set("document", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  else fd.set("document", new File([], "", { type: "application/octet-stream" })); // empty file input
  return fd;
}

const sni = { type: "sni", number: "SNI 8302:2016-001", issuer: "LSPro Contoh", validFrom: "2025-01-01", validUntil: "2028-12-31" };

async function counts(orgId: string) {
  const [certs, files, audit] = await Promise.all([
    t.db.certification.count({ where: { organizationId: orgId } }),
    t.db.storedFile.count({ where: { organizationId: orgId } }),
    t.db.auditLog.count({ where: { organizationId: orgId } }),
  ]);
  return { certs, files, audit };
}

describe("detectFileType", () => {
  it("reads magic bytes", () => {
    expect(detectFileType(placeholderPdf("x"))).toBe("application/pdf");
    expect(detectFileType(PNG)).toBe("image/png");
    expect(detectFileType(JPEG)).toBe("image/jpeg");
    expect(detectFileType(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(detectFileType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).toBeNull(); // MZ: a Windows .exe
    expect(detectFileType(new TextEncoder().encode(" %PDF-1.4"))).toBeNull(); // not at offset 0
    // WebP is recognised (product photos accept it) but is not a certificate document
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);
    expect(sniffFileType(webp)).toBe("image/webp");
    expect(detectFileType(webp)).toBeNull();
  });
});

describe("adding certificates with documents", () => {
  it("stores a PDF with its detected type and hash, and links it to the certificate", async () => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    const pdf = placeholderPdf("Sertifikat SNI");
    const res = await saveCertificateAction(
      null,
      form(sni, { bytes: pdf, name: "../../sertifikat sni.PDF", type: "application/octet-stream" }),
    );
    expect(res.ok).toBe(true);
    const cert = await t.db.certification.findFirstOrThrow({ where: { organizationId: organization.id }, include: { document: true } });
    expect(cert).toMatchObject({ type: "sni", number: "SNI 8302:2016-001", validUntil: new Date("2028-12-31T00:00:00Z") });
    expect(cert.document).toMatchObject({
      mimeType: "application/pdf",
      sizeBytes: pdf.byteLength,
      filename: "sertifikat sni.pdf",
      kind: "certificate",
      uploadedById: owner.id,
    });
    expect(cert.document!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.db.auditLog.count({ where: { organizationId: organization.id, action: "certification.added" } })).toBe(1);
  });

  it("stores a TKDN certificate with its percentage and no document", async () => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    const res = await saveCertificateAction(
      null,
      form({ type: "tkdn", number: "TKDN-IK 0001", validUntil: "2027-06-30", percent: "45,5" }),
    );
    expect(res.ok).toBe(true);
    const cert = await t.db.certification.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect([cert.tkdnPercent?.toString(), cert.documentId]).toEqual(["45.5", null]);
  });

  it("refuses an oversized file with a clear message and changes nothing", async () => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    const before = await counts(organization.id);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(placeholderPdf("besar").subarray(0, 8));
    const res = await saveCertificateAction(null, form(sni, { bytes: big, name: "besar.pdf", type: "application/pdf" }));
    expect(res).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { document: [expect.stringContaining("5 MB")] } } });
    expect(await counts(organization.id)).toEqual(before);
  });

  it.each([
    ["a Windows program named .pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0]), "sertifikat.pdf", "application/pdf"],
    [
      "an HTML page named .pdf",
      new TextEncoder().encode("<!doctype html><script>fetch('/api/v1/me')</script>"),
      "halal.pdf",
      "application/pdf",
    ],
    ["an SVG named .png", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "foto.png", "image/png"],
  ])("refuses %s (type checked by content) and changes nothing", async (_label, bytes, name, type) => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    const before = await counts(organization.id);
    const res = await saveCertificateAction(null, form(sni, { bytes, name, type }));
    expect(res).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { document: [expect.stringMatching(/PDF, JPEG, atau PNG/)] } },
    });
    expect(await counts(organization.id)).toEqual(before);
  });

  it("refuses invalid fields before reading the file (nothing stored)", async () => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    const res = await saveCertificateAction(
      null,
      form({ ...sni, validFrom: "2029-01-01" }, { bytes: placeholderPdf("x"), name: "x.pdf", type: "application/pdf" }),
    );
    expect(res).toMatchObject({ ok: false, error: { fields: { validUntil: [expect.any(String)] } } });
    expect(await counts(organization.id)).toEqual({ certs: 0, files: 0, audit: 0 });
  });

  it("replaces a document on update and deletes the old file", async () => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    const first = await saveCertificateAction(null, form(sni, { bytes: placeholderPdf("v1"), name: "v1.pdf", type: "application/pdf" }));
    if (!first.ok) throw new Error("setup");
    const second = await saveCertificateAction(
      null,
      form({ ...sni, certificationId: first.data.id }, { bytes: JPEG, name: "foto.jpg", type: "image/jpeg" }),
    );
    expect(second.ok).toBe(true);
    const files = await t.db.storedFile.findMany({ where: { organizationId: organization.id } });
    expect(files.map((f) => f.mimeType)).toEqual(["image/jpeg"]);
  });
});

describe("a certificate without a document", () => {
  it("is saved when the browser sends the empty file input as a nameless or 'blob' empty file", async () => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    for (const name of ["", "blob", "undefined"]) {
      const fd = form({ ...sni, number: `SNI-TANPA-DOKUMEN-${name || "kosong"}` });
      fd.set("document", new File([], name, { type: "application/octet-stream" }));
      const r = await saveCertificateAction(null, fd);
      expect(r, name).toMatchObject({ ok: true, data: { documentId: null } });
    }
    expect(await counts(organization.id)).toMatchObject({ certs: 3, files: 0 });
  });
});

describe("editing a certificate (the list's Ubah form)", () => {
  it("changes the fields with the same validation, keeps the document when no file is chosen, and asks for re-verification", async () => {
    const { organization, owner } = await newUmkm();
    await actAs(owner);
    const created = await saveCertificateAction(
      null,
      form(sni, { bytes: placeholderPdf("asli"), name: "sni.pdf", type: "application/pdf" }),
    );
    if (!created.ok) throw new Error("setup");
    const id = created.data.id;
    await t.db.certification.update({ where: { id }, data: { verificationStatus: "verified" } });
    const before = await t.db.certification.findUniqueOrThrow({ where: { id } });
    const was = await counts(organization.id);

    // the add form's rules apply: an end date before the start, a percentage on a non-TKDN certificate
    const bads: Record<string, string>[] = [{ validUntil: "2024-12-31" }, { percent: "40" }, { number: "" }];
    for (const bad of bads) {
      const r = await saveCertificateAction(null, form({ ...sni, ...bad, certificationId: id }));
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("invalid_input");
    }
    expect(await t.db.certification.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await counts(organization.id)).toEqual(was);

    // a valid change without a new file
    const ok = await saveCertificateAction(
      null,
      form({ ...sni, number: "SNI 8302:2016-002", validUntil: "2029-06-30", certificationId: id }),
    );
    expect(ok).toMatchObject({ ok: true, data: { id, documentId: before.documentId } });
    const after = await t.db.certification.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ number: "SNI 8302:2016-002", documentId: before.documentId, verificationStatus: "unverified" });
    expect(after.validUntil?.toISOString().slice(0, 10)).toBe("2029-06-30");
    expect(await t.db.certification.count({ where: { organizationId: organization.id } })).toBe(1); // changed, not added
    expect(await t.db.auditLog.count({ where: { organizationId: organization.id, action: "certification.updated", entityId: id } })).toBe(
      1,
    );

    // and deleting it removes the document too
    expect((await deleteCertificateAction({ certificationId: id })).ok).toBe(true);
    expect(await counts(organization.id)).toMatchObject({ certs: 0, files: 0 });
  });
});

describe("another UMKM's certificates", () => {
  it("cannot be changed or deleted through the server actions (not found, nothing changes)", async () => {
    const victim = await newUmkm("UMKM Pemilik");
    await actAs(victim.owner);
    const created = await saveCertificateAction(
      null,
      form(sni, { bytes: placeholderPdf("asli"), name: "asli.pdf", type: "application/pdf" }),
    );
    if (!created.ok) throw new Error("setup");
    const before = await t.db.certification.findUniqueOrThrow({ where: { id: created.data.id } });

    const intruder = await newUmkm("UMKM Lain");
    await actAs(intruder.owner);
    const upd = await saveCertificateAction(
      null,
      form(
        { ...sni, number: "PALSU", certificationId: created.data.id },
        { bytes: placeholderPdf("palsu"), name: "p.pdf", type: "application/pdf" },
      ),
    );
    expect(upd).toMatchObject({ ok: false, error: { code: "not_found" } });
    const del = await deleteCertificateAction({ certificationId: created.data.id });
    expect(del).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await t.db.certification.findUniqueOrThrow({ where: { id: created.data.id } })).toEqual(before);
    expect(await t.db.storedFile.count({ where: { organizationId: intruder.organization.id } })).toBe(0);

    // the owner can delete it, document included
    await actAs(victim.owner);
    expect((await deleteCertificateAction({ certificationId: created.data.id })).ok).toBe(true);
    expect(await t.db.storedFile.count({ where: { organizationId: victim.organization.id } })).toBe(0);
  });
});

describe("GET /api/files/{id}", () => {
  it("serves the owner's document with nosniff and a safe Content-Disposition; other orgs get 404; admins can review", async () => {
    const owner = await newUmkm("UMKM Dokumen");
    await actAs(owner.owner);
    const pdf = placeholderPdf("Sertifikat Halal");
    const created = await saveCertificateAction(
      null,
      form({ type: "halal", number: "ID3311000012345" }, { bytes: pdf, name: 'halal "ku".pdf', type: "text/html" }),
    );
    if (!created.ok || !created.data.documentId) throw new Error("setup");
    const id = created.data.documentId;
    const call = () => callRoute(downloadFile, "GET", `/api/files/${id}`, { params: { id } });

    const res = await call();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="halal ku\.pdf"/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);

    const other = await newUmkm("UMKM Lain Lagi");
    await actAs(other.owner);
    const denied = await call();
    expect(denied.status).toBe(404);
    expect(await denied.text()).not.toContain("%PDF");
    const { owner: buyerOwner } = await createOrganization(t.db, "buyer");
    await actAs(buyerOwner);
    expect((await call()).status).toBe(404);

    const { owner: admin } = await createOrganization(t.db, "platform", { name: `Rantai ${Math.random()}` });
    await actAs(admin);
    expect((await call()).status).toBe(200);

    signOut();
    expect((await call()).status).toBe(401);
  });
});
