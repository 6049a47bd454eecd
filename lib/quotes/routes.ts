// URLs of the quote pages. Build links through these, never by hand.
const enc = encodeURIComponent;

export const quoteRoutes = {
  /** The supplier's own quotes. */
  list: () => "/penawaran",
  /** The quote form for one RFQ on the board. */
  form: (rfqId: string) => `/papan-rfq/${enc(rfqId)}/penawaran`,
} as const;
