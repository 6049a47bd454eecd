"use client";
// The bell's live part: the link to /notifikasi with the unread count, kept current while the page is open.
//
// - The server renders it with the count of that request (components/notifications/bell.tsx), so without
//   JavaScript the link and its count still work; after the server renders again (a server action that marks
//   notifications read revalidates the layout) the new count replaces the old at once.
// - In the browser it asks GET /api/v1/notifications/unread-count (one indexed count, the session's own user)
//   every `pollMs` while the tab is visible, not at all while it is hidden, and at once when the tab becomes
//   visible again or the window gets focus. It sends the user the page was rendered for: if the browser has
//   since signed in as someone else (403) or out (401), it stops and keeps what the server rendered.
// - A change is announced politely to screen readers ("3 notifikasi belum dibaca") through a live region that
//   exists from the first render (a region inserted together with its text is not announced).
import Link from "next/link";
import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState } from "react";
import { notificationRoutes } from "@/lib/notifications/routes";

const UNREAD_COUNT_ENDPOINT = "/api/v1/notifications/unread-count";
const DEFAULT_POLL_MS = 30_000;

export function LiveNotificationBell({
  initialCount,
  userId,
  pollMs = DEFAULT_POLL_MS,
}: {
  initialCount: number;
  userId: string;
  pollMs?: number;
}) {
  const t = useTranslations("notifications.bell");
  const [count, setCount] = useState(initialCount);
  const [announcement, setAnnouncement] = useState("");

  // A new server render brings a new initial count: it wins over what the last poll said.
  const [rendered, setRendered] = useState(initialCount);
  if (initialCount !== rendered) {
    setRendered(initialCount);
    setCount(initialCount);
    if (initialCount !== count) setAnnouncement(t("unread", { count: initialCount }));
  }

  // The poll's callback reads the latest count and translator without restarting the timers.
  const latest = useRef({ count, t });
  useEffect(() => {
    latest.current = { count, t };
  });

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const aborter = new AbortController();
    const url = `${UNREAD_COUNT_ENDPOINT}?userId=${encodeURIComponent(userId)}`;

    function stop() {
      stopped = true;
      clearInterval(timer);
      aborter.abort();
    }

    async function refresh() {
      if (stopped || inFlight || document.visibilityState === "hidden") return;
      inFlight = true;
      try {
        const res = await fetch(url, {
          cache: "no-store",
          credentials: "same-origin",
          headers: { accept: "application/json" },
          signal: aborter.signal,
        });
        if (res.status === 401 || res.status === 403) return stop(); // signed out, or now someone else: keep the rendered count
        if (!res.ok) return; // a hiccup (deploy, 5xx): try again next time
        const body: unknown = await res.json();
        const n = (body as { unreadCount?: unknown } | null)?.unreadCount;
        if (stopped || typeof n !== "number" || !Number.isInteger(n) || n < 0) return;
        if (n !== latest.current.count) {
          setCount(n);
          setAnnouncement(latest.current.t("unread", { count: n }));
        }
      } catch {
        // offline or aborted: the next tick tries again
      } finally {
        inFlight = false;
      }
    }

    function start() {
      clearInterval(timer);
      if (!stopped && document.visibilityState !== "hidden") timer = setInterval(refresh, pollMs);
    }

    function onVisibility() {
      if (document.visibilityState === "hidden") {
        clearInterval(timer);
      } else {
        void refresh();
        start();
      }
    }
    function onFocus() {
      void refresh();
    }

    start();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("focus", onFocus);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("focus", onFocus);
    };
  }, [userId, pollMs]);

  return (
    <>
      <Link
        href={notificationRoutes.list()}
        aria-label={t("label", { count })}
        data-testid="notification-bell"
        data-unread-count={count}
        className="relative inline-flex size-11 items-center justify-center rounded-lg text-ink hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <span
            aria-hidden="true"
            className="absolute top-1 right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-[0.7rem] leading-none font-bold text-white ring-2 ring-surface"
          >
            {count > 99 ? t("overflow") : count}
          </span>
        )}
      </Link>
      <span role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="notification-bell-status">
        {announcement}
      </span>
    </>
  );
}
