// /admin/pengguna — platform admins find users by name or e-mail and open one; 404 for everyone else
// (issue 16 item 4).
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminPagination } from "@/components/admin/pagination";
import { Badge, Container, EmptyState, Input, PageHeader, SubmitButton, ResponsiveTable } from "@/components/ui";
import { adminUserQuerySchema } from "@/lib/admin/schemas";
import { listUsers } from "@/lib/admin/users";
import { isPlatformAdmin } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/page-guard";
import { organizationRoutes } from "@/lib/organizations/routes";

export async function generateMetadata(): Promise<Metadata> {
  await requirePageActor(organizationRoutes.adminUsers(), isPlatformAdmin);
  const t = await getTranslations("admin.users");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor(organizationRoutes.adminUsers(), isPlatformAdmin);
  const t = await getTranslations("admin.users");
  const ts = await getTranslations("admin.status");
  const format = await getFormatter();
  const parsed = adminUserQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { page: 1 };
  const result = await listUsers(actor, query);
  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} />
      <form method="get" role="search" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <Input label={t("search")} name="q" type="search" defaultValue={query.q ?? ""} description={t("searchHint")} />
        <SubmitButton>{t("search")}</SubmitButton>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[40rem]">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("memberships")}</th>
              <th scope="col">{t("lastLogin")}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link className="font-medium underline" href={organizationRoutes.adminUser(u.id)}>
                    {u.name}
                  </Link>{" "}
                  {u.suspendedAt && <Badge tone="danger">{ts("suspended")}</Badge>}
                </th>
                <td data-label={t("email")} className="break-all">
                  {u.email}
                </td>
                <td data-label={t("memberships")}>{u.membershipCount}</td>
                <td data-label={t("lastLogin")}>{u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "medium" }) : t("never")}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      <AdminPagination {...result} href={(page) => organizationRoutes.adminUsers({ ...query, page })} />
    </Container>
  );
}
