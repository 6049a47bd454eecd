// Issue 11 item 1: prototype pollution before sign-in. Form field names are chosen by whoever posts the
// form, and the public actions (sign-up, claiming a cooperative's invitation) run before anyone signs in. A
// field named `__proto__.hasOwnProperty` used to be walked into Object.prototype, breaking every later
// request of the process until a restart. Driven through the real actions; afterwards Object.prototype
// must be untouched, nothing written, and an ordinary request must still work.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createCooperative } from "@/tests/helpers/factories";
import { importMembersCsv } from "@/lib/cooperatives/import";
import { IMPORT_COLUMNS } from "@/lib/cooperatives/import-parse";
import { claimInvitationAction } from "@/lib/cooperatives/actions";
import { signUp } from "@/lib/auth/actions";
import { formDataToObject } from "@/lib/auth/action-wrapper";
import en from "@/messages/en.json";
import id from "@/messages/id.json";

const t = useTestDatabase();

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const originalHasOwn = Object.prototype.hasOwnProperty;
const originalToString = Object.prototype.toString;

/** Undo any pollution so one failing test does not take the rest of the run down with it. */
afterEach(() => {
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    if (!PROTO_NAMES.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
  }
  Object.prototype.hasOwnProperty = originalHasOwn;
  Object.prototype.toString = originalToString;
  signOut();
});

function expectPrototypeIntact() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual([...PROTO_NAMES].sort());
  expect(Object.prototype.hasOwnProperty).toBe(originalHasOwn);
  expect(Object.prototype.toString).toBe(originalToString);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

let n = 0;
function signUpForm(extra: [string, string][] = []) {
  n += 1;
  const fd = new FormData();
  fd.set("name", "Siti Rahayu");
  fd.set("email", `proto-${n}-${Date.now()}@contoh.rantai.test`);
  fd.set("password", "batik-pekalongan-1");
  fd.set("organization.name", `Batik Rahayu ${n}`);
  fd.set("organization.type", "umkm");
  for (const [k, v] of extra) fd.append(k, v);
  return fd;
}

const HOSTILE: [string, string][][] = [
  [["__proto__.hasOwnProperty", "x"]],
  [["__proto__.polluted", "yes"]],
  [["constructor.prototype.polluted", "yes"]],
  [["organization.__proto__.polluted", "yes"]],
  [["organization.constructor.prototype.toString", "x"]],
  [["__proto__[]", "x"]],
  [["prototype", "x"]],
  [["organization..name", "x"]],
  // A name that contradicts an earlier one ("organization" is an object already).
  [["organization", "x"]],
];

describe("sign-up refuses field names that would reach a prototype", () => {
  it.each(HOSTILE.map((fields) => [fields[0][0], fields] as const))(
    "%s: a localized form error, no account, prototype intact",
    async (_name, fields) => {
      const users = await t.db.user.count();
      const orgs = await t.db.organization.count();
      const res = await signUp(null, signUpForm(fields));
      expectPrototypeIntact();
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe("invalid_input");
      expect(res.error.message).toBe(id.auth.form.fieldNameRefused);
      expect(await t.db.user.count()).toBe(users);
      expect(await t.db.organization.count()).toBe(orgs);

      // The process still serves the next request.
      const ok = await signUp(null, signUpForm());
      expect(ok.ok, JSON.stringify(ok)).toBe(true);
    },
  );

  it("has the message in both languages", () => {
    expect(en.auth.form.fieldNameRefused).toMatch(/field name/);
    expect(id.auth.form.fieldNameRefused).toMatch(/nama kolom/);
  });

  it("still nests ordinary dotted names and repeated names, in objects without a prototype", () => {
    const fd = new FormData();
    fd.append("organization.name", "CV Maju");
    fd.append("kbli[]", "10799");
    fd.append("tag", "a");
    fd.append("tag", "b");
    const out = formDataToObject(fd);
    expect(JSON.parse(JSON.stringify(out))).toEqual({ organization: { name: "CV Maju" }, kbli: ["10799"], tag: ["a", "b"] });
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.getPrototypeOf(out.organization)).toBeNull();
  });
});

describe("claiming a cooperative's invitation refuses them too", () => {
  it("does not claim the account, leaves Object.prototype intact, and a clean claim still works", async () => {
    const coop = await createCooperative(t.db, { members: 0 });
    // Invitations are sent by verified cooperatives (issue 11 item 2): make this one verified either way.
    await t.db.organization.update({
      where: { id: coop.organization.id },
      data: { verificationStatus: "verified", verifiedAt: new Date() },
    });
    const actor = await actAs(coop.owner);
    const row: Record<string, string> = {
      nama_usaha: "Keripik Bu Proto",
      nib: "9120301239901",
      npwp: "",
      bentuk_usaha: "ud",
      kode_kabupaten: "33.75",
      kbli: "10799",
      modal_usaha: "50000000",
      omzet_tahunan: "200000000",
      jumlah_karyawan: "3",
      email_pemilik: "proto.keripik@contoh.id",
      nama_pemilik: "Proto",
      nomor_anggota: "K-009",
    };
    const csv = [IMPORT_COLUMNS.join(","), IMPORT_COLUMNS.map((c) => row[c]).join(",")].join("\n");
    await importMembersCsv(actor, csv);
    signOut();
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: row.email_pemilik }, orderBy: { createdAt: "desc" } });
    const token = /\/klaim\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
    expect(token).toBeTruthy();

    for (const [name, value] of [
      ["__proto__.hasOwnProperty", "x"],
      ["constructor.prototype.polluted", "yes"],
    ]) {
      const fd = new FormData();
      fd.set("name", "Proto Wulandari");
      fd.set("password", "rahasia-panjang-1");
      fd.append(name, value);
      const usersBefore = await t.db.user.count();
      const res = await claimInvitationAction(token!, null, fd);
      expectPrototypeIntact();
      expect(res).toMatchObject({ ok: false, error: { code: "invalid_input", message: id.auth.form.fieldNameRefused } });
      expect(await t.db.user.count()).toBe(usersBefore);
    }

    const fd = new FormData();
    fd.set("name", "Proto Wulandari");
    fd.set("password", "rahasia-panjang-1");
    const claimed = await claimInvitationAction(token!, null, fd).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((claimed as { digest?: string } | null)?.digest ?? claimed)).toContain("/masuk?claimed=1");
  });
});
