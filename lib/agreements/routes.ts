// URLs of the partnership-agreement pages (/kemitraan). Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

const enc = encodeURIComponent;

export const agreementRoutes = {
  list: (query?: Record<string, string | undefined>) => withQuery("/kemitraan", query),
  /** The proposal form; `mitra` preselects the counterparty, `q` searches for one. */
  create: (query?: { mitra?: string; q?: string; rfq?: string }) => withQuery("/kemitraan/baru", query),
  detail: (id: string) => `/kemitraan/${enc(id)}`,
  edit: (id: string) => `/kemitraan/${enc(id)}/ubah`,
  /** The printable agreement; `bahasa` picks the document's language (default: the reader's). */
  print: (id: string, query?: { bahasa?: string }) => withQuery(`/kemitraan/${enc(id)}/cetak`, query),
  version: (id: string, version: number) => `/kemitraan/${enc(id)}/versi/${version}`,
} as const;
