// issue 11 item 2, follow-up: an UMKM that has an account holder manages its own data. A cooperative's import
// updates only the membership (member number) of such a member, never its organization, profile, size class or
// KBLI, and never its verification; a row that states other business data gets a localized notice in the report
// ("not changed: this UMKM manages its own profile"), without failing the row. Unclaimed members (no account
// yet, created by the cooperative) are still updated in full. On a real database (PostgreSQL and PGlite).
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createCooperative, createUmkm, uniqueNib, uniqueNpwp } from "@/tests/helpers/factories";
import { importMembersCsv, type ImportResult } from "@/lib/cooperatives/import";
import { IMPORT_COLUMNS } from "@/lib/cooperatives/import-parse";
import { decideJoinRequest, requestMembership } from "@/lib/cooperatives/join-requests";

const t = useTestDatabase();
afterEach(() => signOut());

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> & { nama_usaha: string; nib: string };

function csv(rows: Row[]): string {
  return [IMPORT_COLUMNS.join(","), ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c] ?? "").join(","))].join("\n");
}

function done(r: Awaited<ReturnType<typeof importMembersCsv>>): ImportResult {
  if (r.type !== "done") throw new Error(`import refused: ${r.message}`);
  return r;
}

/** Everything of an UMKM a cooperative could game: organization, profile, size history, KBLI, verification. */
async function businessData(organizationId: string) {
  const org = await t.db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    include: {
      supplierProfile: { include: { kbli: { orderBy: { kbliCode: "asc" } }, sizeHistory: { orderBy: { effectiveAt: "asc" } } } },
    },
  });
  return JSON.parse(JSON.stringify(org, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/** A verified cooperative and a verified, owned UMKM that joined it by accepting its membership request. */
async function ownedVerifiedMember() {
  const coop = await createCooperative(t.db, { members: 0, name: "Koperasi Maju" });
  const umkm = await createUmkm(t.db, {
    name: "Tenun Ibu Rina",
    verificationStatus: "verified",
    capitalIdr: 80_000_000n, // micro (PP 7/2021: capital up to Rp1 billion)
    annualSalesIdr: 300_000_000n,
    employees: 4,
    legalForm: "ud",
    regencyCode: "33.75",
    kbliCodes: ["13134"],
  });
  const request = await requestMembership(await actAs(coop.owner), { organizationId: umkm.organization.id, memberNumber: "KM-1" });
  await decideJoinRequest(await actAs(umkm.owner), { requestId: request.id, decision: "accept" });
  return { coop, umkm, coopActor: await actAs(coop.owner) };
}

describe("a cooperative's import and a member that manages its own profile", () => {
  it("updates only the member number of an owned verified member; profile, size and verification unchanged; the report says why", async () => {
    const { coop, umkm, coopActor } = await ownedVerifiedMember();
    const nib = umkm.profile.nib!;
    const before = await businessData(umkm.organization.id);
    expect(before.supplierProfile).toMatchObject({ verificationStatus: "verified", sizeClass: "mikro" });

    const file = csv([
      {
        nama_usaha: "Tenun Rina Group",
        nib,
        npwp: uniqueNpwp(),
        bentuk_usaha: "cv",
        kode_kabupaten: "33.74",
        kbli: "47713",
        modal_usaha: "4000000000", // would make it a small enterprise (PP 7/2021: capital over Rp1 billion)
        omzet_tahunan: "20000000000",
        jumlah_karyawan: "90",
        email_pemilik: "koperasi@contoh.id",
        nomor_anggota: "KM-0099",
      },
    ]);
    const r = done(await importMembersCsv(coopActor, file));
    // the row is not a failure: its membership part applied
    expect(r).toMatchObject({ committed: 1, created: 0, updated: 1, failed: 0, profileUnchanged: 1, errors: [] });
    expect(r.notices).toEqual([
      {
        row: 2,
        column: "nama_usaha, npwp, bentuk_usaha, kode_kabupaten, kbli, modal_usaha, omzet_tahunan, jumlah_karyawan, email_pemilik",
        message: expect.stringMatching(/^Tidak diubah: UMKM ini mengelola profilnya sendiri/),
      },
    ]);
    // the downloadable report lists the row in the same format as failed rows (baris, kesalahan)
    const report = r.reportCsv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(report[0]).toMatch(/;baris;kesalahan$/);
    expect(report).toHaveLength(2);
    expect(report[1]).toContain(nib);
    expect(report[1]).toMatch(/;2;"?nama_usaha, npwp, .*Tidak diubah: UMKM ini mengelola profilnya sendiri/);

    // nothing of the UMKM changed: name, e-mail, regency, NPWP, capital, turnover, size class, KBLI, verification
    expect(await businessData(umkm.organization.id)).toEqual(before);
    // the membership did
    expect(
      await t.db.cooperativeMembership.findUniqueOrThrow({
        where: { cooperativeId_memberId: { cooperativeId: coop.organization.id, memberId: umkm.organization.id } },
      }),
    ).toMatchObject({ status: "active", memberNumber: "KM-0099" });
    // no invitation for the e-mail in the file
    expect(await t.db.organizationInvitation.count({ where: { organizationId: umkm.organization.id } })).toBe(0);

    // English report for an English-speaking cooperative
    const en = done(await importMembersCsv(coopActor, file, { locale: "en" }));
    expect(en.notices[0].message).toMatch(/^Not changed: this UMKM manages its own profile/);
    expect(await businessData(umkm.organization.id)).toEqual(before);
  });

  it("a row that matches the stored data (or leaves optional cells empty) gets no notice", async () => {
    const { umkm, coopActor } = await ownedVerifiedMember();
    const p = umkm.profile;
    const same = done(
      await importMembersCsv(
        coopActor,
        csv([
          {
            nama_usaha: "Tenun Ibu Rina",
            nib: p.nib!,
            npwp: p.npwp!,
            kode_kabupaten: "33.75",
            kbli: "13134",
            modal_usaha: "80000000",
            nomor_anggota: "KM-2",
          },
        ]),
      ),
    );
    expect(same).toMatchObject({ committed: 1, updated: 1, failed: 0, profileUnchanged: 0, notices: [], reportCsv: "" });
  });

  it("still updates an unclaimed member the cooperative created (no account yet)", async () => {
    const coop = await createCooperative(t.db, { members: 0 });
    const actor = await actAs(coop.owner);
    const nib = uniqueNib();
    done(
      await importMembersCsv(
        actor,
        csv([
          {
            nama_usaha: "Kue Basah Bu Tini",
            nib,
            kode_kabupaten: "33.75",
            kbli: "10792",
            modal_usaha: "50000000",
            omzet_tahunan: "200000000",
          },
        ]),
      ),
    );
    const npwp = uniqueNpwp();
    const r = done(
      await importMembersCsv(
        actor,
        csv([
          {
            nama_usaha: "Kue Basah Tini Jaya",
            nib,
            npwp,
            kode_kabupaten: "33.74",
            kbli: "10792;47713",
            modal_usaha: "2000000000",
            omzet_tahunan: "9000000000",
            nomor_anggota: "KB-5",
          },
        ]),
      ),
    );
    expect(r).toMatchObject({ committed: 1, updated: 1, failed: 0, profileUnchanged: 0, notices: [] });
    const p = await t.db.supplierProfile.findUniqueOrThrow({
      where: { nib },
      include: { organization: true, kbli: { orderBy: { kbliCode: "asc" } } },
    });
    expect(p.organization.name).toBe("Kue Basah Tini Jaya");
    expect(p).toMatchObject({ npwp, regencyCode: "33.74", capitalIdr: 2_000_000_000n, annualSalesIdr: 9_000_000_000n, sizeClass: "kecil" });
    expect(p.kbli.map((k) => [k.kbliCode, k.isPrimary])).toEqual([
      ["10792", true],
      ["47713", false],
    ]);
  });
});
