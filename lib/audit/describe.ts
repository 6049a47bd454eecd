// The activity log in words (issue 17): each audit entry becomes a sentence in the reader's language that
// names and links what it is about — an RFQ, an agreement, a product, a cluster… — within what the reader may
// open. The sentences are messages/activity/{id,en}.json (`activity.actions.<action>`, one per key of
// lib/audit/actions.ts), each with a `{subject}` where the entry has one.
//
// The rule: a subject is named and linked only when the reading organization may open it (its own RFQ, an RFQ
// on its board or quoted by it, an agreement it is a party to, a public cluster or estate, its own product…).
// Otherwise the sentence says "an RFQ" / "an agreement" with no link: an entry never leaks the title of
// another organization's draft, nor a link that would answer 404. The entries are already masked for sealed
// RFQs (lib/audit/sealed.ts) before they reach here.
import "server-only";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { enumLabelKey } from "@/lib/enums";
import { MESSAGES } from "@/lib/i18n/messages";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { supplierVisibleRfqWhere } from "@/lib/rfqs/access";
import { partyWhere } from "@/lib/agreements/access";
import { rfqRoutes } from "@/lib/rfqs/routes";
import { agreementRoutes } from "@/lib/agreements/routes";
import { productRoutes } from "@/lib/products/routes";
import { clusterRoutes } from "@/lib/clusters/routes";
import { siteRoutes } from "@/lib/sites/routes";
import { organizationRoutes } from "@/lib/organizations/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { financingRoutes } from "@/lib/financing/routes";
import { partnershipIndexRoutes } from "@/lib/partnership-index/routes";
import { regionRoutes } from "@/lib/regions/routes";
import { AUDIT_SUBJECTS, isAuditAction, type AuditSubjectKind } from "./actions";
import { CERTIFICATION_TYPES } from "@/lib/enums";

/** Who reads the log: the organization whose log it is, its type, and whether it acts as platform admin. */
export interface ActivityReader {
  organizationId: string;
  organizationType: string;
  platformAdmin: boolean;
  /**
   * A platform admin reading ANOTHER organization's history (/admin/organisasi/[id], /admin/pengguna/[id]):
   * every subject is named (an admin may know it), but linked only to pages an admin opens — admin pages and
   * public ones — never to another organization's RFQ, agreement, product or financing pages (a 404 there).
   */
  oversight?: boolean;
}

export interface DescribableEntry {
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

/** What the entry is about: its words in the sentence, and a link only when the reader may open it. */
export interface ActivitySubject {
  text: string;
  href: string | null;
}

export interface ActivitySentence {
  /** The whole sentence, plain text. */
  text: string;
  /** The sentence around its subject, to render the subject as a link. */
  before: string;
  subject: ActivitySubject | null;
  after: string;
}

type Named = { name: string; href: string | null } | null;

function field(data: unknown, key: string): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === "string" && v.trim() ? v : null;
}

const lower = (s: string) => s.toLowerCase();

/** The RFQ an entry is about: an "rfq" entry's own id, else data.rfqId (quotes, clarifications). */
function rfqIdOf(e: DescribableEntry): string | null {
  if (lower(e.entityType) === "rfq" && e.entityId) return e.entityId;
  return field(e.data, "rfqId");
}

function agreementIdOf(e: DescribableEntry): string | null {
  if (lower(e.entityType) === "agreement" && e.entityId) return e.entityId;
  return field(e.data, "agreementId");
}

function certificateTypeLabel(t: (k: string) => string, type: string | null): string | null {
  if (!type || !(CERTIFICATION_TYPES as readonly string[]).includes(type)) return null;
  return t(enumLabelKey("CertificationType", type as (typeof CERTIFICATION_TYPES)[number]));
}

/**
 * Resolves the subjects of many entries in a few reads (one per kind present), each checked against what
 * the reader may open.
 */
