// Factories shared by the demo seed (prisma/seed/demo.ts) and the tests (which import them, with the test-only
// ones, from tests/helpers/factories.ts). Each takes a Prisma client and optional overrides and writes
// realistic, valid rows: unique e-mails, NIBs, NPWPs and agreement numbers (a per-process random base plus a
// counter), region and KBLI codes that exist in the reference tables (data/*.json), size classes derived by
// lib/suppliers/size-class.ts with their history row.
// Not "server-only" so scripts (tsx) and vitest can import it; app/, components/ and lib/ never import it.
import { createHash, randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { Prisma } from "@/lib/db/generated/client";
import type {
  AgreementStatus,
  CertificationType,
  FileKind,
  LegalForm,
  MemberRole,
  MilestoneStatus,
  OrgType,
  PartnershipScheme,
  QuoteStatus,
  RfqStatus,
  RfqVisibility,
  VerificationStatus,
} from "@/lib/enums";
import { hashPassword } from "@/lib/auth/password";
import { agreementSnapshot, type SnapshotMilestone } from "@/lib/agreements/snapshot";
import { deriveSizeClass } from "@/lib/suppliers/size-class";

/** A Prisma client or an interactive transaction's client (the seed runs inside one transaction). */
export type DbClient = Omit<Db, "$connect" | "$disconnect" | "$on" | "$use" | "$extends">;

// ---------------------------------------------------------------------------------------------
// Unique values
// ---------------------------------------------------------------------------------------------

const PROCESS_BASE = randomInt(100_000, 900_000); // differs between test processes
const PROCESS_TAG = PROCESS_BASE.toString(36);
let counter = 0;

/** A short token unique within this process and very likely across processes ("k3x9a-12"). */
export function uniqueSuffix(): string {
  counter += 1;
  return `${PROCESS_TAG}-${counter}`;
}

function nextNumber(): number {
  counter += 1;
  return counter;
}

/** 13-digit NIB (OSS issues 13 digits, no public checksum). */
export function uniqueNib(): string {
  return `9${String(PROCESS_BASE).padStart(6, "0")}${String(nextNumber() % 1_000_000).padStart(6, "0")}`;
}

/** Luhn check digit for a string of digits (the digit to append). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(payload[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A valid 16-digit entity NPWP: "0" + the old 15 digits (8-digit serial, Luhn check digit over them,
 * 3-digit tax office, "000" = head office).
 */
export function entityNpwp(serial8: string, taxOffice3: string): string {
  if (!/^\d{8}$/.test(serial8) || !/^\d{3}$/.test(taxOffice3)) throw new Error("entityNpwp: serial8 / taxOffice3 must be digits");
  return `0${serial8}${luhnCheckDigit(serial8)}${taxOffice3}000`;
}

export function uniqueNpwp(): string {
  const serial = `${String(PROCESS_BASE % 100).padStart(2, "0")}${String(nextNumber() % 1_000_000).padStart(6, "0")}`;
  return entityNpwp(serial, String(randomInt(100, 999)));
}

function uniqueAgreementNumber(year = new Date().getUTCFullYear()): string {
  return `RNT-${year}-${String((PROCESS_BASE + nextNumber()) % 1_000_000).padStart(6, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** Midnight UTC `days` from `from` (for @db.Date columns). */
export function dateInDays(days: number, from: Date = new Date()): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  return new Date(d.getTime() + days * DAY_MS);
}

export function hoursFromNow(hours: number, from: Date = new Date()): Date {
  return new Date(from.getTime() + hours * 3_600_000);
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** A small, valid one-page PDF saying it is a demo document (certificate scans in the demo data). */
export function placeholderPdf(title: string, lines: string[] = []): Uint8Array<ArrayBuffer> {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/([()\\])/g, "\\$1");
  const text = [`BT /F1 16 Tf 56 780 Td (${esc(title)}) Tj ET`]
    .concat(lines.map((l, i) => `BT /F1 11 Tf 56 ${750 - i * 18} Td (${esc(l)}) Tj ET`))
    .concat(["BT /F1 9 Tf 56 60 Td (Dokumen contoh - data demo Rantai, bukan dokumen resmi.) Tj ET"])
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const buf = Buffer.from(out, "latin1");
  const bytes = new Uint8Array(new ArrayBuffer(buf.length));
  bytes.set(buf);
  return bytes;
}

export function storedFileData(
  organizationId: string,
  {
    filename,
    title,
    lines = [],
    kind = "certificate",
    uploadedById = null,
  }: {
    filename: string;
    title: string;
    lines?: string[];
    kind?: FileKind;
    uploadedById?: string | null;
  },
) {
  const content = placeholderPdf(title, lines);
  return {
    organizationId,
    uploadedById,
    kind,
    filename,
    mimeType: "application/pdf",
    sizeBytes: content.byteLength,
    sha256: createHash("sha256").update(content).digest("hex"),
    content,
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk inserts
// ---------------------------------------------------------------------------------------------

function sqlValue(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex")}`;
  return v;
}

/**
 * Inserts many rows in one statement (INSERT … SELECT FROM jsonb_to_recordset), for seeding: Prisma's
 * createMany spends ~2 ms of CPU per row building parameters, this a few µs. Rows are typed by the caller
 * (`rows satisfies Prisma.XCreateManyInput[]`); column types come from the table itself, so enums, bigint,
 * dates, numeric and bytea convert exactly. Fills what Prisma would fill client-side: `id` (cuid-shaped)
 * when the table has one, and `updatedAt`. Every row must have the same keys. Returns the ids.
 */
export async function insertMany(db: DbClient, table: string, rows: Record<string, unknown>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const columns = await db.$queryRawUnsafe<{ name: string; type: string }[]>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    `"public"."${table.replace(/"/g, "")}"`,
  );
  const typeOf = new Map(columns.map((c) => [c.name, c.type]));
  const now = new Date();
  const full = rows.map((r) => ({
    ...(typeOf.has("id") && r.id === undefined ? { id: newId() } : {}),
    ...(typeOf.has("updatedAt") && r.updatedAt === undefined ? { updatedAt: now } : {}),
    ...r,
  }));
  const keys = Object.keys(full[0]);
  for (const k of keys) if (!typeOf.has(k)) throw new Error(`insertMany: ${table} has no column ${k}`);
  if (full.some((r) => Object.keys(r).length !== keys.length)) throw new Error(`insertMany: rows of ${table} must have the same keys`);
  const cols = keys.map((k) => `"${k}"`).join(", ");
  const recordset = keys.map((k) => `"${k}" ${typeOf.get(k)}`).join(", ");
  const json = JSON.stringify(full.map((r) => Object.fromEntries(keys.map((k) => [k, sqlValue((r as Record<string, unknown>)[k])]))));
  await db.$executeRawUnsafe(`INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM jsonb_to_recordset($1::jsonb) AS x(${recordset})`, json);
  return full.map((r) => (r as { id?: string }).id ?? "");
}

