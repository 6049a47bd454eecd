"use client";
// Signs out through next-auth (clears the session cookie, CSRF-protected POST) and goes to the home page.
import { useState } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button, type ButtonProps } from "@/components/ui";
import { organizationRoutes } from "@/lib/organizations/routes";

export function SignOutButton({
  variant = "outline",
  size = "md",
  fullWidth = true,
  className,
}: Pick<ButtonProps, "variant" | "size" | "fullWidth" | "className">) {
  const t = useTranslations("auth.signOut");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size={size}
      fullWidth={fullWidth}
      className={className}
      aria-disabled={pending || undefined}
      onClick={() => {
        if (pending) return;
        setPending(true);
        signOut({ callbackUrl: organizationRoutes.home() }).catch(() => setPending(false));
      }}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
        <path d="M3 4a2 2 0 0 1 2-2h5a1 1 0 1 1 0 2H5v12h5a1 1 0 1 1 0 2H5a2 2 0 0 1-2-2V4Zm10.3 1.3a1 1 0 0 1 1.4 0l4 4a1 1 0 0 1 0 1.4l-4 4a1 1 0 0 1-1.4-1.4l2.3-2.3H8a1 1 0 1 1 0-2h7.6l-2.3-2.3a1 1 0 0 1 0-1.4Z" />
      </svg>
      {t("label")}
    </Button>
  );
}
