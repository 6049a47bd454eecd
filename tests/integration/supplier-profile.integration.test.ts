// The UMKM supplier profile service (lib/suppliers/profile.ts, profile-update.ts, verification.ts): validation
// against the reference data, size class history, tenancy (someone else's profile is "not found"), refusals
// that change nothing, and the request for verification.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createOrganization, createUmkm } from "@/tests/helpers/factories";
import { getPublicSupplierProfile, getSupplierForReview } from "@/lib/suppliers/profile";
import { updateSupplierProfile } from "@/lib/suppliers/profile-update";
import { submitForVerification } from "@/lib/suppliers/verification";
import { saveProfileStep, submitForVerificationAction } from "@/lib/suppliers/actions";
import { supplierProfileSchema } from "@/lib/suppliers/schemas";
import { DomainError } from "@/lib/errors";

const t = useTestDatabase();
afterEach(() => signOut());

/** A freshly signed-up UMKM: an empty supplier profile. */
async function newUmkm(name = `UMKM Baru ${Math.random().toString(36).slice(2, 8)}`) {
  const { organization, owner } = await createOrganization(t.db, "umkm", { name });
  await t.db.supplierProfile.create({ data: { organizationId: organization.id } });
  return { organization, owner, actor: await actAs(owner) };
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

/** Everything an update could touch, for "nothing changed" assertions. */
async function snapshot(orgId: string) {
  const [org, profile, kbli, history, certs, files, audit] = await Promise.all([
    t.db.organization.findUniqueOrThrow({ where: { id: orgId } }),
    t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: orgId } }),
    t.db.supplierKbli.findMany({ where: { supplierId: orgId }, orderBy: { kbliCode: "asc" } }),
    t.db.sizeClassChange.findMany({ where: { supplierId: orgId }, orderBy: { effectiveAt: "asc" } }),
    t.db.certification.findMany({ where: { organizationId: orgId }, orderBy: { id: "asc" } }),
    t.db.storedFile.findMany({ where: { organizationId: orgId }, select: { id: true, sha256: true } }),
    t.db.auditLog.count({ where: { organizationId: orgId } }),
  ]);
  return { org, profile, kbli, history, certs, files, audit };
}

const parse = (input: unknown) => supplierProfileSchema.parse(input);

