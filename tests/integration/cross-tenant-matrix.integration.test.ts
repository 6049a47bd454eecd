// Issue 11, "Proof": the cross-tenant matrix. Every route handler under app/ (found by walking the route
// files and their exported methods) and every server action (every export of every "use server" module) is
// called by six outsiders — anonymous, another UMKM, another buyer, another cooperative, a bank and ministry
// staff — on resources that belong to someone else (the "owners" below). Expectations:
//   - write: refused (401, 403 or 404; an action's error code unauthorized/forbidden/not_found) and NOTHING is
//     written to any table (a trigger on every table logs each written row: tests/helpers/write-log.ts);
//   - read: the roles on the entry's allow-list get 200 (and only those); everyone else is refused; and no
//     response to a role that may not see the owners' data carries any of the owners' private strings or ids
//     (headers included); a private read is also made by its owner (a control: the fixture is right);
//   - own: the call acts only on the caller's own account/organization (there is no "someone else's" target):
//     anonymous is refused, and whatever the others write never touches an owner's row. API "own" routes are
//     also called with X-Organization-Id naming an owner's organization: 403, nothing written;
//   - public: by design open to everyone (sign-up, sign-in, claim link, language cookie): see each entry.
// The tables API and ACTIONS below are the documented allow-list (what each route/action touches, who may
// read it and why). A route or action without an entry FAILS the "every … has an entry" tests, and the
// missing entry's own test fails too: a new route is covered by default, never silently passed.
// How to add a route or action: give it an entry in API ("METHOD /path/[param]") or ACTIONS ("module.ts#export")
// with one or more cases — `resource` (what, whose, who may read it and why), `kind`, for reads `allow` (plus
// `sees` for roles that may see the owners' data and `control` for the owner who must be able to read it), and
// the request (`request(fx)`) or arguments (`args(fx, role)`) pointing at the owners' fixtures from seed().
// Mixed cases pair a parent the caller owns with a child id of the owners'.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import sharp from "sharp";
import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { apiRequest, type CallOptions } from "@/tests/helpers/api";
import { resetRequest } from "@/tests/helpers/next-headers";
import { installWriteLog, type WriteLog, type WrittenRow } from "@/tests/helpers/write-log";
import {
  createAgreement,
  createBuyer,
  createCertification,
  createCooperative,
  createOrganization,
  createProduct,
  createQuote,
  createRfq,
  createUmkm,
  dateInDays,
  placeholderPdf,
} from "@/tests/helpers/factories";
import { issueApiToken } from "@/lib/auth/tokens";
import { hashInvitationToken } from "@/lib/cooperatives/invitations";
import { hashMemberInvitationToken } from "@/lib/organizations/invitations";
import { addAttachment } from "@/lib/rfqs/attachments";
import { askClarification } from "@/lib/rfqs/clarifications";
import { addQuoteAttachment } from "@/lib/quotes/attachments";
import { recordDelivery, recordPayment } from "@/lib/agreements/execution";
import { requestFinancing } from "@/lib/financing/lifecycle";
import { completeAgreement } from "@/lib/agreements/lifecycle";
import { createProduct as createProductWithPhotos } from "@/lib/products/catalogue";
import type { Actor } from "@/lib/auth/types";
import { issueReport } from "@/lib/partnership-index/reports";

const ROOT = process.cwd();
const t = useTestDatabase();

// ---------------------------------------------------------------------------------------------------------
// Discovery: the routes and actions that exist
// ---------------------------------------------------------------------------------------------------------

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "generated" && !e.name.startsWith(".")) walk(full, keep, out);
    } else if (keep(full)) out.push(full);
  }
  return out;
}

/** "METHOD /path/[id]/…" for every exported HTTP method of every app/**\/route.ts (the API and any other route handler). */
async function discoverRoutes(): Promise<
  Map<string, { file: string; handler: (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response> }>
> {
  const found = new Map();
  for (const file of walk(path.join(ROOT, "app"), (f) => /^route\.(ts|tsx|js)$/.test(path.basename(f))).sort()) {
    const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const m of HTTP_METHODS) if (typeof mod[m] === "function") found.set(`${m} ${route}`, { file, handler: mod[m] });
  }
  return found;
}

const USE_SERVER = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*["']use server["']/;

/** "file#export" for every export of every module whose first statement is "use server". */
async function discoverActions(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const found = new Map();
  const files = ["app", "lib", "components"].flatMap((d) =>
    walk(path.join(ROOT, d), (f) => /\.(ts|tsx)$/.test(f) && USE_SERVER.test(fs.readFileSync(f, "utf8"))),
  );
  for (const file of files.sort()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.set(`${path.relative(ROOT, file).split(path.sep).join("/")}#${name}`, value);
    }
  }
  return found;
}

const routes = await discoverRoutes();
const actions = await discoverActions();

// ---------------------------------------------------------------------------------------------------------
// Who: the owners (whose resources are attacked) and the six outsiders
// ---------------------------------------------------------------------------------------------------------

const ROLES = ["anonymous", "umkm", "buyer", "cooperative", "bank", "ministry"] as const;
type Role = (typeof ROLES)[number];
type SignedIn = Exclude<Role, "anonymous">;
const SIGNED_IN: SignedIn[] = ["umkm", "buyer", "cooperative", "bank", "ministry"];

interface Outsider {
  user: { id: string; email: string };
  orgId: string;
  token: string;
}

/** Everything the tables below refer to. */
interface Fixture {
  /** issue 12 (clusterview): a cluster whose members are the owner UMKM and cooperative, the owner buyer its anchor. */
  figuresCluster: { id: string };
  owner: {
    buyer: { orgId: string; userId: string };
    umkm: { orgId: string; userId: string; nib: string };
    umkm2: { orgId: string; userId: string };
    coop: { orgId: string; userId: string };
    /** A member UMKM of the owner cooperative that nobody has claimed yet (no user): the cooperative's, not up for grabs. */
    unclaimed: { orgId: string; nib: string };
    bank: { orgId: string; userId: string };
    /** issue 12: a verified cluster manager that manages `cluster`. */
    clusterManager: { orgId: string; userId: string };
  };
  /**
   * issue 12: the owner manager's cluster (public: its list entry and page). The owner UMKM asked to join
   * (requested), the owner UMKM 2 is invited, the owner cooperative is an active member, the owner buyer is
   * invited as anchor. Its membership and anchor rows are the owners'.
   */
  cluster: { id: string };
  /** A draft RFQ of the owner buyer, with an attachment. */
  rfqDraft: { id: string; itemId: string; attachmentId: string };
  /** A published, invitation-only RFQ of the owner buyer; the owner UMKM is invited, quoted (with an attachment) and asked a question. */
  rfqInvited: { id: string; itemId: string; quoteId: string; quoteAttachmentId: string; clarificationId: string };
  /** A published public RFQ of the owner buyer: on the board, by design visible to every supplier. */
  rfqPublic: { id: string };
  /**
   * Issue 12 (rfqcluster): a cluster managed by an owner cluster manager, the owner buyer its active anchor, both owner UMKM
   * its members, and a consortium of them the manager proposed for rfqPublic (not invited yet).
   */
  clusterRfq: { id: string; proposalId: string };
  /**
   * An active agreement owner buyer ↔ owner UMKM, with milestones, a delivery awaiting review, a payment, the buyer's completion
   * confirmation and a financing request.
   */
  agreement: { id: string; milestoneId: string; deliveryId: string; financingId: string; paymentId: string };
  /** The same parties' agreement still waiting for acceptance, and one completed (ratings open). */
  agreementProposed: { id: string };
  agreementCompleted: { id: string };
  /** A closed invitation-only RFQ of the owner buyer (prices revealed, ready to award) with the owner UMKM's quote. */
  rfqClosed: { id: string; quoteId: string };
  product: { id: string; imageId: string };
  certificate: { id: string; documentId: string; updatedAt: string };
  notificationId: string;
  tokenId: string;
  /** A pending request of the owner cooperative asking an owner UMKM (not yet its member) to join. */
  joinRequestId: string;
  /** Issue 13: a flag on the owners' agreement, already confirmed by ministry staff (deciding it so again is a 409). */
  flagId: string;
  /** A Laporan Kemitraan the owner buyer issued (issue 13): its code is the key to it. */
  reportCode: string;
  /** Issue 13: the owner buyer's programmes with the owner bank (one active, one proposed) and the owner UMKM's open referral. */
  programme: { activeId: string; proposedId: string; referralId: string };
  /** An owner invitation the owner cooperative sent for the owner UMKM before its owner claimed it another way: still pending. */
  staleInvitationToken: string;
  /** A pending invitation of the owner buyer (issue 16) for the owner UMKM's user, who has an account. */
  memberInvitation: { id: string; token: string };
  outsiders: Record<SignedIn, Outsider>;
  /**
   * The outsiders' OWN resources, for the mixed cases: a parent the caller may act on (its own RFQ, agreement,
   * quote, product) with a child id of the owners' (their attachment, delivery, milestone, quote, image).
   */
  mine: { rfqDraftId: string; rfqOpenId: string; rfqClosedId: string; agreementId: string; publicQuoteRfqId: string; productId: string };
  /** The owners themselves, signed in: the control that a read's target is right (the owner reads it). */
  owners: Record<OwnerKey, Outsider>;
}

type OwnerKey = "buyer" | "umkm" | "bank";

let f: Fixture;
let log: WriteLog;

/**
 * Strings only the owners (and, where an entry says so, ministry staff) may ever see. A response to any
 * outsider that contains one of them is a leak.
 */
const PRIVATE = {
  ownerEmail: "pemilik.rahasia@matriks.rantai.test",
  buyerEmail: "pembeli.rahasia@matriks.rantai.test",
  npwp: "",
  draftTitle: "RAHASIA-draf pengadaan kain tenun",
  invitedTitle: "RAHASIA-undangan pengadaan kain songket",
  question: "RAHASIA-pertanyaan apakah motif boleh diganti",
  quoteNote: "RAHASIA-catatan penawaran harga khusus",
  agreementTitle: "RAHASIA-perjanjian pasokan tenun ikat",
  deliveryNote: "RAHASIA-catatan pengiriman tahap satu",
  paymentNote: "RAHASIA-catatan pembayaran termin satu",
  tokenName: "RAHASIA-token pemilik",
};

/** Ids of the owners' private resources: no answer to an outsider names one (filled in after seeding). */
const PRIVATE_IDS: Record<string, string> = {};

const today = () => new Date().toISOString().slice(0, 10);
const daysAhead = (n: number) => dateInDays(n).toISOString().slice(0, 10);

async function asOwner(userId: string, orgId: string): Promise<Actor> {
  const a = await actAs({ id: userId }, orgId);
  signOut();
  return a;
}

