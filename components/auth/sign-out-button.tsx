"use client";
// Signs out through next-auth's own endpoint (a CSRF-protected POST that clears the session cookie) and goes
// to the home page: the two requests next-auth/react's signOut() makes, without that library (its session
// polling and tab broadcast, about 9 KB gzipped, would load on every page for this one button: issue 14).
import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button, type ButtonProps } from "@/components/ui/button";
import { organizationRoutes } from "@/lib/organizations/routes";

const AUTH_API = "/api/auth";

async function signOut(callbackUrl: string): Promise<void> {
  const { csrfToken } = (await (await fetch(`${AUTH_API}/csrf`)).json()) as { csrfToken: string };
  const res = await fetch(`${AUTH_API}/signout`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  if (!res.ok) throw new Error(`sign-out answered ${res.status}`);
  const { url } = (await res.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

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
        signOut(organizationRoutes.home()).catch(() => setPending(false));
      }}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
        <path d="M3 4a2 2 0 0 1 2-2h5a1 1 0 1 1 0 2H5v12h5a1 1 0 1 1 0 2H5a2 2 0 0 1-2-2V4Zm10.3 1.3a1 1 0 0 1 1.4 0l4 4a1 1 0 0 1 0 1.4l-4 4a1 1 0 0 1-1.4-1.4l2.3-2.3H8a1 1 0 1 1 0-2h7.6l-2.3-2.3a1 1 0 0 1 0-1.4Z" />
      </svg>
      {t("label")}
    </Button>
  );
}
