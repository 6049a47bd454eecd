// The one place that decides which clock a person reads times on (issue 16): their active organization's zone,
// from its regency's province (lib/i18n/format.ts timeZoneForProvince: WIB, WITA or WIT). Visitors, and
// organizations without a region yet, read WIB — always with the zone named next to the time. next-intl's
// request config (lib/i18n/request.ts) takes the viewer's zone from here, so server components read it with
// `getTimeZone()` and client components with `useTimeZone()`; domain code (RFQ deadlines entered on a wall
// clock, e-mails to an organization, "today" for date-only rules) asks zoneForOrganization / zoneForActor.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/types";
import { timeZoneForProvince, WIB, type IndonesianTimeZone } from "./format";

/** An organization's zone (WIB when it has no region or does not exist). Memoised per request. */
export const zoneForOrganization = cache(async function zoneForOrganization(
  organizationId: string | null | undefined,
): Promise<IndonesianTimeZone> {
  if (!organizationId) return WIB;
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { regencyCode: true } });
  return timeZoneForProvince(org?.regencyCode);
});

/** The zone of whoever is asking: their active organization's, or WIB for a visitor or a user without one. */
export function zoneForActor(actor: Pick<Actor, "membership"> | null | undefined): Promise<IndonesianTimeZone> {
  return zoneForOrganization(actor?.membership?.organizationId);
}

/**
 * Several organizations' zones at once (e-mails to every member of several organizations). Pass the caller's
 * transaction client when inside one.
 */
export async function zonesForOrganizations(
  client: Pick<typeof db, "organization">,
  organizationIds: readonly string[],
): Promise<Map<string, IndonesianTimeZone>> {
  const ids = [...new Set(organizationIds)];
  if (ids.length === 0) return new Map();
  const orgs = await client.organization.findMany({ where: { id: { in: ids } }, select: { id: true, regencyCode: true } });
  return new Map(orgs.map((o) => [o.id, timeZoneForProvince(o.regencyCode)]));
}
