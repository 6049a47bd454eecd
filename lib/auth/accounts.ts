// Accounts: sign-up (a user and the organization they own) and credential checks.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { forbidden, invalidInput, unauthorized } from "@/lib/errors";
import { audit } from "@/lib/audit/log";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { consumeSignup, reserveLoginAttempt } from "./rate-limit";
import { credentialsSchema, fieldErrors, registerSchema, type SignupOrgType } from "./schemas";

export interface RegisteredAccount {
  user: { id: string; email: string; name: string };
  organization: {
    id: string;
    name: string;
    type: SignupOrgType;
    verificationStatus: string;
    /** A regional government's scope (issue 12); null for the other types. */
    regionProvinceCode: string | null;
    regionRegencyCode: string | null;
  };
}

/**
 * Creates a user and the organization they own. UMKM start unverified until their documents are reviewed;
 * buyer, cooperative, cluster-manager and regional-government organizations start unverified too and a platform
 * admin verifies them. A regional government names its scope: one province or one regency, checked against the
 * reference tables (docs/decisions/0023-regional-governments.md).
 */
export async function registerAccount(
  input: unknown,
  { locale = "id", address = null }: { locale?: string; address?: string | null } = {},
): Promise<RegisteredAccount> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  await consumeSignup(address);
  const { email, password, name, organization } = parsed.data;
  await checkRegionScope(organization.regionProvinceCode, organization.regionRegencyCode);

  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw invalidInput({ email: ["errors.field.emailTaken"] }, "errors.emailTaken");

  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name, passwordHash, locale: locale === "en" ? "en" : "id" },
        select: { id: true, email: true, name: true },
      });
      const org = await tx.organization.create({
        data: {
          type: organization.type,
          name: organization.name,
          memberships: { create: { userId: user.id, role: "owner" } },
          ...(organization.type === "umkm" ? { supplierProfile: { create: {} } } : {}),
          ...(organization.type === "regional_government"
            ? { regionProvinceCode: organization.regionProvinceCode ?? null, regionRegencyCode: organization.regionRegencyCode ?? null }
            : {}),
        },
        select: { id: true, name: true, type: true, verificationStatus: true, regionProvinceCode: true, regionRegencyCode: true },
      });
      await audit(tx, {
        organizationId: org.id,
        actorId: user.id,
        action: "account.registered",
        entityType: "Organization",
        entityId: org.id,
        data: { organizationType: org.type, regionProvinceCode: org.regionProvinceCode, regionRegencyCode: org.regionRegencyCode },
      });
      return {
        user,
        organization: { ...org, type: org.type as RegisteredAccount["organization"]["type"] },
      };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      // Two sign-ups with one email at once: the loser gets the same answer as a later duplicate.
      throw invalidInput({ email: ["errors.field.emailTaken"] }, "errors.emailTaken");
    }
    throw err;
  }
}

/** A regional government's scope code must be in the reference tables (the schema checked its form). */
async function checkRegionScope(provinceCode: string | undefined, regencyCode: string | undefined): Promise<void> {
  if (provinceCode && !(await db.province.findUnique({ where: { code: provinceCode }, select: { code: true } }))) {
    throw invalidInput({ "organization.regionProvinceCode": ["errors.field.region"] });
  }
  if (regencyCode && !(await db.regency.findUnique({ where: { code: regencyCode }, select: { code: true } }))) {
    throw invalidInput({ "organization.regionRegencyCode": ["errors.field.region"] });
  }
}

/**
 * Checks an email and password. Attempts are rate limited per account and per address (reserved before the
 * check, lib/auth/rate-limit.ts); a wrong email and a wrong password look the same (same error, same work).
 */
export async function verifyCredentials(
  input: unknown,
  { address = null }: { address?: string | null } = {},
): Promise<{ id: string; email: string; name: string; sessionVersion: number }> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  const { email, password } = parsed.data;

  // The attempt is reserved before the password is checked (issue 11): N parallel requests cannot get more
  // than the limit's worth of checks. A failure keeps the reservation.
  const attempt = await reserveLoginAttempt(email, address);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true, suspendedAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.disabledAt) throw unauthorized("errors.invalidCredentials");
  // Suspended by a platform admin (issue 16): said only to whoever knows the password, and nothing more (no
  // reason, no date). The attempt keeps its reservation like a failure.
  if (user.suspendedAt) throw forbidden("errors.accountSuspended");
  await attempt.succeeded();
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
