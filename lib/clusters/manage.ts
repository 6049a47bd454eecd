// Creating and editing clusters (issue 12; docs/decisions/0022-clusters.md). Who: a VERIFIED cluster manager,
// ministry office or regional government (ACTORS.clusterOwners, "cluster:manage"); the creating organization is
// Cluster.managerId and manages the cluster. Every code is checked against the reference tables (KbliCode 2020,
// Province, Regency, Site). A regional government creates clusters only inside its own region: a province
// government names its province and regencies of it; a regency government names its regency only.
import "server-only";
import { db } from "@/lib/db";
import { authorize, requireVerified, ACTORS, type AuthorizedActor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/types";
import { audit } from "@/lib/audit/log";
import { fieldErrors } from "@/lib/auth/schemas";
import { forbidden, invalidInput, notFound } from "@/lib/errors";
import { clusterIdSchema, clusterInputSchema, type ClusterInput } from "./schemas";
import { managedBy } from "./access";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The actor acting for an organization that manages clusters, verified (managing acts on others). */
export function clusterOwner(actor: Actor | null): AuthorizedActor {
  return requireVerified(authorize(actor, { orgTypes: ACTORS.clusterOwners, permission: "cluster:manage", write: true }));
}

function parseInput(input: unknown): ClusterInput {
  const parsed = clusterInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

/** Field errors for codes the reference tables do not know, or outside a regional government's region. */
async function checkReferences(tx: Tx, organizationId: string, input: ClusterInput): Promise<void> {
  const letters = input.kbliSections.filter((c) => /^[A-Z]$/.test(c));
  const divisions = input.kbliSections.filter((c) => /^\d{2}$/.test(c));
  const [kbli, provinces, regencies, site, org] = await Promise.all([
    tx.kbliCode.findMany({
      where: {
        version: "2020",
        OR: [
          { level: 1, code: { in: letters } },
          { level: 2, code: { in: divisions } },
        ],
      },
      select: { code: true },
    }),
    tx.province.findMany({ where: { code: { in: input.provinceCodes } }, select: { code: true } }),
    tx.regency.findMany({ where: { code: { in: input.regencyCodes } }, select: { code: true, provinceCode: true } }),
    input.siteId ? tx.site.findUnique({ where: { id: input.siteId }, select: { id: true } }) : Promise.resolve(null),
    tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { type: true, regionProvinceCode: true, regionRegencyCode: true },
    }),
  ]);
  const fields: Record<string, string[]> = {};
  if (kbli.length !== input.kbliSections.length) fields.kbliSections = ["clusters.errors.kbliUnknown"];
  if (provinces.length !== input.provinceCodes.length) fields.provinceCodes = ["clusters.errors.provinceUnknown"];
  if (regencies.length !== input.regencyCodes.length) fields.regencyCodes = ["clusters.errors.regencyUnknown"];
  if (input.siteId && !site) fields.siteId = ["clusters.errors.siteUnknown"];
  if (org.type === "regional_government" && Object.keys(fields).length === 0) {
    if (org.regionRegencyCode) {
      // A regency government: that regency only.
      if (input.provinceCodes.length > 0) fields.provinceCodes = ["clusters.errors.outsideRegion"];
      if (input.regencyCodes.some((c) => c !== org.regionRegencyCode)) fields.regencyCodes = ["clusters.errors.outsideRegion"];
      if (input.regencyCodes.length === 0) fields.regencyCodes = ["clusters.errors.outsideRegion"];
    } else if (org.regionProvinceCode) {
      if (input.provinceCodes.some((c) => c !== org.regionProvinceCode)) fields.provinceCodes = ["clusters.errors.outsideRegion"];
      if (regencies.some((r) => r.provinceCode !== org.regionProvinceCode)) fields.regencyCodes = ["clusters.errors.outsideRegion"];
    } else {
      // A government without a region scope (not set up by the platform admin yet) has no region to act in.
      throw forbidden("clusters.errors.noRegion");
    }
  }
  if (Object.keys(fields).length > 0) throw invalidInput(fields);
}

const data = (input: ClusterInput) => ({
  name: input.name,
  description: input.description,
  kbliSections: input.kbliSections,
  provinceCodes: input.provinceCodes,
  regencyCodes: input.regencyCodes,
  siteId: input.siteId ?? null,
});

export interface ClusterWritten {
  id: string;
  name: string;
  description: string;
  kbliSections: string[];
  provinceCodes: string[];
  regencyCodes: string[];
  siteId: string | null;
  managerId: string;
  createdAt: Date;
  updatedAt: Date;
}

const written = {
  id: true,
  name: true,
  description: true,
  kbliSections: true,
  provinceCodes: true,
  regencyCodes: true,
  siteId: true,
  managerId: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function createCluster(actor: Actor | null, input: unknown): Promise<ClusterWritten> {
  const a = clusterOwner(actor);
  const v = parseInput(input);
  const orgId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    await checkReferences(tx, orgId, v);
    const cluster = await tx.cluster.create({ data: { ...data(v), managerId: orgId, createdById: a.user.id }, select: written });
    await audit(tx, {
      organizationId: orgId,
      actorId: a.user.id,
      action: "cluster.created",
      entityType: "Cluster",
      entityId: cluster.id,
      data: { name: cluster.name, kbliSections: cluster.kbliSections },
    });
    return cluster;
  });
}

export async function updateCluster(actor: Actor | null, clusterId: unknown, input: unknown): Promise<ClusterWritten> {
  const a = clusterOwner(actor);
  const id = clusterIdSchema.safeParse(clusterId);
  if (!id.success) throw notFound();
  const v = parseInput(input);
  const orgId = a.membership.organizationId;
  return db.$transaction(async (tx) => {
    const own = await tx.cluster.findFirst({ where: { id: id.data, ...managedBy(orgId) }, select: { id: true } });
    if (!own) throw notFound();
    await checkReferences(tx, orgId, v);
    const cluster = await tx.cluster.update({ where: { id: own.id, ...managedBy(orgId) }, data: data(v), select: written });
    await audit(tx, {
      organizationId: orgId,
      actorId: a.user.id,
      action: "cluster.updated",
      entityType: "Cluster",
      entityId: cluster.id,
      data: { name: cluster.name, kbliSections: cluster.kbliSections },
    });
    return cluster;
  });
}