describe("updateSupplierProfile", () => {
  it("saves identity, location, KBLI and figures; normalises NPWP; derives the class and records it once", async () => {
    const { organization, actor } = await newUmkm();
    const out = await updateSupplierProfile(
      actor,
      organization.id,
      parse({
        name: "Batik Tulis Sekar Jagad",
        legalForm: "ud",
        nib: "9120001234567",
        npwp: "01.855.081.4-412.000",
        regencyCode: "33.75",
        kbli: ["13134", "46411"],
        capitalIdr: "350.000.000",
      }),
      { step: 1 },
    );
    expect(out).toMatchObject({
      name: "Batik Tulis Sekar Jagad",
      npwp: "0018550814412000",
      sizeClass: "mikro",
      sizeBasis: "capital",
      regencyCode: "33.75",
      province: { code: "33" },
      onboardingStep: 1,
    });
    expect(out.kbli.map((k) => [k.code, k.isPrimary])).toEqual([
      ["13134", true],
      ["46411", false],
    ]);
    expect(out.onboardedAt).toBeInstanceOf(Date); // all required fields + size class + legal form
    const org = await t.db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(org).toMatchObject({ name: "Batik Tulis Sekar Jagad", regencyCode: "33.75" });
    expect(await t.db.sizeClassChange.count({ where: { supplierId: organization.id } })).toBe(1);
    const log = await t.db.auditLog.findFirstOrThrow({ where: { organizationId: organization.id, action: "supplier.profile_updated" } });
    expect((log.data as { fields: string[] }).fields).toEqual(expect.arrayContaining(["nib", "npwp", "kbli", "name"]));

    // Same class again (different figure): no new history row.
    await updateSupplierProfile(actor, organization.id, parse({ capitalIdr: 400_000_000 }));
    expect(await t.db.sizeClassChange.count({ where: { supplierId: organization.id } })).toBe(1);
  });

  it("appends a SizeClassChange row when the business moves up a class (naik kelas)", async () => {
    const { organization, actor } = await newUmkm();
    await updateSupplierProfile(actor, organization.id, parse({ annualSalesIdr: "1.800.000.000" }));
    await updateSupplierProfile(actor, organization.id, parse({ annualSalesIdr: "2.000.000.001" }));
    await updateSupplierProfile(actor, organization.id, parse({ annualSalesIdr: "16.000.000.000" }));
    const history = await t.db.sizeClassChange.findMany({ where: { supplierId: organization.id }, orderBy: { effectiveAt: "asc" } });
    expect(history.map((h) => [h.sizeClass, h.basis, h.annualSalesIdr])).toEqual([
      ["mikro", "annual_sales", 1_800_000_000n],
      ["kecil", "annual_sales", 2_000_000_001n],
      ["menengah", "annual_sales", 16_000_000_000n],
    ]);
    const p = await t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: organization.id } });
    expect(p.sizeClass).toBe("menengah");
  });

  it("refuses a business above the PP 7/2021 limits (not an UMKM) and saves nothing", async () => {
    const { organization, actor } = await newUmkm();
    await updateSupplierProfile(actor, organization.id, parse({ capitalIdr: 500_000_000 }));
    const before = await snapshot(organization.id);
    const e1 = await rejection(
      updateSupplierProfile(actor, organization.id, parse({ annualSalesIdr: "50.000.000.001", description: "x" })),
    );
    expect(e1.code).toBe("invalid_input");
    expect(e1.fields).toEqual({ annualSalesIdr: ["suppliers.errors.salesAboveUmkm"] });
    const e2 = await rejection(updateSupplierProfile(actor, organization.id, parse({ capitalIdr: "10.000.000.001" })));
    expect(e2.fields).toEqual({ capitalIdr: ["suppliers.errors.capitalAboveUmkm"] });
    expect(await snapshot(organization.id)).toEqual(before);
  });

  it("refuses unknown regency and KBLI codes (and a taken NIB) with field errors, changing nothing", async () => {
    const { organization: other } = await createUmkm(t.db);
    const { organization, actor } = await newUmkm();
    await updateSupplierProfile(actor, organization.id, parse({ regencyCode: "33.75", kbli: ["13134"] }));
    const before = await snapshot(organization.id);

    const e = await rejection(
      updateSupplierProfile(
        actor,
        organization.id,
        parse({
          name: "Nama Baru",
          regencyCode: "33.98",
          kbli: ["13134", "99999", "13131"],
          nib: (await t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: other.id } })).nib,
        }),
      ),
    );
    expect(e.code).toBe("invalid_input");
    expect(e.fields).toEqual({
      regencyCode: ["suppliers.errors.regencyUnknown"],
      "kbli.1": ["suppliers.errors.kbliUnknown"],
      kbli: ["suppliers.errors.kbliUnknown"],
      nib: ["suppliers.errors.nibTaken"],
    });
    // a 4-digit (level 4) code is not a KBLI a business registers with
    const e2 = await rejection(updateSupplierProfile(actor, organization.id, { kbli: ["1313"] } as never));
    expect(e2.fields?.kbli).toEqual(["suppliers.errors.kbliUnknown"]);
    expect(await snapshot(organization.id)).toEqual(before);
  });

  it("another UMKM's member gets not_found and changes nothing; so does a buyer", async () => {
    const victim = await newUmkm("UMKM Korban");
    const before = await snapshot(victim.organization.id);
    const intruder = await newUmkm("UMKM Penyusup");
    const e = await rejection(updateSupplierProfile(intruder.actor, victim.organization.id, parse({ name: "Diambil alih" })));
    expect(e.code).toBe("not_found");
    const { owner: buyerOwner } = await createOrganization(t.db, "buyer");
    const e2 = await rejection(updateSupplierProfile(await actAs(buyerOwner), victim.organization.id, parse({ description: "x" })));
    expect(e2.code).toBe("not_found");
    expect(await snapshot(victim.organization.id)).toEqual(before);
  });

  it("a verified UMKM that changes its NPWP loses the badge (the badge vouches for checked identifiers)", async () => {
    const { organization, owner } = await createUmkm(t.db, { verificationStatus: "verified" });
    const actor = await actAs(owner);
    await updateSupplierProfile(actor, organization.id, parse({ description: "Batik cap dan tulis" }));
    expect((await t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: organization.id } })).verificationStatus).toBe(
      "verified",
    );
    await updateSupplierProfile(actor, organization.id, parse({ npwp: "3375014506900003" }));
    const p = await t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: organization.id } });
    expect(p).toMatchObject({ verificationStatus: "unverified", npwp: "3375014506900003" });
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: organization.id } })).verificationStatus).toBe("unverified");
  });

  it("replaces the certificate list (API semantics), keeping documents of certificates that stay", async () => {
    const { organization, actor } = await newUmkm();
    const file = await t.db.storedFile.create({
      data: {
        organizationId: organization.id,
        kind: "certificate",
        filename: "halal.pdf",
        mimeType: "application/pdf",
        sizeBytes: 5,
        sha256: "x",
        content: new Uint8Array([37, 80, 68, 70, 45]),
      },
    });
    const oldFile = await t.db.storedFile.create({
      data: {
        organizationId: organization.id,
        kind: "certificate",
        filename: "sni.pdf",
        mimeType: "application/pdf",
        sizeBytes: 5,
        sha256: "y",
        content: new Uint8Array([37, 80, 68, 70, 45]),
      },
    });
    await t.db.certification.create({
      data: { organizationId: organization.id, type: "halal", number: "ID331100001", documentId: file.id },
    });
    await t.db.certification.create({
      data: { organizationId: organization.id, type: "sni", number: "SNI-OLD", validUntil: new Date("2027-01-01"), documentId: oldFile.id },
    });
    await updateSupplierProfile(
      actor,
      organization.id,
      parse({
        certifications: [
          { type: "halal", number: "ID331100001", issuer: "BPJPH" },
          { type: "tkdn", number: "TKDN-77", validUntil: "2028-12-31", percent: 42.5 },
        ],
      }),
    );
    const certs = await t.db.certification.findMany({ where: { organizationId: organization.id }, orderBy: { type: "asc" } });
    expect(certs.map((c) => [c.type, c.number, c.issuer, c.documentId, c.tkdnPercent?.toString() ?? null])).toEqual([
      ["halal", "ID331100001", "BPJPH", file.id, null],
      ["tkdn", "TKDN-77", null, null, "42.5"],
    ]);
    expect(await t.db.storedFile.count({ where: { id: oldFile.id } })).toBe(0);
  });
});

