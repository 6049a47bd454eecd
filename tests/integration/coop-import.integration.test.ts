// Cooperative bulk onboarding (lib/cooperatives/import.ts, docs/decisions/0008-cooperative-bulk-import.md): a
// generated CSV (2,000 rows; 20,000 with COOP_IMPORT_ROWS=20000) from the real reference tables with ~50 bad rows
// of different kinds imports with the right counts and error report; re-importing it creates no duplicates; an UMKM
// outside the cooperative with the same NIB is not overwritten; non-cooperative actors are refused; invitations can
// be claimed once. CI runs the checks with 2,000 rows (four batches of 500: batching, progress and the report are
// all exercised) on both databases. The full 20,000-row file (the import's limit) runs with COOP_IMPORT_ROWS=20000:
// on 8 Dec 2026 it imported in 121 s on PGlite in a clean-clone CI run — two minutes of CI's 20-minute budget for
// no check the 2,000 rows do not make, so it is opt-in.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { createHash } from "node:crypto";
import { useTestDatabase, testBackend } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createBuyer, createCooperative, createUmkm, entityNpwp } from "@/tests/helpers/factories";
import { importMembersCsv, type ImportResult } from "@/lib/cooperatives/import";
import { hashInvitationToken } from "@/lib/cooperatives/invitations";
import { claimInvitation, listMembers } from "@/lib/cooperatives/members";
import { verifyCredentials } from "@/lib/auth/accounts";
import { IMPORT_COLUMNS, parseImportCsv } from "@/lib/cooperatives/import-parse";
import { DomainError } from "@/lib/errors";
import { POST as importRoute } from "@/app/api/cooperatives/import/route";

const t = useTestDatabase();
afterEach(() => signOut());

const ROWS = Number(process.env.COOP_IMPORT_ROWS) || 2_000;

interface Generated {
  csv: string;
  badRows: number;
  goodRows: number;
  nibs: string[];
}

async function generate(run: string, rows: number, delimiter = ";"): Promise<Generated> {
  const regencies = (await t.db.regency.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((r) => r.code);
  const kbli = (
    await t.db.kbliCode.findMany({ where: { version: "2020", level: 5 }, select: { code: true }, orderBy: { code: "asc" } })
  ).map((k) => k.code);
  const lines = [IMPORT_COLUMNS.join(delimiter)];
  const nibs: string[] = [];
  let bad = 0;
  const badKinds = [
    (r: string[]) => (r[1] = "12345"), // NIB too short
    (r: string[]) => (r[2] = "01.234.567.1-901.000"), // NPWP check digit wrong
    (r: string[]) => (r[4] = "99.99"), // unknown regency
    (r: string[]) => (r[5] = "99999"), // unknown KBLI
    (r: string[]) => (r[6] = "-5000"), // negative Rupiah
    (r: string[]) => (r[7] = "1500000,50"), // fractional Rupiah
    (r: string[]) => (r[0] = ""), // missing name
    (r: string[]) => (r[9] = "bukan-email"), // bad email
    (r: string[]) => (r[7] = "60000000000"), // above UMKM thresholds
    (r: string[]) => (r[3] = "korporasi"), // unknown legal form
  ];
  for (let i = 0; i < rows; i++) {
    const nib = `8${run}${String(i).padStart(12 - run.length, "0")}`;
    const r = [
      `Usaha ${run} ${i}`,
      nib,
      i % 3 === 0 ? entityNpwp(String(10_000_000 + i).slice(-8), "901") : "",
      ["ud", "cv", "perorangan"][i % 3],
      regencies[i % regencies.length],
      `${kbli[i % kbli.length]};${kbli[(i * 7 + 3) % kbli.length]}`,
      String(50_000_000 + (i % 1000) * 1_000_000),
      String(100_000_000 + (i % 500) * 10_000_000),
      String(i % 40),
      i % 10 === 0 ? `pemilik.${run}.${i}@contoh.id` : "",
      i % 10 === 0 ? `Pemilik ${i}` : "",
      `A-${i}`,
    ];
    const isBad = rows >= 1000 ? i % Math.floor(rows / 50) === 7 : false;
    if (isBad) {
      badKinds[bad % badKinds.length](r);
      bad++;
    } else nibs.push(nib);
    lines.push(r.map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter));
  }
  return { csv: "\uFEFF" + lines.join("\r\n") + "\r\n", badRows: bad, goodRows: rows - bad, nibs };
}

async function coopActor() {
  const coop = await createCooperative(t.db, { members: 0 });
  return { coop, actor: await actAs(coop.owner) };
}

function done(r: Awaited<ReturnType<typeof importMembersCsv>>): ImportResult {
  if (r.type !== "done") throw new Error(`import refused: ${r.message}`);
  return r;
}