// ---------------------------------------------------------------------------------------------
// Users and organizations
// ---------------------------------------------------------------------------------------------

interface UserOverrides {
  email?: string;
  name?: string;
  /** Hashed with Argon2id (~50 ms); pass passwordHash to reuse a hash. Default: no password. */
  password?: string;
  passwordHash?: string | null;
  locale?: string;
  phone?: string | null;
  createdAt?: Date;
}

export async function createUser(db: DbClient, overrides: UserOverrides = {}) {
  const suffix = uniqueSuffix();
  const passwordHash =
    overrides.passwordHash !== undefined
      ? overrides.passwordHash
      : overrides.password !== undefined
        ? await hashPassword(overrides.password)
        : null;
  return db.user.create({
    data: {
      email: (overrides.email ?? `pengguna-${suffix}@contoh.rantai.test`).toLowerCase(),
      name: overrides.name ?? `Pengguna ${suffix}`,
      passwordHash,
      locale: overrides.locale ?? "id",
      phone: overrides.phone ?? null,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

type UserRef = { id: string };
type OwnerOption = UserRef | UserOverrides;

async function resolveOwner(db: DbClient, owner: OwnerOption | undefined) {
  if (owner && "id" in owner && typeof owner.id === "string") {
    return db.user.findUniqueOrThrow({ where: { id: owner.id } });
  }
  return createUser(db, (owner as UserOverrides | undefined) ?? {});
}

interface OrganizationOverrides {
  name?: string;
  legalName?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  regencyCode?: string | null;
  isStateOwned?: boolean;
  industry?: string | null;
  verificationStatus?: VerificationStatus;
  /** An existing user (`{ id }`) or overrides for a new one. */
  owner?: OwnerOption;
  ownerRole?: MemberRole;
  createdAt?: Date;
  /** issue 12: the organization's site (an industrial estate or UMKM centre). */
  siteId?: string | null;
  /** issue 12: a regional government's scope (one of the two; defaults to Jawa Barat when neither is given). */
  regionProvinceCode?: string | null;
  regionRegencyCode?: string | null;
}

const ORG_NAME_BY_TYPE: Record<OrgType, string> = {
  umkm: "UD Usaha Contoh",
  buyer: "PT Pembeli Contoh",
  cooperative: "Koperasi Produsen Contoh",
  ministry: "Kementerian Contoh",
  bank: "PT Bank Contoh",
  platform: "Rantai",
  cluster_manager: "Asosiasi IKM Contoh",
  regional_government: "Dinas Koperasi dan UKM Contoh",
};

/** A regional government's scope: a province, or one regency (defaults to the province of Jawa Barat, "32"). */
function regionScope(type: OrgType, o: OrganizationOverrides) {
  if (type !== "regional_government") return {};
  if (o.regionRegencyCode) return { regionRegencyCode: o.regionRegencyCode, regionProvinceCode: null };
  return { regionProvinceCode: o.regionProvinceCode ?? "32", regionRegencyCode: null };
}

function verificationFields(status: VerificationStatus, now = new Date()) {
  return { verificationStatus: status, verifiedAt: status === "verified" ? now : null };
}

/** An organization of any type with its owner's membership. */
export async function createOrganization(db: DbClient, type: OrgType, overrides: OrganizationOverrides = {}) {
  const owner = await resolveOwner(db, overrides.owner);
  const suffix = uniqueSuffix();
  const organization = await db.organization.create({
    data: {
      type,
      name: overrides.name ?? `${ORG_NAME_BY_TYPE[type]} ${suffix}`,
      legalName: overrides.legalName ?? null,
      email: overrides.email ?? null,
      phone: overrides.phone ?? null,
      website: overrides.website ?? null,
      regencyCode: overrides.regencyCode ?? null,
      isStateOwned: overrides.isStateOwned ?? false,
      industry: overrides.industry ?? null,
      siteId: overrides.siteId ?? null,
      ...regionScope(type, overrides),
      ...verificationFields(overrides.verificationStatus ?? (type === "umkm" ? "unverified" : "verified")),
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
      memberships: {
        create: {
          userId: owner.id,
          role: overrides.ownerRole ?? "owner",
          ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
        },
      },
    },
  });
  return { organization, owner };
}

// ---------------------------------------------------------------------------------------------
// UMKM
// ---------------------------------------------------------------------------------------------

interface UmkmOverrides extends OrganizationOverrides {
  nib?: string | null;
  npwp?: string | null;
  legalForm?: LegalForm | null;
  capitalIdr?: bigint | null;
  annualSalesIdr?: bigint | null;
  employees?: number | null;
  foundedYear?: number | null;
  address?: string | null;
  description?: string | null;
  /** KBLI 2020 5-digit codes; the first is the primary one. */
  kbliCodes?: string[];
  /** Earlier reported figures, oldest first (a class history to show "naik kelas"). */
  sizeHistory?: { capitalIdr?: bigint | null; annualSalesIdr?: bigint | null; effectiveAt: Date }[];
  /** When the current figures were reported (default: now). */
  sizeReportedAt?: Date;
  onboarded?: boolean;
  /** The platform's note when verification was returned. */
  verificationNote?: string | null;
}

/** One UMKM for createUmkms: a unique name and a new owner. */
export type UmkmBatchSpec = Omit<UmkmOverrides, "owner" | "name"> & { name: string; owner?: UserOverrides };

const pick = <T>(v: T | undefined, fallback: T): T => (v !== undefined ? v : fallback);

/** The supplier-profile columns, KBLI rows and size history for an UMKM (shared by createUmkm/createUmkms). */
function umkmRows(o: UmkmOverrides, now: Date) {
  const regencyCode = o.regencyCode ?? "33.75"; // Kota Pekalongan
  const kbliCodes = o.kbliCodes ?? ["13134"]; // Industri Batik
  if (kbliCodes.length === 0) throw new Error("createUmkm: at least one KBLI code");
  const capitalIdr = pick(o.capitalIdr, 750_000_000n);
  const annualSalesIdr = pick(o.annualSalesIdr, 1_800_000_000n);
  const derived = deriveSizeClass({ capitalIdr, annualSalesIdr });
  const status = o.verificationStatus ?? "verified";
  const createdAt = o.createdAt ?? now;
  const onboarded = o.onboarded ?? true;
  const history = [
    ...(o.sizeHistory ?? []).flatMap((h) => {
      const d = deriveSizeClass(h);
      return d ? [{ ...d, capitalIdr: h.capitalIdr ?? null, annualSalesIdr: h.annualSalesIdr ?? null, effectiveAt: h.effectiveAt }] : [];
    }),
    ...(derived ? [{ ...derived, capitalIdr, annualSalesIdr, effectiveAt: o.sizeReportedAt ?? createdAt }] : []),
  ];
  const verification = {
    ...verificationFields(status, new Date(Math.max(createdAt.getTime(), now.getTime() - 7 * DAY_MS))),
    verificationNote: o.verificationNote ?? null,
  };
  return {
    regencyCode,
    status,
    createdAt,
    verification,
    profile: {
      nib: pick(o.nib, uniqueNib()),
      npwp: pick(o.npwp, uniqueNpwp()),
      legalForm: pick(o.legalForm, "ud" as LegalForm),
      capitalIdr,
      annualSalesIdr,
      sizeClass: derived?.sizeClass ?? null,
      sizeBasis: derived?.basis ?? null,
      employees: pick(o.employees, 12),
      foundedYear: pick(o.foundedYear, 2012),
      regencyCode,
      address: pick(o.address, "Jl. Contoh No. 1"),
      description: pick(o.description, "Produsen batik cap dan tulis untuk seragam dan suvenir perusahaan."),
      onboardingStep: onboarded ? 4 : 1,
      onboardedAt: onboarded ? createdAt : null,
      ...verification,
      createdAt,
    },
    kbli: kbliCodes.map((code, i) => ({ kbliVersion: "2020", kbliCode: code, isPrimary: i === 0 })),
    history,
  };
}

function umkmOrgData(o: UmkmOverrides, rows: ReturnType<typeof umkmRows>, name: string) {
  return {
    type: "umkm" as const,
    name,
    legalName: o.legalName ?? null,
    email: o.email ?? null,
    phone: o.phone ?? null,
    website: o.website ?? null,
    regencyCode: rows.regencyCode,
    industry: o.industry ?? null,
    ...rows.verification,
    createdAt: rows.createdAt,
  };
}

/**
 * An UMKM organization with its supplier profile: valid NIB and NPWP, capital and sales with the derived
 * size class and its SizeClassChange rows, regency, KBLI codes and a description. Verified by default
 * (pass verificationStatus for other states); defaults to a batik workshop in Kota Pekalongan.
 */
export async function createUmkm(db: DbClient, overrides: UmkmOverrides = {}) {
  const owner = await resolveOwner(db, overrides.owner);
  const rows = umkmRows(overrides, new Date());
  const organization = await db.organization.create({
    data: {
      ...umkmOrgData(overrides, rows, overrides.name ?? `UD Batik Contoh ${uniqueSuffix()}`),
      memberships: { create: { userId: owner.id, role: overrides.ownerRole ?? "owner", createdAt: rows.createdAt } },
      supplierProfile: {
        create: { ...rows.profile, kbli: { create: rows.kbli }, sizeHistory: { create: rows.history } },
      },
    },
    include: { supplierProfile: { include: { kbli: true } } },
  });
  const { supplierProfile, ...org } = organization;
  return { organization: org, profile: supplierProfile!, owner };
}

/**
 * Many UMKM at once with six bulk INSERTs (insertMany: the demo seed's 40+ suppliers in a fraction of a
 * second). Every spec needs a unique name and a new owner (`owner` as UserOverrides, not an existing user).
 * Returns organization and owner ids by name.
 */
export async function createUmkms(db: DbClient, specs: UmkmBatchSpec[]) {
  const names = new Set(specs.map((s) => s.name));
  if (names.size !== specs.length) throw new Error("createUmkms: names must be unique within a batch");
  if (specs.some((s) => s.owner?.password !== undefined)) throw new Error("createUmkms: pass owner.passwordHash, not password");
  const now = new Date();
  const prepared = specs.map((spec) => {
    const suffix = uniqueSuffix();
    const rows = umkmRows(spec, now);
    const owner = spec.owner ?? {};
    return {
      spec,
      rows,
      organizationId: newId(),
      user: {
        id: newId(),
        email: (owner.email ?? `pemilik-${suffix}@contoh.rantai.test`).toLowerCase(),
        name: owner.name ?? `Pemilik ${suffix}`,
        passwordHash: owner.passwordHash ?? null,
        locale: owner.locale ?? "id",
        phone: owner.phone ?? null,
        createdAt: rows.createdAt,
      },
    };
  });

  await insertMany(db, "User", prepared.map((p) => p.user) satisfies Prisma.UserCreateManyInput[]);
  await insertMany(
    db,
    "Organization",
    prepared.map((p) => ({
      id: p.organizationId,
      ...umkmOrgData(p.spec, p.rows, p.spec.name),
      isStateOwned: false,
    })) satisfies Prisma.OrganizationCreateManyInput[],
  );
  await insertMany(
    db,
    "Membership",
    prepared.map((p) => ({
      userId: p.user.id,
      organizationId: p.organizationId,
      role: p.spec.ownerRole ?? "owner",
      createdAt: p.rows.createdAt,
    })) satisfies Prisma.MembershipCreateManyInput[],
  );
  await insertMany(
    db,
    "SupplierProfile",
    prepared.map((p) => ({ organizationId: p.organizationId, ...p.rows.profile })) satisfies Prisma.SupplierProfileCreateManyInput[],
  );
  await insertMany(
    db,
    "SupplierKbli",
    prepared.flatMap((p) =>
      p.rows.kbli.map((k) => ({ supplierId: p.organizationId, ...k })),
    ) satisfies Prisma.SupplierKbliCreateManyInput[],
  );
  await insertMany(
    db,
    "SizeClassChange",
    prepared.flatMap((p) =>
      p.rows.history.map((h) => ({ supplierId: p.organizationId, ...h })),
    ) satisfies Prisma.SizeClassChangeCreateManyInput[],
  );
  return new Map(
    prepared.map((p) => [
      p.spec.name,
      { name: p.spec.name, organizationId: p.organizationId, ownerId: p.user.id, sizeClass: p.rows.profile.sizeClass },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Buyers and cooperatives
// ---------------------------------------------------------------------------------------------

/** A verified buyer organization (a private manufacturer unless isStateOwned is set). */
export async function createBuyer(db: DbClient, overrides: OrganizationOverrides = {}) {
  return createOrganization(db, "buyer", {
    regencyCode: "32.16", // Kabupaten Bekasi
    industry: "Manufaktur",
    verificationStatus: "verified",
    ...overrides,
    name: overrides.name ?? `PT Industri Contoh ${uniqueSuffix()}`,
  });
}

interface CooperativeOverrides extends OrganizationOverrides {
  /** Existing UMKM organization ids, or a number of new UMKM to create. Default 3 new members. */
  members?: string[] | number;
  joinedAt?: Date;
}

/** A verified cooperative and its active member UMKM (member numbers 001, 002, ...). */
export async function createCooperative(db: DbClient, overrides: CooperativeOverrides = {}) {
  const { members = 3, joinedAt, ...orgOverrides } = overrides;
  const { organization, owner } = await createOrganization(db, "cooperative", {
    regencyCode: "33.75",
    industry: "Batik",
    ...orgOverrides,
    name: orgOverrides.name ?? `Koperasi Produsen Contoh ${uniqueSuffix()}`,
  });
  const memberIds: string[] = [];
  if (typeof members === "number") {
    for (let i = 0; i < members; i++) {
      const m = await createUmkm(db, { regencyCode: organization.regencyCode ?? "33.75" });
      memberIds.push(m.organization.id);
    }
  } else {
    memberIds.push(...members);
  }
  await db.cooperativeMembership.createMany({
    data: memberIds.map((memberId, i) => ({
      cooperativeId: organization.id,
      memberId,
      memberNumber: String(i + 1).padStart(3, "0"),
      status: "active" as const,
      ...(joinedAt ? { joinedAt } : {}),
    })),
  });
  return { organization, owner, memberIds };
}

// ---------------------------------------------------------------------------------------------
// RFQs
// ---------------------------------------------------------------------------------------------

interface RfqItemInput {
  name: string;
  specification?: string | null;
  quantity: number;
  unit: string;
  targetUnitPriceIdr?: bigint | null;
}

interface RfqOverrides {
  createdById?: string | null;
  title?: string;
  description?: string;
  kbliCode?: string;
  deliveryRegencyCode?: string;
  deadline?: Date;
  status?: RfqStatus;
  visibility?: RfqVisibility;
  sealed?: boolean;
  requiredCertifications?: CertificationType[];
  minTkdn?: number | string | null;
  publishedAt?: Date | null;
  items?: RfqItemInput[];
  /** Supplier organizations invited (for visibility "invited"). */
  invitedSupplierIds?: string[];
}

/** An RFQ, published and open with a deadline 14 days ahead by default, with its line items and invitations. */
export async function createRfq(db: DbClient, buyerId: string, overrides: RfqOverrides = {}) {
  const status = overrides.status ?? "open";
  const items = overrides.items ?? [
    {
      name: "Kain batik cap motif korporat",
      specification: "Katun primisima, 2,15 x 1,15 m",
      quantity: 500,
      unit: "lembar",
      targetUnitPriceIdr: 150_000n,
    },
  ];
  if (items.length === 0) throw new Error("createRfq: at least one item");
  const now = new Date();
  return db.rfq.create({
    data: {
      buyerId,
      createdById: overrides.createdById ?? null,
      title: overrides.title ?? `Pengadaan kain batik seragam ${uniqueSuffix()}`,
      description: overrides.description ?? "Kebutuhan seragam batik karyawan; contoh motif dilampirkan saat klarifikasi.",
      kbliVersion: "2020",
      kbliCode: overrides.kbliCode ?? "13134",
      deliveryRegencyCode: overrides.deliveryRegencyCode ?? "31.74", // Kota Administrasi Jakarta Selatan
      deadline: overrides.deadline ?? hoursFromNow(14 * 24, now),
      status,
      visibility: overrides.visibility ?? "public",
      sealed: overrides.sealed ?? false,
      requiredCertifications: overrides.requiredCertifications ?? [],
      minTkdn: overrides.minTkdn ?? null,
      publishedAt: overrides.publishedAt !== undefined ? overrides.publishedAt : status === "draft" ? null : now,
      items: {
        create: items.map((it, i) => ({
          position: i + 1,
          name: it.name,
          specification: it.specification ?? null,
          quantity: it.quantity,
          unit: it.unit,
          targetUnitPriceIdr: it.targetUnitPriceIdr ?? null,
        })),
      },
      invitations: overrides.invitedSupplierIds?.length
        ? { create: overrides.invitedSupplierIds.map((supplierId) => ({ supplierId })) }
        : undefined,
    },
    include: { items: { orderBy: { position: "asc" } }, invitations: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------------------------

interface MilestoneInput extends SnapshotMilestone {
  status?: MilestoneStatus;
}

interface AgreementOverrides {
  number?: string;
  title?: string;
  scheme?: PartnershipScheme;
  rfqId?: string | null;
  valueIdr?: bigint;
  startDate?: Date;
  endDate?: Date;
  terms?: string;
  status?: AgreementStatus;
  createdById?: string | null;
  milestones?: MilestoneInput[];
  /** Users recorded on the acceptances of version 1 (active/completed agreements), by organization id. */
  acceptedBy?: Record<string, string | null>;
  /**
   * A completed agreement carries both sides' completion confirmations (issue 11); the reason is set only
   * when it completed with milestones still open (pass it then).
   */
  completionReason?: string | null;
}

/**
 * A partnership agreement between a buyer and a supplier with both parties, version 1 (snapshot) and its
 * milestones; active and completed agreements also carry both parties' acceptance of version 1.
 */
export async function createAgreement(db: DbClient, buyerId: string, supplierId: string, overrides: AgreementOverrides = {}) {
  const status = overrides.status ?? "active";
  const startDate = overrides.startDate ?? dateInDays(-30);
  const endDate = overrides.endDate ?? dateInDays(150, startDate);
  const valueIdr = overrides.valueIdr ?? 90_000_000n;
  const milestones = overrides.milestones ?? [
    {
      title: "Pengiriman tahap 1",
      quantity: 300,
      unit: "lembar",
      dueDate: dateInDays(30, startDate),
      amountIdr: valueIdr / 2n,
      paymentTermDays: 30,
    },
    {
      title: "Pengiriman tahap 2",
      quantity: 300,
      unit: "lembar",
      dueDate: dateInDays(90, startDate),
      amountIdr: valueIdr - valueIdr / 2n,
      paymentTermDays: 30,
    },
  ];
  const title = overrides.title ?? "Perjanjian pasokan kain batik seragam";
  const scheme = overrides.scheme ?? "rantai_pasok";
  const terms =
    overrides.terms ??
    "Pembayaran 30 hari setelah barang diterima dan diperiksa. Harga belum termasuk PPN 11%. Barang yang tidak sesuai spesifikasi diganti paling lambat 14 hari.";
  const createdById = overrides.createdById ?? null;
  const accepted = status === "active" || status === "completed" || status === "terminated";
  const now = new Date();
  const acceptedAt = new Date(Math.min(startDate.getTime(), now.getTime()));

  return db.agreement.create({
    data: {
      number: overrides.number ?? uniqueAgreementNumber(startDate.getUTCFullYear()),
      title,
      scheme,
      buyerId,
      supplierId,
      rfqId: overrides.rfqId ?? null,
      valueIdr,
      startDate,
      endDate,
      terms,
      status,
      version: 1,
      proposedAt: status === "draft" ? null : acceptedAt,
      // Issue 13: a buyer's acceptance carries its declaration that it does not own or control the partner.
      ownershipDeclaredAt: status === "draft" ? null : acceptedAt,
      activatedAt: accepted ? acceptedAt : null,
      completedAt: status === "completed" ? (endDate < now ? endDate : now) : null,
      buyerConfirmedCompletionAt: status === "completed" ? (endDate < now ? endDate : now) : null,
      supplierConfirmedCompletionAt: status === "completed" ? (endDate < now ? endDate : now) : null,
      completionReason: status === "completed" ? (overrides.completionReason ?? null) : null,
      createdById,
      parties: {
        create: [
          { organizationId: buyerId, role: "buyer" },
          { organizationId: supplierId, role: "supplier" },
        ],
      },
      versions: {
        create: {
          version: 1,
          snapshot: agreementSnapshot({ title, scheme, valueIdr, startDate, endDate, terms, milestones }),
          changeNote: "Versi awal",
          createdById,
        },
      },
      acceptances: accepted
        ? {
            create: [buyerId, supplierId].map((organizationId) => ({
              version: 1,
              organizationId,
              userId: overrides.acceptedBy?.[organizationId] ?? null,
              acceptedAt,
            })),
          }
        : undefined,
      milestones: {
        create: milestones.map((m, i) => ({
          position: i + 1,
          title: m.title,
          quantity: m.quantity ?? null,
          unit: m.unit ?? null,
          dueDate: m.dueDate,
          amountIdr: m.amountIdr ?? null,
          paymentTermDays: m.paymentTermDays ?? null,
          status: m.status ?? (status === "completed" ? "paid" : "pending"),
        })),
      },
    },
    include: { parties: true, versions: true, milestones: { orderBy: { position: "asc" } }, acceptances: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Quotes
// ---------------------------------------------------------------------------------------------

interface QuoteOverrides {
  status?: Extract<QuoteStatus, "draft" | "submitted" | "withdrawn">;
  includesVat?: boolean;
  offeredTkdn?: number | string | null;
  leadTimeDays?: number | null;
  validUntil?: Date | null;
  note?: string | null;
  submittedById?: string | null;
  submittedAt?: Date | null;
  /** Unit price per RFQ item id; default: the item's target price (or Rp100.000). */
  unitPrices?: Record<string, bigint>;
}

/** A supplier's quote on an RFQ (one per supplier per RFQ), priced for every line item; submitted by default. */
export async function createQuote(db: DbClient, rfqId: string, supplierId: string, overrides: QuoteOverrides = {}) {
  const items = await db.rfqItem.findMany({
    where: { rfqId },
    orderBy: { position: "asc" },
    select: { id: true, targetUnitPriceIdr: true },
  });
  if (items.length === 0) throw new Error("createQuote: the RFQ has no items");
  const status = overrides.status ?? "submitted";
  return db.quote.create({
    data: {
      rfqId,
      supplierId,
      status,
      includesVat: overrides.includesVat ?? false,
      offeredTkdn: overrides.offeredTkdn ?? null,
      leadTimeDays: pick(overrides.leadTimeDays, 21),
      validUntil: pick(overrides.validUntil, dateInDays(30)),
      note: overrides.note ?? null,
      submittedById: overrides.submittedById ?? null,
      submittedAt: pick(overrides.submittedAt, status === "draft" ? null : new Date()),
      items: {
        create: items.map((it) => ({
          rfqItemId: it.id,
          unitPriceIdr: overrides.unitPrices?.[it.id] ?? it.targetUnitPriceIdr ?? 100_000n,
        })),
      },
    },
    include: { items: true },
  });
}
