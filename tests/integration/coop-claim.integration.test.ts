// /klaim/[token] on a real database: a cooperative imports a member with an owner email; the owner claims
// the account with the link from the invitation email (read here from the EmailOutbox row) through the
// page's server action. Bad input gets field errors and creates nothing; a used link is refused with a
// translated message; the page never shows text from its query string.
//
// Why not a browser test: e2e runs `npm start` on its own embedded database, which no other process may
// open, and the token exists only in the emailed link — so the claim is driven here, and
// tests/e2e/cooperative.spec.ts covers the cooperative's side in a browser.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});
// The page's translations, from the real message files (next-intl's request config needs a Next request).
vi.mock("next-intl/server", async () => {
  const { translate } = await import("@/lib/i18n/translate");
  const translator = (ns?: string) => {
    const t = (key: string, values?: Record<string, string | number>) => translate("id", ns ? `${ns}.${key}` : key, values);
    return Object.assign(t, { has: () => true });
  };
  return {
    getTranslations: vi.fn(async (ns?: string) => translator(ns)),
    getLocale: vi.fn(async () => "id"),
    getTimeZone: vi.fn(async () => "Asia/Jakarta"),
  };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createCooperative } from "@/tests/helpers/factories";
import { importMembersCsv } from "@/lib/cooperatives/import";
import { IMPORT_COLUMNS } from "@/lib/cooperatives/import-parse";
import { claimInvitationAction } from "@/lib/cooperatives/actions";
import { verifyCredentials } from "@/lib/auth/accounts";
import ClaimPage from "@/app/klaim/[token]/page";

const t = useTestDatabase();

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** The claim link's token from the invitation email sent to `to`. */
async function tokenFromEmail(to: string): Promise<string> {
  const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const m = /\/klaim\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
  if (!m) throw new Error(`no claim link in: ${mail.text}`);
  return m[1];
}

async function expectRedirect(p: Promise<unknown>, to: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(String((err as { digest?: string } | null)?.digest ?? err)).toContain(to);
}

describe("claiming an invitation from a cooperative import", () => {
  it("refuses bad input with field errors, claims once, and the owner can sign in", async () => {
    const coop = await createCooperative(t.db, { members: 0 });
    const actor = await actAs(coop.owner);
    const row: Record<string, string> = {
      nama_usaha: "Keripik Bu Sari",
      nib: "9120301234501",
      npwp: "",
      bentuk_usaha: "ud",
      kode_kabupaten: "33.75",
      kbli: "10799",
      modal_usaha: "50000000",
      omzet_tahunan: "200000000",
      jumlah_karyawan: "3",
      email_pemilik: "sari.keripik@contoh.id",
      nama_pemilik: "Sari",
      nomor_anggota: "K-001",
    };
    const csv = [IMPORT_COLUMNS.join(","), IMPORT_COLUMNS.map((c) => row[c]).join(",")].join("\n");
    const result = await importMembersCsv(actor, csv);
    expect(result).toMatchObject({ type: "done", created: 1, invitations: 1 });
    signOut();

    const token = await tokenFromEmail("sari.keripik@contoh.id");
    const org = await t.db.supplierProfile.findUniqueOrThrow({ where: { nib: "9120301234501" }, select: { organizationId: true } });

    // too short a password, no name: field errors in Indonesian, nothing created
    const bad = await claimInvitationAction(token, null, form({ name: "", password: "pendek" }));
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { name: [expect.any(String)], password: [expect.any(String)] } },
    });
    expect(await t.db.user.count({ where: { email: "sari.keripik@contoh.id" } })).toBe(0);

    // a token that is not ours
    const wrong = await claimInvitationAction("bukan-token", null, form({ name: "Sari", password: "rahasia-panjang-1" }));
    expect(wrong).toMatchObject({ ok: false, error: { code: "not_found" } });

    await expectRedirect(
      claimInvitationAction(token, null, form({ name: "Sari Wulandari", password: "rahasia-panjang-1" })),
      "/masuk?claimed=1",
    );
    const user = await verifyCredentials({ email: "sari.keripik@contoh.id", password: "rahasia-panjang-1" });
    expect(await t.db.membership.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({
      organizationId: org.organizationId,
      role: "owner",
    });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "invitation.claimed", actorId: user.id } });
    expect(entry.organizationId).toBe(org.organizationId);

    // the link works once
    const again = await claimInvitationAction(token, null, form({ name: "Orang Lain", password: "rahasia-panjang-2" }));
    expect(again).toMatchObject({ ok: false, error: { code: "not_found", message: expect.any(String) } });
    expect((again as { error: { message: string } }).error.message).not.toContain("errors.");
  });

  it("never shows text from the query string (?error=<script>…)", async () => {
    const coop = await createCooperative(t.db, { members: 0 });
    const actor = await actAs(coop.owner);
    const csv = [
      IMPORT_COLUMNS.join(","),
      ["Tahu Pak Budi", "9120301234502", "", "ud", "33.75", "10392", "", "", "", "budi.tahu@contoh.id", "Budi", ""].join(","),
    ].join("\n");
    expect(await importMembersCsv(actor, csv)).toMatchObject({ type: "done", invitations: 1 });
    signOut();
    const token = await tokenFromEmail("budi.tahu@contoh.id");
    const attack = "<script>alert('rantai')</script> Hubungi 0812-xxxx untuk verifikasi";
    const page = await ClaimPage({
      params: Promise.resolve({ token }),
      searchParams: Promise.resolve({ error: attack }),
    } as unknown as Parameters<typeof ClaimPage>[0]);
    const tree = JSON.stringify(page);
    expect(tree).toContain("Tahu Pak Budi"); // the real invitation page…
    expect(tree).not.toContain("alert('rantai')"); // …without the injected text
    expect(tree).not.toContain("0812-xxxx");
  });
});