async function seed(): Promise<Fixture> {
  const db = t.db;
  const ownerBuyer = await createBuyer(db, { owner: { email: PRIVATE.buyerEmail } });
  const ownerUmkm = await createUmkm(db, { owner: { email: PRIVATE.ownerEmail }, verificationStatus: "verified" });
  PRIVATE.npwp = ownerUmkm.profile.npwp!;
  const ownerUmkm2 = await createUmkm(db, { verificationStatus: "verified" });
  const unclaimed = await createUmkm(db, { verificationStatus: "unverified" });
  await db.membership.deleteMany({ where: { organizationId: unclaimed.organization.id } });
  const ownerCoop = await createCooperative(db, {
    members: [ownerUmkm.organization.id, ownerUmkm2.organization.id, unclaimed.organization.id],
  });
  const ownerBank = await createOrganization(db, "bank");
  const buyerActor = await asOwner(ownerBuyer.owner.id, ownerBuyer.organization.id);
  const umkmActor = await asOwner(ownerUmkm.owner.id, ownerUmkm.organization.id);
  const report = await issueReport(buyerActor, new Date().getUTCFullYear());
  const pdf = (title: string) => new File([Buffer.from(placeholderPdf(title))], `${title}.pdf`, { type: "application/pdf" });

  const rfqDraft = await createRfq(db, ownerBuyer.organization.id, { status: "draft", title: PRIVATE.draftTitle });
  const draftAttachment = await addAttachment(buyerActor, rfqDraft.id, pdf("lampiran-draf"));

  const rfqInvited = await createRfq(db, ownerBuyer.organization.id, {
    title: PRIVATE.invitedTitle,
    visibility: "invited",
    invitedSupplierIds: [ownerUmkm.organization.id],
  });
  const quote = await createQuote(db, rfqInvited.id, ownerUmkm.organization.id, { status: "draft", note: PRIVATE.quoteNote });
  const quoteAttachment = await addQuoteAttachment(umkmActor, rfqInvited.id, pdf("rincian-harga"));
  await db.quote.update({ where: { id: quote.id }, data: { status: "submitted", submittedAt: new Date() } });
  const clarification = await askClarification(umkmActor, rfqInvited.id, PRIVATE.question);
  const rfqPublic = await createRfq(db, ownerBuyer.organization.id);

  const ownerManager = await createOrganization(db, "cluster_manager");
  const clusterRfq = await db.cluster.create({
    data: {
      name: "Klaster Pemilik",
      kbliSections: ["C"],
      provinceCodes: ["33"],
      regencyCodes: [],
      managerId: ownerManager.organization.id,
    },
  });
  await db.clusterAnchor.create({ data: { clusterId: clusterRfq.id, buyerId: ownerBuyer.organization.id, status: "active" } });
  await db.clusterMember.createMany({
    data: [ownerUmkm, ownerUmkm2].map((o) => ({ clusterId: clusterRfq.id, organizationId: o.organization.id, status: "active" as const })),
  });
  const clusterProposal = await db.consortium.create({
    data: {
      rfqId: rfqPublic.id,
      clusterId: clusterRfq.id,
      name: "Konsorsium Klaster Pemilik",
      leadId: ownerUmkm.organization.id,
      members: { create: [{ supplierId: ownerUmkm.organization.id }, { supplierId: ownerUmkm2.organization.id }] },
    },
  });

  const agreement = await createAgreement(db, ownerBuyer.organization.id, ownerUmkm.organization.id, {
    title: PRIVATE.agreementTitle,
    rfqId: rfqInvited.id,
  });
  const milestoneId = agreement.milestones[0].id;
  await recordDelivery(umkmActor, agreement.id, {
    milestoneId,
    quantity: 100,
    deliveredOn: new Date(`${today()}T00:00:00Z`),
    note: PRIVATE.deliveryNote,
  });
  const delivery = await db.delivery.findFirstOrThrow({ where: { agreementId: agreement.id } });
  await recordPayment(buyerActor, agreement.id, {
    milestoneId,
    amountIdr: 1_000_000n,
    paidOn: new Date(`${today()}T00:00:00Z`),
    note: PRIVATE.paymentNote,
  });
  const payment = await db.payment.findFirstOrThrow({ where: { agreementId: agreement.id } });
  const agreementProposed = await createAgreement(db, ownerBuyer.organization.id, ownerUmkm.organization.id, {
    status: "proposed",
    title: PRIVATE.agreementTitle,
    startDate: dateInDays(5),
  });
  const agreementCompleted = await createAgreement(db, ownerBuyer.organization.id, ownerUmkm.organization.id, {
    status: "completed",
    title: PRIVATE.agreementTitle,
    startDate: dateInDays(-200),
    endDate: dateInDays(-20),
  });
  const rfqClosed = await createRfq(db, ownerBuyer.organization.id, {
    status: "closed",
    title: PRIVATE.invitedTitle,
    visibility: "invited",
    invitedSupplierIds: [ownerUmkm.organization.id],
    deadline: dateInDays(-1),
    publishedAt: dateInDays(-15),
  });
  const closedQuote = await createQuote(db, rfqClosed.id, ownerUmkm.organization.id, { note: PRIVATE.quoteNote });
  // The owner buyer has confirmed completion (one side of two): there is a confirmation to withdraw.
  await completeAgreement(buyerActor, agreement.id, { version: 1, reason: "Tahap dua tidak jadi dikirim, disepakati bersama." });
  const financing = await requestFinancing(umkmActor, agreement.id, {
    bankId: ownerBank.organization.id,
    type: "purchase_order",
    amountIdr: 10_000_000n,
  });

  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#8a5a2b" } })
    .png()
    .toBuffer();
  const product = await createProductWithPhotos(
    umkmActor,
    { name: "Kain tenun ikat pemilik", kbli: "13134", unit: "lembar", priceMinIdr: 100_000n, priceMaxIdr: 150_000n } as never,
    [new File([photo], "foto.png", { type: "image/png" })],
  );
  const image = await db.productImage.findFirstOrThrow({ where: { productId: product.id } });
  await createProduct(db, ownerUmkm.organization.id); // a second product, no photo

  const certificate = await createCertification(db, ownerUmkm.organization.id, { type: "halal" });
  const notification = await db.notification.create({
    data: {
      userId: ownerUmkm.owner.id,
      organizationId: ownerUmkm.organization.id,
      type: "rfq.invited",
      params: { title: PRIVATE.invitedTitle },
      link: `/rfq/${rfqInvited.id}`,
    },
  });
  const joinTarget = await createUmkm(db, { verificationStatus: "verified" });
  const joinRequest = await db.cooperativeJoinRequest.create({
    data: { cooperativeId: ownerCoop.organization.id, memberId: joinTarget.organization.id, requestedById: ownerCoop.owner.id },
  });
  const ownerCluster = await db.cluster.create({
    data: {
      name: "Klaster Pemilik Matriks",
      kbliSections: ["C"],
      provinceCodes: ["32"],
      regencyCodes: [],
      managerId: ownerManager.organization.id,
    },
  });
  await db.clusterMember.createMany({
    data: [
      { clusterId: ownerCluster.id, organizationId: ownerUmkm.organization.id, status: "requested" },
      { clusterId: ownerCluster.id, organizationId: ownerUmkm2.organization.id, status: "invited" },
      { clusterId: ownerCluster.id, organizationId: ownerCoop.organization.id, status: "active", joinedAt: new Date() },
    ],
  });
  await db.clusterAnchor.create({ data: { clusterId: ownerCluster.id, buyerId: ownerBuyer.organization.id, status: "invited" } });
  const staleInvitationToken = `matriks-undangan-${Date.now().toString(36)}`;
  await db.organizationInvitation.create({
    data: {
      organizationId: ownerUmkm.organization.id,
      email: "undangan.lama@matriks.rantai.test",
      role: "owner",
      tokenHash: hashInvitationToken(staleInvitationToken),
      invitedById: ownerCoop.owner.id,
      expiresAt: dateInDays(20),
    },
  });
  const memberInvitationToken = `matriks-undangan-tim-${Date.now().toString(36)}`;
  const memberInvitation = await db.memberInvitation.create({
    data: {
      organizationId: ownerBuyer.organization.id,
      email: PRIVATE.ownerEmail,
      role: "admin",
      tokenHash: hashMemberInvitationToken(memberInvitationToken),
      invitedById: ownerBuyer.owner.id,
      expiresAt: dateInDays(5),
    },
  });
  const ownerToken = await issueApiToken(ownerUmkm.owner.id, {
    name: PRIVATE.tokenName,
    source: "ui",
    scope: "read write",
    expiresInDays: 30,
  });

  // The outsiders: verified organizations (owners of them), each with a sign-in token.
  const outsider = async (orgId: string, user: { id: string; email: string }): Promise<Outsider> => {
    const issued = await issueApiToken(user.id, { name: "API sign-in", source: "api", scope: "read write", expiresInDays: 30 });
    return { orgId, user, token: issued.token };
  };
  const oUmkm = await createUmkm(db, { verificationStatus: "verified" });
  const oBuyer = await createBuyer(db);
  const oCoop = await createCooperative(db, { members: 2 });
  const oBank = await createOrganization(db, "bank");
  const oMinistry = await createOrganization(db, "ministry");

  // The outsiders' own resources (mixed cases): the outsider buyer's draft and closed RFQs and its agreement
  // with the outsider UMKM; the outsider UMKM's draft quote on the public RFQ and its own product.
  const mineDraft = await createRfq(db, oBuyer.organization.id, { status: "draft" });
  const mineOpen = await createRfq(db, oBuyer.organization.id);
  const mineClosed = await createRfq(db, oBuyer.organization.id, {
    status: "closed",
    deadline: dateInDays(-2),
    publishedAt: dateInDays(-20),
  });
  await createQuote(db, mineClosed.id, oUmkm.organization.id);
  const mineAgreement = await createAgreement(db, oBuyer.organization.id, oUmkm.organization.id);
  await createQuote(db, rfqPublic.id, oUmkm.organization.id, { status: "draft" });
  const mineProduct = await createProduct(db, oUmkm.organization.id);
  const flag = await db.agreementFlag.create({
    data: { agreementId: agreementCompleted.id, reasons: ["member_user"], details: {}, status: "confirmed", reviewedAt: new Date() },
  });

  const activeProgramme = await db.financingProgramme.create({
    data: {
      buyerId: ownerBuyer.organization.id,
      bankId: ownerBank.organization.id,
      name: "Program pemilik",
      maxPerUmkmIdr: 10_000_000n,
      tenorDays: 90,
      status: "active",
    },
  });
  const proposedProgramme = await db.financingProgramme.create({
    data: {
      buyerId: ownerBuyer.organization.id,
      bankId: ownerBank.organization.id,
      name: "Program usulan",
      maxPerUmkmIdr: 10_000_000n,
      tenorDays: 60,
    },
  });
  const referral = await db.financingReferral.create({ data: { programmeId: activeProgramme.id, supplierId: ownerUmkm.organization.id } });

  const figuresManager = await createOrganization(db, "cluster_manager");
  const figuresCluster = await db.cluster.create({
    data: {
      name: "Klaster Matriks",
      kbliSections: ["C"],
      provinceCodes: ["33"],
      managerId: figuresManager.organization.id,
      members: {
        create: [
          { organizationId: ownerUmkm.organization.id, status: "active" },
          { organizationId: ownerCoop.organization.id, status: "active" },
        ],
      },
      anchors: { create: { buyerId: ownerBuyer.organization.id, status: "active" } },
    },
  });

  return {
    figuresCluster: { id: figuresCluster.id },
    flagId: flag.id,
    reportCode: report.code,
    programme: { activeId: activeProgramme.id, proposedId: proposedProgramme.id, referralId: referral.id },
    mine: {
      rfqDraftId: mineDraft.id,
      rfqOpenId: mineOpen.id,
      rfqClosedId: mineClosed.id,
      agreementId: mineAgreement.id,
      publicQuoteRfqId: rfqPublic.id,
      productId: mineProduct.id,
    },
    owner: {
      buyer: { orgId: ownerBuyer.organization.id, userId: ownerBuyer.owner.id },
      umkm: { orgId: ownerUmkm.organization.id, userId: ownerUmkm.owner.id, nib: ownerUmkm.profile.nib! },
      umkm2: { orgId: ownerUmkm2.organization.id, userId: ownerUmkm2.owner.id },
      coop: { orgId: ownerCoop.organization.id, userId: ownerCoop.owner.id },
      unclaimed: { orgId: unclaimed.organization.id, nib: unclaimed.profile.nib! },
      bank: { orgId: ownerBank.organization.id, userId: ownerBank.owner.id },
      clusterManager: { orgId: ownerManager.organization.id, userId: ownerManager.owner.id },
    },
    cluster: { id: ownerCluster.id },
    rfqDraft: { id: rfqDraft.id, itemId: rfqDraft.items[0].id, attachmentId: draftAttachment.id },
    rfqInvited: {
      id: rfqInvited.id,
      itemId: rfqInvited.items[0].id,
      quoteId: quote.id,
      quoteAttachmentId: quoteAttachment.id,
      clarificationId: clarification.id,
    },
    rfqPublic: { id: rfqPublic.id },
    clusterRfq: { id: clusterRfq.id, proposalId: clusterProposal.id },
    agreement: { id: agreement.id, milestoneId, deliveryId: delivery.id, financingId: financing.id, paymentId: payment.id },
    agreementProposed: { id: agreementProposed.id },
    agreementCompleted: { id: agreementCompleted.id },
    rfqClosed: { id: rfqClosed.id, quoteId: closedQuote.id },
    product: { id: product.id, imageId: image.id },
    certificate: { id: certificate.id, documentId: certificate.documentId!, updatedAt: certificate.updatedAt.toISOString() },
    notificationId: notification.id,
    tokenId: ownerToken.id,
    staleInvitationToken,
    memberInvitation: { id: memberInvitation.id, token: memberInvitationToken },
    joinRequestId: joinRequest.id,
    owners: {
      buyer: await outsider(ownerBuyer.organization.id, ownerBuyer.owner),
      umkm: await outsider(ownerUmkm.organization.id, ownerUmkm.owner),
      bank: await outsider(ownerBank.organization.id, ownerBank.owner),
    },
    outsiders: {
      umkm: await outsider(oUmkm.organization.id, oUmkm.owner),
      buyer: await outsider(oBuyer.organization.id, oBuyer.owner),
      cooperative: await outsider(oCoop.organization.id, oCoop.owner),
      bank: await outsider(oBank.organization.id, oBank.owner),
      ministry: await outsider(oMinistry.organization.id, oMinistry.owner),
    },
  };
}

/** Ids of every row the owners hold (resources, their parts, their organizations' rows): an outsider's write never touches one. */
let ownerRowIds = new Set<string>();
/** The owners' organization and user ids (an "own" write may name them as a counterparty, never change their rows). */
let ownerPartyIds = new Set<string>();

async function collectOwnerRows() {
  const orgIds = Object.values(f.owner).map((o) => o.orgId);
  const userIds = Object.values(f.owner).flatMap((o) => ("userId" in o ? [o.userId] : []));
  ownerPartyIds = new Set([...orgIds, ...userIds]);
  const rows = await t.sql.query<{ id: string }>(
    `SELECT id FROM "Rfq" WHERE "buyerId" = ANY($1)
     UNION SELECT i.id FROM "RfqItem" i JOIN "Rfq" r ON r.id = i."rfqId" WHERE r."buyerId" = ANY($1)
     UNION SELECT id FROM "Quote" WHERE "supplierId" = ANY($1)
     UNION SELECT id FROM "Agreement" WHERE "buyerId" = ANY($1)
     UNION SELECT m.id FROM "Milestone" m JOIN "Agreement" a ON a.id = m."agreementId" WHERE a."buyerId" = ANY($1)
     UNION SELECT d.id FROM "Delivery" d JOIN "Agreement" a ON a.id = d."agreementId" WHERE a."buyerId" = ANY($1)
     UNION SELECT p.id FROM "Payment" p JOIN "Agreement" a ON a.id = p."agreementId" WHERE a."buyerId" = ANY($1)
     UNION SELECT id FROM "FinancingRequest" WHERE "agreementId" = $2
     UNION SELECT id FROM "Product" WHERE "supplierId" = ANY($1)
     UNION SELECT id FROM "Certification" WHERE "organizationId" = ANY($1)
     UNION SELECT id FROM "StoredFile" WHERE "organizationId" = ANY($1)
     UNION SELECT id FROM "Notification" WHERE "userId" = ANY($3)
     UNION SELECT id FROM "ApiToken" WHERE "userId" = ANY($3)
     UNION SELECT id FROM "Clarification" WHERE "rfqId" = $4
     UNION SELECT id FROM "CooperativeJoinRequest" WHERE "cooperativeId" = ANY($1)
     UNION SELECT id FROM "Membership" WHERE "organizationId" = ANY($1)
     UNION SELECT id FROM "MemberInvitation" WHERE "organizationId" = ANY($1)
     UNION SELECT id FROM "ClusterMember" WHERE "clusterId" = $5
     UNION SELECT id FROM "ClusterAnchor" WHERE "clusterId" = $5`,
    [orgIds, f.agreement.id, userIds, f.rfqInvited.id, f.cluster.id],
  );
  ownerRowIds = new Set([...rows.map((r) => r.id), ...orgIds, ...userIds]);
}

// ---------------------------------------------------------------------------------------------------------
// The allow-list: what each route and action is, and who may do what with it
// ---------------------------------------------------------------------------------------------------------

type Kind = "write" | "read" | "own" | "public";

interface CaseBase {
  /** What the call touches and whose it is, and why the expectation holds (the documentation). */
  resource: string;
  kind: Kind;
  /** read/public: the roles that get a 2xx answer (read: everyone else is refused). */
  allow?: readonly Role[];
  /** Roles that may see the owners' private data in the answer (ministry staff on agreements, by design). */
  sees?: readonly Role[];
  /** Tables a refused or public call may write (e.g. the sign-in failure counter). */
  mayWrite?: readonly string[];
  /** public: the statuses every role gets. */
  statuses?: readonly number[];
  /** write: a status besides 401/403/404 that counts as a refusal here (documented in `resource`). */
  refusedWith?: readonly number[];
  /**
   * A hole this matrix found that another branch of issue 11 fixes: the case must still FAIL here (its
   * failures are expected and not reported); once it passes, the test fails until this mark is removed.
   */
  pendingFix?: string;
}

interface ApiCase extends CaseBase {
  /** read: the owner who may read it, called once as a control (2xx), so a refusal is not a wrong fixture. */
  control?: OwnerKey;
  request: (fx: Fixture) => Omit<CallOptions, "token"> & { path?: string; multipart?: FormData };
}

interface ActionCase extends CaseBase {
  /** The arguments the action is called with. */
  args: (fx: Fixture, role: Role) => unknown[];
}

const none: Role[] = [];
const everyone: Role[] = [...ROLES];
const signedIn: Role[] = [...SIGNED_IN];
const pdfForm = (field = "file") => {
  const fd = new FormData();
  fd.append(field, new File([Buffer.from(placeholderPdf("penyerang"))], "penyerang.pdf", { type: "application/pdf" }));
  return fd;
};
const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const rfqBody = () => ({
  title: "Pengadaan oleh penyerang",
  kbli: "13134",
  deliveryRegencyCode: "31.74",
  deadline: dateInDays(20).toISOString(),
  items: [{ name: "Kain", quantity: 10, unit: "lembar" }],
});
const agreementContent = () => ({
  title: "Perjanjian oleh penyerang",
  scheme: "rantai_pasok",
  valueIdr: 5_000_000,
  startDate: daysAhead(1),
  endDate: daysAhead(60),
});

const ag = (fx: Fixture) => ({ id: fx.agreement.id });
const AGREEMENT_READ =
  "An agreement between the owner buyer and the owner UMKM: its parties read it; ministry staff read every agreement by design (ADR 0009); everyone else 404.";

