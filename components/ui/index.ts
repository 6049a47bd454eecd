// Rantai's UI kit. Import from "@/components/ui".
export { cn } from "./cn";
export { Button, ButtonLink, buttonClasses, type ButtonProps, type ButtonLinkProps, type ButtonVariant, type ButtonSize } from "./button";
export { SubmitButton, type SubmitButtonProps } from "./submit-button";
export { Input, Textarea, Select, Checkbox, type InputProps, type TextareaProps, type SelectProps, type SelectOption, type CheckboxProps, type FieldProps } from "./field";
export { Card, type CardProps } from "./card";
export { Badge, VerificationBadge, OrgTypeBadge, type BadgeProps, type BadgeTone } from "./badge";
export { Table, type TableProps } from "./table";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { Alert, type AlertProps, type AlertTone } from "./alert";
export { Stat, StatGrid, type StatProps } from "./stat";
export { PageHeader, type PageHeaderProps } from "./page-header";
export { Container } from "./container";
