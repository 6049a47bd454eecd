"use server";
// Server actions behind /notifikasi and the bell. Public endpoints: each goes through userAction (a signed-in
// user; no organization needed — notifications are a person's own) and the service puts the user into every
// `where`, so someone else's notification is "not found".
//
//   openNotificationAction(formData{id})   marks it read and goes to its link (or back to /notifikasi)
//   markNotificationReadAction({id})       marks it read (useActionState or a plain object)
//   markAllNotificationsReadAction()       marks every unread one read
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionLocale, revalidateLayout, userAction } from "@/lib/auth/action-wrapper";
import { notificationRoutes } from "./routes";
import { markAllNotificationsRead, markNotificationRead, notificationIdSchema } from "./service";

const idForm = z.object({ id: notificationIdSchema });

export const markNotificationReadAction = userAction(idForm, async ({ id }, { actor }) => {
  const n = await markNotificationRead(actor, id, await actionLocale());
  revalidateLayout(); // the bell's count is in the root layout
  return { id: n.id, link: n.link };
});

export const markAllNotificationsReadAction = userAction(z.unknown(), async (_input, { actor }) => {
  const r = await markAllNotificationsRead(actor);
  revalidateLayout();
  return r;
});

/** For `<form action={openNotificationAction}>`: works without JavaScript, by keyboard and by click. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const r = await markNotificationReadAction(formData);
  redirect(r.ok && r.data.link ? r.data.link : notificationRoutes.list());
}

/** For `<form action={markAllReadFormAction}>` on /notifikasi. */
export async function markAllReadFormAction(): Promise<void> {
  await markAllNotificationsReadAction({});
}
