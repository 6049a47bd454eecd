"use client";
// The product form (/produk/baru and /produk/[id]/ubah): posts to the server action, which validates with the
// same schema as the API; field errors come back translated and are shown under each field. Photos are
// checked and resized on the server. On success: back to /produk.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { ACTION_BODY_LIMIT_LABEL, actionBodyTooLarge, withActionBodyLimit } from "@/lib/files/limits";
import Link from "next/link";
import { Alert, Button, Checkbox, Input, Select, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/auth/action-wrapper";
import { createProductAction, updateProductAction } from "@/lib/products/actions";
import { productRoutes } from "@/lib/products/routes";
import { supplierRoutes } from "@/lib/suppliers/routes";

export interface ProductFormValues {
  id?: string;
  name: string;
  description: string;
  kbli: string;
  unit: string;
  priceMinIdr: string;
  priceMaxIdr: string;
  moq: string;
  monthlyCapacity: string;
  leadTimeDays: string;
  images: { id: string; thumbnailUrl: string }[];
}

const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp";

/** A KBLI the product may have: the supplier profile's codes (and, when editing, the product's own). */
export interface ProductKbliOption {
  code: string;
  title: string;
}

export function ProductForm({ initial, kbliOptions }: { initial?: ProductFormValues; kbliOptions: ProductKbliOption[] }) {
  const t = useTranslations("products");
  const tc = useTranslations("common");
  const tUploads = useTranslations("uploads");
  const router = useRouter();
  const action = initial?.id ? updateProductAction : createProductAction;
  const [state, dispatch, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(
    // Photos over the server action body limit would never reach the action: say so here (issue 11).
    withActionBodyLimit(action, () => actionBodyTooLarge(tUploads("sendTooLarge", { limit: ACTION_BODY_LIMIT_LABEL }), "photos")),
    null,
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      router.push(productRoutes.list({ saved: state.data.id }));
      router.refresh();
    } else summaryRef.current?.focus();
  }, [state, router]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault(); // keep the typed values when the server answers with errors
    if (pending) return;
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" encType="multipart/form-data">
      {state && !state.ok && (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="danger" title={t("errors.summary")}>
            {state.error.fields ? null : state.error.message}
          </Alert>
        </div>
      )}
      {initial?.id && <input type="hidden" name="id" value={initial.id} />}
      <Input name="name" label={t("fields.name")} defaultValue={initial?.name} required maxLength={160} error={fields.name} />
      <Textarea
        name="description"
        label={t("fields.description")}
        description={t("fields.descriptionHint")}
        optional
        defaultValue={initial?.description}
        rows={4}
        error={fields.description}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        {kbliOptions.length > 0 ? (
          <Select
            name="kbli"
            label={t("fields.kbli")}
            description={t("fields.kbliHint")}
            placeholder={kbliOptions.length > 1 ? t("fields.kbliChoose") : undefined}
            options={kbliOptions.map((o) => ({ value: o.code, label: `${o.code} · ${o.title}` }))}
            defaultValue={initial?.kbli ?? (kbliOptions.length === 1 ? kbliOptions[0].code : "")}
            required
            error={fields.kbli}
          />
        ) : (
          <Alert tone="warning" title={t("fields.kbli")}>
            {t("fields.kbliNone")}{" "}
            <Link href={supplierRoutes.step("bidang")} className="font-medium underline">
              {t("fields.kbliAddLink")}
            </Link>
          </Alert>
        )}
        <Input
          name="unit"
          label={t("fields.unit")}
          description={t("fields.unitHint")}
          defaultValue={initial?.unit}
          required
          maxLength={30}
          error={fields.unit}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Input
          name="priceMinIdr"
          label={t("fields.priceMin")}
          description={t("fields.priceHint")}
          inputMode="numeric"
          defaultValue={initial?.priceMinIdr}
          required
          error={fields.priceMinIdr}
        />
        <Input
          name="priceMaxIdr"
          label={t("fields.priceMax")}
          inputMode="numeric"
          defaultValue={initial?.priceMaxIdr}
          required
          error={fields.priceMaxIdr}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <Input name="moq" label={t("fields.moq")} optional inputMode="numeric" defaultValue={initial?.moq} error={fields.moq} />
        <Input
          name="monthlyCapacity"
          label={t("fields.monthlyCapacity")}
          optional
          inputMode="numeric"
          defaultValue={initial?.monthlyCapacity}
          error={fields.monthlyCapacity}
        />
        <Input
          name="leadTimeDays"
          label={t("fields.leadTimeDays")}
          optional
          inputMode="numeric"
          defaultValue={initial?.leadTimeDays}
          error={fields.leadTimeDays}
        />
      </div>
      {initial?.images.length ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium text-ink">{t("fields.currentPhotos")}</legend>
          <ul className="flex flex-wrap gap-3">
            {initial.images.map((img) => (
              <li key={img.id} className="flex flex-col items-start gap-1">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={img.thumbnailUrl}
                  alt={t("photoAlt", { name: initial.name })}
                  width={96}
                  height={96}
                  className="size-24 rounded-lg border border-stone-300 object-cover"
                />
                <Checkbox name="removeImageIds[]" value={img.id} label={t("fields.removePhoto")} />
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <Input
        type="file"
        name="photos"
        label={t("fields.photos")}
        description={t("fields.photosHint")}
        optional
        accept={PHOTO_ACCEPT}
        multiple
        error={fields.photos}
        className="py-2"
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending || undefined}>
          {pending ? tc("saving") : tc("save")}
        </Button>
        <Button variant="outline" onClick={() => router.push(productRoutes.list())}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
