// The fake-partnership matching rules (issue 13; lib/agreements/flag-rules.ts): the NPWP root (digits 2–10 of a
// 16-digit entity NPWP; a NIK-based NPWP only in full), owner e-mails (case-insensitive) and member users.
import { describe, expect, it } from "vitest";
import { formatNpwpRoot, matchParties, npwpRootKey, sameNpwpRoot, type SideFacts } from "@/lib/agreements/flag-rules";
import { entityNpwp } from "@/prisma/seed/factories";

describe("the NPWP root rule", () => {
  const head = entityNpwp("01234567", "011"); // 0 + 01.234.567.4-011.000
  it("an entity NPWP's root is digits 2–10: the 8-digit serial and its check digit", () => {
    expect(head).toBe("0012345674011000");
    expect(npwpRootKey(head)).toBe("e:012345674");
    expect(formatNpwpRoot(npwpRootKey(head)!)).toBe("01.234.567.4");
  });

  it("the same taxpayer at another tax office or branch shares the root", () => {
    expect(sameNpwpRoot(head, entityNpwp("01234567", "927"))).toBe(true);
    expect(sameNpwpRoot(head, "0012345674011003")).toBe(true); // branch 003 of the same taxpayer
    // the old 15-digit form (no leading 0) and the printed layout are the same number
    expect(sameNpwpRoot(head, "012345674927000")).toBe(true);
    expect(sameNpwpRoot(head, "01.234.567.4-927.000")).toBe(true);
  });

  it("look-alikes do not match: another serial at the same office, a one-digit change, a shifted root", () => {
    expect(sameNpwpRoot(head, entityNpwp("01234568", "011"))).toBe(false);
    expect(sameNpwpRoot(head, "0012345679011000")).toBe(false); // check digit differs
    expect(sameNpwpRoot(head, "0112345674011000")).toBe(false); // digit 2 differs
    expect(sameNpwpRoot(head, "0001234567401100")).toBe(false); // the same digits one place later
  });

  it("a NIK-based NPWP (not starting with 0) matches only in full", () => {
    const nik = "3171012345670001";
    expect(npwpRootKey(nik)).toBe(`n:${nik}`);
    expect(sameNpwpRoot(nik, "3171 0123 4567 0001")).toBe(true);
    expect(sameNpwpRoot(nik, "3171012345670002")).toBe(false); // same first 10 digits, another person
    expect(formatNpwpRoot(npwpRootKey(nik)!)).toBe("3171 0123 4567 0001");
  });

  it("an entity NPWP never matches a NIK-based one, even with the same digits 2–10", () => {
    expect(sameNpwpRoot("0171012345000000", "3171012345670001")).toBe(false);
    expect(sameNpwpRoot("0171012345000000", "1171012345000000")).toBe(false);
  });

  it("nothing, malformed numbers and all zeros never match", () => {
    for (const bad of [null, undefined, "", "   ", "12345", "00000000000000000", "0000000000000000", "abcdefghijklmnop"]) {
      expect(npwpRootKey(bad)).toBeNull();
      expect(sameNpwpRoot(bad, bad)).toBe(false);
    }
  });
});

describe("matching the parties", () => {
  const side = (over: Partial<SideFacts>): SideFacts => ({
    organizationId: over.organizationId ?? "x",
    name: over.name ?? "X",
    npwps: [],
    ownerEmails: [],
    memberUsers: [],
    ...over,
  });
  const buyer = side({
    organizationId: "b",
    name: "PT Besar",
    npwps: [entityNpwp("01234567", "011")],
    ownerEmails: ["Direksi@Besar.co.id"],
    memberUsers: [{ id: "u1", name: "Budi", email: "budi@besar.co.id" }],
  });

  it("each reason, with the matching facts, for the lead and for a consortium member", () => {
    const lead = side({ organizationId: "s1", name: "UD Kecil", npwps: [entityNpwp("01234567", "927")] });
    const member = side({ organizationId: "s2", name: "CV Anggota", ownerEmails: [" direksi@besar.co.id "] });
    const third = side({ organizationId: "s3", name: "UD Tiga", memberUsers: [{ id: "u1", name: "Budi", email: "budi@besar.co.id" }] });
    const r = matchParties(buyer, [lead, member, third]);
    expect(r.reasons).toEqual(["npwp_root", "owner_email", "member_user"]);
    expect(r.details).toEqual({
      npwpRoot: [{ root: "01.234.567.4", buyer: "PT Besar", supplier: "UD Kecil" }],
      ownerEmail: [{ email: "direksi@besar.co.id", buyer: "PT Besar", supplier: "CV Anggota" }],
      memberUser: [{ name: "Budi", email: "budi@besar.co.id", buyer: "PT Besar", supplier: "UD Tiga" }],
    });
  });

  it("nothing shared: no reasons (same e-mail domain, another user of the same name)", () => {
    const s = side({
      organizationId: "s1",
      npwps: [entityNpwp("01234568", "011")],
      ownerEmails: ["direksi2@besar.co.id"],
      memberUsers: [{ id: "u2", name: "Budi", email: "budi2@besar.co.id" }],
    });
    expect(matchParties(buyer, [s])).toEqual({ reasons: [], details: {} });
  });
});