/** Every route under app/api, by "METHOD /path". */
const API: Record<string, ApiCase[]> = {
  // The catch-all answers every unknown /api/v1 path with a JSON 404, for everyone.
  ...Object.fromEntries(
    HTTP_METHODS.map((m) => [
      `${m} /api/v1/[[...path]]`,
      [
        {
          resource: "No resource: an unknown path under /api/v1 (404 for everyone)",
          kind: "read",
          allow: none,
          request: () => ({ path: "/api/v1/tidak-ada", params: { path: ["tidak-ada"] } }),
        },
      ],
    ]),
  ),

  // --- agreements -------------------------------------------------------------------------------------
  "GET /api/v1/agreements": [
    {
      resource:
        "The caller's own agreements (parties) or all (ministry staff, by design); never the owners' for other parties. Banks: 403.",
      kind: "read",
      allow: ["umkm", "buyer", "cooperative", "ministry"],
      sees: ["ministry"],
      request: () => ({}),
    },
    {
      resource: "The same list filtered to active agreements (?status=active)",
      kind: "read",
      allow: ["umkm", "buyer", "cooperative", "ministry"],
      sees: ["ministry"],
      request: () => ({ query: { status: "active" } }),
    },
  ],
  "POST /api/v1/agreements": [
    {
      resource:
        'A new agreement naming the owner buyer and the owner UMKM as its parties, proposed by someone who is neither: refused (parties: 400 on the party field, "your organization must be one of the parties"; others 401/403), nothing written',
      kind: "write",
      refusedWith: [400],
      request: (fx) => ({ body: { ...agreementContent(), buyerOrgId: fx.owner.buyer.orgId, supplierOrgId: fx.owner.umkm.orgId } }),
    },
  ],
  "GET /api/v1/agreements/[id]": [
    {
      resource: AGREEMENT_READ,
      kind: "read",
      control: "buyer",
      allow: ["ministry"],
      sees: ["ministry"],
      request: (fx) => ({ params: ag(fx) }),
    },
    {
      resource: `The owners' proposed agreement. ${AGREEMENT_READ}`,
      kind: "read",
      control: "umkm",
      allow: ["ministry"],
      sees: ["ministry"],
      request: (fx) => ({ params: { id: fx.agreementProposed.id } }),
    },
  ],
  "PATCH /api/v1/agreements/[id]": [
    {
      resource: "Amend the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: ag(fx), body: { version: 1, title: "Diubah oleh penyerang" } }),
    },
    {
      resource: "Amend the owners' proposed agreement",
      kind: "write",
      request: (fx) => ({ params: { id: fx.agreementProposed.id }, body: { version: 1, title: "Diubah oleh penyerang" } }),
    },
  ],
  "POST /api/v1/agreements/[id]/accept": [
    { resource: "Accept the owners' agreement", kind: "write", request: (fx) => ({ params: ag(fx), body: { version: 1 } }) },
    {
      resource: "Accept the owners' agreement that waits for acceptance (proposed)",
      kind: "write",
      request: (fx) => ({ params: { id: fx.agreementProposed.id }, body: { version: 1 } }),
    },
  ],
  "POST /api/v1/agreements/[id]/complete": [
    { resource: "Complete the owners' agreement", kind: "write", request: (fx) => ({ params: ag(fx), body: { version: 1 } }) },
  ],
  "DELETE /api/v1/agreements/[id]/complete": [
    {
      resource: "Withdraw a completion confirmation on the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: ag(fx), body: { version: 1 } }),
    },
  ],
  "POST /api/v1/agreements/[id]/terminate": [
    {
      resource: "Terminate the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: ag(fx), body: { version: 1, reason: "Diakhiri oleh penyerang" } }),
    },
    {
      resource: "Terminate the owners' proposed agreement",
      kind: "write",
      request: (fx) => ({ params: { id: fx.agreementProposed.id }, body: { version: 1, reason: "Diakhiri oleh penyerang" } }),
    },
  ],
  "POST /api/v1/agreements/[id]/deliveries": [
    {
      resource: "Record a delivery on the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: ag(fx), body: { milestoneId: fx.agreement.milestoneId, quantity: 10, deliveredOn: today() } }),
    },
    {
      resource: "Mixed: a delivery on the caller's own agreement against the owners' milestone (refused: 400/404, nothing written)",
      kind: "write",
      refusedWith: [400, 409],
      request: (fx) => ({
        params: { id: fx.mine.agreementId },
        body: { milestoneId: fx.agreement.milestoneId, quantity: 10, deliveredOn: today() },
      }),
    },
  ],
  "POST /api/v1/agreements/[id]/deliveries/[deliveryId]/review": [
    {
      resource: "Accept the owner UMKM's delivery on the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: { ...ag(fx), deliveryId: fx.agreement.deliveryId }, body: { status: "accepted" } }),
    },
    {
      resource: "Mixed: the caller's own agreement id with the owners' delivery id",
      kind: "write",
      request: (fx) => ({ params: { id: fx.mine.agreementId, deliveryId: fx.agreement.deliveryId }, body: { status: "accepted" } }),
    },
  ],
  "POST /api/v1/agreements/[id]/payments": [
    {
      resource: "Record a payment on the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: ag(fx), body: { amountIdr: 1000, paidOn: today() } }),
    },
    {
      resource: "Mixed: a payment on the caller's own agreement against the owners' milestone (refused: 400/404, nothing written)",
      kind: "write",
      refusedWith: [400, 409],
      request: (fx) => ({
        params: { id: fx.mine.agreementId },
        body: { milestoneId: fx.agreement.milestoneId, amountIdr: 1000, paidOn: today() },
      }),
    },
  ],
  "POST /api/v1/agreements/[id]/payments/[paymentId]/receipt": [
    {
      resource: "Confirm receipt of a payment on the owners' agreement (the owner UMKM's to confirm)",
      kind: "write",
      request: (fx) => ({ params: { ...ag(fx), paymentId: fx.agreement.paymentId }, body: { receivedOn: today() } }),
    },
    {
      resource: "Mixed: the caller's own agreement id with the owners' payment id",
      kind: "write",
      request: (fx) => ({ params: { id: fx.mine.agreementId, paymentId: fx.agreement.paymentId }, body: { receivedOn: today() } }),
    },
  ],
  "POST /api/v1/agreements/[id]/ratings": [
    {
      resource: "Rate the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: ag(fx), body: { score: 1, comment: "Penyerang" } }),
    },
    {
      resource: "Rate the owners' completed agreement (ratings open)",
      kind: "write",
      request: (fx) => ({ params: { id: fx.agreementCompleted.id }, body: { score: 1, comment: "Penyerang" } }),
    },
  ],
  "GET /api/v1/agreements/[id]/versions/[version]": [
    {
      resource: `Version 1 of the owners' agreement. ${AGREEMENT_READ}`,
      kind: "read",
      control: "buyer",
      allow: ["ministry"],
      sees: ["ministry"],
      request: (fx) => ({ params: { ...ag(fx), version: "1" } }),
    },
  ],
  "GET /api/v1/agreements/[id]/financing": [
    {
      resource:
        'Financing requests on the owners\' agreement: its parties see them; any other UMKM, buyer or cooperative gets an empty list (documented: "empty for anyone else"), banks and ministry staff 403 (financing is between the UMKM and its bank)',
      kind: "read",
      control: "umkm",
      allow: ["umkm", "buyer", "cooperative"],
      request: (fx) => ({ params: ag(fx) }),
    },
  ],
  "POST /api/v1/agreements/[id]/financing": [
    {
      resource: "Ask for financing on the owners' agreement",
      kind: "write",
      request: (fx) => ({ params: ag(fx), body: { bankId: fx.outsiders.bank.orgId, type: "invoice", amountIdr: 1_000_000 } }),
    },
  ],

  // --- account --------------------------------------------------------------------------------------------
  "POST /api/v1/auth/register": [
    {
      resource:
        "Public sign-up (by design open to everyone); here with an owner's e-mail address: refused, no account or organization written (only the sign-up rate limiter counts)",
      kind: "public",
      statuses: [400, 409],
      mayWrite: ["RateLimiterFlexible"],
      request: () => ({
        body: {
          email: PRIVATE.ownerEmail,
          password: "tenun-ikat-sumba-7",
          name: "Penyerang",
          organization: { name: "CV Penyerang", type: "umkm" },
        },
        headers: { "x-forwarded-for": "198.51.100.7" },
      }),
    },
  ],
  "POST /api/v1/auth/password-reset": [
    {
      resource:
        "Public \"forgot password\" (by design open to everyone) for an owner's e-mail address: the same 202 for every address; the link goes to the owner's mailbox, never to the caller (a reset row, the outbox e-mail and its audit entry are written); 429 once the address has been asked for 5 times",
      kind: "public",
      statuses: [202, 429],
      mayWrite: ["RateLimiterFlexible", "PasswordResetToken", "EmailOutbox", "AuditLog"],
      request: () => ({ body: { email: PRIVATE.ownerEmail } }),
    },
  ],
  "POST /api/v1/auth/password-reset/confirm": [
    {
      resource:
        "Public: set a password with a reset link's token (the token is the authority); an unknown token is refused (400), nothing written but the per-address counter",
      kind: "public",
      statuses: [400],
      mayWrite: ["RateLimiterFlexible"],
      request: () => ({ body: { token: "bukan-token-atur-ulang", password: "tenun-ikat-sumba-7" } }),
    },
  ],
  "POST /api/v1/auth/token": [
    {
      resource:
        "Public sign-in (by design open to everyone); here as an owner with a wrong password: 401, only the failure counter is written",
      kind: "public",
      statuses: [401],
      mayWrite: ["RateLimiterFlexible"],
      request: () => ({
        body: { email: PRIVATE.ownerEmail, password: "bukan-kata-sandinya" },
        headers: { "x-forwarded-for": "198.51.100.8" },
      }),
    },
  ],
  "GET /api/v1/me": [
    {
      resource: "The caller's own account: every signed-in caller reads their own, never an owner's",
      kind: "read",
      allow: signedIn,
      request: () => ({}),
    },
  ],
  "GET /api/v1/admin/certificates": [
    {
      resource: "Certificates awaiting review across all UMKM (the owner UMKM's among them): platform admins only, 404 for everyone else",
      kind: "read",
      allow: none,
      request: () => ({ query: { status: "pending" } }),
    },
  ],
  "POST /api/v1/admin/certificates/[id]/review": [
    {
      resource: "Approve the owner UMKM's certificate: platform admins only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.certificate.id }, body: { decision: "approved", updatedAt: fx.certificate.updatedAt } }),
    },
    {
      resource: "Return the owner UMKM's certificate with a reason: platform admins only",
      kind: "write",
      request: (fx) => ({
        params: { id: fx.certificate.id },
        body: { decision: "returned", reason: "Dikembalikan oleh penyerang", updatedAt: fx.certificate.updatedAt },
      }),
    },
  ],
  "GET /api/v1/tokens": [
    { resource: "The caller's own API tokens (never the owner's)", kind: "read", allow: signedIn, request: () => ({}) },
  ],
  "POST /api/v1/tokens": [
    {
      resource: "A new token for the caller's own account",
      kind: "own",
      request: () => ({ body: { name: "Token penyerang", expiresInDays: 30 } }),
    },
  ],
  "DELETE /api/v1/tokens/[id]": [
    { resource: "Revoke the owner UMKM user's API token", kind: "write", request: (fx) => ({ params: { id: fx.tokenId } }) },
  ],

  // --- members and invitations (issue 16) ------------------------------------------------------------------
  "GET /api/v1/organizations/[id]/members": [
    {
      resource: "The owner buyer's members and pending invitations: its own members only; everyone else 404 (not 403)",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.owner.buyer.orgId } }),
    },
  ],
  "POST /api/v1/organizations/[id]/members": [
    {
      resource: "Invite someone into the owner buyer's organization",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.buyer.orgId }, body: { email: "penyerang@contoh.rantai.test", role: "owner" } }),
    },
  ],
  "PATCH /api/v1/organizations/[id]/members/[userId]": [
    {
      resource: "Demote the owner buyer's owner",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.buyer.orgId, userId: fx.owner.buyer.userId }, body: { role: "member" } }),
    },
  ],
  "DELETE /api/v1/organizations/[id]/members/[userId]": [
    {
      resource: "Remove the owner buyer's owner",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.buyer.orgId, userId: fx.owner.buyer.userId } }),
    },
  ],
  "POST /api/v1/invitations/accept": [
    {
      resource:
        "Accept, with its token, the owner buyer's invitation addressed to someone else: 403 (another address) / 401, nothing joined",
      kind: "write",
      request: (fx) => ({ body: { token: fx.memberInvitation.token } }),
    },
  ],

  // --- financing --------------------------------------------------------------------------------------
  "GET /api/v1/financing": [
    {
      resource:
        "Financing requests: a bank sees those addressed to it, an UMKM or a cooperative its own (issue 13); never the owners' (another bank's, the owner UMKM's)",
      kind: "read",
      allow: ["umkm", "bank", "cooperative"],
      request: () => ({}),
    },
  ],
  "GET /api/v1/financing/[id]": [
    {
      resource: "The owner UMKM's financing request to the owner bank: that bank only",
      kind: "read",
      control: "bank",
      allow: none,
      request: (fx) => ({ params: { id: fx.agreement.financingId } }),
    },
  ],
  "POST /api/v1/financing/[id]/confirm": [
    {
      resource: "The owner buyer confirms the owner UMKM's financing request",
      kind: "write",
      request: (fx) => ({ params: { id: fx.agreement.financingId } }),
    },
  ],
  "POST /api/v1/financing/[id]/decision": [
    {
      resource: "The owner bank's decision on the request",
      kind: "write",
      request: (fx) => ({ params: { id: fx.agreement.financingId }, body: { decision: "approved" } }),
    },
  ],
  "GET /api/v1/financing-programmes": [
    {
      resource:
        "Issue 13: financing programmes the caller is part of (a buyer's, a bank's, the ones an UMKM or cooperative was referred to); the owners' never appear for outsiders",
      kind: "read",
      allow: ["umkm", "buyer", "cooperative", "bank"],
      control: "buyer",
      request: () => ({}),
    },
  ],
  "POST /api/v1/financing-programmes": [
    {
      resource: "Issue 13: a buyer proposes its own programme (here to the outsider bank)",
      kind: "own",
      request: (fx) => ({ body: { bankId: fx.outsiders.bank.orgId, name: "Program penyerang", maxPerUmkmIdr: 1_000_000, tenorDays: 30 } }),
    },
  ],
  "POST /api/v1/financing-programmes/[id]/referrals": [
    {
      resource: "Issue 13: refer someone into the owner buyer's programme: its buyer only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.programme.activeId }, body: { supplierId: fx.owner.umkm.orgId } }),
    },
  ],
  "POST /api/v1/financing-programmes/[id]/accept": [
    {
      resource: "Issue 13: accept the programme proposed to the owner bank: that bank only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.programme.proposedId }, body: {} }),
    },
  ],
  "POST /api/v1/financing-programmes/[id]/decline": [
    {
      resource: "Issue 13: decline the programme proposed to the owner bank: that bank only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.programme.proposedId }, body: {} }),
    },
  ],
  "POST /api/v1/financing-programmes/[id]/requests": [
    {
      resource: "Issue 13: request financing under the owner buyer's programme: only a partner whose referral was accepted",
      kind: "write",
      request: (fx) => ({
        params: { id: fx.programme.activeId },
        body: { agreementId: fx.agreement.id, type: "invoice", amountIdr: 1_000_000 },
      }),
    },
  ],
  "POST /api/v1/financing-referrals/[id]/accept": [
    {
      resource: "Issue 13: accept the owner UMKM's referral: that UMKM only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.programme.referralId } }),
    },
  ],
  "POST /api/v1/financing-referrals/[id]/decline": [
    {
      resource: "Issue 13: decline the owner UMKM's referral: that UMKM only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.programme.referralId } }),
    },
  ],
  "POST /api/v1/financing/[id]/withdraw": [
    { resource: "The owner UMKM withdraws its request", kind: "write", request: (fx) => ({ params: { id: fx.agreement.financingId } }) },
  ],

  // --- notifications -----------------------------------------------------------------------------------
  "GET /api/v1/notifications": [
    { resource: "The caller's own notifications (never the owner's)", kind: "read", allow: signedIn, request: () => ({}) },
  ],
  "GET /api/v1/notifications/unread-count": [
    { resource: "The caller's own unread count", kind: "read", allow: signedIn, request: () => ({}) },
    {
      resource: "The owner user's unread count (?userId= names the owner): 403 for everyone else, 401 signed out",
      kind: "read",
      allow: none,
      request: (fx) => ({ query: { userId: fx.owner.umkm.userId } }),
    },
  ],
  "POST /api/v1/notifications/[id]/read": [
    { resource: "Mark the owner user's notification read", kind: "write", request: (fx) => ({ params: { id: fx.notificationId } }) },
  ],
  "POST /api/v1/notifications/read-all": [
    { resource: "Mark the caller's own notifications read (the owner's stay unread)", kind: "own", request: () => ({}) },
  ],
  "GET /api/v1/notifications/preferences": [
    {
      resource: "The caller's own notification settings (the user comes from the token; none can be named)",
      kind: "read",
      allow: signedIn,
      request: () => ({}),
    },
  ],
  "PUT /api/v1/notifications/preferences": [
    {
      resource: "Change the caller's own notification settings (an opt-out row for the caller, never the owner's)",
      kind: "own",
      request: () => ({ body: { preferences: [{ kind: "quotes", email: false }] } }),
    },
  ],

  // --- public reference, directory and statistics -----------------------------------------------------
  "GET /api/v1/openapi.json": [{ resource: "The API description: public", kind: "read", allow: everyone, request: () => ({}) }],
  "GET /api/v1/reference/kbli": [
    { resource: "KBLI reference data: public", kind: "read", allow: everyone, request: () => ({ query: { q: "batik" } }) },
  ],
  "GET /api/v1/reference/regions": [
    { resource: "Provinces and regencies: public", kind: "read", allow: everyone, request: () => ({ query: { province: "33" } }) },
  ],
  "GET /api/v1/sites": [
    {
      resource: "Industrial estates and UMKM centres: public reference list (issue 12)",
      kind: "read",
      allow: everyone,
      request: () => ({}),
    },
  ],
  "GET /api/v1/sites/[id]": [
    {
      resource: "One estate: verified UMKM count, verified buyers, partnerships under the disclosure rule: public",
      kind: "read",
      allow: everyone,
      request: () => ({ params: { id: "site_ref_jababeka" } }),
    },
  ],
  // --- clusters (issue 12, lib/clusters): the owner manager's cluster. The cluster itself is public (the list,
  // its page) and asking to join it is open to any UMKM or cooperative by design ("own": the request is the
  // caller's row, naming the cluster; its manager is told). Its membership and anchor rows are the owners':
  // deciding, removing, answering someone else's invitation and inviting anchors are writes, refused (another
  // manager's cluster — ministry staff manage clusters too — is 404). ---
  "GET /api/v1/clusters": [
    {
      resource: "The public cluster list (names, sectors, regions, manager name, disclosed member counts)",
      kind: "read",
      allow: everyone,
      request: () => ({}),
    },
  ],
  "POST /api/v1/clusters": [
    {
      resource: "A cluster managed by the caller's own organization (ministry staff may; the others are 403)",
      kind: "own",
      request: () => ({ body: { name: "Klaster Penyerang", kbliSections: ["C"], provinceCodes: ["32"] } }),
    },
  ],
  "POST /api/v1/clusters/[id]/join": [
    {
      resource: "The caller's own request to join the owner manager's cluster (open to UMKM and cooperatives)",
      kind: "own",
      request: (fx) => ({ params: { id: fx.cluster.id } }),
    },
  ],
  "POST /api/v1/clusters/[id]/invitation": [
    {
      resource: "Accept the owner UMKM 2's invitation to the owner cluster (the caller has none: 404)",
      kind: "write",
      request: (fx) => ({ params: { id: fx.cluster.id }, body: { decision: "accept" } }),
    },
  ],
  "POST /api/v1/clusters/[id]/members/[orgId]/decision": [
    {
      resource: "Accept the owner UMKM's request to join the owner manager's cluster",
      kind: "write",
      request: (fx) => ({ params: { id: fx.cluster.id, orgId: fx.owner.umkm.orgId }, body: { decision: "accept" } }),
    },
  ],
  "DELETE /api/v1/clusters/[id]/members/[orgId]": [
    {
      resource: "Remove the owner cooperative from the owner cluster",
      kind: "write",
      request: (fx) => ({ params: { id: fx.cluster.id, orgId: fx.owner.coop.orgId } }),
    },
  ],
  "POST /api/v1/clusters/[id]/anchors": [
    {
      resource: "Invite a buyer as anchor of the owner cluster",
      kind: "write",
      request: (fx) => ({ params: { id: fx.cluster.id }, body: { buyerId: fx.outsiders.buyer.orgId } }),
    },
  ],
  "POST /api/v1/clusters/[id]/anchors/invitation": [
    {
      resource: "Accept the owner buyer's anchor invitation (the caller has none: 404)",
      kind: "write",
      request: (fx) => ({ params: { id: fx.cluster.id }, body: { decision: "accept" } }),
    },
  ],
  "DELETE /api/v1/clusters/[id]/anchors/[buyerId]": [
    {
      resource: "End the owner buyer's anchorship of the owner cluster",
      kind: "write",
      request: (fx) => ({ params: { id: fx.cluster.id, buyerId: fx.owner.buyer.orgId } }),
    },
  ],
  "GET /api/v1/stats/summary": [
    { resource: "National partnership summary: public statistics", kind: "read", allow: everyone, request: () => ({}) },
  ],
  "GET /api/v1/stats/partnerships": [
    {
      resource: "Partnership statistics by group: public statistics (small groups suppressed for the public)",
      kind: "read",
      allow: everyone,
      request: () => ({ query: { groupBy: "province" } }),
    },
  ],
  "GET /statistik/tabel.csv": [
    {
      resource:
        "One /statistik table for Excel (issue 17), here the owner UMKM's province by regency: public statistics, " +
        "protected for the public like the page (small regencies withheld), exact for ministry staff",
      kind: "read",
      allow: everyone,
      request: () => ({ query: { tabel: "regency", province: "33" } }),
    },
  ],
  "GET /statistik/pemasok.csv": [
    {
      resource: "The named top suppliers behind /statistik for Excel (issue 17): ministry staff (stats:drilldown) only, by design",
      kind: "read",
      allow: ["ministry"],
      sees: ["ministry"],
      request: () => ({}),
    },
  ],
  "GET /api/v1/agreement-flags": [
    {
      resource:
        "Issue 13: agreements flagged as possible fake partnerships (the owners' among them): ministry staff (partnership:review) only",
      kind: "read",
      allow: ["ministry"],
      sees: ["ministry"],
      request: () => ({}),
    },
  ],
  "POST /api/v1/agreement-flags/[id]/decision": [
    {
      resource:
        "Issue 13: decide a flag on the owners' agreement. Ministry staff may by design; this one is already confirmed, so confirming it again is a 409 for them; everyone else is refused",
      kind: "write",
      refusedWith: [409],
      request: (fx) => ({ params: { id: fx.flagId }, body: { decision: "confirm", note: "Konfirmasi lagi oleh penyerang" } }),
    },
  ],
  "GET /api/v1/stats/suppliers": [
    {
      resource: "Named top suppliers behind the statistics: ministry staff (stats:drilldown) only, by design",
      kind: "read",
      allow: ["ministry"],
      sees: ["ministry"],
      request: () => ({}),
    },
  ],
  "GET /api/v1/stats/partnership-index": [
    {
      resource: "Every buyer ranked by its Indeks Kemitraan, unpublished ones included: ministry staff (stats:drilldown) only",
      kind: "read",
      allow: ["ministry"],
      sees: ["ministry"],
      request: () => ({}),
    },
  ],
  "GET /api/v1/buyers/[id]/partnership-index": [
    {
      resource: "The owner buyer's unpublished Indeks Kemitraan: the firm itself and ministry staff only (404 to others)",
      kind: "read",
      control: "buyer",
      allow: ["ministry"],
      sees: ["ministry"],
      request: (fx) => ({ params: { id: fx.owner.buyer.orgId } }),
    },
  ],
  "GET /api/v1/suppliers": [
    { resource: "The supplier directory: public (no NPWP, no owner contact)", kind: "read", allow: everyone, request: () => ({}) },
  ],
  "GET /api/v1/suppliers/[id]": [
    {
      resource: "The owner UMKM's public profile: public (no NPWP, no owner contact)",
      kind: "read",
      allow: everyone,
      request: (fx) => ({ params: { id: fx.owner.umkm.orgId } }),
    },
  ],
  "GET /api/v1/clusters/[id]": [
    {
      resource:
        "A cluster's summary and figures (the owner UMKM and cooperative are members, the owner buyer its anchor): public, protected for the public (ADR 0028)",
      kind: "read",
      allow: everyone,
      request: (fx) => ({ params: { id: fx.figuresCluster.id } }),
    },
  ],
  "GET /api/v1/organizations/[id]": [
    {
      resource:
        "The owner buyer's organization profile (NPWP, contact, a pending identity change): its own members and platform admins only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.owner.buyer.orgId } }),
    },
  ],
  "PATCH /api/v1/organizations/[id]": [
    {
      resource: "Edit the owner buyer's organization profile",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.buyer.orgId }, body: { name: "PT Penyerang", phone: "+62 21 0000 0000" } }),
    },
  ],
  "POST /api/v1/admin/organizations/[id]/profile-review": [
    {
      resource: "Decide on the owner buyer's proposed identity change: platform admins only",
      kind: "write",
      request: (fx) => ({
        params: { id: fx.owner.buyer.orgId },
        body: { decision: "returned", note: "Dikembalikan oleh penyerang", identityChangeAt: "2026-01-01T00:00:00.000Z" },
      }),
    },
  ],
  "PATCH /api/v1/suppliers/[id]": [
    {
      resource: "Edit the owner UMKM's supplier profile",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.umkm.orgId }, body: { description: "Diubah oleh penyerang untuk uji matriks." } }),
    },
  ],
  "GET /api/v1/suppliers/[id]/recommended-rfqs": [
    {
      resource: "RFQs recommended to the owner UMKM: that UMKM only",
      kind: "read",
      control: "umkm",
      allow: none,
      request: (fx) => ({ params: { id: fx.owner.umkm.orgId } }),
    },
  ],
  "GET /api/v1/products": [
    { resource: "The public product catalogue", kind: "read", allow: everyone, request: () => ({}) },
    {
      resource: "The public catalogue filtered to the owner UMKM (?supplierId=): public",
      kind: "read",
      allow: everyone,
      request: (fx) => ({ query: { supplierId: fx.owner.umkm.orgId } }),
    },
  ],
  "POST /api/v1/products": [
    {
      resource: "A product of the caller's own UMKM",
      kind: "own",
      request: () => ({ body: { name: "Produk penyerang", kbli: "13134", unit: "lembar", priceMinIdr: 1000, priceMaxIdr: 2000 } }),
    },
  ],
  "GET /api/v1/products/[id]": [
    {
      resource: "The owner UMKM's product: public catalogue",
      kind: "read",
      allow: everyone,
      request: (fx) => ({ params: { id: fx.product.id } }),
    },
  ],
  "PATCH /api/v1/products/[id]": [
    {
      resource: "Edit the owner UMKM's product",
      kind: "write",
      request: (fx) => ({ params: { id: fx.product.id }, body: { name: "Diubah oleh penyerang" } }),
    },
  ],
  "DELETE /api/v1/products/[id]": [
    { resource: "Archive the owner UMKM's product", kind: "write", request: (fx) => ({ params: { id: fx.product.id } }) },
  ],
  "GET /api/v1/products/[id]/images/[imageId]": [
    {
      resource: "The owner UMKM's product photo: public catalogue",
      kind: "read",
      allow: everyone,
      request: (fx) => ({ params: { id: fx.product.id, imageId: fx.product.imageId } }),
    },
  ],

  // --- RFQs and quotes -----------------------------------------------------------------------------------
  "GET /api/v1/rfqs": [
    {
      resource:
        "Buyers: their own RFQs; suppliers: the board (published public RFQs and their invitations). Never the owner's draft or an invitation-only RFQ they are not invited to",
      kind: "read",
      allow: ["umkm", "buyer", "cooperative"],
      request: () => ({}),
    },
    {
      resource: "The same list asking for drafts (?status=draft): a buyer's own drafts only, never the owner's",
      kind: "read",
      allow: ["umkm", "buyer", "cooperative"],
      request: () => ({ query: { status: "draft" } }),
    },
    {
      resource:
        "The same list searching for the owner's private titles (?q=RAHASIA&status=open): nothing of the owner's draft or invitation-only RFQ",
      kind: "read",
      allow: ["umkm", "buyer", "cooperative"],
      request: () => ({ query: { q: "RAHASIA", status: "open" } }),
    },
  ],
  "POST /api/v1/rfqs": [
    { resource: "A draft RFQ of the caller's own buyer organization", kind: "own", request: () => ({ body: rfqBody() }) },
  ],
  "GET /api/v1/rfqs/[id]": [
    {
      resource: "The owner buyer's draft RFQ: the buyer only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqDraft.id } }),
    },
    {
      resource: "The owner buyer's invitation-only RFQ: the buyer and invited suppliers only",
      kind: "read",
      control: "umkm",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
    {
      resource: "The owner buyer's published public RFQ: on the board, every supplier (UMKM, cooperative) reads it by design",
      kind: "read",
      allow: ["umkm", "cooperative"],
      request: (fx) => ({ params: { id: fx.rfqPublic.id } }),
    },
    {
      resource: "The owner buyer's closed invitation-only RFQ: its buyer and invited suppliers only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqClosed.id } }),
    },
  ],
  "PATCH /api/v1/rfqs/[id]": [
    {
      resource: "Edit the owner buyer's draft RFQ",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqDraft.id }, body: { title: "Diubah oleh penyerang" } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/publish": [
    { resource: "Publish the owner buyer's draft", kind: "write", request: (fx) => ({ params: { id: fx.rfqDraft.id } }) },
  ],
  "POST /api/v1/rfqs/[id]/extend": [
    {
      resource: "Extend the owner buyer's open RFQ",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id }, body: { deadline: dateInDays(40).toISOString() } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/close": [
    { resource: "Close the owner buyer's open RFQ", kind: "write", request: (fx) => ({ params: { id: fx.rfqInvited.id } }) },
  ],
  "POST /api/v1/rfqs/[id]/cancel": [
    {
      resource: "Cancel the owner buyer's open RFQ",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id }, body: { reason: "Dibatalkan oleh penyerang" } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/award": [
    {
      resource: "Award the owner buyer's RFQ to the owner UMKM's quote",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id }, body: { awards: [{ quoteId: fx.rfqInvited.quoteId }] } }),
    },
    {
      resource: "Mixed: the caller's own closed RFQ awarded to the owner UMKM's quote on another RFQ (refused: 400/404, nothing written)",
      kind: "write",
      refusedWith: [400, 409],
      request: (fx) => ({ params: { id: fx.mine.rfqClosedId }, body: { awards: [{ quoteId: fx.rfqInvited.quoteId }] } }),
    },
    {
      resource: "Award the owner buyer's CLOSED RFQ (ready to award) to the owner UMKM's quote",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqClosed.id }, body: { awards: [{ quoteId: fx.rfqClosed.quoteId }] } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/attachments": [
    {
      resource: "Attach a file to the owner buyer's draft",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqDraft.id }, multipart: pdfForm() }),
    },
  ],
  "GET /api/v1/rfqs/[id]/attachments/[attachmentId]": [
    {
      resource: "The attachment of the owner buyer's draft: the buyer only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqDraft.id, attachmentId: fx.rfqDraft.attachmentId } }),
    },
    {
      resource: "Mixed: the caller's own draft RFQ id with the owner's attachment id",
      kind: "read",
      allow: none,
      request: (fx) => ({ params: { id: fx.mine.rfqDraftId, attachmentId: fx.rfqDraft.attachmentId } }),
    },
  ],
  "DELETE /api/v1/rfqs/[id]/attachments/[attachmentId]": [
    {
      resource: "Remove the attachment of the owner buyer's draft",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqDraft.id, attachmentId: fx.rfqDraft.attachmentId } }),
    },
    {
      resource: "Mixed: the caller's own draft RFQ id with the owner's attachment id",
      kind: "write",
      request: (fx) => ({ params: { id: fx.mine.rfqDraftId, attachmentId: fx.rfqDraft.attachmentId } }),
    },
  ],
  "GET /api/v1/rfqs/[id]/clarifications": [
    {
      resource: "Questions on the invitation-only RFQ: its buyer and invited suppliers only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/clarifications": [
    {
      resource: "Ask a question on an invitation-only RFQ one is not invited to",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id }, body: { question: "Pertanyaan dari penyerang?" } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/clarifications/[clarificationId]/answer": [
    {
      resource: "Answer the owner UMKM's question on the owner buyer's RFQ",
      kind: "write",
      request: (fx) => ({
        params: { id: fx.rfqInvited.id, clarificationId: fx.rfqInvited.clarificationId },
        body: { answer: "Jawaban penyerang" },
      }),
    },
    {
      resource: "Mixed: the caller's own RFQ id with the owner's clarification id",
      kind: "write",
      request: (fx) => ({
        params: { id: fx.mine.rfqOpenId, clarificationId: fx.rfqInvited.clarificationId },
        body: { answer: "Jawaban penyerang" },
      }),
    },
  ],
  "GET /api/v1/rfqs/[id]/invitations": [
    {
      resource: "Who the owner buyer invited: the buyer only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/invitations": [
    {
      resource: "Invite suppliers to the owner buyer's RFQ",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id }, body: { supplierIds: [fx.outsiders.umkm.orgId] } }),
    },
  ],
  "GET /api/v1/rfqs/[id]/matches": [
    {
      resource: "Ranked suppliers for the owner buyer's RFQ: the buyer only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
  ],
  "GET /api/v1/rfqs/[id]/consortia": [
    {
      resource: "Consortium proposals for the owner buyer's RFQ: the buyer only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/consortia": [
    {
      resource: "Invite a consortium to the owner buyer's RFQ",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id }, body: { memberIds: [fx.owner.umkm.orgId, fx.owner.umkm2.orgId] } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/consortia/[consortiumId]/invite": [
    {
      resource: "Invite the consortium a cluster manager proposed for the owner buyer's RFQ: the buyer only (others 404/403)",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqPublic.id, consortiumId: fx.clusterRfq.proposalId } }),
    },
  ],
  "GET /api/v1/clusters/[id]/consortia": [
    {
      resource:
        "The owner cluster manager's view of its anchors' open RFQs and its proposals: that manager only (ministry staff and regional governments manage only clusters they created: 404)",
      kind: "read",
      allow: none,
      request: (fx) => ({ params: { id: fx.clusterRfq.id } }),
    },
  ],
  "POST /api/v1/clusters/[id]/consortia": [
    {
      resource: "Propose a consortium of the owner cluster's members for its anchor's RFQ: the cluster's manager only",
      kind: "write",
      request: (fx) => ({
        params: { id: fx.clusterRfq.id },
        body: { rfqId: fx.rfqPublic.id, memberIds: [fx.owner.umkm.orgId, fx.owner.umkm2.orgId] },
      }),
    },
  ],
  "GET /api/v1/rfqs/[id]/quotes": [
    {
      resource: "The quotes on the owner buyer's RFQ: the buyer only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
    {
      resource: "The quotes on the owner buyer's closed RFQ (prices revealed): the buyer only",
      kind: "read",
      control: "buyer",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqClosed.id } }),
    },
  ],
  "GET /api/v1/rfqs/[id]/quote": [
    {
      resource: "The caller's own quote on an invitation-only RFQ it is not invited to (none): never the owner UMKM's",
      kind: "read",
      control: "umkm",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
  ],
  "PUT /api/v1/rfqs/[id]/quote": [
    {
      resource: "Quote on an invitation-only RFQ one is not invited to",
      kind: "write",
      request: (fx) => ({
        params: { id: fx.rfqInvited.id },
        body: { items: [{ rfqItemId: fx.rfqInvited.itemId, unitPriceIdr: 90_000 }], leadTimeDays: 10, includesVat: false },
      }),
    },
  ],
  "DELETE /api/v1/rfqs/[id]/quote": [
    {
      resource: "Withdraw a quote on an invitation-only RFQ (the caller has none; the owner UMKM's stays)",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id } }),
    },
  ],
  "POST /api/v1/rfqs/[id]/quote/attachments": [
    {
      resource: "Attach a file to a quote on an invitation-only RFQ one is not invited to",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id }, multipart: pdfForm() }),
    },
  ],
  "GET /api/v1/rfqs/[id]/quote/attachments/[attachmentId]": [
    {
      resource: "The owner UMKM's quote attachment: that UMKM (and the buyer once quotes open) only",
      kind: "read",
      control: "umkm",
      allow: none,
      request: (fx) => ({ params: { id: fx.rfqInvited.id, attachmentId: fx.rfqInvited.quoteAttachmentId } }),
    },
    {
      resource: "Mixed: an RFQ the caller quoted on, with the owner UMKM's quote attachment id",
      kind: "read",
      allow: none,
      request: (fx) => ({ params: { id: fx.mine.publicQuoteRfqId, attachmentId: fx.rfqInvited.quoteAttachmentId } }),
    },
  ],
  "DELETE /api/v1/rfqs/[id]/quote/attachments/[attachmentId]": [
    {
      resource: "Remove the owner UMKM's quote attachment",
      kind: "write",
      request: (fx) => ({ params: { id: fx.rfqInvited.id, attachmentId: fx.rfqInvited.quoteAttachmentId } }),
    },
    {
      resource: "Mixed: the public RFQ the caller quoted on, with the owner UMKM's quote attachment id",
      kind: "write",
      request: (fx) => ({ params: { id: fx.mine.publicQuoteRfqId, attachmentId: fx.rfqInvited.quoteAttachmentId } }),
    },
  ],

  // --- outside /api/v1 -------------------------------------------------------------------------------------
  "GET /api/files/[id]": [
    {
      resource: "The owner UMKM's certificate document: members of that UMKM and platform admins only",
      kind: "read",
      control: "umkm",
      allow: none,
      request: (fx) => ({ params: { id: fx.certificate.documentId } }),
    },
  ],
  "POST /api/clusters/[id]/invitations/import": [
    {
      resource: "A bulk invitation CSV of NIB into the owner manager's cluster (its verified manager only; another manager's cluster: 404)",
      kind: "write",
      request: (fx) => ({ params: { id: fx.cluster.id }, rawBody: `nib\n${fx.owner.umkm.nib}\n`, headers: { "content-type": "text/csv" } }),
    },
  ],
  "POST /api/cooperatives/import": [
    {
      resource:
        "A member CSV into the caller's own cooperative, naming the owner cooperative's member (the owner UMKM) by its NIB: that row is refused, nothing of the UMKM changes",
      kind: "own",
      request: (fx) => ({
        rawBody: `nama_usaha;nib;kode_kabupaten;kbli\nDiambil alih;${fx.owner.umkm.nib};33.75;13134\n`,
        headers: { "content-type": "text/csv" },
      }),
    },
    {
      resource:
        "A member CSV naming the owner cooperative's UNCLAIMED member UMKM (no owner yet; its NIB is public) with the caller's e-mail: that row is refused, nothing of the UMKM changes (issue 11 item 2)",
      kind: "own",
      request: (fx) => ({
        rawBody: `nama_usaha;nib;kode_kabupaten;kbli;email_pemilik\nDiambil alih;${fx.owner.unclaimed.nib};33.75;13134;penyerang@contoh.rantai.test\n`,
        headers: { "content-type": "text/csv" },
      }),
    },
  ],
  "GET /klaster/[id]/kelola/templat.csv": [
    {
      resource: "The cluster bulk-invitation template (a nib column and an example row): static, public",
      kind: "read",
      allow: everyone,
      request: (fx) => ({ params: { id: fx.cluster.id } }),
    },
  ],
  "GET /api/v1/reports/[code]": [
    {
      resource: "The owner buyer's Laporan Kemitraan by its code: whoever holds the code verifies it (ADR 0030)",
      kind: "read",
      allow: everyone,
      request: (fx) => ({ params: { code: fx.reportCode } }),
    },
  ],
  "GET /anggota/templat.csv": [
    {
      resource: "The cooperative import template (column names and an example row): static, public",
      kind: "read",
      allow: everyone,
      request: () => ({}),
    },
  ],
  // --- regional governments (lib/regions, issue 12, ADR 0023) ---------------------------------------------------
  "GET /api/v1/regions/[code]/dashboard": [
    {
      resource:
        "The exact figures of the owner UMKM's region (Kota Pekalongan): that region's verified government, ministry staff " +
        "(region:dashboard, by design) and platform admins; UMKM, buyers, cooperatives and banks 403, anonymous 401",
      kind: "read",
      allow: ["ministry"],
      sees: ["ministry"],
      request: () => ({ params: { code: "33.75" } }),
    },
  ],
  "GET /daerah/tindak-lanjut.csv": [
    {
      resource:
        "The follow-up list (UMKM names, certificate numbers) of the owner UMKM's region: its government, ministry staff " +
        "(by design) and platform admins; every other organization type 403, anonymous 401",
      kind: "read",
      allow: ["ministry"],
      sees: ["ministry"],
      request: () => ({ query: { wilayah: "33.75" } }),
    },
  ],
  // --- the reference list of estates (lib/sites, issue 12): platform admins only, 403 for everyone else -------
  "POST /api/v1/sites": [
    {
      resource: "Add a site to the public reference list: platform admins only",
      kind: "write",
      request: () => ({ body: { name: "Sentra Penyerang", kind: "sentra", regencyCode: "33.75" } }),
    },
  ],
  "PATCH /api/v1/sites/[id]": [
    {
      resource: "Rename a shipped site of the reference list: platform admins only",
      kind: "write",
      request: () => ({ params: { id: "site_ref_jababeka" }, body: { name: "Dibajak penyerang" } }),
    },
  ],
  "DELETE /api/v1/sites/[id]": [
    {
      resource: "Remove a shipped site of the reference list: platform admins only",
      kind: "write",
      request: () => ({ params: { id: "site_ref_jababeka" } }),
    },
  ],
  // --- platform administration (lib/admin, issue 16 item 4): platform admins only, 404 for everyone else -----
  "GET /api/v1/admin/organizations": [
    {
      resource: "Every organization with its e-mail and status: platform admins only (404 for everyone else)",
      kind: "read",
      allow: none,
      request: () => ({ query: { q: "a" } }),
    },
  ],
  "POST /api/v1/admin/organizations": [
    {
      resource: "Create a bank and invite the caller as its owner: platform admins only",
      kind: "write",
      request: () => ({ body: { type: "bank", name: "Bank Penyerang", ownerEmail: "penyerang@contoh.rantai.test" } }),
    },
  ],
  "POST /api/v1/admin/organizations/[id]/suspend": [
    {
      resource: "Suspend the owner UMKM: platform admins only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.umkm.orgId }, body: { reason: "Ditangguhkan oleh penyerang" } }),
    },
  ],
  "POST /api/v1/admin/organizations/[id]/reinstate": [
    {
      resource: "Reinstate the owner UMKM (not suspended; the refusal comes first): platform admins only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.umkm.orgId } }),
    },
  ],
  "GET /api/v1/admin/users": [
    {
      resource: "Every user with their e-mail: platform admins only",
      kind: "read",
      allow: none,
      request: () => ({ query: { q: "pemilik" } }),
    },
  ],
  "POST /api/v1/admin/users/[id]/suspend": [
    {
      resource: "Suspend the owner UMKM's user: platform admins only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.umkm.userId }, body: { reason: "Ditangguhkan oleh penyerang" } }),
    },
  ],
  "POST /api/v1/admin/users/[id]/reinstate": [
    {
      resource: "Reinstate the owner UMKM's user: platform admins only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.umkm.userId } }),
    },
  ],
  "POST /api/v1/admin/users/[id]/password-reset": [
    {
      resource: "Force the owner UMKM's user to reset their password (ends their sessions and tokens): platform admins only",
      kind: "write",
      request: (fx) => ({ params: { id: fx.owner.umkm.userId } }),
    },
  ],
  "GET /api/health": [{ resource: "Liveness: public, no data", kind: "read", allow: everyone, request: () => ({}) }],
  ...Object.fromEntries(
    ["GET", "POST"].map((m) => [
      `${m} /api/auth/[...nextauth]`,
      [
        {
          resource:
            "next-auth's own endpoints (session, CSRF, credentials sign-in): public by design; covered by the auth and e2e tests, not called here",
          kind: "public",
          statuses: [],
          request: () => ({}),
        },
      ],
    ]),
  ),
};