describe("submitForVerification", () => {
  it("requires NIB, NPWP, regency and a KBLI code, then sets pending with an audit row", async () => {
    const { organization, actor } = await newUmkm();
    const e = await rejection(submitForVerification(actor));
    expect(e.code).toBe("invalid_input");
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(["kbli", "nib", "npwp", "regencyCode"]);
    expect((await t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: organization.id } })).verificationStatus).toBe(
      "unverified",
    );

    await updateSupplierProfile(
      actor,
      organization.id,
      parse({ nib: "9120009876543", npwp: "09.254.294.3-407.000", regencyCode: "33.75", kbli: ["13134"] }),
    );
    await expect(submitForVerification(actor)).resolves.toEqual({ supplierId: organization.id, verificationStatus: "pending" });
    const [p, o] = await Promise.all([
      t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: organization.id } }),
      t.db.organization.findUniqueOrThrow({ where: { id: organization.id } }),
    ]);
    expect([p.verificationStatus, o.verificationStatus]).toEqual(["pending", "pending"]);
    expect(await t.db.auditLog.count({ where: { organizationId: organization.id, action: "supplier.verification_requested" } })).toBe(1);
    expect((await rejection(submitForVerification(actor))).code).toBe("conflict");
  });
});

describe("getPublicSupplierProfile", () => {
  it("shows the public fields only (no NPWP, address or money figures) and 404s for non-UMKM ids", async () => {
    const { organization } = await createUmkm(t.db);
    const p = await getPublicSupplierProfile(organization.id);
    expect(p).toMatchObject({ id: organization.id, verified: true, products: [] });
    expect(p.kbli.length).toBeGreaterThan(0);
    expect(JSON.stringify(p, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/npwp|capitalIdr|annualSalesIdr|address/);
    const { organization: buyer } = await createOrganization(t.db, "buyer");
    expect((await rejection(getPublicSupplierProfile(buyer.id))).code).toBe("not_found");
  });
});

describe("the onboarding form's server action (saveProfileStep)", () => {
  function fd(fields: Record<string, string | string[]>) {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
    return f;
  }

  it("returns translated field errors for invalid NIB/NPWP/Rupiah and saves nothing", async () => {
    const { organization } = await newUmkm();
    const before = await snapshot(organization.id);
    const res = await saveProfileStep(
      null,
      fd({ step: "identitas", name: "Batik Sekar", nib: "12345", npwp: "01.855.081.5-412.000", legalForm: "ud" }),
    );
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        fields: { nib: ["NIB harus 13 digit angka, sesuai yang tertera di OSS."], npwp: [expect.stringContaining("digit pemeriksa")] },
      },
    });
    const res2 = await saveProfileStep(null, fd({ step: "skala", capitalIdr: "-5.000.000", annualSalesIdr: "1,5" }));
    expect(res2).toMatchObject({
      ok: false,
      error: { fields: { capitalIdr: [expect.stringMatching(/negatif/)], annualSalesIdr: [expect.stringMatching(/bilangan bulat/)] } },
    });
    expect(await snapshot(organization.id)).toEqual(before);
  });

  it("saves a step for the ACTIVE organization only, records the step and redirects to the next one", async () => {
    const { organization } = await newUmkm();
    await expect(saveProfileStep(null, fd({ step: "bidang", kbli: ["", "13134", "14111"] }))).rejects.toThrow(/NEXT_REDIRECT/);
    const p = await t.db.supplierProfile.findUniqueOrThrow({ where: { organizationId: organization.id }, include: { kbli: true } });
    expect(p.onboardingStep).toBe(3);
    expect(p.kbli.map((k) => k.kbliCode).sort()).toEqual(["13134", "14111"]);
    // unticking everything clears the codes (the hidden empty value is still sent)
    await expect(saveProfileStep(null, fd({ step: "bidang", kbli: [""] }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await t.db.supplierKbli.count({ where: { supplierId: organization.id } })).toBe(0);
  });

  it("is refused for a buyer and for signed-out visitors", async () => {
    const { owner } = await createOrganization(t.db, "buyer");
    await actAs(owner);
    expect(await saveProfileStep(null, fd({ step: "identitas", name: "X Y" }))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    signOut();
    expect(await submitForVerificationAction(null, fd({}))).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});

describe("getSupplierForReview", () => {
  it("is for platform admins only", async () => {
    const { organization, owner } = await createUmkm(t.db, { verificationStatus: "pending" });
    const { owner: admin } = await createOrganization(t.db, "platform", { name: `Rantai ${Math.random()}` });
    const review = await getSupplierForReview(await actAs(admin), organization.id);
    expect(review).toMatchObject({ id: organization.id, profile: { verificationStatus: "pending" } });
    expect(review.profile.npwp).toMatch(/^\d{16}$/);
    expect((await rejection(getSupplierForReview(await actAs(owner), organization.id))).code).toBe("forbidden");
  });
});
