"use client";
// A submit button that knows its form is being sent (React's useFormStatus): it shows `pendingLabel` and
// refuses a second click while the server action runs.
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

export interface SubmitButtonProps extends Omit<ButtonProps, "type"> {
  /** Shown while the form is being submitted, e.g. t("common.saving"). */
  pendingLabel?: React.ReactNode;
}

export function SubmitButton({ children, pendingLabel, disabled, onClick, ...rest }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      aria-disabled={pending || disabled || undefined}
      disabled={disabled}
      onClick={(e) => {
        if (pending) e.preventDefault();
        else onClick?.(e);
      }}
      {...rest}
    >
      {pending && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
