// URLs of the financing pages (/pembiayaan). Build links through these, never by hand.
const enc = encodeURIComponent;

export const financingRoutes = {
  list: () => "/pembiayaan",
  detail: (id: string) => `/pembiayaan/${enc(id)}`,
} as const;
