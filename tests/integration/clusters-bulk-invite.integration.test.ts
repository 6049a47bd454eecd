// Cluster bulk invitation by CSV of NIB (issue 12) on a real database: a 20,000-row file through the shared CSV
// engine — only existing UMKM are invited, every other row is reported with its reason, nobody's data changes
// (only ClusterMember invitations, their in-app notifications and one audit entry are written), progress
// arrives per batch, and file errors / another manager's cluster change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { createBuyer, createOrganization, createUmkm, createUmkms, uniqueNib } from "@/tests/helpers/factories";
import { bulkInviteCsv, type InviteProgress, type InviteResult } from "@/lib/clusters/bulk-invite";
import { parseCsvFile } from "@/lib/csv/import-engine";
import { installWriteLog, type WriteLog } from "@/tests/helpers/write-log";

const t = useTestDatabase();

const ROWS = 20_000;
const EXISTING = 500;

let managerUserId: string;
let otherManagerUserId: string;
let clusterId: string;
let existingNibs: string[];
let special: { member: string; invited: string; requested: string; left: string; buyerNib: string };
let log: WriteLog;

beforeAll(async () => {
  const manager = await createOrganization(t.db, "cluster_manager");
  const other = await createOrganization(t.db, "cluster_manager");
  managerUserId = manager.owner.id;
  otherManagerUserId = other.owner.id;
  clusterId = (
    await t.db.cluster.create({
      data: {
        name: "Klaster Uji Massal",
        kbliSections: ["C"],
        provinceCodes: ["32"],
        regencyCodes: [],
        managerId: manager.organization.id,
      },
    })
  ).id;
  await createUmkms(
    t.db,
    Array.from({ length: EXISTING }, (_, i) => ({ name: `UD Massal ${i}`, nib: uniqueNib(), verificationStatus: "verified" as const })),
  );
  existingNibs = (
    await t.db.supplierProfile.findMany({ where: { organization: { name: { startsWith: "UD Massal " } } }, select: { nib: true } })
  ).map((p) => p.nib!);
  expect(existingNibs).toHaveLength(EXISTING);
  const states = ["active", "invited", "requested", "left"] as const;
  const nibs: string[] = [];
  for (const status of states) {
    const u = await createUmkm(t.db, { verificationStatus: "verified" });
    await t.db.clusterMember.create({ data: { clusterId, organizationId: u.organization.id, status } });
    nibs.push(u.profile.nib!);
  }
  special = { member: nibs[0], invited: nibs[1], requested: nibs[2], left: nibs[3], buyerNib: "" };
  await createBuyer(t.db);
  log = await installWriteLog(t.sql);
}, 300_000);

function buildCsv(): { csv: string; expectInvited: number; expectErrors: Map<number, string> } {
  const lines = ["nib;catatan"];
  const errors = new Map<number, string>();
  let invited = 0;
  const push = (nib: string, error?: string) => {
    lines.push(`${nib};x`);
    if (error)
      errors.set(lines.length, error); // spreadsheet row = line number (header = 1)
    else invited++;
  };
  for (const nib of existingNibs) push(nib);
  push(existingNibs[0], "duplicateInFile");
  push(special.member, "alreadyMember");
  push(special.invited, "alreadyInvited");
  push(special.requested, "requestPending");
  push(special.left); // left earlier: invited again
  push("12345", "nib");
  push("", "required");
  push("=SUM(1)", "nib");
  push('"9,12E+12"', "nibSpreadsheet"); // what Excel saves for a NIB typed into a General column
  let n = 0;
  while (lines.length - 1 < ROWS) push(`8${String(++n).padStart(12, "0")}`, "unknownNib");
  return { csv: lines.join("\r\n") + "\r\n", expectInvited: invited, expectErrors: errors };
}

