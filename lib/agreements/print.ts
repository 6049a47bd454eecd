// What the agreement print (/kemitraan/[id]/cetak) says about each party beyond its name (issue 17, item 9):
// legal name and form, address with regency and province, NIB (UMKM), NPWP, and who signed for it. Rantai
// stores no separate signatory or job title, so the signatory is the member who accepted the printed version
// electronically, with their role in the organization (owner, admin, approver, member) — the print says so.
// Read only after getAgreement() has authorized the reader (a party or ministry staff).
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { getAgreement } from "./queries";

export interface PartyIdentity {
  organizationId: string;
  legalName: string;
  legalForm: string | null;
  address: string | null;
  region: string | null;
  nib: string | null;
  npwp: string | null;
  /** The member who accepted `version` for the party, and their role there (null: not accepted yet). */
  signatory: { name: string; role: string | null } | null;
}

export async function getPartyIdentities(actor: Actor | null, agreementId: string, version: number): Promise<Map<string, PartyIdentity>> {
  const a = await getAgreement(actor, agreementId); // authorizes (404 for anyone who may not read it)
  const ids = a.parties.map((p) => p.organizationId);
  const [orgs, acceptances] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        legalName: true,
        legalForm: true,
        npwp: true,
        address: true,
        regency: { select: { name: true, province: { select: { name: true } } } },
        supplierProfile: {
          select: {
            nib: true,
            npwp: true,
            legalForm: true,
            address: true,
            regency: { select: { name: true, province: { select: { name: true } } } },
          },
        },
      },
    }),
    db.agreementAcceptance.findMany({
      where: { agreementId, version },
      select: { organizationId: true, user: { select: { name: true, memberships: { select: { organizationId: true, role: true } } } } },
    }),
  ]);
  const out = new Map<string, PartyIdentity>();
  for (const o of orgs) {
    const sp = o.supplierProfile;
    const regency = sp?.regency ?? o.regency;
    const acc = acceptances.find((x) => x.organizationId === o.id);
    out.set(o.id, {
      organizationId: o.id,
      legalName: o.legalName ?? o.name,
      legalForm: sp?.legalForm ?? o.legalForm ?? null,
      address: sp?.address ?? o.address ?? null,
      region: regency ? `${regency.name}, ${regency.province.name}` : null,
      nib: sp?.nib ?? null,
      npwp: o.npwp ?? sp?.npwp ?? null,
      signatory: acc?.user
        ? { name: acc.user.name, role: acc.user.memberships.find((m) => m.organizationId === o.id)?.role ?? null }
        : null,
    });
  }
  return out;
}
