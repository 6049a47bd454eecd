"use client";
// Flagship products (produk unggulan daerah) on /daerah/produk-unggulan: tag one (a KBLI code plus words), change
// it, remove it. Each posts to a lib/regions server action; errors come back translated, on their fields.
import { useActionState, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Input, SubmitButton, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { createFlagshipAction, deleteFlagshipAction, updateFlagshipAction } from "@/lib/regions/actions";

type Done = ActionResult<{ id: string }>;

export interface FlagshipFormValues {
  id?: string;
  name: string;
  kbliCode: string;
  keywords: string[];
}

export function FlagshipForm({ initial, onDone }: { initial?: FlagshipFormValues; onDone?: () => void }) {
  const t = useTranslations("regions.flagship");
  const editing = Boolean(initial?.id);
  const [state, formAction] = useActionState<Done | null, FormData>(async (prev, form) => {
    const r = editing ? await updateFlagshipAction(prev, form) : await createFlagshipAction(prev, form);
    if (r.ok) onDone?.();
    return r;
  }, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state?.ok && !editing && <Alert tone="success">{t("created")}</Alert>}
      {error && !error.fields && <Alert tone="danger">{error.message}</Alert>}
      {initial?.id && <input type="hidden" name="id" value={initial.id} />}
      <Input label={t("name")} name="name" required defaultValue={initial?.name} description={t("nameHint")} error={error?.fields?.name} />
      <Input
        label={t("kbliCode")}
        name="kbliCode"
        required
        inputMode="numeric"
        maxLength={5}
        defaultValue={initial?.kbliCode}
        description={t("kbliHint")}
        error={error?.fields?.kbliCode}
      />
      <Textarea
        label={t("keywords")}
        name="keywords"
        optional
        rows={2}
        defaultValue={initial?.keywords.join(", ")}
        description={t("keywordsHint")}
        error={error?.fields?.keywords ?? error?.fields?.["keywords.0"]}
      />
      <SubmitButton className="self-start" pendingLabel={t("saving")}>
        {editing ? t("save") : t("add")}
      </SubmitButton>
    </form>
  );
}

/** One tagged flagship product's edit and remove controls. */
export function FlagshipControls({ flagship }: { flagship: FlagshipFormValues & { id: string } }) {
  const t = useTranslations("regions.flagship");
  const [editing, setEditing] = useState(false);
  const [state, removeAction] = useActionState<Done | null, FormData>((prev, form) => deleteFlagshipAction(prev, form), null);
  const error = state && !state.ok ? state.error : null;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="outline" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          {editing ? t("cancel") : t("edit")}
        </Button>
        <form action={removeAction}>
          <input type="hidden" name="id" value={flagship.id} />
          <SubmitButton size="sm" variant="danger" pendingLabel={t("removing")}>
            {t("remove")}
          </SubmitButton>
        </form>
      </div>
      {error && <Alert tone="danger">{error.message}</Alert>}
      {editing && <FlagshipForm initial={flagship} onDone={() => setEditing(false)} />}
    </div>
  );
}
