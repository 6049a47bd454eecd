// Issue 11, proof: a hostile-input sweep over every server action. The list of actions is generated from
// the source — every exported function of every module whose first statement is "use server" under app/,
// lib/ and components/ — so a new action is covered without touching this file. Each is called, in the
// shapes a form can call it ((FormData), (previousState, FormData), (boundArg, previousState, FormData)), by
// an anonymous visitor and by a signed-in user of every organization type, with:
//   dangerous field names (`__proto__.x`, `constructor.prototype.x`, `prototype`, …), 1 MB values, files
//   where text is expected, repeated names (arrays), contradicting names. (Not an empty form: for some
//   actions that is a legitimate request, e.g. saving a profile step with nothing changed.)
// Expected: never an unhandled exception or an "internal" result (what would be a 5xx), Object.prototype
// untouched, and nothing in the database changed (every table's row count and content hash compared).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});
// Outside a Next.js request, refresh()/revalidatePath() throw by design; in the app they re-render a page.
vi.mock("next/cache", async (importOriginal) => {
  const original = await importOriginal<typeof import("next/cache")>();
  const noop = () => {};
  return { ...original, refresh: noop, revalidatePath: noop, revalidateTag: noop, updateTag: noop };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createBuyer, createCooperative, createOrganization, createUmkm } from "@/tests/helpers/factories";

const t = useTestDatabase();
const ROOT = process.cwd();

/** Every module whose first statement is "use server" (the file-level directive makes every export an action). */
function useServerModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(rel);
      } else if (/\.(ts|tsx)$/.test(entry.name)) {
        const src = fs.readFileSync(path.join(ROOT, rel), "utf8");
        const firstStatement = src.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
        if (/^["']use server["']/.test(firstStatement)) out.push(rel);
      }
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(dir);
  return out.sort();
}

/** Inline "use server" (inside a function) would define actions this sweep cannot enumerate: there are none. */
function inlineUseServer(): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(rel);
      } else if (/\.(ts|tsx)$/.test(entry.name)) {
        const lines = fs.readFileSync(path.join(ROOT, rel), "utf8").split("\n");
        lines.forEach((line, i) => {
          if (/^\s+["']use server["'];?\s*$/.test(line)) hits.push(`${rel}:${i + 1}`);
        });
      }
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(dir);
  return hits;
}

const MB = "x".repeat(1024 * 1024);
const FIELD_NAMES = [
  "id",
  "rfqId",
  "agreementId",
  "supplierId",
  "organizationId",
  "tokenId",
  "attachmentId",
  "deliveryId",
  "milestoneId",
  "name",
  "title",
  "q",
  "email",
  "password",
  "description",
  "note",
  "reason",
  "question",
  "answer",
  "locale",
  "decision",
  "deadline",
  "amountIdr",
  "quantity",
  "file",
  "photos",
  "items",
  "organization.name",
  "organization.type",
];

const file = (bytes = 16) => new File([new Uint8Array(bytes)], "x.exe", { type: "application/x-msdownload" });

function form(fields: [string, string | File][]): FormData {
  const fd = new FormData();
  for (const [k, v] of fields) fd.append(k, v);
  return fd;
}

const PAYLOADS: Record<string, () => FormData> = {
  "__proto__.x": () =>
    form([
      ["__proto__.polluted", "yes"],
      ["__proto__.hasOwnProperty", "x"],
    ]),
  "constructor.prototype.x": () => form([["constructor.prototype.polluted", "yes"]]),
  "nested __proto__": () =>
    form([
      ["organization.__proto__.polluted", "yes"],
      ["items.0.__proto__.polluted", "yes"],
    ]),
  prototype: () =>
    form([
      ["prototype", "x"],
      ["prototype.polluted", "yes"],
    ]),
  "__proto__[]": () => form([["__proto__[]", "x"]]),
  "1 MB values": () => form(FIELD_NAMES.map((n) => [n, MB])),
  // PostgreSQL text cannot hold U+0000: refused as invalid input before anything reaches the database.
  "NUL characters": () => form(FIELD_NAMES.map((n) => [n, "Batik\u0000Sekar"])),
  "files for text": () => form(FIELD_NAMES.map((n) => [n, file()])),
  "arrays (repeated names)": () =>
    form(
      FIELD_NAMES.flatMap(
        (n) =>
          [
            [n, "a"],
            [n, "b"],
          ] as [string, string][],
      ),
    ),
  "a[] lists": () => form(FIELD_NAMES.map((n) => [`${n}[]`, "x"])),
  "contradicting names": () =>
    form([
      ["organization", "x"],
      ["organization.name", "y"],
    ]),
};

type Call = (...args: unknown[]) => unknown;

/** The shapes a form (or useActionState) calls an action with, from its declared parameters. */
function shapes(fn: Call, fd: FormData): unknown[][] {
  if (fn.length === 0) return [[]];
  if (fn.length === 1) return [[fd]];
  if (fn.length === 2) return [[null, fd], [fd]];
  return [["bound-argument", null, fd]];
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const originalHasOwn = Object.prototype.hasOwnProperty;

/** Next.js control flow (redirect(), notFound()) is an answer, not a failure. */
function isControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

async function snapshot(): Promise<Record<string, string>> {
  const tables = await t.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await t.sql.query<{ n: number; h: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
    );
    out[name] = `${row.n}:${row.h}`;
  }
  return out;
}

const modules = useServerModules();

describe("every server action under hostile form input (issue 11)", () => {
  const actors: { label: string; act: () => Promise<unknown> }[] = [{ label: "anonymous", act: async () => signOut() }];
  let before: Record<string, string> = {};
  const failures: string[] = [];
  let calls = 0;

  beforeAll(async () => {
    const umkm = await createUmkm(t.db);
    const buyer = await createBuyer(t.db);
    const coop = await createCooperative(t.db, { members: 1 });
    const bank = await createOrganization(t.db, "bank");
    const ministry = await createOrganization(t.db, "ministry");
    const platform = await createOrganization(t.db, "platform");
    for (const [label, o] of [
      ["umkm", umkm],
      ["buyer", buyer],
      ["cooperative", coop],
      ["bank", bank],
      ["ministry", ministry],
      ["platform", platform],
    ] as const) {
      actors.push({ label, act: () => actAs(o.owner, o.organization.id) });
    }
    before = await snapshot();
  }, 120_000);

  afterAll(() => signOut());

  it('finds the server action modules in the source (and no inline "use server" it could miss)', () => {
    expect(modules).toEqual(
      expect.arrayContaining([
        "lib/auth/actions.ts",
        "lib/cooperatives/actions.ts",
        "lib/suppliers/actions.ts",
        "lib/organizations/actions.ts",
      ]),
    );
    expect(modules.length).toBeGreaterThanOrEqual(10);
    expect(inlineUseServer()).toEqual([]);
  });

  it.each(modules)("%s: no internal error, no exception, prototype intact, nothing written", async (mod) => {
    const exports = (await import(/* @vite-ignore */ path.join(ROOT, mod))) as Record<string, unknown>;
    const actions = Object.entries(exports).filter(([, v]) => typeof v === "function") as [string, Call][];
    expect(actions.length, `${mod} exports no function`).toBeGreaterThan(0);

    for (const actor of actors) {
      await actor.act();
      for (const [name, fn] of actions) {
        for (const [payloadName, make] of Object.entries(PAYLOADS)) {
          for (const args of shapes(fn, make())) {
            calls += 1;
            const where = `${mod} ${name}(${args.length} args) as ${actor.label} with ${payloadName}`;
            try {
              const res = (await fn(...args)) as { ok?: boolean; error?: { code?: string } } | undefined;
              if (res && res.ok === false && res.error?.code === "internal") failures.push(`${where}: internal error`);
            } catch (err) {
              if (!isControlFlow(err))
                failures.push(`${where}: threw ${err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err)}`);
            }
            if (
              Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTO_NAMES.join() ||
              Object.prototype.hasOwnProperty !== originalHasOwn
            ) {
              failures.push(`${where}: polluted Object.prototype`);
              for (const n of Object.getOwnPropertyNames(Object.prototype))
                if (!PROTO_NAMES.includes(n)) delete (Object.prototype as Record<string, unknown>)[n];
              Object.prototype.hasOwnProperty = originalHasOwn;
            }
          }
        }
      }
    }
    signOut();
    expect(failures).toEqual([]);
    const after = await snapshot();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed, `tables changed by hostile input to ${mod}`).toEqual([]);
  });

  it("made a real number of calls", () => {
    expect(calls).toBeGreaterThan(modules.length * 7 * Object.keys(PAYLOADS).length);
  });
});
