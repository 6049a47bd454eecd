// The bell in the app header: a link to /notifikasi with the unread count. Its accessible name says the count
// ("Notifikasi, 3 belum dibaca"); the number badge is decoration for sighted users. The count is read for the
// signed-in user on every render of the layout (server actions that mark read revalidate the layout, so it
// drops at once) and handed to the client part (live-bell.tsx), which keeps it current while the page stays
// open: without JavaScript the server-rendered count is what shows.
import { getActor } from "@/lib/auth/session";
import { countUnread } from "@/lib/notifications/service";
import { LiveNotificationBell } from "./live-bell";

export async function NotificationBell() {
  const actor = await getActor();
  if (!actor) return null;
  const count = await countUnread(actor);
  return <LiveNotificationBell initialCount={count} userId={actor.user.id} />;
}
