// URLs of the notification pages. Build links through these, never by hand.
import { withQuery } from "@/lib/app-url";

export const notificationRoutes = {
  /** The user's notifications; `unreadOnly` is the unread filter, `cursor` an older page. */
  list: (query?: { unreadOnly?: boolean; cursor?: string }) =>
    withQuery("/notifikasi", { tampilkan: query?.unreadOnly ? "belum-dibaca" : undefined, cursor: query?.cursor }),
  /** The platform's e-mail outbox. */
  outbox: () => "/admin/kotak-keluar",
} as const;
