// Laporan Kemitraan (issue 13): a firm's partnership report for one calendar year — its Indeks Kemitraan with
// every component and the list of the partnerships the index counts (scheme, value, status) — frozen when the
// firm issues it, so it can be handed in for an incentive claim. Each issued report has an unguessable code
// and a public verification page (/laporan/[code]) that shows the report exactly as issued. "Genuine" means a
// report with this code was issued by Rantai; "unchanged" means its stored content still hashes to the
// fingerprint recorded at issue (and printed on the paper), so a reader compares the paper with the page,
// or types the printed fingerprint. docs/decisions/0030-partnership-reports.md.
import "server-only";
import crypto from "node:crypto";
import { audit } from "@/lib/audit/log";
import { ACTORS, authorize, requireVerified } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { db, Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getPartnershipIndex, listIndexPartnerships } from "./queries";

/** The content of an issued report. Every field is plain JSON (money as decimal strings). */
export interface ReportSnapshot {
  format: 1;
  code: string;
  issuedAt: string;
  year: number;
  /** The figures as of this instant (the index follows new records; the report does not). */
  asOf: string;
  buyer: {
    id: string;
    name: string;
    legalName: string | null;
    npwp: string | null;
    address: string | null;
    stateOwned: boolean;
    regency: string | null;
    province: string | null;
  };
  index: {
    enoughData: boolean;
    score: number | null;
    grade: string | null;
    components: {
      partners: number;
      agreements: { active: number; completed: number; terminated: number; total: number };
      valueIdr: string;
      microSmallShare: number | null;
      daysToPayMedian: number | null;
      daysToPayP90: number | null;
      latePaymentShare: number | null;
      paymentsCounted: number;
      paymentsLate: number;
      unpaidPastTerm: number;
      deliveryReviewOnTimeShare: number | null;
      partnersMovedUp: number;
      partnerRating: { mean: number; count: number } | null;
    };
  };
  partnerships: {
    number: string;
    title: string;
    partner: string;
    sizeClass: string | null;
    scheme: string;
    status: string;
    valueIdr: string;
    startDate: string;
    endDate: string;
  }[];
  issuedBy: string | null;
}

export interface IssuedReport {
  code: string;
  year: number;
  createdAt: Date;
  snapshot: ReportSnapshot;
  fingerprint: string;
}

export type ReportVerification =
  | { status: "genuine"; report: IssuedReport; fingerprintMatches: boolean | null }
  | { status: "altered"; code: string; year: number; createdAt: Date; buyerName: string };

// ---------------------------------------------------------------------------------------------
// Code and fingerprint
// ---------------------------------------------------------------------------------------------

