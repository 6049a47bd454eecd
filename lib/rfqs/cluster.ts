// RFQs posted to a cluster (issue 12, docs/decisions/0029-cluster-rfqs.md): an invitation-only RFQ whose
// invitees are the cluster's members (lib/clusters/scope.ts: active members, and active members of an active
// member cooperative). Any verified buyer may post to any cluster; whether the buyer anchors the cluster only
// changes the match reason. Visibility is lib/rfqs/access.ts (the members see the RFQ as if invited).
//
// When the RFQ opens, every member organization hears of it — set-based, because a cluster may hold 20,000
// members: one INSERT … SELECT writes the in-app notifications and one the e-mails (to owners and admins), each
// obeying the recipients' preferences (kind "rfqs") exactly as lib/notifications/notify.ts does. The texts are
// rendered once per language and clock (WIB/WITA/WIT) in JavaScript and chosen per recipient in SQL.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { appBaseUrl } from "@/lib/app-url";
import { invalidInput } from "@/lib/errors";
import { timeZoneForProvince } from "@/lib/i18n/format";
import { translate } from "@/lib/i18n/translate";
import { locales as LOCALES } from "@/lib/i18n/config";
import { clusterMemberIdsSql } from "@/lib/clusters/scope";
import { notificationKind } from "@/lib/notifications/kinds";
import { renderNotification, storeParams, type NotificationType } from "@/lib/notifications/notify";
import type { Actor } from "@/lib/auth/types";
import { authorizeBuyer } from "./access";
import { rfqRoutes } from "./routes";

type Client = Pick<Prisma.TransactionClient, "cluster">;

/** The cluster an RFQ is posted to: it must exist (400 on clusterId otherwise). */
export async function assertCluster(client: Client, clusterId: string): Promise<{ id: string; name: string }> {
  const c = await client.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true } });
  if (!c) throw invalidInput({ clusterId: ["rfqs.errors.clusterUnknown"] });
  return c;
}

/**
 * The field rule of a write: a cluster only on an invitation-only RFQ (the schema checks a create body; a
 * PATCH may change either field alone, so the service checks the result).
 */
export function assertClusterVisibility(visibility: "public" | "invited", clusterId: string | null) {
  if (clusterId && visibility !== "invited") throw invalidInput({ clusterId: ["rfqs.errors.clusterNeedsInvited"] });
}

const NOTIFICATION_TYPE: NotificationType = "rfq.cluster_posted";

/** Every province prefix ("00"–"99") with its zone, for the SQL join (the rule is lib/i18n/format.ts's). */
function provinceZones(): { p: string; zone: string }[] {
  return Array.from({ length: 100 }, (_, i) => {
    const p = String(i).padStart(2, "0");
    return { p, zone: timeZoneForProvince(p) };
  });
}

/**
 * Notifies every member organization of the cluster that the RFQ is open (in-app: every active user of each
 * member organization; e-mail: their owners and admins, one per address), except organizations already
 * invited directly (they got "rfq.invited") and `excludeUserId`. Returns how many notifications were written.
 */
export async function notifyClusterMembers(
  tx: Prisma.TransactionClient,
  rfq: { id: string; title: string; deadline: Date; buyer: { name: string } },
  cluster: { id: string; name: string },
  excludeUserId: string | null,
): Promise<{ inApp: number; emails: number }> {
  const params = { rfqTitle: rfq.title, buyerName: rfq.buyer.name, clusterName: cluster.name, deadline: rfq.deadline };
  const stored = storeParams(params);
  const link = rfqRoutes.boardDetail(rfq.id);
  const kind = notificationKind(NOTIFICATION_TYPE);
  const zones = provinceZones();
  const distinctZones = [...new Set(zones.map((z) => z.zone))];
  const base = appBaseUrl();
  const texts = LOCALES.flatMap((locale) =>
    distinctZones.map((zone) => {
      const { title, body } = renderNotification(locale, NOTIFICATION_TYPE, stored, zone);
      const footer = `\n\n— ${translate(locale, "notifications.emailFooter")}`;
      return { locale, zone, subject: title, text: `${body}\n\n${base}${link}${footer}` };
    }),
  );
  const now = new Date();
  // Recipients: active users of member organizations not invited directly.
  const recipients = Prisma.sql`
    SELECT m."userId", m."organizationId", m.role, u.email, u.locale, o."regencyCode"
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId" AND u."disabledAt" IS NULL
      JOIN "Organization" o ON o.id = m."organizationId"
     WHERE m."organizationId" IN (${clusterMemberIdsSql(cluster.id)})
       AND m."organizationId" NOT IN (SELECT i."supplierId" FROM "RfqInvitation" i WHERE i."rfqId" = ${rfq.id})
       ${excludeUserId ? Prisma.sql`AND m."userId" <> ${excludeUserId}` : Prisma.empty}`;
  const optedOut = (channel: "inApp" | "email") =>
    kind
      ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "NotificationPreference" np
                                    WHERE np."userId" = r."userId" AND np.kind = ${kind} AND np.${Prisma.raw(`"${channel}"`)} = false)`
      : Prisma.empty;
  const inApp = await tx.$executeRaw(Prisma.sql`
    INSERT INTO "Notification" (id, "userId", "organizationId", type, params, link, "createdAt")
    SELECT gen_random_uuid()::text, r."userId", r."organizationId", ${NOTIFICATION_TYPE}, ${JSON.stringify(stored)}::jsonb, ${link}, ${now}
      FROM (${recipients}) r
     WHERE true ${optedOut("inApp")}`);
  const emails = await tx.$executeRaw(Prisma.sql`
    INSERT INTO "EmailOutbox" (id, "to", subject, text, status, attempts, "sendAfter", "createdAt")
    SELECT gen_random_uuid()::text, x.email, t.subject, t.text, 'pending', 0, ${now}, ${now}
      FROM (SELECT DISTINCT ON (r.email) r.email,
                   CASE WHEN r.locale = ANY (${[...LOCALES]}::text[]) THEN r.locale ELSE 'id' END AS locale,
                   coalesce(z.zone, ${timeZoneForProvince(null)}) AS zone
              FROM (${recipients}) r
              LEFT JOIN jsonb_to_recordset(${JSON.stringify(zones)}::jsonb) AS z(p text, zone text) ON z.p = left(r."regencyCode", 2)
             WHERE r.role IN ('owner', 'admin') ${optedOut("email")}
             ORDER BY r.email, r."organizationId") x
      JOIN jsonb_to_recordset(${JSON.stringify(texts)}::jsonb) AS t(locale text, zone text, subject text, text text)
        ON t.locale = x.locale AND t.zone = x.zone`);
  return { inApp, emails };
}

/** Clusters a buyer may post to, for the RFQ form's choice: every cluster (ADR 0029), anchored ones first. */
export async function rfqClusterChoices(actor: Actor | null): Promise<{ id: string; name: string; anchored: boolean }[]> {
  const buyerId = authorizeBuyer(actor).membership.organizationId;
  const rows = await db.cluster.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true, anchors: { where: { buyerId, status: "active" }, select: { id: true } } },
  });
  return rows
    .map((r) => ({ id: r.id, name: r.name, anchored: r.anchors.length > 0 }))
    .sort((a, b) => Number(b.anchored) - Number(a.anchored));
}
