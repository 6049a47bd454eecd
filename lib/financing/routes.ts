// URLs of the financing pages (/pembiayaan). Build links through these, never by hand.
const enc = encodeURIComponent;

export const financingRoutes = {
  list: () => "/pembiayaan",
  detail: (id: string) => `/pembiayaan/${enc(id)}`,
  /** Supply-chain financing programmes (issue 13): a buyer's with its banks, a bank's, an UMKM's referrals. */
  programmes: () => "/pembiayaan/program",
  programme: (id: string) => `/pembiayaan/program/${enc(id)}`,
} as const;
