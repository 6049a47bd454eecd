// Rantai's UI kit. Import from "@/components/ui".
export { cn } from "./cn";
export { Button, ButtonLink, type ButtonVariant } from "./button";
export { SubmitButton } from "./submit-button";
export { Input, Textarea, Select, Checkbox } from "./field";
export { Card } from "./card";
export { Badge, VerificationBadge, OrgTypeBadge, type BadgeTone } from "./badge";
export { Table, ResponsiveTable } from "./table";
export { EmptyState } from "./empty-state";
export { Alert } from "./alert";
export { Stat, StatGrid } from "./stat";
export { PageHeader } from "./page-header";
export { Container } from "./container";
export { WhatsAppShareLink } from "./whatsapp-share";
