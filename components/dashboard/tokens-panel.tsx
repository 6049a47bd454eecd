"use client";
// The signed-in user's API tokens: create one with a name, an expiry (1–365 days, 90 preselected: every token
// expires) and a scope (read only, preselected, or read and write); the secret is shown once, with a copy
// button and a warning. The list shows name, scope, prefix, created, last used and expiry; revoke with a
// confirmation step. Only this signed-in session makes tokens: a bearer token cannot (issue 11).
// Both actions check the user in lib/ and only ever touch the user's own tokens.
import { useActionState, useState, useTransition } from "react";
import { useLocale, useTimeZone, useTranslations } from "@/lib/i18n/client";
import { Alert, Badge, Button, Card, EmptyState, Input, Select, SubmitButton, ResponsiveTable } from "@/components/ui";
import { formattersFor } from "@/lib/i18n/format";
import { createToken, revokeToken } from "@/lib/auth/actions";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  source: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  scope: "read" | "read write";
}

type CreateState = Awaited<ReturnType<typeof createToken>> | null;

export function TokensPanel({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations("tokens");
  const tc = useTranslations("common");
  const f = formattersFor(useLocale(), useTimeZone());
  const [revealed, setRevealed] = useState<{ id: string; name: string; token: string } | null>(null);
  const [state, dispatch] = useActionState<CreateState, FormData>(async (prev, fd) => {
    const res = await createToken(prev, fd);
    if (res.ok) setRevealed({ id: res.data.id, name: res.data.name, token: res.data.token });
    return res;
  }, null);
  const nameError = state && !state.ok ? state.error.fields?.name : undefined;
  const expiryError = state && !state.ok ? state.error.fields?.expiresInDays : undefined;
  const scopeError = state && !state.ok ? state.error.fields?.scope : undefined;
  const fieldError = nameError ?? expiryError ?? scopeError;

  return (
    <Card title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-5">
        {revealed && <RevealedToken name={revealed.name} token={revealed.token} onDone={() => setRevealed(null)} />}

        <form
          action={dispatch}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-start"
        >
          <Input label={t("name")} description={t("nameHint")} name="name" required maxLength={80} error={nameError} />
          <Select
            label={t("expiresInDays")}
            description={t("expiresInDaysHint")}
            name="expiresInDays"
            defaultValue="90"
            required
            error={expiryError}
            options={[30, 90, 180, 365].map((d) => ({ value: String(d), label: t("days", { count: d }) }))}
          />
          <Select
            label={t("scope.label")}
            description={t("scope.hint")}
            name="scope"
            defaultValue="read"
            required
            error={scopeError}
            options={[
              { value: "read", label: t("scope.read") },
              { value: "read write", label: t("scope.readWrite") },
            ]}
          />
          <SubmitButton className="lg:mt-7" pendingLabel={t("creating")}>
            {t("create")}
          </SubmitButton>
          {state && !state.ok && !fieldError && (
            <div className="sm:col-span-2 lg:col-span-4">
              <Alert tone="danger">{state.error.message}</Alert>
            </div>
          )}
        </form>

        {tokens.length === 0 ? (
          <EmptyState title={t("empty.title")} description={t("empty.body")} />
        ) : (
          <ResponsiveTable caption={t("listCaption")} minWidthClassName="sm:min-w-[50rem]">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("scope.label")}</th>
                <th scope="col">{t("prefix")}</th>
                <th scope="col">{t("createdAt")}</th>
                <th scope="col">{t("lastUsed")}</th>
                <th scope="col">{t("expires")}</th>
                <th scope="col">
                  <span className="sr-only">{tc("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <th scope="row" className="text-ink">
                    {tok.name}
                    {tok.source === "api" && (
                      <Badge className="ml-2" tone="neutral">
                        {t("source.api")}
                      </Badge>
                    )}
                  </th>
                  <td data-label={t("scope.label")}>{tok.scope === "read" ? t("scope.read") : t("scope.readWrite")}</td>
                  <td data-label={t("prefix")}>
                    <code className="rounded bg-paper px-1.5 py-0.5 font-mono text-xs">{tok.prefix}…</code>
                  </td>
                  <td data-label={t("createdAt")} className="whitespace-nowrap">
                    {f.date(tok.createdAt)}
                  </td>
                  <td data-label={t("lastUsed")}>{tok.lastUsedAt ? f.dateTime(tok.lastUsedAt) : t("never")}</td>
                  <td data-label={t("expires")} className="whitespace-nowrap">
                    {tok.expiresAt <= new Date() ? t("expired") : f.date(tok.expiresAt)}
                  </td>
                  <td className="sm:text-right">
                    <RevokeButton id={tok.id} name={tok.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </div>
    </Card>
  );
}

function RevealedToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const t = useTranslations("tokens");
  const tc = useTranslations("common");
  const [copied, setCopied] = useState(false);
  const inputId = "new-api-token";
  return (
    <Alert
      tone="warning"
      title={t("createdTitle")}
      actions={
        <>
          <Button
            size="sm"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(token);
                setCopied(true);
              } catch {
                // No clipboard permission (or http): select the text so the user can copy it themselves.
                const el = document.getElementById(inputId) as HTMLTextAreaElement | null;
                el?.select();
              }
            }}
          >
            {copied ? tc("copied") : tc("copy")}
          </Button>
          <Button size="sm" variant="outline" onClick={onDone}>
            {t("copiedDone")}
          </Button>
        </>
      }
    >
      <p>{t("createdOnce")}</p>
      <label htmlFor={inputId} className="mt-2 block text-sm font-medium">
        {t("secretLabel", { name })}
      </label>
      {/* A textarea, not an input: the whole secret wraps and stays visible on a phone. */}
      <textarea
        id={inputId}
        readOnly
        rows={2}
        value={token}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-1 block w-full resize-none rounded-md border border-amber-300 bg-white px-2 py-2 font-mono text-sm break-all text-ink"
      />
      <span aria-live="polite" className="sr-only">
        {copied ? tc("copied") : ""}
      </span>
    </Alert>
  );
}

function RevokeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("tokens");
  const tc = useTranslations("common");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!confirming) {
    return (
      <Button
        size="sm"
        variant="ghost"
        className="text-red-800 hover:bg-red-50"
        onClick={() => setConfirming(true)}
        aria-label={t("revokeNamed", { name })}
      >
        {t("revoke")}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={t("revokeNamed", { name })} className="ml-auto flex max-w-72 flex-col items-end gap-2 text-left">
      <p className="text-sm whitespace-normal text-ink">{t("revokeConfirm", { name })}</p>
      <div className="flex gap-2">
        <Button size="sm" variant="outline" onClick={() => setConfirming(false)} disabled={pending}>
          {tc("cancel")}
        </Button>
        <Button
          size="sm"
          variant="danger"
          aria-disabled={pending || undefined}
          autoFocus
          onClick={() =>
            !pending &&
            startTransition(async () => {
              const res = await revokeToken({ tokenId: id });
              if (!res.ok) setError(res.error.message);
            })
          }
        >
          {t("revokeConfirmButton")}
        </Button>
      </div>
      {error && <p className="text-sm font-medium text-red-800">{error}</p>}
    </div>
  );
}
