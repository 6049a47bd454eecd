import type { ReactNode } from "react";
import type { OrgType, VerificationStatus } from "@/lib/auth/types";
import { cn } from "./cn";
import { OrgTypeLabel, VerificationStatusLabel } from "./labels";

export type BadgeTone = "neutral" | "brand" | "info" | "success" | "warning" | "danger" | "accent";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-stone-100 text-stone-800 ring-stone-300",
  brand: "bg-brand-50 text-brand-800 ring-brand-200",
  info: "bg-sky-50 text-sky-900 ring-sky-200",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-900 ring-red-200",
  accent: "bg-accent-50 text-accent-800 ring-accent-200",
};

export interface BadgeProps {
  tone?: BadgeTone;
  className?: string;
  children: ReactNode;
}

/** A short status label. The text carries the meaning; colour only reinforces it. */
export function Badge({ tone = "neutral", className, children }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

const VERIFICATION_TONE: Record<VerificationStatus, BadgeTone> = {
  unverified: "neutral",
  pending: "info",
  verified: "success",
  returned: "warning",
};

/** "Terverifikasi" / "Menunggu verifikasi" / ... with a matching tone. */
export function VerificationBadge({ status, className }: { status: VerificationStatus; className?: string }) {
  return (
    <Badge tone={VERIFICATION_TONE[status]} className={className}>
      {status === "verified" && (
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5 fill-current">
          <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
        </svg>
      )}
      <VerificationStatusLabel status={status} />
    </Badge>
  );
}

/** "UMKM" / "Pembeli" / "Koperasi" / ... */
export function OrgTypeBadge({ type, className }: { type: OrgType; className?: string }) {
  return (
    <Badge tone={type === "umkm" ? "accent" : type === "buyer" ? "brand" : "neutral"} className={className}>
      <OrgTypeLabel type={type} />
    </Badge>
  );
}