async function resolveSubjects(reader: ActivityReader, entries: readonly DescribableEntry[]) {
  const org = reader.organizationId;
  const kindOf = (e: DescribableEntry): AuditSubjectKind => (isAuditAction(e.action) ? AUDIT_SUBJECTS[e.action] : "none");
  const ids = (kind: AuditSubjectKind, pick: (e: DescribableEntry) => string | null) => [
    ...new Set(
      entries
        .filter((e) => kindOf(e) === kind)
        .map(pick)
        .filter((v): v is string => Boolean(v)),
    ),
  ];

  // Quote entries whose data lacks the RFQ (older rows): find it through the quote (only the reader's own
  // quotes or quotes on its own RFQs — the masking rule already emptied the sealed ones).
  const quoteIds = entries.filter((e) => lower(e.entityType) === "quote" && e.entityId && !field(e.data, "rfqId")).map((e) => e.entityId);
  const quoteRfq = new Map<string, string>();
  if (quoteIds.length) {
    const quotes = await db.quote.findMany({
      where: { id: { in: quoteIds }, OR: [{ supplierId: org }, { rfq: { buyerId: org } }] },
      select: { id: true, rfqId: true },
    });
    for (const q of quotes) quoteRfq.set(q.id, q.rfqId);
  }
  const rfqOf = (e: DescribableEntry) => rfqIdOf(e) ?? (lower(e.entityType) === "quote" ? (quoteRfq.get(e.entityId) ?? null) : null);

  const rfqIds = ids("rfq", rfqOf);
  const agreementIds = ids("agreement", agreementIdOf);
  const productIds = ids("product", (e) => e.entityId);
  const siteIds = ids("site", (e) => e.entityId);
  const certIds = ids("certificate", (e) => e.entityId);
  const userIds = ids("user", (e) => e.entityId);
  const clusterEntries = entries.filter((e) => kindOf(e) === "cluster");
  const memberIds = clusterEntries.filter((e) => e.entityType === "ClusterMember").map((e) => e.entityId);
  const anchorIds = clusterEntries.filter((e) => e.entityType === "ClusterAnchor").map((e) => e.entityId);
  const financing = entries.filter((e) => kindOf(e) === "financing");
  const requestIds = financing.filter((e) => e.entityType === "FinancingRequest").map((e) => e.entityId);
  const programmeIds = financing.filter((e) => e.entityType === "FinancingProgramme").map((e) => e.entityId);
  const referralIds = financing.filter((e) => e.entityType === "FinancingReferral").map((e) => e.entityId);
  const orgIds = ids("organization", (e) => (e.entityType === "Organization" && e.entityId !== org ? e.entityId : null));

  const supplierSide = reader.organizationType === "umkm" || reader.organizationType === "cooperative";
  const [rfqs, visibleOnBoard, agreements, products, sites, certs, users, members, anchors, requests, programmes, referrals, orgs] =
    await Promise.all([
      rfqIds.length ? db.rfq.findMany({ where: { id: { in: rfqIds } }, select: { id: true, title: true, buyerId: true } }) : [],
      rfqIds.length && supplierSide
        ? db.rfq.findMany({ where: { AND: [{ id: { in: rfqIds } }, supplierVisibleRfqWhere(org)] }, select: { id: true } })
        : [],
      agreementIds.length
        ? db.agreement.findMany({
            where: { id: { in: agreementIds }, ...(reader.organizationType === "ministry" || reader.oversight ? {} : partyWhere(org)) },
            select: { id: true, number: true },
          })
        : [],
      productIds.length
        ? db.product.findMany({
            where: { id: { in: productIds }, ...(reader.oversight ? {} : { supplierId: org }) },
            select: { id: true, name: true },
          })
        : [],
      siteIds.length ? db.site.findMany({ where: { id: { in: siteIds } }, select: { id: true, name: true } }) : [],
      certIds.length
        ? db.certification.findMany({
            where: { id: { in: certIds } },
            select: { id: true, organizationId: true, type: true, name: true, number: true },
          })
        : [],
      userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
      memberIds.length ? db.clusterMember.findMany({ where: { id: { in: memberIds } }, select: { id: true, clusterId: true } }) : [],
      anchorIds.length ? db.clusterAnchor.findMany({ where: { id: { in: anchorIds } }, select: { id: true, clusterId: true } }) : [],
      requestIds.length
        ? db.financingRequest.findMany({
            where: { id: { in: requestIds }, OR: [{ supplierId: org }, { bankId: org }, { agreement: { buyerId: org } }] },
            select: { id: true },
          })
        : [],
      programmeIds.length
        ? db.financingProgramme.findMany({
            where: { id: { in: programmeIds }, OR: [{ buyerId: org }, { bankId: org }] },
            select: { id: true },
          })
        : [],
      referralIds.length
        ? db.financingReferral.findMany({
            where: { id: { in: referralIds }, programme: { OR: [{ buyerId: org }, { bankId: org }] } },
            select: { id: true, programmeId: true },
          })
        : [],
      orgIds.length ? db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [],
    ]);

  const clusterOfEntity = new Map<string, string>([...members, ...anchors].map((r) => [r.id, r.clusterId]));
  const clusterIdOf = (e: DescribableEntry) =>
    e.entityType === "Cluster" ? e.entityId : (clusterOfEntity.get(e.entityId) ?? field(e.data, "clusterId"));
  const clusterIds = [...new Set(clusterEntries.map(clusterIdOf).filter((v): v is string => Boolean(v)))];
  const clusters = clusterIds.length
    ? await db.cluster.findMany({ where: { id: { in: clusterIds } }, select: { id: true, name: true } })
    : [];

  return {
    kindOf,
    rfqOf,
    rfq: new Map(rfqs.map((r) => [r.id, r])),
    onBoard: new Set(visibleOnBoard.map((r) => r.id)),
    agreement: new Map(agreements.map((a) => [a.id, a])),
    product: new Map(products.map((p) => [p.id, p])),
    site: new Map(sites.map((s) => [s.id, s])),
    cert: new Map(certs.map((c) => [c.id, c])),
    user: new Map(users.map((u) => [u.id, u])),
    clusterIdOf,
    cluster: new Map(clusters.map((c) => [c.id, c])),
    request: new Set(requests.map((r) => r.id)),
    programme: new Set(programmes.map((p) => p.id)),
    referral: new Map(referrals.map((r) => [r.id, r.programmeId])),
    org: new Map(orgs.map((o) => [o.id, o])),
  };
}

