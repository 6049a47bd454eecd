"use client";
// The cluster form (issue 12): create (/klaster/baru) or edit the settings (/klaster/[id]/kelola). Codes are typed
// as comma-separated lists; lib/clusters checks them against KBLI 2020, the regions and the sites, and a regional
// government's region. Field errors come back localized from the action.
import { useActionState, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Input, SubmitButton, Textarea } from "@/components/ui";
import { createClusterAction, updateClusterAction } from "@/lib/clusters/actions";

type State = Awaited<ReturnType<typeof updateClusterAction>> | null;

export interface ClusterFormValues {
  name: string;
  description: string;
  kbliSections: string;
  provinceCodes: string;
  regencyCodes: string;
  siteId: string;
}

export function ClusterForm({
  clusterId,
  initial,
  regionScope,
}: {
  clusterId?: string;
  initial?: ClusterFormValues;
  regionScope?: string | null;
}) {
  const t = useTranslations("clusters.form");
  const [state, dispatch] = useActionState<State, FormData>(clusterId ? updateClusterAction : createClusterAction, null);
  const [values] = useState<ClusterFormValues>(
    initial ?? { name: "", description: "", kbliSections: "", provinceCodes: "", regencyCodes: "", siteId: "" },
  );
  const error = state && !state.ok ? state.error : null;
  const f = error?.fields ?? {};
  return (
    <form action={dispatch} className="flex max-w-2xl flex-col gap-4" noValidate>
      {clusterId && <input type="hidden" name="clusterId" value={clusterId} />}
      {regionScope && <Alert tone="info">{t("regionScope", { region: regionScope })}</Alert>}
      <Input label={t("name")} name="name" defaultValue={values.name} maxLength={160} required error={f.name} />
      <Textarea
        label={t("description")}
        name="description"
        defaultValue={values.description}
        maxLength={4000}
        rows={4}
        error={f.description}
      />
      <Input
        label={t("kbliSections")}
        name="kbliSections"
        description={t("kbliHint")}
        defaultValue={values.kbliSections}
        error={f.kbliSections}
      />
      <Input
        label={t("provinceCodes")}
        name="provinceCodes"
        description={t("provinceHint")}
        defaultValue={values.provinceCodes}
        error={f.provinceCodes}
      />
      <Input
        label={t("regencyCodes")}
        name="regencyCodes"
        description={t("regencyHint")}
        defaultValue={values.regencyCodes}
        error={f.regencyCodes}
      />
      <Input label={t("siteId")} name="siteId" defaultValue={values.siteId} maxLength={64} error={f.siteId} />
      {error && <Alert tone="danger">{error.message}</Alert>}
      {state?.ok && <Alert tone="success">{t("saved")}</Alert>}
      <SubmitButton pendingLabel={t("saving")} className="self-start">
        {clusterId ? t("save") : t("submit")}
      </SubmitButton>
    </form>
  );
}