const id = (fx: Fixture) => fx.agreement.id;

/** Every server action, by "module#export". */
const ACTIONS: Record<string, ActionCase[]> = {
  // --- agreements (lib/agreements/actions.ts) -----------------------------------------------------------
  "lib/agreements/actions.ts#createAgreementAction": [
    {
      resource:
        "A draft agreement of the caller's own organization with the owner UMKM as counterparty (proposing is open to any verified party; the counterparty must accept). The write names the owner as a party, never changes the owner's rows",
      kind: "own",
      args: (fx, role) => [{ ...agreementContent(), counterpartyId: role === "buyer" ? fx.owner.umkm.orgId : fx.owner.buyer.orgId }],
    },
  ],
  "lib/agreements/actions.ts#amendAgreementAction": [
    {
      resource: "Amend the owners' agreement",
      kind: "write",
      args: (fx) => [{ id: id(fx), version: 1, ...agreementContent(), startDate: daysAhead(-30), endDate: daysAhead(150) }],
    },
  ],
  "lib/agreements/actions.ts#acceptAgreementAction": [
    { resource: "Accept the owners' agreement", kind: "write", args: (fx) => [{ id: id(fx), version: 1 }] },
    { resource: "Accept the owners' proposed agreement", kind: "write", args: (fx) => [{ id: fx.agreementProposed.id, version: 1 }] },
  ],
  "lib/agreements/actions.ts#decideAgreementFlagAction": [
    {
      resource:
        "Issue 13: decide a flag on the owners' agreement. Ministry staff may by design (tests/integration/fake-partnerships…); this flag is already confirmed, so confirming it again is a 409 for them; everyone else is refused",
      kind: "write",
      refusedWith: [409],
      args: (fx) => [{ id: fx.flagId, decision: "confirm", note: "Konfirmasi lagi oleh penyerang" }],
    },
  ],
  "lib/agreements/actions.ts#completeAgreementAction": [
    { resource: "Complete the owners' agreement", kind: "write", args: (fx) => [{ id: id(fx), version: 1 }] },
  ],
  "lib/agreements/actions.ts#withdrawCompletionAction": [
    { resource: "Withdraw a completion confirmation on the owners' agreement", kind: "write", args: (fx) => [{ id: id(fx), version: 1 }] },
  ],
  "lib/agreements/actions.ts#terminateAgreementAction": [
    {
      resource: "Terminate the owners' agreement",
      kind: "write",
      args: (fx) => [{ id: id(fx), version: 1, reason: "Diakhiri oleh penyerang" }],
    },
  ],
  "lib/agreements/actions.ts#recordDeliveryAction": [
    {
      resource: "Record a delivery on the owners' agreement",
      kind: "write",
      args: (fx) => [{ id: id(fx), quantity: 5, deliveredOn: today() }],
    },
  ],
  "lib/agreements/actions.ts#reviewDeliveryAction": [
    {
      resource: "Accept the owner UMKM's delivery",
      kind: "write",
      args: (fx) => [{ id: id(fx), deliveryId: fx.agreement.deliveryId, status: "accepted" }],
    },
    {
      resource: "Mixed: the caller's own agreement id with the owners' delivery id",
      kind: "write",
      args: (fx) => [{ id: fx.mine.agreementId, deliveryId: fx.agreement.deliveryId, status: "accepted" }],
    },
  ],
  "lib/agreements/actions.ts#recordPaymentAction": [
    {
      resource: "Record a payment on the owners' agreement",
      kind: "write",
      args: (fx) => [{ id: id(fx), amountIdr: "1000", paidOn: today() }],
    },
    {
      resource: "Mixed: a payment on the caller's own agreement against the owners' milestone",
      kind: "write",
      refusedWith: [400, 409],
      args: (fx) => [{ id: fx.mine.agreementId, milestoneId: fx.agreement.milestoneId, amountIdr: "1000", paidOn: today() }],
    },
  ],
  "lib/agreements/actions.ts#confirmPaymentReceiptAction": [
    {
      resource: "Confirm receipt of a payment on the owners' agreement",
      kind: "write",
      args: (fx) => [{ id: id(fx), paymentId: fx.agreement.paymentId, receivedOn: today() }],
    },
    {
      resource: "Mixed: the caller's own agreement id with the owners' payment id",
      kind: "write",
      args: (fx) => [{ id: fx.mine.agreementId, paymentId: fx.agreement.paymentId, receivedOn: today() }],
    },
  ],
  "lib/agreements/actions.ts#rateAgreementAction": [
    { resource: "Rate the owners' agreement", kind: "write", args: (fx) => [{ id: id(fx), score: "1" }] },
    { resource: "Rate the owners' completed agreement", kind: "write", args: (fx) => [{ id: fx.agreementCompleted.id, score: "1" }] },
  ],

  // --- financing ------------------------------------------------------------------------------------------
  "lib/financing/actions.ts#requestFinancingAction": [
    {
      resource: "Ask for financing on the owners' agreement",
      kind: "write",
      args: (fx) => [{ agreementId: id(fx), bankId: fx.outsiders.bank.orgId, type: "invoice", amountIdr: "1000000" }],
    },
  ],
  "lib/financing/actions.ts#confirmFinancingAction": [
    {
      resource: "Confirm the owner UMKM's financing request (the owner buyer's step)",
      kind: "write",
      args: (fx) => [{ id: fx.agreement.financingId }],
    },
  ],
  "lib/financing/actions.ts#withdrawFinancingAction": [
    { resource: "Withdraw the owner UMKM's financing request", kind: "write", args: (fx) => [{ id: fx.agreement.financingId }] },
  ],
  "lib/financing/actions.ts#decideFinancingAction": [
    {
      resource: "Decide on the request addressed to the owner bank",
      kind: "write",
      args: (fx) => [{ id: fx.agreement.financingId, decision: "approved" }],
    },
  ],
  // issue 13: the /pembiayaan/program forms
  "lib/financing/programme-actions.ts#createProgrammeAction": [
    {
      resource: "Issue 13: a buyer proposes its own programme (here to the outsider bank)",
      kind: "own",
      args: (fx) => [{ bankId: fx.outsiders.bank.orgId, name: "Program penyerang", maxPerUmkmIdr: "1000000", tenorDays: "30" }],
    },
  ],
  "lib/financing/programme-actions.ts#decideProgrammeAction": [
    {
      resource: "Issue 13: accept the programme proposed to the owner bank: that bank only",
      kind: "write",
      args: (fx) => [{ id: fx.programme.proposedId, decision: "accept" }],
    },
    {
      resource: "Issue 13: decline the programme proposed to the owner bank (with a reason): that bank only",
      kind: "write",
      args: (fx) => [{ id: fx.programme.proposedId, decision: "decline", note: "Bukan bank Anda" }],
    },
  ],
  "lib/financing/programme-actions.ts#referSupplierAction": [
    {
      resource: "Issue 13: refer the owner UMKM into the owner buyer's programme: its buyer only",
      kind: "write",
      args: (fx) => [{ programmeId: fx.programme.activeId, supplierId: fx.owner.umkm.orgId }],
    },
  ],
  "lib/financing/programme-actions.ts#decideReferralAction": [
    {
      resource: "Issue 13: accept the owner UMKM's referral: that UMKM only",
      kind: "write",
      args: (fx) => [{ id: fx.programme.referralId, decision: "accept" }],
    },
    {
      resource: "Issue 13: decline the owner UMKM's referral: that UMKM only",
      kind: "write",
      args: (fx) => [{ id: fx.programme.referralId, decision: "decline" }],
    },
  ],
  "lib/financing/programme-actions.ts#requestUnderProgrammeAction": [
    {
      resource: "Issue 13: request under the owner buyer's programme on the owners' agreement: only a partner whose referral was accepted",
      kind: "write",
      args: (fx) => [{ programmeId: fx.programme.activeId, agreementId: fx.agreement.id, type: "invoice", amountIdr: "1000000" }],
    },
  ],

  // --- matching -------------------------------------------------------------------------------------------
  "lib/matching/actions.ts#inviteMatchAction": [
    {
      resource: "Invite a supplier to the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqInvited.id, supplierId: fx.outsiders.umkm.orgId }],
    },
  ],
  "lib/matching/actions.ts#inviteMatchesAction": [
    {
      resource: "Invite several matched suppliers (a near-miss among them) at once to the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqInvited.id, supplierIds: [fx.outsiders.umkm.orgId, fx.owner.umkm.orgId] }],
    },
    {
      resource: "Invite several suppliers at once through the page's form (checkboxes) to the owner buyer's RFQ",
      kind: "write",
      args: (fx) => {
        const form = new FormData();
        form.set("rfqId", fx.rfqPublic.id);
        form.append("supplierIds[]", fx.outsiders.umkm.orgId);
        form.append("supplierIds[]", fx.owner.umkm2.orgId);
        return [form];
      },
    },
  ],
  "lib/matching/actions.ts#inviteFromProfileAction": [
    {
      resource: "From a supplier's public page, invite it to the owner buyer's open RFQ",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqPublic.id, supplierId: fx.outsiders.umkm.orgId }],
    },
  ],
  "lib/matching/actions.ts#inviteConsortiumAction": [
    {
      resource: "Invite a consortium to the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqInvited.id, memberIds: [fx.owner.umkm.orgId, fx.owner.umkm2.orgId] }],
    },
  ],
  "lib/matching/actions.ts#inviteProposedConsortiumAction": [
    {
      resource: "Invite the consortium a cluster manager proposed for the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqPublic.id, consortiumId: fx.clusterRfq.proposalId }],
    },
  ],
  "lib/clusters/consortium-actions.ts#proposeClusterConsortiumAction": [
    {
      resource: "Propose a consortium of the owner cluster's members for its anchor's RFQ: the cluster's manager only",
      kind: "write",
      args: (fx) => [{ clusterId: fx.clusterRfq.id, rfqId: fx.rfqPublic.id, memberIds: [fx.owner.umkm.orgId, fx.owner.umkm2.orgId] }],
    },
  ],

  // --- notifications --------------------------------------------------------------------------------------
  "lib/notifications/actions.ts#markNotificationReadAction": [
    { resource: "Mark the owner user's notification read", kind: "write", args: (fx) => [{ id: fx.notificationId }] },
  ],
  "lib/notifications/actions.ts#openNotificationAction": [
    {
      resource:
        "Open (mark read, follow the link of) the owner user's notification: refused = nothing written, and the redirect goes to /notifikasi, not to the notification's link",
      kind: "write",
      args: (fx) => [form({ id: fx.notificationId })],
    },
  ],
  "lib/partnership-index/actions.ts#issueReportAction": [
    {
      resource: "Issue a Laporan Kemitraan of the caller's own buyer (never another firm's)",
      kind: "own",
      args: () => [{ year: String(new Date().getUTCFullYear()) }],
    },
  ],
  "lib/partnership-index/actions.ts#setIndexPublishedAction": [
    {
      resource: "Publish the caller's own buyer's Indeks Kemitraan (never another firm's)",
      kind: "own",
      args: () => [{ publish: "true" }],
    },
  ],
  "lib/notifications/actions.ts#markAllNotificationsReadAction": [
    { resource: "Mark the caller's own notifications read (the owner's stay unread)", kind: "own", args: () => [{}] },
  ],
  "lib/notifications/actions.ts#markAllReadFormAction": [
    { resource: "Mark the caller's own notifications read (form variant)", kind: "own", args: () => [] },
  ],
  "lib/notifications/actions.ts#saveNotificationPreferencesAction": [
    {
      resource: "Change the caller's own notification settings (form: boxes shown, boxes checked)",
      kind: "own",
      args: () => [null, form({ "kinds[]": "quotes", "inApp[]": "quotes" })],
    },
  ],

  // --- products -------------------------------------------------------------------------------------------
  "lib/products/actions.ts#createProductAction": [
    {
      resource: "A product of the caller's own UMKM",
      kind: "own",
      args: () => [{ name: "Produk penyerang", kbli: "13134", unit: "lembar", priceMinIdr: "1000", priceMaxIdr: "2000" }],
    },
  ],
  "lib/products/actions.ts#updateProductAction": [
    {
      resource: "Edit the owner UMKM's product",
      kind: "write",
      args: (fx) => [
        { id: fx.product.id, name: "Diubah oleh penyerang", kbli: "13134", unit: "lembar", priceMinIdr: "1000", priceMaxIdr: "2000" },
      ],
    },
    {
      resource: "Mixed: the caller's own product, removing the owner UMKM's product photo (the photo stays)",
      kind: "own",
      args: (fx) => [
        {
          id: fx.mine.productId,
          name: "Produk penyerang",
          kbli: "13134",
          unit: "lembar",
          priceMinIdr: "1000",
          priceMaxIdr: "2000",
          removeImageIds: [fx.product.imageId],
        },
      ],
    },
  ],
  "lib/products/actions.ts#setProductArchivedAction": [
    { resource: "Archive the owner UMKM's product", kind: "write", args: (fx) => [{ id: fx.product.id, archived: "true" }] },
  ],

  // --- quotes and awards ----------------------------------------------------------------------------------
  "lib/quotes/actions.ts#saveQuoteAction": [
    {
      resource: "Quote on an invitation-only RFQ one is not invited to",
      kind: "write",
      args: (fx) => [
        {
          rfqId: fx.rfqInvited.id,
          items: [{ rfqItemId: fx.rfqInvited.itemId, unitPriceIdr: "90000" }],
          leadTimeDays: "10",
          includesVat: "false",
        },
      ],
    },
  ],
  "lib/quotes/actions.ts#withdrawQuoteAction": [
    {
      resource: "Withdraw a quote on the invitation-only RFQ (the owner UMKM's stays)",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqInvited.id }],
    },
  ],
  "lib/quotes/actions.ts#awardRfqAction": [
    {
      resource: "Award the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqInvited.id, awards: [{ quoteId: fx.rfqInvited.quoteId }] }],
    },
    {
      resource: "Mixed: the caller's own closed RFQ awarded to the owner UMKM's quote on another RFQ",
      kind: "write",
      refusedWith: [400, 409],
      args: (fx) => [{ rfqId: fx.mine.rfqClosedId, awards: [{ quoteId: fx.rfqInvited.quoteId }] }],
    },
    {
      resource: "Award the owner buyer's closed RFQ to the owner UMKM's quote",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqClosed.id, awards: [{ quoteId: fx.rfqClosed.quoteId }] }],
    },
  ],
  "lib/quotes/actions.ts#addQuoteAttachmentAction": [
    {
      resource: "Attach a file to a quote on an invitation-only RFQ one is not invited to",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqInvited.id, file: pdfForm().get("file") }],
    },
  ],
  "lib/quotes/actions.ts#removeQuoteAttachmentAction": [
    {
      resource: "Remove the owner UMKM's quote attachment",
      kind: "write",
      args: (fx) => [{ rfqId: fx.rfqInvited.id, attachmentId: fx.rfqInvited.quoteAttachmentId }],
    },
    {
      resource: "Mixed: the public RFQ the caller quoted on, with the owner UMKM's quote attachment id",
      kind: "write",
      args: (fx) => [{ rfqId: fx.mine.publicQuoteRfqId, attachmentId: fx.rfqInvited.quoteAttachmentId }],
    },
  ],

  // --- RFQs -----------------------------------------------------------------------------------------------
  "lib/rfqs/actions.ts#createRfqAction": [
    { resource: "A draft RFQ of the caller's own buyer organization", kind: "own", args: () => [rfqBody()] },
  ],
  "lib/rfqs/actions.ts#updateRfqAction": [
    { resource: "Edit the owner buyer's draft (full form)", kind: "write", args: (fx) => [{ id: fx.rfqDraft.id, ...rfqBody() }] },
  ],
  "lib/rfqs/actions.ts#publishRfqAction": [
    { resource: "Publish the owner buyer's draft", kind: "write", args: (fx) => [{ id: fx.rfqDraft.id }] },
  ],
  "lib/rfqs/actions.ts#extendRfqAction": [
    {
      resource: "Extend the owner buyer's open RFQ",
      kind: "write",
      args: (fx) => [{ id: fx.rfqInvited.id, deadline: dateInDays(40).toISOString() }],
    },
  ],
  "lib/rfqs/actions.ts#closeRfqAction": [
    { resource: "Close the owner buyer's open RFQ", kind: "write", args: (fx) => [{ id: fx.rfqInvited.id }] },
  ],
  "lib/rfqs/actions.ts#cancelRfqAction": [
    {
      resource: "Cancel the owner buyer's open RFQ",
      kind: "write",
      args: (fx) => [{ id: fx.rfqInvited.id, reason: "Dibatalkan oleh penyerang" }],
    },
  ],
  "lib/rfqs/actions.ts#inviteSuppliersAction": [
    {
      resource: "Invite suppliers to the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ id: fx.rfqInvited.id, supplierIds: [fx.outsiders.umkm.orgId] }],
    },
  ],
  "lib/rfqs/actions.ts#removeInvitationAction": [
    {
      resource: "Remove the owner UMKM's invitation from the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ id: fx.rfqInvited.id, supplierId: fx.owner.umkm.orgId }],
    },
  ],
  "lib/rfqs/actions.ts#searchSuppliersAction": [
    {
      resource: "Search the supplier directory (public data) to invite: buyers",
      kind: "read",
      allow: ["buyer"],
      args: () => [{ q: "batik" }],
    },
  ],
  "lib/rfqs/actions.ts#searchKbliForRfqAction": [
    { resource: "KBLI reference search for the RFQ form: buyers", kind: "read", allow: ["buyer"], args: () => [{ q: "batik" }] },
  ],
  "lib/rfqs/actions.ts#answerClarificationAction": [
    {
      resource: "Answer the owner UMKM's question on the owner buyer's RFQ",
      kind: "write",
      args: (fx) => [{ id: fx.rfqInvited.id, clarificationId: fx.rfqInvited.clarificationId, answer: "Jawaban penyerang" }],
    },
    {
      resource: "Mixed: the caller's own RFQ id with the owner's clarification id",
      kind: "write",
      args: (fx) => [{ id: fx.mine.rfqOpenId, clarificationId: fx.rfqInvited.clarificationId, answer: "Jawaban penyerang" }],
    },
  ],
  "lib/rfqs/actions.ts#addAttachmentAction": [
    {
      resource: "Attach a file to the owner buyer's draft",
      kind: "write",
      args: (fx) => [{ id: fx.rfqDraft.id, file: pdfForm().get("file") }],
    },
  ],
  "lib/rfqs/actions.ts#removeAttachmentAction": [
    {
      resource: "Remove the attachment of the owner buyer's draft",
      kind: "write",
      args: (fx) => [{ id: fx.rfqDraft.id, attachmentId: fx.rfqDraft.attachmentId }],
    },
    {
      resource: "Mixed: the caller's own draft RFQ id with the owner's attachment id",
      kind: "write",
      args: (fx) => [{ id: fx.mine.rfqDraftId, attachmentId: fx.rfqDraft.attachmentId }],
    },
  ],
  "lib/rfqs/actions.ts#askClarificationAction": [
    {
      resource: "Ask a question on an invitation-only RFQ one is not invited to",
      kind: "write",
      args: (fx) => [{ id: fx.rfqInvited.id, question: "Pertanyaan dari penyerang?" }],
    },
  ],

  // --- supplier profile (lib/suppliers/actions.ts): the UMKM comes from the session, never the input -----
  "lib/suppliers/actions.ts#saveProfileStep": [
    {
      resource: "The caller's own supplier profile (an injected organization id is ignored)",
      kind: "own",
      args: (fx) => [
        undefined,
        form({
          description: "Diubah oleh penyerang untuk uji matriks.",
          organizationId: fx.owner.umkm.orgId,
          supplierId: fx.owner.umkm.orgId,
        }),
      ],
    },
  ],
  "lib/suppliers/actions.ts#searchKbliAction": [
    { resource: "KBLI reference search for the profile form: UMKM", kind: "read", allow: ["umkm"], args: () => [{ q: "batik" }] },
  ],
  "lib/suppliers/actions.ts#saveCertificateAction": [
    {
      resource: "Edit the owner UMKM's certificate (by its id)",
      kind: "write",
      args: (fx) => [
        undefined,
        form({
          certificationId: fx.certificate.id,
          type: "halal",
          number: "HALAL-PENYERANG",
          issuer: "Penyerang",
          validFrom: daysAhead(-10),
          validUntil: daysAhead(300),
        }),
      ],
    },
  ],
  "lib/suppliers/actions.ts#deleteCertificateAction": [
    {
      resource: "Delete the owner UMKM's certificate",
      kind: "write",
      args: (fx) => [undefined, form({ certificationId: fx.certificate.id })],
    },
  ],
  "lib/suppliers/actions.ts#reviewCertificateAction": [
    {
      resource: "Approve / return the owner UMKM's certificate: platform admins only",
      kind: "write",
      args: (fx) => [
        undefined,
        form({
          certificationId: fx.certificate.id,
          decision: "returned",
          reason: "Dikembalikan oleh penyerang",
          updatedAt: fx.certificate.updatedAt,
        }),
      ],
    },
  ],
  "lib/suppliers/actions.ts#submitForVerificationAction": [
    {
      resource: "Submit the caller's own profile for verification",
      kind: "own",
      args: (fx) => [undefined, form({ organizationId: fx.owner.umkm.orgId })],
    },
  ],

  // --- account (lib/auth/actions.ts) ---------------------------------------------------------------------
  "lib/auth/actions.ts#signUp": [
    {
      resource: "Public sign-up with an owner's e-mail address: refused, no account written (only the rate limiter counts)",
      kind: "public",
      mayWrite: ["RateLimiterFlexible"],
      args: () => [
        {
          email: PRIVATE.ownerEmail,
          password: "tenun-ikat-sumba-7",
          name: "Penyerang",
          organization: { name: "CV Penyerang", type: "umkm" },
        },
      ],
    },
  ],
  "lib/auth/actions.ts#requestPasswordReset": [
    {
      resource:
        "Public \"forgot password\" for the owner buyer's e-mail address: the same answer for every address; the link goes to the owner's mailbox, never to the caller (a reset row, the outbox e-mail and its audit entry are written; rate_limited after 5)",
      kind: "public",
      mayWrite: ["RateLimiterFlexible", "PasswordResetToken", "EmailOutbox", "AuditLog"],
      args: () => [{ email: PRIVATE.buyerEmail }],
    },
  ],
  "lib/auth/actions.ts#resetPassword": [
    {
      resource: "Public: set a password with a reset link's token (the token is the authority); an unknown token changes nothing",
      kind: "public",
      mayWrite: ["RateLimiterFlexible"],
      args: () => [undefined, form({ token: "bukan-token-atur-ulang", password: "tenun-ikat-sumba-7" })],
    },
  ],
  "lib/auth/actions.ts#changePassword": [
    {
      resource:
        "Change a password: only ever the caller's own (no user can be named); with a wrong current password refused (400), only the sign-in failure counter written",
      kind: "write",
      refusedWith: [400],
      mayWrite: ["RateLimiterFlexible"],
      args: () => [{ currentPassword: "bukan-kata-sandinya", newPassword: "tenun-ikat-sumba-7" }],
    },
  ],
  "lib/auth/actions.ts#createToken": [
    { resource: "A token for the caller's own account", kind: "own", args: () => [{ name: "Token penyerang", expiresInDays: "30" }] },
  ],
  "lib/auth/actions.ts#revokeToken": [
    { resource: "Revoke the owner user's token", kind: "write", args: (fx) => [{ tokenId: fx.tokenId }] },
  ],
  "lib/auth/actions.ts#switchOrganization": [
    {
      resource: "Act for the owner UMKM (an organization the caller is not a member of)",
      kind: "write",
      args: (fx) => [{ organizationId: fx.owner.umkm.orgId }],
    },
  ],
  "lib/auth/actions.ts#decideVerification": [
    {
      resource: "Verify / return the owner UMKM: platform admins only",
      kind: "write",
      args: (fx) => [{ organizationId: fx.owner.umkm.orgId, decision: "returned", note: "Dikembalikan oleh penyerang" }],
    },
  ],
  "lib/auth/actions.ts#resubmitVerification": [
    {
      resource: "Ask for the caller's own organization to be reviewed again",
      kind: "own",
      args: () => [{ message: "Mohon ditinjau ulang" }],
    },
  ],

  // --- organization profile (lib/organizations/profile-actions.ts; issue 16) -------------------------------
  "lib/organizations/profile-actions.ts#updateOrganizationProfile": [
    {
      resource: "Edit the owner buyer's organization profile (its id in the form)",
      kind: "write",
      args: (fx) => [undefined, form({ organizationId: fx.owner.buyer.orgId, name: "PT Penyerang", phone: "+62 21 0000 0000" })],
    },
  ],
  "lib/organizations/profile-actions.ts#decideOrganizationProfileChange": [
    {
      resource: "Approve / return the owner buyer's proposed identity change: platform admins only",
      kind: "write",
      args: (fx) => [
        {
          organizationId: fx.owner.buyer.orgId,
          decision: "returned",
          note: "Dikembalikan oleh penyerang",
          identityChangeAt: "2026-01-01T00:00:00.000Z",
        },
      ],
    },
  ],

  // --- cooperative membership requests (lib/cooperatives/actions.ts) -----------------------------------
  "lib/cooperatives/actions.ts#requestMembershipAction": [
    {
      resource:
        "The caller's own cooperative asks an existing UMKM (here the owner cooperative's member) to join: by design any cooperative may ask, the UMKM's owner decides; the request names the UMKM, never changes its rows",
      kind: "own",
      args: (fx) => [{ organizationId: fx.owner.umkm2.orgId }],
    },
  ],
  "lib/cooperatives/actions.ts#cancelJoinRequestAction": [
    {
      resource: "Cancel the owner cooperative's pending request to an UMKM",
      kind: "write",
      args: (fx) => [{ requestId: fx.joinRequestId }],
    },
  ],
  "lib/cooperatives/actions.ts#decideJoinRequestAction": [
    {
      resource: "Accept, for the UMKM it was sent to, the owner cooperative's pending request",
      kind: "write",
      args: (fx) => [{ requestId: fx.joinRequestId, decision: "accept" }],
    },
  ],

  // --- members and invitations (lib/organizations/actions.ts, issue 16): the caller's ACTIVE organization only ---
  "lib/organizations/actions.ts#inviteMemberAction": [
    {
      resource: "An invitation into the caller's own organization (the organization comes from the session, never the input)",
      kind: "own",
      args: (fx) => [{ email: "rekan.penyerang@contoh.rantai.test", role: "member", organizationId: fx.owner.buyer.orgId }],
    },
  ],
  "lib/organizations/actions.ts#changeMemberRoleAction": [
    {
      resource: "Demote the owner buyer's owner (not a member of the caller's organization: not found)",
      kind: "write",
      args: (fx) => [{ userId: fx.owner.buyer.userId, role: "member" }],
    },
  ],
  "lib/organizations/actions.ts#removeMemberAction": [
    {
      resource: "Remove the owner buyer's owner (not a member of the caller's organization: not found)",
      kind: "write",
      args: (fx) => [{ userId: fx.owner.buyer.userId }],
    },
  ],
  "lib/organizations/actions.ts#revokeInvitationAction": [
    { resource: "Revoke the owner buyer's pending invitation", kind: "write", args: (fx) => [{ invitationId: fx.memberInvitation.id }] },
  ],
  "lib/organizations/actions.ts#leaveOrganizationAction": [
    {
      resource: "The caller leaves their own organization: each outsider is its last owner, so 409 conflict, nothing written",
      kind: "own",
      args: () => [{}],
    },
  ],
  "lib/organizations/actions.ts#acceptInvitationAction": [
    {
      resource: "Accept the owner buyer's invitation addressed to someone else (forbidden: another address; anonymous unauthorized)",
      kind: "write",
      args: (fx) => [{ token: fx.memberInvitation.token }],
    },
  ],
  "lib/organizations/actions.ts#previewInvitationAction": [
    {
      resource: "What an invitation link is for: public, the token is the authority; an unknown token shows nothing",
      kind: "public",
      args: () => [{ token: "rnt-bukan-token-undangan" }],
    },
  ],
  "lib/organizations/actions.ts#acceptWithSignUpAction": [
    {
      resource:
        "Sign up with the owner buyer's invitation: its address (the owner UMKM's user) has an account, so refused (sign in instead), no user or membership written",
      kind: "public",
      args: (fx) => [{ token: fx.memberInvitation.token, name: "Penyerang", password: "tenun-ikat-sumba-7" }],
    },
    {
      resource: "Sign up with an unknown invitation token: not found, nothing written",
      kind: "public",
      args: () => [{ token: "rnt-bukan-token-undangan", name: "Penyerang", password: "tenun-ikat-sumba-7" }],
    },
  ],

  // --- the reference list of estates (lib/sites/actions.ts, issue 12): forbidden for everyone but platform admins
  "lib/sites/actions.ts#createSiteAction": [
    {
      resource: "Add a site to the public reference list: platform admins only",
      kind: "write",
      args: () => [{ name: "Sentra Penyerang", kind: "sentra", regencyCode: "33.75" }],
    },
  ],
  "lib/sites/actions.ts#updateSiteAction": [
    {
      resource: "Rename a shipped site of the reference list: platform admins only",
      kind: "write",
      args: () => [{ id: "site_ref_jababeka", name: "Dibajak penyerang" }],
    },
  ],
  "lib/sites/actions.ts#deleteSiteAction": [
    {
      resource: "Remove a shipped site of the reference list: platform admins only",
      kind: "write",
      args: () => [{ id: "site_ref_jababeka" }],
    },
  ],

  // --- platform administration (lib/admin/actions.ts, issue 16 item 4): not_found for everyone but platform admins
  "lib/admin/actions.ts#createOrganizationAction": [
    {
      resource: "Create a bank and invite the caller as its owner: platform admins only",
      kind: "write",
      args: () => [{ type: "bank", name: "Bank Penyerang", ownerEmail: "penyerang@contoh.rantai.test" }],
    },
  ],
  "lib/regions/actions.ts#createFlagshipAction": [
    {
      resource: "Tag a flagship product: verified regional governments only (none of the outsiders is one: forbidden)",
      kind: "write",
      args: () => [{ name: "Batik penyerang", kbliCode: "13134", keywords: "batik" }],
    },
  ],
  "lib/regions/actions.ts#updateFlagshipAction": [
    {
      resource: "Change a government's flagship product: its own government only",
      kind: "write",
      args: () => [{ id: "flagship-of-another-government", name: "Diambil alih", kbliCode: "13134", keywords: "" }],
    },
  ],
  "lib/regions/actions.ts#deleteFlagshipAction": [
    {
      resource: "Remove a government's flagship product: its own government only",
      kind: "write",
      args: () => [{ id: "flagship-of-another-government" }],
    },
  ],
  "lib/admin/actions.ts#suspendOrganizationAction": [
    {
      resource: "Suspend the owner UMKM: platform admins only",
      kind: "write",
      args: (fx) => [{ id: fx.owner.umkm.orgId, reason: "Ditangguhkan oleh penyerang" }],
    },
  ],
  "lib/admin/actions.ts#reinstateOrganizationAction": [
    { resource: "Reinstate the owner UMKM: platform admins only", kind: "write", args: (fx) => [{ id: fx.owner.umkm.orgId }] },
  ],
  "lib/admin/actions.ts#suspendUserAction": [
    {
      resource: "Suspend the owner UMKM's user: platform admins only",
      kind: "write",
      args: (fx) => [{ id: fx.owner.umkm.userId, reason: "Ditangguhkan oleh penyerang" }],
    },
  ],
  "lib/admin/actions.ts#reinstateUserAction": [
    { resource: "Reinstate the owner UMKM's user: platform admins only", kind: "write", args: (fx) => [{ id: fx.owner.umkm.userId }] },
  ],
  "lib/admin/actions.ts#forcePasswordResetAction": [
    {
      resource: "Force the owner UMKM's user to reset their password: platform admins only",
      kind: "write",
      args: (fx) => [{ id: fx.owner.umkm.userId }],
    },
  ],

  // --- public -----------------------------------------------------------------------------------------------
  "lib/cooperatives/actions.ts#claimInvitationAction": [
    {
      resource: "Claim an UMKM account by an invitation link: the token is the authority; an unknown token changes nothing",
      kind: "public",
      args: () => ["rnt-bukan-token-undangan", undefined, form({ name: "Penyerang", password: "tenun-ikat-sumba-7" })],
    },
    {
      resource:
        "Claim the owner UMKM, which already has an owner, with a still-pending invitation link: refused, no user or membership written (issue 11 item 2: a claim succeeds only while the UMKM has no owner)",
      kind: "public",
      args: (fx) => [fx.staleInvitationToken, undefined, form({ name: "Penyerang", password: "tenun-ikat-sumba-7" })],
    },
  ],
  // --- clusters (issue 12, lib/clusters/actions.ts): see the API entries above ---
  "lib/clusters/actions.ts#createClusterAction": [
    {
      resource: "A cluster managed by the caller's own organization (ministry staff may)",
      kind: "own",
      args: () => [{ name: "Klaster Penyerang", kbliSections: "C", provinceCodes: "32" }],
    },
  ],
  "lib/clusters/actions.ts#updateClusterAction": [
    {
      resource: "Edit the owner manager's cluster",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id, name: "Diambil alih", kbliSections: "C", provinceCodes: "32" }],
    },
  ],
  "lib/clusters/actions.ts#decideJoinRequestAction": [
    {
      resource: "Accept the owner UMKM's request to the owner cluster",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id, organizationId: fx.owner.umkm.orgId, decision: "accept" }],
    },
  ],
  "lib/clusters/actions.ts#inviteMemberAction": [
    {
      resource: "Invite an UMKM into the owner cluster",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id, organizationId: fx.outsiders.umkm.orgId }],
    },
  ],
  "lib/clusters/actions.ts#removeMemberAction": [
    {
      resource: "Remove the owner cooperative from the owner cluster",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id, organizationId: fx.owner.coop.orgId }],
    },
  ],
  "lib/clusters/actions.ts#inviteAnchorAction": [
    {
      resource: "Invite a buyer as anchor of the owner cluster",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id, buyerId: fx.outsiders.buyer.orgId }],
    },
  ],
  "lib/clusters/actions.ts#requestToJoinAction": [
    {
      resource: "The caller's own request to join the owner cluster (open to UMKM and cooperatives)",
      kind: "own",
      args: (fx) => [{ clusterId: fx.cluster.id }],
    },
  ],
  "lib/clusters/actions.ts#answerInvitationAction": [
    {
      resource: "Accept the owner UMKM 2's invitation (the caller has none)",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id, decision: "accept" }],
    },
  ],
  "lib/clusters/actions.ts#leaveClusterAction": [
    {
      resource:
        "Leave the owner cluster: only the caller's own membership (here the request an outsider made in the join case above) is withdrawn; the owners' rows never change",
      kind: "own",
      args: (fx) => [{ clusterId: fx.cluster.id }],
    },
  ],
  "lib/clusters/actions.ts#answerAnchorInvitationAction": [
    {
      resource: "Accept the owner buyer's anchor invitation (the caller has none)",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id, decision: "accept" }],
    },
  ],
  "lib/clusters/actions.ts#leaveAsAnchorAction": [
    {
      resource: "Stop anchoring the owner cluster (the caller is not its anchor)",
      kind: "write",
      args: (fx) => [{ clusterId: fx.cluster.id }],
    },
  ],
  "lib/i18n/actions.ts#setLocale": [
    { resource: "The caller's language cookie: no database row, public by design", kind: "public", args: () => [form({ locale: "en" })] },
  ],
};

