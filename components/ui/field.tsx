// Form controls with a visible label, an optional description and error messages, wired for assistive
// technology: the control gets aria-describedby (description + error) and aria-invalid when there is an
// error. Labels and messages arrive translated (errors from ActionResult.error.fields are already text).
// Usable from server and client components.
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";
import { OptionalMark } from "./labels";

export interface FieldProps {
  /** Visible label (required: every control needs a name). */
  label: ReactNode;
  /** Help text under the label, e.g. a format hint. */
  description?: ReactNode;
  /** Error message(s) for this field; none means valid. */
  error?: string | string[] | null;
  /** Marks the field "(opsional)" / "(optional)" after the label. */
  optional?: boolean;
  /** Hide the label visually (still read by screen readers), e.g. for a search box with a button. */
  hideLabel?: boolean;
  className?: string;
}

function errorList(error: FieldProps["error"]): string[] {
  if (!error) return [];
  return (Array.isArray(error) ? error : [error]).filter(Boolean);
}

const controlBase =
  "block w-full rounded-lg border bg-surface px-3 text-base text-ink shadow-sm transition-colors placeholder:text-stone-500 " +
  "focus:border-brand-500 focus:outline-none focus:ring-3 focus:ring-brand-200 disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-600";

function controlClasses(invalid: boolean, extra?: string) {
  return cn(controlBase, invalid ? "border-red-700 focus:border-red-700 focus:ring-red-200" : "border-stone-400", extra);
}

interface FieldFrame {
  controlId: string;
  describedBy: string | undefined;
  invalid: boolean;
}

function useFieldFrame(
  id: string | undefined,
  props: FieldProps,
): FieldFrame & { descriptionId: string; errorId: string; errors: string[] } {
  const generated = useId();
  const controlId = id ?? `f${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const errors = errorList(props.error);
  const describedBy = [props.description ? descriptionId : null, errors.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { controlId, describedBy, invalid: errors.length > 0, descriptionId, errorId, errors };
}

function FieldLabel({
  htmlFor,
  label,
  optional,
  hideLabel,
}: {
  htmlFor: string;
  label: ReactNode;
  optional?: boolean;
  hideLabel?: boolean;
}) {
  return (
    <label htmlFor={htmlFor} className={cn("block font-medium text-ink", hideLabel && "sr-only")}>
      {label}
      {optional && <OptionalMark />}
    </label>
  );
}

function FieldMessages({
  descriptionId,
  description,
  errorId,
  errors,
}: {
  descriptionId: string;
  description?: ReactNode;
  errorId: string;
  errors: string[];
}) {
  return (
    <>
      {description && (
        <p id={descriptionId} className="text-sm text-muted">
          {description}
        </p>
      )}
      {errors.length > 0 && (
        <div id={errorId} className="flex flex-col gap-0.5 text-sm font-medium text-red-800">
          {errors.map((e) => (
            <p key={e} className="flex items-start gap-1.5">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-current">
                <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5H9.1V6Zm0 6.5h1.8v1.8H9.1v-1.8Z" />
              </svg>
              {e}
            </p>
          ))}
        </div>
      )}
    </>
  );
}

export type InputProps = Omit<ComponentProps<"input">, "size"> & FieldProps;

/** A labelled text input (any `type` except checkbox/radio: use <Checkbox>). */
export function Input({ label, description, error, optional, hideLabel, className, id, ...rest }: InputProps) {
  const f = useFieldFrame(id, { label, description, error });
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <FieldLabel htmlFor={f.controlId} label={label} optional={optional} hideLabel={hideLabel} />
      <input
        id={f.controlId}
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid || undefined}
        className={controlClasses(f.invalid, "min-h-11 py-2")}
        {...rest}
      />
      <FieldMessages descriptionId={f.descriptionId} description={description} errorId={f.errorId} errors={f.errors} />
    </div>
  );
}

export type TextareaProps = ComponentProps<"textarea"> & FieldProps;

export function Textarea({ label, description, error, optional, hideLabel, className, id, rows = 4, ...rest }: TextareaProps) {
  const f = useFieldFrame(id, { label, description, error });
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <FieldLabel htmlFor={f.controlId} label={label} optional={optional} hideLabel={hideLabel} />
      <textarea
        id={f.controlId}
        rows={rows}
        aria-describedby={f.describedBy}
        aria-invalid={f.invalid || undefined}
        className={controlClasses(f.invalid, "py-2")}
        {...rest}
      />
      <FieldMessages descriptionId={f.descriptionId} description={description} errorId={f.errorId} errors={f.errors} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectProps = ComponentProps<"select"> &
  FieldProps & {
    /** Options; alternatively pass <option>/<optgroup> children. */
    options?: SelectOption[];
    /** A first, empty choice such as "Pilih provinsi" (value ""). */
    placeholder?: string;
  };

export function Select({
  label,
  description,
  error,
  optional,
  hideLabel,
  className,
  id,
  options,
  placeholder,
  children,
  ...rest
}: SelectProps) {
  const f = useFieldFrame(id, { label, description, error });
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <FieldLabel htmlFor={f.controlId} label={label} optional={optional} hideLabel={hideLabel} />
      <div className="relative">
        <select
          id={f.controlId}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid || undefined}
          className={controlClasses(f.invalid, "min-h-11 appearance-none py-2 pr-10")}
          {...rest}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options?.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
          {children}
        </select>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 fill-muted"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </div>
      <FieldMessages descriptionId={f.descriptionId} description={description} errorId={f.errorId} errors={f.errors} />
    </div>
  );
}

export type CheckboxProps = Omit<ComponentProps<"input">, "type" | "size"> & Omit<FieldProps, "optional" | "hideLabel">;

/** A checkbox with its label to the right (the whole row is clickable). */
export function Checkbox({ label, description, error, className, id, ...rest }: CheckboxProps) {
  const f = useFieldFrame(id, { label, description, error });
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-start gap-3">
        <input
          id={f.controlId}
          type="checkbox"
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid || undefined}
          className="mt-0.5 size-5 shrink-0 rounded border-stone-400 accent-brand-700"
          {...rest}
        />
        <label htmlFor={f.controlId} className="text-ink">
          {label}
        </label>
      </div>
      <div className="pl-8">
        <FieldMessages descriptionId={f.descriptionId} description={description} errorId={f.errorId} errors={f.errors} />
      </div>
    </div>
  );
}
