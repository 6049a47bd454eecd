// URLs of the RFQ pages (the buyer's own RFQs under /rfq, the suppliers' board under /papan-rfq) and of an
// RFQ attachment's content. Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const rfqRoutes = {
  /** The buyer's RFQs, optionally filtered by status. */
  list: (query?: { status?: string }) => withQuery("/rfq", query),
  create: () => "/rfq/baru",
  detail: (id: string, query?: { tab?: string; saved?: boolean }) => withQuery(`/rfq/${enc(id)}`, query),
  edit: (id: string) => `/rfq/${enc(id)}/ubah`,
  history: (id: string) => `/rfq/${enc(id)}/riwayat`,
  compare: (id: string) => `/rfq/${enc(id)}/bandingkan`,
  /** The printable award memo (the comparison and the decision) for the buyer's internal approval. */
  awardMemo: (id: string) => `/rfq/${enc(id)}/bandingkan/memo`,
  matching: (id: string) => `/rfq/${enc(id)}/pencocokan`,
  /** The suppliers' board of open RFQs, with its filters. */
  board: (query?: Record<string, string | undefined>) => withQuery("/papan-rfq", query),
  boardDetail: (id: string) => `/papan-rfq/${enc(id)}`,
  /** The board's RFQ page at its clarifications (notification links). */
  boardClarifications: (id: string) => `/papan-rfq/${enc(id)}#klarifikasi`,
  /** An attachment's content (GET /api/v1/rfqs/{id}/attachments/{attachmentId}), for buyer and suppliers alike. */
  attachment: (id: string, attachmentId: string) => `/api/v1/rfqs/${enc(id)}/attachments/${enc(attachmentId)}`,
} as const;
