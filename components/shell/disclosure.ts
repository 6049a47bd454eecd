"use client";
// Shared behaviour of the header's pop-up panels (mobile menu, user menu): close on Escape (focus returns
// to the button), on a click outside, and when the route changes.
import { useEffect, useRef, useState, type RefObject } from "react";
import { usePathname } from "next/navigation";

export function useDisclosure<B extends HTMLElement, P extends HTMLElement>(): {
  open: boolean;
  setOpen: (open: boolean) => void;
  toggle: () => void;
  buttonRef: RefObject<B | null>;
  panelRef: RefObject<P | null>;
} {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<B | null>(null);
  const panelRef = useRef<P | null>(null);
  const pathname = usePathname();
  const [lastPathname, setLastPathname] = useState(pathname);

  // Close when the route changes (adjusting state during render, as React recommends over an effect).
  if (pathname !== lastPathname) {
    setLastPathname(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    function onPointer(e: PointerEvent) {
      const target = e.target as Node;
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpen(false);
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return { open, setOpen, toggle: () => setOpen((o) => !o), buttonRef, panelRef };
}
