"use client";
// False in the server HTML and until React has hydrated the component, true afterwards. The sign-in and
// sign-up buttons stay disabled until then: a click before hydration would otherwise submit the form the
// browser's way (a reload that drops what was typed) instead of through signIn / the server action.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