// ---------------------------------------------------------------------------------------------------------
// Running one call and judging it
// ---------------------------------------------------------------------------------------------------------

/** RANTAI_MATRIX_REPORT=1 prints what each role got for each case (for a reviewer reading the matrix). */
const observed: string[] = [];
const REPORT = Boolean(process.env.RANTAI_MATRIX_REPORT);

const REFUSED_STATUS = new Set([401, 403, 404]);
const REFUSED_CODES = new Set(["unauthorized", "forbidden", "not_found"]);

function leaks(text: string): string[] {
  return [...Object.entries(PRIVATE), ...Object.entries(PRIVATE_IDS)].filter(([, v]) => v && text.includes(v)).map(([k]) => k);
}

/** The problems with the rows one call wrote, or [] when it is fine. */
function judgeWrites(c: CaseBase, role: Role, succeeded: boolean, rows: WrittenRow[]): string[] {
  const allowed = new Set(c.mayWrite ?? []);
  const own = f.outsiders[role as SignedIn];
  const problems: string[] = [];
  for (const r of rows) {
    if (allowed.has(r.table)) continue;
    // Authenticating with a bearer token stamps that token's lastUsedAt: the caller's own row.
    if (r.table === "ApiToken" && r.op === "UPDATE" && own && r.row?.userId === own.user.id) continue;
    if (c.kind === "own" && succeeded) {
      // The caller's own rows only: a changed or deleted row carries no owner id at all (not even as its key);
      // a new row may name an owner organization as counterparty, never an owner's resource.
      const refs = Object.entries(r.row ?? {}).filter(
        ([, v]) => typeof v === "string" && ownerRowIds.has(v) && (r.op !== "INSERT" || !ownerPartyIds.has(v)),
      );
      if (r.id && ownerRowIds.has(r.id)) problems.push(`${r.op} ${r.table} ${r.id}: an owner's row`);
      else if (refs.length)
        problems.push(`${r.op} ${r.table}: ${r.op === "INSERT" ? "refers to" : "changes"} the owners' ${refs.map(([k]) => k).join(", ")}`);
      continue;
    }
    problems.push(`${r.op} ${r.table} ${r.id ?? ""}`);
  }
  return problems;
}

