import { redirect } from "next/navigation";
import { requirePlatformActor } from "./require-platform";

export default async function AdminPage() {
  await requirePlatformActor("/admin");
  redirect("/admin/verifikasi");
}
