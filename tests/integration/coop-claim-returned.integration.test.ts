// Issue 11 item 2 (review): owner invitations come only from verified cooperatives. A cooperative that was
// verified, imported UMKM (their owner invitations e-mailed) and was then returned by a platform admin (say,
// found to register businesses that are not its members) left those invitations claimable for 30 days: whoever
// held the e-mailed link became the UMKM's owner. An invitation of a cooperative that is no longer verified is
// not claimable (the claim page says "not found"); verified again, its links work again.
import { expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs } from "@/tests/helpers/act-as";
import { createCooperative, createOrganization } from "@/tests/helpers/factories";
import { importMembersCsv } from "@/lib/cooperatives/import";
import { IMPORT_COLUMNS } from "@/lib/cooperatives/import-parse";
import { claimInvitation, findClaimableInvitation } from "@/lib/cooperatives/members";
import { decideVerification } from "@/lib/organizations/service";

const t = useTestDatabase();

it("a returned cooperative's e-mailed owner invitations cannot be claimed; verified again, they can", async () => {
  const coop = await createCooperative(t.db, { members: 0 });
  expect((await t.db.organization.findUniqueOrThrow({ where: { id: coop.organization.id } })).verificationStatus).toBe("verified");
  const row: Record<string, string> = {
    nama_usaha: "Keripik Bu Ratna",
    nib: "9120301234599",
    npwp: "",
    bentuk_usaha: "ud",
    kode_kabupaten: "33.75",
    kbli: "10799",
    modal_usaha: "50000000",
    omzet_tahunan: "200000000",
    jumlah_karyawan: "3",
    email_pemilik: "ratna@contoh.id",
    nama_pemilik: "Ratna",
    nomor_anggota: "K-9",
  };
  const csv = [IMPORT_COLUMNS.join(","), IMPORT_COLUMNS.map((c) => row[c]).join(",")].join("\n");
  await importMembersCsv(await actAs(coop.owner), csv);
  const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: "ratna@contoh.id" } });
  const token = /\/klaim\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")![1];
  expect(await findClaimableInvitation(token)).not.toBeNull();

  const admin = await createOrganization(t.db, "platform", { name: "Rantai Admin" });
  await decideVerification(await actAs(admin.owner), {
    organizationId: coop.organization.id,
    decision: "returned",
    note: "Anggota fiktif.",
  });
  expect(await findClaimableInvitation(token)).toBeNull();
  await expect(claimInvitation(token, { name: "Ratna", password: "kata-sandi-panjang-42" })).rejects.toMatchObject({ code: "not_found" });
  expect(await t.db.user.count({ where: { email: "ratna@contoh.id" } })).toBe(0);
  expect(await t.db.membership.count({ where: { organization: { supplierProfile: { nib: "9120301234599" } } } })).toBe(0);

  await decideVerification(await actAs(admin.owner), { organizationId: coop.organization.id, decision: "verified", note: "" });
  const claimed = await claimInvitation(token, { name: "Ratna", password: "kata-sandi-panjang-42" });
  expect(claimed.email).toBe("ratna@contoh.id");
});
