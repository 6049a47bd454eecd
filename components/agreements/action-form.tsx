"use client";
// A small form that posts to one server action: hidden ids (agreement id, the version the user read),
// optional labelled fields, one or more submit buttons (a button may carry name/value, e.g. accept or
// reject). Field errors come back translated and show under their fields; a conflict (someone changed the
// agreement meanwhile) shows the message with a reload button. On success the page's data is refreshed.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Button, Checkbox, Input, Select, Textarea, type ButtonVariant } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";

export interface FieldSpec {
  name: string;
  label: string;
  type: "text" | "number" | "date" | "textarea" | "select" | "checkbox";
  options?: { value: string; label: string }[];
  placeholder?: string;
  description?: string;
  optional?: boolean;
  /** A text field's initial value; a checkbox starts ticked when this is "on". */
  defaultValue?: string;
  inputMode?: "numeric" | "text";
}

export interface ButtonSpec {
  label: string;
  name?: string;
  value?: string;
  variant?: ButtonVariant;
}

type Result = (ActionResult<unknown> & { currentVersion?: number }) | null;

export interface ActionFormProps {
  action: (state: Result, form: FormData) => Promise<Result>;
  hidden: Record<string, string | number>;
  fields?: FieldSpec[];
  buttons: ButtonSpec[];
  /** Shown after success (role=status). */
  successMessage?: string;
  /** Text above the fields. */
  intro?: string;
  className?: string;
  /** Accessible name of the form. */
  label: string;
}

export function ActionForm({ action, hidden, fields = [], buttons, successMessage, intro, className, label }: ActionFormProps) {
  const t = useTranslations("agreements.form");
  const tc = useTranslations("common");
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<Result, FormData>(action, null);
  // The success message shows while the last submission succeeded.
  const done = state?.ok === true;
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const fieldErrors = state && !state.ok ? (state.error.fields ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      formRef.current?.reset();
      router.refresh();
    } else {
      errorRef.current?.focus();
    }
  }, [state, router]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const fd = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(fd));
  }

  const shownFields = new Set(fields.map((f) => f.name));
  const otherErrors = Object.entries(fieldErrors)
    .filter(([k]) => !shownFields.has(k) && k !== "version")
    .flatMap(([, v]) => v);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={label} className={className ?? "flex flex-col gap-4"}>
      {intro && <p className="text-sm text-muted">{intro}</p>}
      {state && !state.ok && (
        <div ref={errorRef} tabIndex={-1}>
          <Alert
            tone="danger"
            actions={
              state.error.code === "conflict" && state.currentVersion ? (
                <Button size="sm" variant="outline" onClick={() => window.location.reload()}>
                  {t("reload")}
                </Button>
              ) : undefined
            }
          >
            {state.error.message}
            {otherErrors.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {otherErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      {done && successMessage && (
        <div role="status">
          <Alert tone="success">{successMessage}</Alert>
        </div>
      )}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {fields.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((f) => {
            const common = {
              name: f.name,
              label: f.label,
              description: f.description,
              optional: f.optional,
              error: fieldErrors[f.name],
              defaultValue: f.defaultValue,
            };
            if (f.type === "checkbox")
              return (
                <Checkbox
                  key={f.name}
                  name={f.name}
                  label={f.label}
                  description={f.description}
                  error={fieldErrors[f.name]}
                  defaultChecked={f.defaultValue === "on"}
                  className="sm:col-span-2"
                />
              );
            if (f.type === "textarea") return <Textarea key={f.name} {...common} rows={3} className="sm:col-span-2" />;
            if (f.type === "select") return <Select key={f.name} {...common} options={f.options} placeholder={f.placeholder} />;
            return (
              <Input
                key={f.name}
                {...common}
                type={f.type === "number" ? "text" : f.type}
                inputMode={f.type === "number" ? "numeric" : f.inputMode}
              />
            );
          })}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {buttons.map((b) => (
          <Button
            key={`${b.name}-${b.value}-${b.label}`}
            type="submit"
            name={b.name}
            value={b.value}
            variant={b.variant ?? "primary"}
            disabled={pending}
            aria-disabled={pending || undefined}
          >
            {pending ? tc("saving") : b.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