type Principal = Outsider | null;
const principal = (role: Role): Principal => (role === "anonymous" ? null : f.outsiders[role]);

/** A case's failures as the test reports them: a pendingFix case must fail (and is then quiet). */
function settle(c: CaseBase, failures: string[]): string[] {
  if (!c.pendingFix) return failures;
  if (failures.length === 0) return [`"${c.resource}" passes now: remove its pendingFix (${c.pendingFix})`];
  console.warn(`[matrix] known hole, fixed by ${c.pendingFix}: ${failures.join(" | ")}`);
  return [];
}

async function setSession(who: Principal) {
  resetRequest();
  if (!who) signOut();
  else await actAs(who.user, who.orgId);
}

function fillPath(route: string, params: Record<string, string | string[]>): string {
  return route
    .replace(/\[\[\.\.\.(\w+)\]\]|\[\.\.\.(\w+)\]/g, (_, a: string, b: string) => [params[a ?? b] ?? []].flat().join("/"))
    .replace(/\[(\w+)\]/g, (_, k: string) => encodeURIComponent(String(params[k])));
}

async function callApi(
  key: string,
  c: ApiCase,
  who: Principal,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const [method, route] = key.split(" ");
  const { path: explicitPath, multipart, ...opts } = c.request(f);
  await setSession(who);
  const headers: Record<string, string> = { ...(opts.headers ?? {}), ...extraHeaders };
  let rawBody = opts.rawBody;
  if (multipart) {
    const encoded = new Response(multipart);
    headers["content-type"] = encoded.headers.get("content-type")!;
    rawBody = new Uint8Array(await encoded.arrayBuffer());
  }
  const token = who?.token;
  const req = apiRequest(method, explicitPath ?? fillPath(route, opts.params ?? {}), { ...opts, rawBody, headers, token });
  try {
    const res = await routes.get(key)!.handler(req, { params: Promise.resolve(opts.params ?? {}) });
    const head = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
    return { status: res.status, text: `${head}\n${method === "HEAD" ? "" : await res.text()}` };
  } finally {
    signOut();
  }
}

