// The RFQ as callers see it (RfqView): the one Prisma `select` every RFQ read uses and its mapping to the view
// the pages and /api/v1/rfqs return (its JSON shape: lib/rfqs/responses.ts).
import "server-only";
import type { Prisma } from "@/lib/db";
import type { RfqStatus } from "@/lib/enums";
import { timeZoneForProvince, type IndonesianTimeZone } from "@/lib/i18n/format";
import { deadlinePassed } from "./access";
import { rfqRoutes } from "./routes";

export const rfqSelect = {
  id: true,
  buyerId: true,
  buyer: { select: { id: true, name: true, verificationStatus: true, regencyCode: true } },
  title: true,
  description: true,
  kbliCode: true,
  kbli: { select: { titleId: true, titleEn: true } },
  deliveryRegencyCode: true,
  deliveryRegency: { select: { code: true, name: true, province: { select: { code: true, name: true } } } },
  deadline: true,
  status: true,
  visibility: true,
  sealed: true,
  requiredCertifications: true,
  minTkdn: true,
  publishedAt: true,
  closedAt: true,
  cancelledAt: true,
  cancelReason: true,
  awardedAt: true,
  clusterId: true,
  cluster: { select: { id: true, name: true } },
  version: true,
  createdAt: true,
  updatedAt: true,
  items: {
    orderBy: { position: "asc" },
    select: { id: true, position: true, name: true, specification: true, quantity: true, unit: true, targetUnitPriceIdr: true },
  },
  attachments: {
    orderBy: { file: { createdAt: "asc" } },
    select: { id: true, file: { select: { filename: true, mimeType: true, sizeBytes: true, createdAt: true } } },
  },
} satisfies Prisma.RfqSelect;

export type RfqRow = Prisma.RfqGetPayload<{ select: typeof rfqSelect }>;

interface RfqItemView {
  id: string;
  position: number;
  name: string;
  specification: string | null;
  quantity: number;
  unit: string;
  targetUnitPriceIdr: bigint | null;
}

export interface RfqView {
  id: string;
  status: RfqStatus;
  title: string;
  description: string;
  /**
   * `verified`: a platform admin has verified the buyer organization (shown on the board and the RFQ page).
   * `timeZone`: the buyer organization's clock (from its region; WIB without one), shown next to the viewer's.
   */
  buyer: { id: string; name: string; verified: boolean; timeZone: IndonesianTimeZone };
  kbli: string;
  kbliTitle: { id: string; en: string | null };
  deliveryRegency: { code: string; name: string; province: { code: string; name: string } };
  deadline: Date;
  visibility: "public" | "invited";
  sealed: boolean;
  requiredCertifications: ("halal" | "sni" | "iso9001" | "tkdn" | "other")[];
  minTkdn: number | null;
  items: RfqItemView[];
  attachments: { id: string; filename: string; mimeType: string; sizeBytes: number; url: string }[];
  /** Open and before the deadline: quotes and clarifications are accepted. */
  acceptingQuotes: boolean;
  publishedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  awardedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /**
   * Suppliers only: is the asking organization invited (directly, or as a member of the cluster the RFQ is
   * posted to)? Never who else is.
   */
  invited?: boolean;
  /** The cluster the RFQ is posted to (issue 12): its members see it as invited. */
  clusterId: string | null;
  cluster: { id: string; name: string } | null;
  /** The buyer only. */
  invitationCount?: number;
  version: number;
}

export function toView(r: RfqRow, now = new Date()): RfqView {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    description: r.description,
    buyer: {
      id: r.buyer.id,
      name: r.buyer.name,
      verified: r.buyer.verificationStatus === "verified",
      timeZone: timeZoneForProvince(r.buyer.regencyCode),
    },
    kbli: r.kbliCode,
    kbliTitle: { id: r.kbli.titleId, en: r.kbli.titleEn },
    deliveryRegency: r.deliveryRegency,
    deadline: r.deadline,
    visibility: r.visibility,
    sealed: r.sealed,
    requiredCertifications: r.requiredCertifications,
    minTkdn: r.minTkdn === null ? null : Number(r.minTkdn),
    items: r.items,
    attachments: r.attachments.map((a) => ({
      id: a.id,
      filename: a.file.filename,
      mimeType: a.file.mimeType,
      sizeBytes: a.file.sizeBytes,
      url: rfqRoutes.attachment(r.id, a.id),
    })),
    acceptingQuotes: r.status === "open" && !deadlinePassed(r, now),
    publishedAt: r.publishedAt,
    closedAt: r.closedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    awardedAt: r.awardedAt,
    clusterId: r.clusterId,
    cluster: r.cluster,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
