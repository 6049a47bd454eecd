// URLs of the cluster pages (/klaster, issue 12). Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const clusterRoutes = {
  /** The public list with search and sector filter. */
  list: (query?: { q?: string; sektor?: string; provinsi?: string; page?: string }) => withQuery("/klaster", query),
  /** Create a cluster (cluster managers, ministry staff, regional governments). */
  create: () => "/klaster/baru",
  /** The cluster page: a public summary; members, anchors and the manager see more. */
  detail: (id: string) => `/klaster/${enc(id)}`,
  /** The manager's page: requests, invitations (by name and by CSV of NIB), anchors, settings. */
  manage: (id: string) => `/klaster/${enc(id)}/kelola`,
  /** Bulk invitation by CSV of NIB (the cooperative importer's engine). */
  bulkInvite: (id: string) => `/klaster/${enc(id)}/kelola/impor`,
  bulkInviteTemplate: (id: string) => `/klaster/${enc(id)}/kelola/templat.csv`,
  /** The manager's consortium proposals for the anchors' open RFQs (issue 12; engineer rfqcluster). */
  consortia: (id: string, rfqId?: string) => withQuery(`/klaster/${enc(id)}/konsorsium`, { rfq: rfqId }),
  /** The streaming upload behind the bulk invitation page (NDJSON progress). */
  bulkInviteUpload: (id: string) => `/api/clusters/${enc(id)}/invitations/import`,
} as const;
