// URLs of the notification pages. Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

export const notificationRoutes = {
  list: (query?: { unreadOnly?: boolean }) => withQuery("/notifikasi", query?.unreadOnly ? { tampilkan: "belum-dibaca" } : undefined),
  /** The platform's e-mail outbox. */
  outbox: () => "/admin/kotak-keluar",
} as const;
