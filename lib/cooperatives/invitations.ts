// Owner invitations that a cooperative's member import creates (issue 11): only a VERIFIED cooperative's
// invitations are e-mailed. An unverified cooperative may import, but its invitations are held: stored with
// heldAt set, no e-mail, and a tokenHash of a token nobody was given (so there is no usable link). When a
// platform admin verifies the cooperative (lib/organizations/service.ts decideVerification), the held
// invitations of UMKM that are still its members and still have no owner get a fresh token, 30 days, and go
// out through the e-mail outbox; the others are dropped.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { appBaseUrl } from "@/lib/app-url";
import { cooperativeRoutes } from "./routes";

export const INVITATION_DAYS = 30;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The invitation e-mail (Indonesian: the owner's language is not known before they have an account). */
export function invitationEmail(input: { cooperativeName: string; umkmName: string; nib: string | null; token: string }) {
  return {
    subject: `Undangan Rantai: ${input.umkmName}`,
    text:
      `${input.cooperativeName} mendaftarkan ${input.umkmName}${input.nib ? ` (NIB ${input.nib})` : ""} di Rantai.\n\n` +
      `Klaim akun pemilik usaha Anda (berlaku ${INVITATION_DAYS} hari):\n${appBaseUrl()}${cooperativeRoutes.claim(input.token)}\n`,
  };
}

type Tx = Pick<Prisma.TransactionClient, "organizationInvitation" | "emailOutbox" | "organization">;

/**
 * Sends a newly verified cooperative's held invitations; call inside the verification's transaction (after the
 * cooperative's row was updated, which serializes with a running import: see commitBatch's FOR SHARE).
 * Returns how many were sent.
 */
export async function releaseHeldInvitations(tx: Tx, cooperativeId: string, now = new Date()): Promise<number> {
  const coop = await tx.organization.findUnique({ where: { id: cooperativeId }, select: { name: true, verificationStatus: true } });
  if (!coop || coop.verificationStatus !== "verified") return 0;
  const held = await tx.organizationInvitation.findMany({
    where: { cooperativeId, heldAt: { not: null }, acceptedAt: null },
    select: {
      id: true,
      email: true,
      organization: {
        select: {
          name: true,
          supplierProfile: { select: { nib: true } },
          _count: { select: { memberships: true } },
          cooperatives: { where: { cooperativeId, status: "active" }, select: { id: true } },
        },
      },
    },
  });
  const stale = held.filter((h) => h.organization._count.memberships > 0 || h.organization.cooperatives.length === 0);
  if (stale.length > 0) await tx.organizationInvitation.deleteMany({ where: { id: { in: stale.map((h) => h.id) } } });
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  const emails: { to: string; subject: string; text: string }[] = [];
  for (const h of held) {
    if (stale.includes(h)) continue;
    const token = newInvitationToken();
    await tx.organizationInvitation.update({
      where: { id: h.id },
      data: { tokenHash: hashInvitationToken(token), heldAt: null, expiresAt, createdAt: now },
    });
    emails.push({
      to: h.email,
      ...invitationEmail({
        cooperativeName: coop.name,
        umkmName: h.organization.name,
        nib: h.organization.supplierProfile?.nib ?? null,
        token,
      }),
    });
  }
  if (emails.length > 0) await tx.emailOutbox.createMany({ data: emails });
  return emails.length;
}
