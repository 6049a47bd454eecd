// URLs of the quote pages and of a quote attachment's download. Build links through these, never by hand.
const enc = encodeURIComponent;

export const quoteRoutes = {
  /** The supplier's own quotes. */
  list: () => "/penawaran",
  /** The quote form for one RFQ on the board. */
  form: (rfqId: string) => `/papan-rfq/${enc(rfqId)}/penawaran`,
  /** A quote attachment's download (the supplier's own, or the buyer once prices are revealed). */
  attachment: (rfqId: string, attachmentId: string) => `/api/v1/rfqs/${enc(rfqId)}/quote/attachments/${enc(attachmentId)}`,
} as const;