interface ActionOutcome {
  ok: boolean | null;
  code: string | null;
  redirect: string | null;
  text: string;
}

async function callAction(key: string, c: ActionCase, role: Role): Promise<ActionOutcome> {
  await setSession(principal(role));
  try {
    const out = (await actions.get(key)!(...c.args(f, role))) as { ok?: boolean; error?: { code?: string } } | undefined;
    if (out === undefined) return { ok: null, code: null, redirect: null, text: "" };
    return {
      ok: out.ok ?? null,
      code: out.error?.code ?? null,
      redirect: null,
      text: JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
    };
  } catch (err) {
    const digest = (err as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return { ok: null, code: null, redirect: digest.split(";")[2] ?? "", text: "" };
    }
    throw err;
  } finally {
    signOut();
    resetRequest();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  f = await seed();
  await collectOwnerRows();
  Object.assign(PRIVATE_IDS, {
    draftRfqId: f.rfqDraft.id,
    draftAttachmentId: f.rfqDraft.attachmentId,
    invitedRfqId: f.rfqInvited.id,
    quoteId: f.rfqInvited.quoteId,
    quoteAttachmentId: f.rfqInvited.quoteAttachmentId,
    clarificationId: f.rfqInvited.clarificationId,
    agreementId: f.agreement.id,
    proposedAgreementId: f.agreementProposed.id,
    completedAgreementId: f.agreementCompleted.id,
    closedRfqId: f.rfqClosed.id,
    closedQuoteId: f.rfqClosed.quoteId,
    deliveryId: f.agreement.deliveryId,
    financingId: f.agreement.financingId,
    certificateDocumentId: f.certificate.documentId,
    notificationId: f.notificationId,
    tokenId: f.tokenId,
  });
  log = await installWriteLog(t.sql);
}, 120_000);

