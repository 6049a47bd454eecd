// Buttons and button-styled links. Touch targets are at least 44 px high (size "md" and "lg").
import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "outline" | "ghost" | "danger" | "inverse";
export type ButtonSize = "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white shadow-sm hover:bg-brand-800 active:bg-brand-900",
  secondary: "bg-teal-700 text-white shadow-sm hover:bg-teal-800 active:bg-teal-900",
  outline: "border border-brand-300 bg-surface text-brand-800 hover:border-brand-500 hover:bg-brand-50",
  ghost: "text-brand-800 hover:bg-brand-50",
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800 active:bg-red-900",
  inverse: "bg-white text-brand-900 shadow-sm hover:bg-accent-50",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "min-h-9 px-3 text-sm gap-1.5",
  md: "min-h-11 px-4 text-base gap-2",
  lg: "min-h-12 px-6 text-lg gap-2",
};

export interface ButtonStyleProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
}

/** The classes of a button, for elements that are not <Button> / <ButtonLink>. */
function buttonClasses({ variant = "primary", size = "md", fullWidth = false }: ButtonStyleProps = {}, className?: string) {
  return cn(
    "inline-flex items-center justify-center rounded-lg font-semibold leading-tight transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    VARIANTS[variant],
    SIZES[size],
    fullWidth && "w-full",
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> & ButtonStyleProps;

/** A <button>. `type` defaults to "button": pass type="submit" in forms (or use <SubmitButton>). */
export function Button({ variant, size, fullWidth, className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, fullWidth }, className)} {...rest} />;
}

export type ButtonLinkProps = ComponentProps<typeof Link> & ButtonStyleProps;

/** A next/link styled as a button (navigation, not an action). */
export function ButtonLink({ variant, size, fullWidth, className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClasses({ variant, size, fullWidth }, className)} {...rest} />;
}