describe("bulk invitation by CSV of NIB", () => {
  it("another manager's cluster is not found and a bad file is refused whole; nothing is written", async () => {
    const mark = await log.mark();
    const other = await actAs({ id: otherManagerUserId });
    await expect(bulkInviteCsv(other, clusterId, "nib\n9120301234567\n")).rejects.toMatchObject({ code: "not_found" });
    const mgr = await actAs({ id: managerUserId });
    const missing = (await bulkInviteCsv(mgr, clusterId, "nomor\n123\n")) as { type: string; key: string; message: string };
    expect(missing).toMatchObject({ type: "error", key: "missingColumns" });
    expect(missing.message).toContain("nib");
    expect(await bulkInviteCsv(mgr, clusterId, "")).toMatchObject({ type: "error", key: "empty" });
    const tooMany = "nib\n" + "9120301234567\n".repeat(ROWS + 1);
    expect(await bulkInviteCsv(mgr, clusterId, tooMany)).toMatchObject({ type: "error", key: "tooManyRows" });
    expect(await log.since(mark)).toEqual([]);
  });

  it(`${ROWS} rows: only existing UMKM are invited, each other row is reported, nobody's data changes`, async () => {
    const { csv, expectInvited, expectErrors } = buildCsv();
    const mgr = await actAs({ id: managerUserId });
    const progress: InviteProgress[] = [];
    const mark = await log.mark();
    const result = (await bulkInviteCsv(mgr, clusterId, csv, { onProgress: (p) => void progress.push(p) })) as InviteResult;
    expect(result.type).toBe("done");
    expect(result.total).toBe(ROWS);
    expect(result.invited).toBe(expectInvited);
    expect(result.failed).toBe(expectErrors.size);
    // Progress per batch of 1,000 rows, ending at the whole file.
    expect(progress.length).toBe(ROWS / 1000);
    expect(progress.at(-1)).toMatchObject({ processed: ROWS, total: ROWS, invited: expectInvited });
    // The report names every failed row once, with its reason (first 1,000 in the JSON; all in the CSV).
    const report = parseCsvFile(result.reportCsv, { requiredColumns: ["nib", "baris", "kesalahan"], maxRows: ROWS, maxBytes: 50_000_000 });
    if (!report.ok) throw new Error(report.key);
    expect(report.rows.map((r) => Number(r.baris))).toEqual([...expectErrors.keys()].sort((a, b) => a - b));
    expect(report.headers).toContain("catatan");
    const byRow = new Map(report.rows.map((r) => [Number(r.baris), r.kesalahan]));
    const first = (key: string) => [...expectErrors.entries()].find(([, k]) => k === key)![0];
    expect(byRow.get(first("duplicateInFile"))).toMatch(/baris sebelumnya/);
    expect(byRow.get(first("alreadyMember"))).toMatch(/anggota/);
    expect(byRow.get(first("requestPending"))).toMatch(/meminta bergabung/);
    expect(byRow.get(first("unknownNib"))).toMatch(/Tidak ada UMKM/);
    expect(byRow.get(first("nibSpreadsheet"))).toMatch(/angka ilmiah.*Teks/);
    // A formula-looking cell comes back defused (a leading ').
    expect(report.rows.filter((r) => r.nib.startsWith("'=")).map((r) => r.nib)).toEqual(["'=SUM(1)"]);

    // Only invitations, notifications and the audit entry were written; no organization or profile changed.
    const rows = await log.since(mark);
    const tables = new Set(rows.map((r) => r.table));
    expect([...tables].sort()).toEqual(["AuditLog", "ClusterMember", "Notification"]);
    expect(rows.filter((r) => r.table === "ClusterMember").length).toBe(expectInvited);
    expect(await t.db.clusterMember.count({ where: { clusterId, status: "invited" } })).toBe(expectInvited + 1);
    expect(await t.db.clusterMember.count({ where: { clusterId, status: "active" } })).toBe(1);
    // Each invited UMKM's owner is told in the app.
    expect(await t.db.notification.count({ where: { type: "cluster.invited" } })).toBe(expectInvited);

    // Uploading the same file again invites nobody new: they are all invited now.
    const again = (await bulkInviteCsv(mgr, clusterId, csv)) as InviteResult;
    expect(again.invited).toBe(0);
    expect(again.failed).toBe(ROWS);
  });
});