type Resolved = Awaited<ReturnType<typeof resolveSubjects>>;

/** The named subject of one entry (null: nothing the reader may be told), or "own" for the reader itself. */
function subjectOf(reader: ActivityReader, e: DescribableEntry, r: Resolved, t: (k: string) => string): Named | "own" {
  const org = reader.organizationId;
  switch (r.kindOf(e)) {
    case "rfq": {
      const id = r.rfqOf(e);
      const rfq = id ? r.rfq.get(id) : undefined;
      if (!rfq) return null;
      if (rfq.buyerId === org) return { name: rfq.title, href: rfqRoutes.detail(rfq.id) };
      if (r.onBoard.has(rfq.id)) return { name: rfq.title, href: rfqRoutes.boardDetail(rfq.id) };
      if (reader.oversight) return { name: rfq.title, href: null };
      return null; // another buyer's RFQ the reader may not open (a draft, an invitation it never had)
    }
    case "agreement": {
      const id = agreementIdOf(e);
      const ag = id ? r.agreement.get(id) : undefined;
      return ag ? { name: ag.number, href: reader.oversight ? null : agreementRoutes.detail(ag.id) } : null;
    }
    case "product": {
      const p = r.product.get(e.entityId);
      if (p) return { name: p.name, href: reader.oversight ? null : productRoutes.edit(p.id) };
      const name = field(e.data, "name"); // own entry about a product since deleted
      return name ? { name, href: null } : null;
    }
    case "site": {
      const s = r.site.get(e.entityId);
      if (s) return { name: s.name, href: siteRoutes.detail(s.id) };
      const name = field(e.data, "name"); // deleted: the platform's own entry keeps the name
      return name ? { name, href: null } : null;
    }
    case "cluster": {
      const id = r.clusterIdOf(e);
      const c = id ? r.cluster.get(id) : undefined;
      if (c) return { name: c.name, href: clusterRoutes.detail(c.id) };
      const name = field(e.data, "clusterName") ?? field(e.data, "name");
      return name ? { name, href: null } : null;
    }
    case "organization": {
      // A cooperative membership request names the other side: the UMKM in the cooperative's log, the
      // cooperative in the UMKM's (both are parties to it; no page of the other to link).
      if (e.action.startsWith("cooperative.join.")) {
        const other = field(e.data, reader.organizationType === "cooperative" ? "organizationName" : "cooperativeName");
        return other ? { name: other, href: null } : null;
      }
      const otherId = e.entityType === "Organization" ? e.entityId : null;
      if (otherId === org) return "own";
      const name = field(e.data, "organizationName") ?? field(e.data, "name") ?? (otherId ? (r.org.get(otherId)?.name ?? null) : null);
      if (!name) return null;
      // Decisions the platform took about another organization: its admins open that organization's page.
      return { name, href: reader.platformAdmin && otherId && r.org.has(otherId) ? organizationRoutes.adminOrganization(otherId) : null };
    }
    case "certificate": {
      const c = r.cert.get(e.entityId);
      const label = certificateTypeLabel(t, c?.type ?? field(e.data, "type")) ?? c?.name ?? null;
      const number = c?.number ?? field(e.data, "number");
      const name = [label, number].filter(Boolean).join(" ");
      if (!name) return null;
      if (c && c.organizationId === org) return { name, href: supplierRoutes.step("sertifikat") };
      if (c && reader.platformAdmin) return { name, href: supplierRoutes.review(c.organizationId) };
      return { name, href: null };
    }
    case "token": {
      const name = field(e.data, "name");
      return name ? { name, href: null } : null;
    }
    case "member": {
      const email = field(e.data, "email");
      return email ? { name: email, href: null } : null;
    }
    case "user": {
      const u = r.user.get(e.entityId);
      if (!u) return null;
      return { name: u.name, href: reader.platformAdmin ? organizationRoutes.adminUser(u.id) : null };
    }
    case "report": {
      return e.entityId ? { name: e.entityId, href: partnershipIndexRoutes.verifyReport(e.entityId) } : null;
    }
    case "flagship": {
      const name = field(e.data, "name");
      return name ? { name, href: regionRoutes.flagshipProducts() } : null;
    }
    case "financing":
    case "none":
      return null;
  }
}

