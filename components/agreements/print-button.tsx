"use client";
import { Button } from "@/components/ui";

/** Opens the browser's print dialog (the page's print stylesheet hides everything but the document). */
export function PrintButton({ label }: { label: string }) {
  return <Button onClick={() => window.print()}>{label}</Button>;
}