afterAll(() => {
  if (REPORT) console.log(`[matrix] ${t.backend}\n${observed.join("\n")}`);
});

describe("the matrix covers everything that exists", () => {
  it("finds the routes and actions (the walk itself works)", () => {
    expect(routes.size).toBeGreaterThan(50);
    expect(routes.has("POST /api/v1/agreements/[id]/accept")).toBe(true);
    expect(actions.size).toBeGreaterThan(40);
    expect(actions.has("lib/agreements/actions.ts#acceptAgreementAction")).toBe(true);
  });

  it('no server action hides inside a function (an inline "use server" the walk cannot list)', () => {
    const inline = ["app", "lib", "components"]
      .flatMap((d) => walk(path.join(ROOT, d), (f) => /\.(ts|tsx)$/.test(f)))
      .filter((f) => {
        const text = fs.readFileSync(f, "utf8");
        return /["']use server["']/.test(text.replace(USE_SERVER, ""));
      })
      .map((f) => path.relative(ROOT, f));
    expect(inline, 'move these actions into a "use server" module (and give them a matrix entry)').toEqual([]);
  });

  it("every route handler under app has an entry, and every entry a route", () => {
    expect(
      [...routes.keys()].filter((k) => !API[k]),
      "routes without a matrix entry: add them to API",
    ).toEqual([]);
    expect(
      Object.keys(API).filter((k) => !routes.has(k)),
      "entries for routes that no longer exist",
    ).toEqual([]);
  });

  it("every server action has an entry, and every entry an action", () => {
    expect(
      [...actions.keys()].filter((k) => !ACTIONS[k]),
      "actions without a matrix entry: add them to ACTIONS",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((k) => !actions.has(k)),
      "entries for actions that no longer exist",
    ).toEqual([]);
  });

  it("the write counter sees writes (a control: one real write is counted)", async () => {
    const mark = await log.mark();
    await t.db.notification.update({ where: { id: f.notificationId }, data: { readAt: null } });
    const rows = await log.since(mark);
    expect(rows.map((r) => [r.table, r.op, r.id])).toEqual([["Notification", "UPDATE", f.notificationId]]);
    expect(log.tables.length).toBeGreaterThan(40);
  });
});

describe("routes × outsiders", () => {
  for (const key of [...routes.keys()]) {
    it(key, async () => {
      const cases = API[key];
      expect(cases, `no matrix entry for ${key}: add one to API`).toBeDefined();
      const all: string[] = [];
      for (const c of cases) {
        const failures: string[] = [];
        if (c.kind === "public" && c.statuses?.length === 0) continue; // documented, not called (see the entry)
        if (c.control) {
          const r = await callApi(key, c, f.owners[c.control]);
          if (r.status < 200 || r.status >= 300)
            failures.push(`control: the owner ${c.control} → ${r.status}, expected to read it (${c.resource}): ${r.text.slice(0, 200)}`);
        }
        for (const role of ROLES) {
          const mark = await log.mark();
          const { status, text } = await callApi(key, c, principal(role));
          const rows = await log.since(mark);
          const where = `${role} → ${status} (${c.resource})`;
          if (REPORT) observed.push(`${key} | ${c.kind} | ${role} | ${status} | ${c.resource.slice(0, 60)}`);
          const ok = status >= 200 && status < 300;
          if (c.kind === "write" && !REFUSED_STATUS.has(status) && !(c.refusedWith ?? []).includes(status))
            failures.push(`${where}: a write must be refused; got ${text.slice(0, 200)}`);
          if (c.kind === "read") {
            const allowed = (c.allow ?? []).includes(role);
            if (allowed && !ok) failures.push(`${where}: allowed to read, got ${text.slice(0, 200)}`);
            if (!allowed && !REFUSED_STATUS.has(status)) failures.push(`${where}: must be refused`);
          }
          if (c.kind === "own" && role === "anonymous" && status !== 401) failures.push(`${where}: anonymous must get 401`);
          if (c.kind === "own" && !ok && !REFUSED_STATUS.has(status))
            failures.push(`${where}: neither done nor refused: ${text.slice(0, 200)}`);
          if (c.kind === "public" && !(c.statuses ?? []).includes(status))
            failures.push(`${where}: expected ${c.statuses?.join("/")}: ${text.slice(0, 200)}`);
          const leaked = (c.sees ?? []).includes(role) ? [] : leaks(text);
          if (leaked.length) failures.push(`${where}: the answer shows the owners' ${leaked.join(", ")}`);
          const written = judgeWrites(c, role, ok, rows);
          if (written.length) failures.push(`${where}: wrote ${written.join("; ")}`);

          // "Own" routes: acting for an owner's organization (X-Organization-Id) is refused and writes nothing.
          if (c.kind === "own" && role !== "anonymous") {
            const m2 = await log.mark();
            const r2 = await callApi(key, c, principal(role), { "x-organization-id": f.owner.umkm.orgId });
            const rows2 = (await log.since(m2)).filter((r) => !(r.table === "ApiToken" && r.op === "UPDATE"));
            if (key !== "POST /api/cooperatives/import" && r2.status !== 403)
              failures.push(`${role} as the owner UMKM (X-Organization-Id) → ${r2.status}: must be 403`);
            if (key !== "POST /api/cooperatives/import" && rows2.length)
              failures.push(`${role} as the owner UMKM (X-Organization-Id): wrote ${rows2.map((r) => r.table).join(", ")}`);
          }
        }
        all.push(...settle(c, failures));
      }
      expect(all).toEqual([]);
    });
  }
});

describe("server actions × outsiders", () => {
  for (const key of [...actions.keys()]) {
    it(key, async () => {
      const cases = ACTIONS[key];
      expect(cases, `no matrix entry for ${key}: add one to ACTIONS`).toBeDefined();
      const all: string[] = [];
      for (const c of cases) {
        const failures: string[] = [];
        for (const role of ROLES) {
          const mark = await log.mark();
          const out = await callAction(key, c, role);
          const rows = await log.since(mark);
          const outcome = out.ok === null ? (out.redirect !== null ? `redirect ${out.redirect}` : "void") : out.ok ? "ok" : out.code;
          const where = `${role} → ${outcome} (${c.resource})`;
          if (REPORT) observed.push(`${key} | ${c.kind} | ${role} | ${outcome} | ${c.resource.slice(0, 60)}`);
          const extra = (c.refusedWith ?? []).map((st) => ({ 400: "invalid_input", 409: "conflict" })[st as 400 | 409]);
          const refused = out.ok === false && (REFUSED_CODES.has(out.code ?? "") || (c.kind === "write" && extra.includes(out.code ?? "")));
          if (c.kind === "write") {
            const voidRefusal = out.ok === null && (out.redirect === null || out.redirect === "/notifikasi");
            if (!refused && !voidRefusal) failures.push(`${where}: a write must be refused; got ${out.text.slice(0, 200)}`);
          }
          if (c.kind === "read") {
            const allowed = (c.allow ?? []).includes(role);
            if (allowed && out.ok !== true) failures.push(`${where}: allowed to read, got ${out.text.slice(0, 200)}`);
            if (!allowed && !refused) failures.push(`${where}: must be refused`);
          }
          if (c.kind === "own" && role === "anonymous" && !(out.ok === false && out.code === "unauthorized") && out.ok !== null)
            failures.push(`${where}: anonymous must be refused`);
          if (c.kind === "own" && out.ok === false && !refused && out.code !== "conflict")
            failures.push(`${where}: ${out.text.slice(0, 200)}`);
          const leaked = (c.sees ?? []).includes(role) ? [] : leaks(out.text);
          if (leaked.length) failures.push(`${where}: the result shows the owners' ${leaked.join(", ")}`);
          const written = judgeWrites(c, role, out.ok !== false, rows);
          if (written.length) failures.push(`${where}: wrote ${written.join("; ")}`);
        }
        all.push(...settle(c, failures));
      }
      expect(all).toEqual([]);
    });
  }
});