describe("cooperative bulk import", () => {
  let generated: Generated;
  let coopId: string;
  let actor: Awaited<ReturnType<typeof actAs>>;

  it(`imports ${ROWS} rows with the right counts and error report`, async () => {
    const { coop, actor: a } = await coopActor();
    coopId = coop.organization.id;
    actor = a;
    generated = await generate("01", ROWS);
    expect(generated.badRows).toBeGreaterThanOrEqual(40);
    const progress: number[] = [];
    const started = performance.now();
    const r = done(await importMembersCsv(actor, generated.csv, { onProgress: (p) => void progress.push(p.processed) }));
    const ms = performance.now() - started;
    console.log(`[coop-import] ${testBackend()}: ${ROWS} rows imported in ${Math.round(ms)} ms`);
    expect(r.total).toBe(ROWS);
    expect(r.committed).toBe(generated.goodRows);
    expect(r.created).toBe(generated.goodRows);
    expect(r.failed).toBe(generated.badRows);
    expect(progress.at(-1)).toBe(ROWS);
    expect(progress.length).toBe(Math.ceil(ROWS / 500));
    // every kind of error appears, each with its row and column
    const columns = new Set(r.errors.map((e) => e.column));
    for (const c of [
      "nib",
      "npwp",
      "kode_kabupaten",
      "kbli",
      "modal_usaha",
      "omzet_tahunan",
      "nama_usaha",
      "email_pemilik",
      "bentuk_usaha",
    ])
      expect(columns).toContain(c);
    expect(r.errors.find((e) => e.column === "nib")!.message).toMatch(/13 digit/);
    // the error report: original columns + baris + kesalahan, one line per failed row, re-readable
    const report = parseImportCsv(r.reportCsv);
    if (!report.ok) throw new Error("report unreadable");
    expect(report.rows).toHaveLength(generated.badRows);
    expect(report.headers.slice(-2)).toEqual(["baris", "kesalahan"]);
    expect(Number(report.rows[0].baris)).toBe(r.errors[0].row);

    expect(await t.db.cooperativeMembership.count({ where: { cooperativeId: coopId } })).toBe(generated.goodRows);
    expect(await t.db.supplierProfile.count({ where: { nib: { in: generated.nibs.slice(0, 900) } } })).toBe(900);
    expect(await t.db.sizeClassChange.count()).toBe(generated.goodRows);
    const invited = await t.db.organizationInvitation.count({ where: { role: "owner" } });
    expect(invited).toBeGreaterThan(0);
    expect(await t.db.emailOutbox.count()).toBe(invited);
    const sample = await t.db.supplierProfile.findUniqueOrThrow({
      where: { nib: generated.nibs[5] },
      include: { kbli: true, organization: true },
    });
    expect(sample.organization.type).toBe("umkm");
    expect(sample.kbli.length).toBeGreaterThanOrEqual(1);
    expect(sample.sizeClass).toBeTruthy();
  }, 600_000); // 20,000 rows on PGlite: ~1 min on a quiet 2-core machine, 4+ min when it is shared

  it("re-importing the same file updates by NIB and creates no duplicates", async () => {
    const before = {
      orgs: await t.db.organization.count(),
      profiles: await t.db.supplierProfile.count(),
      memberships: await t.db.cooperativeMembership.count(),
      invitations: await t.db.organizationInvitation.count(),
      kbli: await t.db.supplierKbli.count(),
      sizes: await t.db.sizeClassChange.count(),
    };
    const changed = generated.csv.replace("Usaha 01 1;", "Usaha 01 1 (baru);");
    const started = performance.now();
    const r = done(await importMembersCsv(actor, changed));
    console.log(`[coop-import] ${testBackend()}: re-import of ${ROWS} rows in ${Math.round(performance.now() - started)} ms`);
    expect(r.committed).toBe(generated.goodRows);
    expect(r.created).toBe(0);
    expect(r.updated).toBe(generated.goodRows);
    expect(r.failed).toBe(generated.badRows);
    expect(await t.db.organization.count()).toBe(before.orgs);
    expect(await t.db.supplierProfile.count()).toBe(before.profiles);
    expect(await t.db.cooperativeMembership.count()).toBe(before.memberships);
    expect(await t.db.organizationInvitation.count()).toBe(before.invitations);
    expect(await t.db.supplierKbli.count()).toBe(before.kbli);
    expect(await t.db.sizeClassChange.count()).toBe(before.sizes);
    const p = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib: generated.nibs[1] }, include: { organization: true } });
    expect(p.organization.name).toBe("Usaha 01 1 (baru)");
  }, 600_000); // 20,000 rows on PGlite: ~1 min on a quiet 2-core machine, 4+ min when it is shared

  it("does not overwrite an UMKM outside the cooperative that has an owner; refuses duplicate NIBs in one file", async () => {
    const outsider = await createUmkm(t.db, { name: "Milik Orang Lain" });
    const nib = outsider.profile.nib!;
    const csv = [
      "nama_usaha,nib,kode_kabupaten,kbli",
      `Rebutan,${nib},33.75,13134`,
      "Baru Satu,8990000000001,33.75,13134",
      "Baru Dua,8990000000001,33.75,13134",
    ].join("\n");
    const r = done(await importMembersCsv(actor, csv));
    expect(r.committed).toBe(1);
    expect(r.failed).toBe(2);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "nib"],
      [4, "nib"],
    ]);
    const after = await t.db.organization.findUniqueOrThrow({ where: { id: outsider.organization.id } });
    expect(after.name).toBe("Milik Orang Lain");
    expect(await t.db.cooperativeMembership.count({ where: { memberId: outsider.organization.id, cooperativeId: coopId } })).toBe(0);
  });

  it("refuses actors that are not cooperatives, and files over the limits", async () => {
    const buyer = await createBuyer(t.db);
    const buyerActor = await actAs(buyer.owner);
    await expect(importMembersCsv(buyerActor, "nama_usaha,nib,kode_kabupaten,kbli\nA,8990000000002,33.75,13134")).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(importMembersCsv(null, "x")).rejects.toMatchObject({ code: "unauthorized" });
    const big = "nama_usaha,nib,kode_kabupaten,kbli\n" + "A,8990000000003,33.75,13134\n".repeat(20_001);
    const before = await t.db.organization.count();
    const r = await importMembersCsv(actor, big);
    expect(r).toMatchObject({ type: "error", key: "tooManyRows" });
    expect(await t.db.organization.count()).toBe(before);
  });

  it("lists the cooperative's members with search and pagination", async () => {
    const page = await listMembers(actor, { q: "Usaha 01 1 (baru)", page: 1 });
    expect(page.items[0]?.name).toBe("Usaha 01 1 (baru)");
    const all = await listMembers(actor, {});
    expect(all.total).toBe(generated.goodRows + 1);
    expect(all.items.length).toBeLessThanOrEqual(50);
    const buyer = await createBuyer(t.db);
    await expect(listMembers(await actAs(buyer.owner), {})).rejects.toBeInstanceOf(DomainError);
  });

  it("an invited owner claims the account once, and can then sign in", async () => {
    const token = "tok-" + createHash("sha256").update(String(Math.random())).digest("hex");
    const profile = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib: generated.nibs[3] } });
    await t.db.organizationInvitation.create({
      data: {
        organizationId: profile.organizationId,
        email: "klaim@contoh.id",
        role: "owner",
        tokenHash: hashInvitationToken(token),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await claimInvitation(token, { name: "Bu Klaim", password: "rahasia-panjang-1" });
    const user = await verifyCredentials({ email: "klaim@contoh.id", password: "rahasia-panjang-1" });
    const m = await t.db.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(m).toMatchObject({ organizationId: profile.organizationId, role: "owner" });
    await expect(claimInvitation(token, { name: "Lagi", password: "rahasia-panjang-2" })).rejects.toMatchObject({ code: "not_found" });

    const expired = "tok-expired-" + Math.random();
    await t.db.organizationInvitation.create({
      data: {
        organizationId: profile.organizationId,
        email: "lama@contoh.id",
        role: "owner",
        tokenHash: hashInvitationToken(expired),
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    await expect(claimInvitation(expired, { name: "Lama", password: "rahasia-panjang-3" })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.user.count({ where: { email: "lama@contoh.id" } })).toBe(0);
  });

  it("POST /api/cooperatives/import streams NDJSON progress and the result; others are refused", async () => {
    const owner = await t.db.membership.findFirstOrThrow({ where: { organizationId: coopId, role: "owner" } });
    await actAs({ id: owner.userId }, coopId);
    const form = new FormData();
    form.set(
      "file",
      new File(["nama_usaha;nib;kode_kabupaten;kbli\nLewat Rute;8990000000009;33.75;13134\nSalah;123;33.75;13134\n"], "anggota.csv", {
        type: "text/csv",
      }),
    );
    const res = await importRoute(new Request("http://localhost/api/cooperatives/import", { method: "POST", body: form }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: "progress", processed: 2, total: 2, committed: 1, failed: 1 });
    expect(lines.at(-1)).toMatchObject({ type: "done", committed: 1, created: 1, failed: 1 });
    expect(lines.at(-1).reportCsv).toContain("kesalahan");

    const buyer = await createBuyer(t.db);
    await actAs(buyer.owner);
    const refused = await importRoute(new Request("http://localhost/api/cooperatives/import", { method: "POST", body: "x" }));
    expect(refused.status).toBe(403);
    signOut();
    const anonymous = await importRoute(new Request("http://localhost/api/cooperatives/import", { method: "POST", body: "x" }));
    expect(anonymous.status).toBe(401);
  });
});
