// GET/POST /api/v1/admin/organizations: platform admins find organizations and create one of any type with its
// first owner invited by e-mail (issue 16 item 4). Anyone else → 404.
import { apiRoute, created } from "@/lib/api/route";
import { createOrganization, listOrganizations } from "@/lib/admin/organizations";
import { AdminCreatedOrganizationSchema, AdminOrganizationListSchema } from "@/lib/admin/responses";
import { adminOrganizationQuerySchema, createOrganizationSchema } from "@/lib/admin/schemas";

export const GET = apiRoute(
  {
    auth: "required",
    query: adminOrganizationQuerySchema,
    openapi: {
      method: "get",
      path: "/api/v1/admin/organizations",
      summary: "Find organizations (platform admins)",
      description:
        "`q` matches name, legal name, e-mail, a member's e-mail or (4+ digits) an UMKM's NPWP; `type`; " +
        "`status` is a verification status or `suspended`; 25 per `page`. Not a platform admin → 404.",
      tags: ["Administration"],
      responses: { 200: { description: "One page of organizations, newest first", schema: AdminOrganizationListSchema } },
    },
  },
  async ({ actor, query }) => listOrganizations(actor, query),
);

export const POST = apiRoute(
  {
    auth: "required",
    body: createOrganizationSchema,
    idempotent: true,
    openapi: {
      method: "post",
      path: "/api/v1/admin/organizations",
      summary: "Create an organization and invite its first owner (platform admins)",
      description:
        "Any type but `platform` (banks and ministry offices cannot sign up). The organization starts " +
        "unverified; `ownerEmail` gets a single-use invitation link valid for 7 days (only its hash is " +
        "stored). Not a platform admin → 404.",
      tags: ["Administration"],
      responses: {
        201: {
          description: "The organization and the owner's invitation (the token only goes out by e-mail)",
          schema: AdminCreatedOrganizationSchema,
        },
      },
    },
  },
  async ({ actor, body }) => created(await createOrganization(actor, body)),
);
