// The UMKM dashboard's card of membership requests from cooperatives (issue 11): the notification of a new
// request links here (/dasbor#permintaan-koperasi). Owners and admins accept or decline; others only see them.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import type { listIncomingJoinRequests } from "@/lib/cooperatives/join-requests";
import { DecideJoinRequestForms } from "./join-request-forms";

type Incoming = Awaited<ReturnType<typeof listIncomingJoinRequests>>;

export async function IncomingJoinRequestsCard({ data, umkmName }: { data: Incoming; umkmName: string }) {
  if (data.items.length === 0) return null;
  const t = await getTranslations("cooperatives.incomingRequests");
  const f = formattersFor(await getLocale(), await getTimeZone());
  return (
    <div id="permintaan-koperasi" className="scroll-mt-20">
      <Card title={t("title")} description={t("description")}>
        {!data.canDecide && <p className="mb-3 text-sm text-muted">{t("ownerOnly")}</p>}
        <ul className="flex flex-col divide-y divide-line">
          {data.items.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">{t("from", { cooperative: r.cooperative.name, umkm: umkmName })}</p>
                <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                  <Badge tone={r.cooperative.verificationStatus === "verified" ? "success" : "warning"}>
                    {r.cooperative.verificationStatus === "verified" ? t("verifiedCoop") : t("unverifiedCoop")}
                  </Badge>
                  {r.cooperative.regency?.name ? <span>{r.cooperative.regency.name}</span> : null}
                  <span>{t("sentOn", { date: f.date(r.createdAt) })}</span>
                </p>
              </div>
              {data.canDecide && <DecideJoinRequestForms requestId={r.id} cooperativeName={r.cooperative.name} />}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
