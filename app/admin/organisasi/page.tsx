// /admin/organisasi — platform admins find organizations (name, NPWP, e-mail; type; status incl. suspended) and
// open one; 404 for everyone else (issue 16 item 4).
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminPagination } from "@/components/admin/pagination";
import {
  Badge,
  ButtonLink,
  Container,
  EmptyState,
  Input,
  OrgTypeBadge,
  PageHeader,
  Select,
  SubmitButton,
  ResponsiveTable,
  VerificationBadge,
} from "@/components/ui";
import { listOrganizations } from "@/lib/admin/organizations";
import { ADMIN_ORG_STATUSES, adminOrganizationQuerySchema } from "@/lib/admin/schemas";
import { requirePageActor } from "@/lib/auth/page-guard";
import { ORG_TYPES } from "@/lib/enums";
import { isPlatformAdmin } from "@/lib/auth/access";
import { organizationRoutes } from "@/lib/organizations/routes";

export async function generateMetadata(): Promise<Metadata> {
  await requirePageActor(organizationRoutes.adminOrganizations(), isPlatformAdmin);
  const t = await getTranslations("admin.organizations");
  return { title: `${t("title")} — Rantai`, robots: { index: false } };
}

export default async function AdminOrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(organizationRoutes.adminOrganizations(), isPlatformAdmin);
  const t = await getTranslations("admin.organizations");
  const ts = await getTranslations("admin.status");
  const to = await getTranslations("orgTypes");
  const tv = await getTranslations("verification.status");
  const format = await getFormatter();
  const parsed = adminOrganizationQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { page: 1 };
  const result = await listOrganizations(actor, query);
  return (
    <Container className="py-8">
      <PageHeader eyebrow={actor.membership?.organizationName} title={t("title")} description={t("description")} />
      <div className="mb-4">
        <ButtonLink href={organizationRoutes.adminNewOrganization()}>{t("create")}</ButtonLink>
      </div>
      <form method="get" role="search" className="mb-6 grid gap-3 sm:grid-cols-4 sm:items-end">
        <Input label={t("search")} name="q" type="search" defaultValue={query.q ?? ""} description={t("searchHint")} />
        <Select
          label={t("type")}
          name="type"
          defaultValue={query.type ?? ""}
          options={[{ value: "", label: t("any") }, ...ORG_TYPES.map((v) => ({ value: v, label: to(v) }))]}
        />
        <Select
          label={t("status")}
          name="status"
          defaultValue={query.status ?? ""}
          options={[
            { value: "", label: t("any") },
            ...ADMIN_ORG_STATUSES.map((v) => ({ value: v, label: v === "suspended" ? ts("suspended") : tv(v) })),
          ]}
        />
        <SubmitButton>{t("filter")}</SubmitButton>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ResponsiveTable caption={t("title")} minWidthClassName="sm:min-w-[40rem]">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("type")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("members")}</th>
              <th scope="col">{t("created")}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link className="font-medium underline" href={organizationRoutes.adminOrganization(o.id)}>
                    {o.name}
                  </Link>
                  {o.email && <div className="text-xs font-normal break-all text-slate-500">{o.email}</div>}
                </th>
                <td data-label={t("type")}>
                  <OrgTypeBadge type={o.type} />
                </td>
                <td data-label={t("status")}>
                  <span className="inline-flex flex-wrap justify-end gap-1 sm:justify-start">
                    <VerificationBadge status={o.verificationStatus} />
                    {o.suspendedAt && <Badge tone="danger">{ts("suspended")}</Badge>}
                  </span>
                </td>
                <td data-label={t("members")}>{o.memberCount}</td>
                <td data-label={t("created")}>{format.dateTime(o.createdAt, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      <AdminPagination {...result} href={(page) => organizationRoutes.adminOrganizations({ ...query, page })} />
    </Container>
  );
}
