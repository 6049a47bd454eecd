"use client";
// Archive / restore one product from the /produk list (server action; the service checks membership).
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui";
import { setProductArchivedAction } from "@/lib/products/actions";
import { productRoutes } from "@/lib/products/routes";

export function ArchiveButton({ id, archived, label }: { id: string; archived: boolean; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await setProductArchivedAction({ id, archived: !archived });
          router.replace(r.ok ? productRoutes.list(archived ? { restored: id } : { archived: id }) : productRoutes.list());
          router.refresh();
        })
      }
    >
      {label}
    </Button>
  );
}
