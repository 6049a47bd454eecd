// The matching rules behind fake-partnership flags (docs/decisions/0025-fake-partnerships.md). Pure and
// client-safe: lib/agreements/flags.ts applies them to the parties of an agreement; tests/unit checks them.
//
// NPWP root (../shared/docs/domain.md "Identifiers"): an entity's 16-digit NPWP is "0" + the old 15 digits
// `XX.XXX.XXX.X-XXX.XXX`; its first 9 (8 serial + the Luhn check digit) identify the taxpayer, the last 6 are
// the tax office and the branch. So two entity NPWPs share a root when digits 2–10 of the 16 are equal (a head
// office and its branch, or the same taxpayer registered twice). A NIK-based NPWP (an individual: 16 digits,
// not starting with 0) has no such structure: it matches only in full.

export const FLAG_REASONS = ["npwp_root", "owner_email", "member_user"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Digits only, normalised to 16 (15 → "0" + 15); null when it is not an NPWP of 15 or 16 digits. */
function normalise(npwp: string | null | undefined): string | null {
  if (!npwp) return null;
  const d = npwp.replace(/[\s.-]/g, "");
  if (/^\d{15}$/.test(d)) return `0${d}`;
  return /^\d{16}$/.test(d) ? d : null;
}

/**
 * The key two NPWPs are compared by: "e:" + the 9-digit root of an entity NPWP, "n:" + the whole 16 digits of a
 * NIK-based one. Null for anything that is not an NPWP (empty, wrong length, all zeros).
 */
export function npwpRootKey(npwp: string | null | undefined): string | null {
  const d = normalise(npwp);
  if (!d || /^0+$/.test(d)) return null;
  return d.startsWith("0") ? `e:${d.slice(1, 10)}` : `n:${d}`;
}

/** For the reviewer: an entity root in its old printed form ("01.234.567.8"), a NIK-based NPWP in groups of 4. */
export function formatNpwpRoot(key: string): string {
  const v = key.slice(2);
  if (key.startsWith("e:")) return `${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}.${v.slice(8)}`;
  return v.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** Whether two NPWPs belong to the same taxpayer by the rule above. */
export function sameNpwpRoot(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = npwpRootKey(a);
  return x !== null && x === npwpRootKey(b);
}

/** E-mail addresses compare case-insensitively and without surrounding spaces; empty ones never match. */
function normaliseEmail(e: string | null | undefined): string | null {
  const v = e?.trim().toLowerCase();
  return v ? v : null;
}

/** The facts of one side of an agreement the rules compare. */
export interface SideFacts {
  organizationId: string;
  name: string;
  npwps: string[];
  /** owners' user e-mails and the organization's own contact e-mail */
  ownerEmails: string[];
  memberUsers: { id: string; name: string; email: string }[];
}

export interface FlagDetails {
  npwpRoot?: { root: string; buyer: string; supplier: string }[];
  ownerEmail?: { email: string; buyer: string; supplier: string }[];
  memberUser?: { name: string; email: string; buyer: string; supplier: string }[];
}

/** What the buyer and each supplier-side party (the lead and every consortium member) share. */
export function matchParties(buyer: SideFacts, suppliers: SideFacts[]): { reasons: FlagReason[]; details: FlagDetails } {
  const details: FlagDetails = {};
  const buyerRoots = new Set(buyer.npwps.map(npwpRootKey).filter((k): k is string => k !== null));
  const buyerEmails = new Set(buyer.ownerEmails.map(normaliseEmail).filter((e): e is string => e !== null));
  const buyerUsers = new Map(buyer.memberUsers.map((u) => [u.id, u]));
  for (const s of suppliers) {
    if (s.organizationId === buyer.organizationId) continue;
    for (const key of new Set(s.npwps.map(npwpRootKey).filter((k): k is string => k !== null))) {
      if (buyerRoots.has(key)) (details.npwpRoot ??= []).push({ root: formatNpwpRoot(key), buyer: buyer.name, supplier: s.name });
    }
    for (const email of new Set(s.ownerEmails.map(normaliseEmail).filter((e): e is string => e !== null))) {
      if (buyerEmails.has(email)) (details.ownerEmail ??= []).push({ email, buyer: buyer.name, supplier: s.name });
    }
    for (const u of s.memberUsers) {
      if (buyerUsers.has(u.id)) (details.memberUser ??= []).push({ name: u.name, email: u.email, buyer: buyer.name, supplier: s.name });
    }
  }
  const reasons: FlagReason[] = [];
  if (details.npwpRoot) reasons.push("npwp_root");
  if (details.ownerEmail) reasons.push("owner_email");
  if (details.memberUser) reasons.push("member_user");
  return { reasons, details };
}
