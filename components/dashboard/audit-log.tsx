// The organization's recent audit entries (what changed, who did it, when).
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { listOwnAuditLog } from "@/lib/organizations/service";

type Entry = Awaited<ReturnType<typeof listOwnAuditLog>>[number];

function stringField(data: Entry["data"], field: string): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const v = (data as Record<string, unknown>)[field];
  return typeof v === "string" && v.trim() ? v : null;
}

export async function AuditLogCard({ entries, organizationId }: { entries: Entry[]; organizationId: string }) {
  const t = await getTranslations("dashboard.audit");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <Card title={t("title")} description={t("description")}>
      {entries.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-line">
          {entries.map((e) => {
            // Actions are dotted codes ("organization.verified"), i.e. nested message keys.
            const key = `actions.${e.action}`;
            const label = t.has(key) ? t(key) : e.action;
            // A return note, or the message an organization sent with its resubmission.
            const note = stringField(e.data, "note") ?? stringField(e.data, "message");
            // Decisions the platform took about another organization name it (the entry is about that one);
            // API token entries name the token (and its prefix, as the token list shows it).
            const tokenPrefix = e.entityType === "ApiToken" ? stringField(e.data, "prefix") : null;
            const subject =
              e.entityType === "Organization" && e.entityId !== organizationId
                ? stringField(e.data, "organizationName")
                : e.entityType === "ApiToken"
                  ? stringField(e.data, "name")
                  : null;
            return (
              <li key={e.id} className="flex flex-col gap-0.5 py-2.5 first:pt-0 last:pb-0">
                <span className="font-medium text-ink">
                  {label}
                  {subject && <span className="font-normal text-muted">: {subject}</span>}
                  {tokenPrefix && <span className="font-mono text-sm font-normal text-muted"> ({tokenPrefix}…)</span>}
                </span>
                {note && <span className="text-sm whitespace-pre-line text-ink">“{note}”</span>}
                <span className="text-sm text-muted">
                  {e.sealed ? t("bySealedSupplier") + " · " : e.actor?.name ? t("byWhom", { name: e.actor.name }) + " · " : ""}
                  <time dateTime={e.createdAt.toISOString()}>{f.dateTime(e.createdAt)}</time>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
