"use client";
// The notification settings form (/notifikasi/pengaturan): one group per kind with "in the app" and "e-mail"
// boxes. Mandatory kinds show both boxes checked and disabled, with the reason. Works as a plain form post too
// (the boxes are native checkboxes; the action reads which ones were sent).
import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Checkbox, SubmitButton } from "@/components/ui";
import { saveNotificationPreferencesAction } from "@/lib/notifications/actions";
import type { NotificationKind } from "@/lib/notifications/kinds";

type State = Awaited<ReturnType<typeof saveNotificationPreferencesAction>> | null;

export interface PreferenceRow {
  kind: NotificationKind;
  mandatory: boolean;
  inApp: boolean;
  email: boolean;
}

export function PreferencesForm({ preferences }: { preferences: PreferenceRow[] }) {
  const t = useTranslations("notifications.preferences");
  const [state, dispatch] = useActionState<State, FormData>(saveNotificationPreferencesAction, null);
  // After a save, show what the server now holds (the boxes are uncontrolled: the key remounts them).
  const rows = state?.ok ? state.data.preferences : preferences;
  const version = state?.ok ? JSON.stringify(rows) : "initial";

  return (
    <form action={dispatch} className="flex flex-col gap-4" key={version}>
      <ul className="flex flex-col gap-3">
        {rows.map((p) => {
          const label = t(`kinds.${p.kind}.label`);
          return (
            <li key={p.kind} className="rounded-xl border border-stone-200 bg-white p-4">
              <fieldset className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start" data-testid={`preference-${p.kind}`}>
                <legend className="float-left font-semibold text-ink sm:col-span-2">{label}</legend>
                <div className="clear-left flex flex-col gap-1">
                  <p className="text-sm text-muted">{t(`kinds.${p.kind}.hint`)}</p>
                  {p.mandatory && <p className="text-sm font-medium text-brand-800">{t("mandatory")}</p>}
                </div>
                {!p.mandatory && <input type="hidden" name="kinds[]" value={p.kind} />}
                <div className="flex flex-wrap gap-x-6 gap-y-2">
                  <Checkbox name="inApp[]" value={p.kind} label={t("inApp")} defaultChecked={p.inApp} disabled={p.mandatory} />
                  <Checkbox name="email[]" value={p.kind} label={t("email")} defaultChecked={p.email} disabled={p.mandatory} />
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      {state && !state.ok && <Alert tone="danger">{state.error.message}</Alert>}
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {t("saved")}
        </p>
      )}
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