function financingSubject(e: DescribableEntry, r: Resolved, t: (k: string) => string): ActivitySubject {
  if (e.entityType === "FinancingRequest")
    return { text: t("activity.subjects.financing.request"), href: r.request.has(e.entityId) ? financingRoutes.detail(e.entityId) : null };
  if (e.entityType === "FinancingProgramme")
    return {
      text: t("activity.subjects.financing.programme"),
      href: r.programme.has(e.entityId) ? financingRoutes.programme(e.entityId) : null,
    };
  if (e.entityType === "FinancingReferral") {
    const programmeId = r.referral.get(e.entityId);
    return { text: t("activity.subjects.financing.referral"), href: programmeId ? financingRoutes.programme(programmeId) : null };
  }
  return { text: t("activity.subjects.financing.hidden"), href: null };
}

const SENTINEL = "\u0000";

function capitalize(s: string, locale: Locale): string {
  return s ? s.charAt(0).toLocaleUpperCase(locale) + s.slice(1) : s;
}

/**
 * The sentences of `entries` for `reader`, in `locale` (id, en). One read per kind of subject present.
 * An action without a sentence (none today: a unit test keeps it so) falls back to its key.
 */
export async function describeAuditEntries(
  reader: ActivityReader,
  entries: readonly DescribableEntry[],
  locale: string,
): Promise<ActivitySentence[]> {
  const l: Locale = isLocale(locale) ? locale : defaultLocale;
  const translator = createTranslator({ locale: l, messages: MESSAGES[l] as Record<string, unknown> });
  const tt = translator as unknown as { has(k: string): boolean; (k: string, v?: Record<string, string>): string };
  const t = (k: string, v?: Record<string, string>) => tt(k, v);
  const resolved = await resolveSubjects(reader, entries);
  return entries.map((e) => {
    const key = `activity.actions.${e.action}`;
    if (!isAuditAction(e.action) || !tt.has(key)) return { text: e.action, before: e.action, subject: null, after: "" };
    const kind = AUDIT_SUBJECTS[e.action];
    if (kind === "none") {
      const text = t(key);
      return { text, before: text, subject: null, after: "" };
    }
    let subject: ActivitySubject;
    let fromName = false; // the subject's words start with a name (never re-capitalized)
    if (kind === "financing") subject = financingSubject(e, resolved, t);
    else {
      const named = subjectOf(reader, e, resolved, t);
      const base = `activity.subjects.${kind}`;
      if (named === "own") subject = { text: t(`${base}.own`), href: null };
      else if (named) {
        const template =
          (MESSAGES[l] as { activity: { subjects: Record<string, Record<string, string>> } }).activity.subjects[kind]?.named ?? "";
        fromName = template.startsWith("{name}");
        subject = { text: t(`${base}.named`, { name: named.name }), href: named.href };
        // A token is told apart by its prefix, as the token list shows it.
        const prefix = kind === "token" ? field(e.data, "prefix") : null;
        if (prefix) subject = { ...subject, text: `${subject.text} (${prefix}…)` };
      } else subject = { text: t(`${base}.hidden`), href: null };
    }
    const [rawBefore = "", rawAfter = ""] = t(key, { subject: SENTINEL }).split(SENTINEL);
    if (!rawBefore && !fromName) subject = { ...subject, text: capitalize(subject.text, l) };
    return { text: rawBefore + subject.text + rawAfter, before: rawBefore, subject, after: rawAfter };
  });
}

/** The first non-empty text among `keys` of an entry's data (a return note, a resubmission's message…), or null. */
export function entryText(data: unknown, ...keys: string[]): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  for (const key of keys) {
    const v = (data as Record<string, unknown>)[key];
    if (typeof v === "string" && v.trim()) return v;
  }
  return null;
}