/** Crockford's base32 (no I, L, O, U): easy to read off paper and to type. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** "LK-2026-" and 12 random symbols (60 bits) in groups of four: unguessable, so the code is the key to the report. */
const REPORT_CODE_PATTERN = /^LK-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function newReportCode(year: number): string {
  const bytes = crypto.randomBytes(12);
  const symbols = Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
  return `LK-${year}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/** A code as typed (lower case, spaces, missing dashes, O for 0, I/L for 1) in its canonical form; null when it cannot be one. */
export function normalizeReportCode(input: string): string | null {
  const m = /^LK-?(.*)$/.exec(input.toUpperCase().replace(/\s+/g, ""));
  if (!m) return null;
  const rest = m[1].replace(/-/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  const code = `LK-${rest.slice(0, 4)}-${rest.slice(4, 8)}-${rest.slice(8, 12)}-${rest.slice(12)}`;
  return REPORT_CODE_PATTERN.test(code) ? code : null;
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const contentHashOf = (snapshot: unknown) => crypto.createHash("sha256").update(canonicalJson(snapshot)).digest("hex");

/** The fingerprint printed on the report: the first 80 bits of the content hash, as five groups of four. */
function fingerprintOf(contentHash: string): string {
  return (contentHash.slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join("-");
}

/** A fingerprint as typed, compared with the report's: case, spaces and dashes do not matter. */
export function fingerprintMatches(typed: string, fingerprint: string): boolean {
  const clean = (s: string) => s.toUpperCase().replace(/[^0-9A-F]/g, "");
  return clean(typed).length > 0 && clean(typed) === clean(fingerprint);
}

// ---------------------------------------------------------------------------------------------
// Issuing and reading
// ---------------------------------------------------------------------------------------------

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function buildSnapshot(
  buyerId: string,
  year: number,
  code: string,
  issuedAt: Date,
  issuedBy: string | null,
): Promise<ReportSnapshot> {
  const [index, partnerships, org] = await Promise.all([
    getPartnershipIndex(buyerId, { kind: "year", year }),
    listIndexPartnerships(buyerId, year),
    db.organization.findUniqueOrThrow({
      where: { id: buyerId },
      select: {
        legalName: true,
        npwp: true,
        address: true,
        regency: { select: { name: true, province: { select: { name: true } } } },
      },
    }),
  ]);
  if (!index) throw notFound();
  const c = index.components;
  return {
    format: 1,
    code,
    issuedAt: issuedAt.toISOString(),
    year,
    asOf: index.asOf.toISOString(),
    buyer: {
      id: index.buyer.id,
      name: index.buyer.name,
      legalName: org.legalName,
      npwp: org.npwp,
      address: org.address,
      stateOwned: index.buyer.isStateOwned,
      regency: org.regency?.name ?? null,
      province: org.regency?.province.name ?? null,
    },
    index: {
      enoughData: index.enoughData,
      score: index.score,
      grade: index.grade,
      components: {
        partners: c.partners,
        agreements: c.agreements,
        valueIdr: c.valueIdr.toString(),
        microSmallShare: c.microSmallShare,
        daysToPayMedian: c.daysToPayMedian,
        daysToPayP90: c.daysToPayP90,
        latePaymentShare: c.latePaymentShare,
        paymentsCounted: index.counts.paymentsCounted,
        paymentsLate: index.counts.paymentsLate,
        unpaidPastTerm: index.counts.unpaidPastTerm,
        deliveryReviewOnTimeShare: c.deliveryReviewOnTimeShare,
        partnersMovedUp: c.partnersMovedUp,
        partnerRating: c.partnerRating,
      },
    },
    partnerships: partnerships.map((p) => ({
      number: p.number,
      title: p.title,
      partner: p.supplier.name,
      sizeClass: p.supplier.sizeClass,
      scheme: p.scheme,
      status: p.status,
      valueIdr: p.valueIdr.toString(),
      startDate: iso(p.startDate),
      endDate: iso(p.endDate),
    })),
    issuedBy,
  };
}

/**
 * Issues a new Laporan Kemitraan of the actor's firm for `year`: a verified buyer's owner or admin
 * (index:publish). Earlier reports stay valid: each one is what the figures were when it was issued.
 */
export async function issueReport(actor: Actor | null, year: number): Promise<IssuedReport> {
  const a = requireVerified(authorize(actor, { orgTypes: ACTORS.buyer, permission: "index:publish", write: true }));
  const buyerId = a.membership.organizationId;
  const issuedAt = new Date();
  for (let attempt = 0; ; attempt++) {
    const code = newReportCode(year);
    const snapshot = await buildSnapshot(buyerId, year, code, issuedAt, a.user.name ?? null);
    const contentHash = contentHashOf(snapshot);
    try {
      await db.$transaction(async (tx) => {
        await tx.partnershipReport.create({
          data: { code, buyerId, year, snapshot: snapshot as unknown as Prisma.InputJsonValue, contentHash, createdById: a.user.id },
        });
        await audit(tx, {
          organizationId: buyerId,
          actorId: a.user.id,
          action: "partnership_report.issued",
          entityType: "PartnershipReport",
          entityId: code,
          data: { year, contentHash },
        });
      });
      return { code, year, createdAt: issuedAt, snapshot, fingerprint: fingerprintOf(contentHash) };
    } catch (err) {
      // 60 random bits make a collision practically impossible; retry once rather than fail if one happens.
      const duplicate = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
      if (!duplicate || attempt >= 2) throw err;
    }
  }
}

function asIssued(row: { code: string; year: number; createdAt: Date; snapshot: unknown; contentHash: string }): IssuedReport {
  return {
    code: row.code,
    year: row.year,
    createdAt: row.createdAt,
    snapshot: row.snapshot as ReportSnapshot,
    fingerprint: fingerprintOf(row.contentHash),
  };
}

/** The reports the actor's firm issued for `year`, newest first (any member of the buyer may read them). */
export async function listOwnReports(actor: Actor | null, year: number): Promise<IssuedReport[]> {
  const a = authorize(actor, { orgTypes: ACTORS.buyer });
  const rows = await db.partnershipReport.findMany({
    where: { buyerId: a.membership.organizationId, year },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map(asIssued);
}

/**
 * Verifies a report by its code (anyone: the code is the key the firm hands out). Null for an unknown or
 * malformed code. "altered" when the stored content no longer matches the fingerprint recorded at issue —
 * then nothing of the content is shown as if it were genuine.
 */
export async function verifyReport(codeInput: string, typedFingerprint?: string): Promise<ReportVerification | null> {
  const code = normalizeReportCode(codeInput);
  if (!code) return null;
  const row = await db.partnershipReport.findUnique({
    where: { code },
    select: { code: true, year: true, createdAt: true, snapshot: true, contentHash: true, buyer: { select: { name: true } } },
  });
  if (!row) return null;
  const snapshot = row.snapshot as unknown as ReportSnapshot;
  if (contentHashOf(snapshot) !== row.contentHash || snapshot?.code !== row.code) {
    return { status: "altered", code: row.code, year: row.year, createdAt: row.createdAt, buyerName: row.buyer.name };
  }
  const report = asIssued(row);
  return {
    status: "genuine",
    report,
    fingerprintMatches: typedFingerprint ? fingerprintMatches(typedFingerprint, report.fingerprint) : null,
  };
}
