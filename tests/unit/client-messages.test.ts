// The browser gets only the messages client components translate (lib/i18n/client-messages.ts, issue 14).
// This test reads the source: every "use client" module under app/, components/ and lib/, and every local
// module they import (a component without the directive is a client component when a client module imports
// it), finds each `useTranslations(...)` and what its translator is called with, and fails when a message it
// needs is not in CLIENT_MESSAGE_PATHS — the page would show the key instead of the text.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_PATHS, clientMessages, pickMessages } from "@/lib/i18n/client-messages";
import { MESSAGES } from "@/lib/i18n/messages";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "generated" && e.name !== "node_modules") sourceFiles(p, out);
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const isClientModule = (src: string) => /^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*["']use client["']/.test(src);

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** Every module in the client bundle: the "use client" modules and what they import, transitively. */
function clientModules(): string[] {
  const all = ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const queue = all.filter((f) => isClientModule(fs.readFileSync(f, "utf8")));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const src = fs.readFileSync(f, "utf8");
    for (const m of src.matchAll(/(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/g)) {
      const r = resolveImport(f, m[1]!);
      if (r) queue.push(r);
    }
  }
  return [...seen];
}

/** The longest dotted prefix of a key written as a string or template literal ("fields.${x}.label" → "fields"). */
function literalPrefix(arg: string): string | null {
  const m = /^\s*(["'`])([^"'`]*)/.exec(arg);
  if (!m) return null; // not a literal: the whole namespace may be read
  const text = m[1] === "`" ? m[2]!.split("${")[0]! : m[2]!;
  const complete = m[1] === "`" && m[2]!.includes("${") ? text.split(".").slice(0, -1) : text.split(".");
  return complete.filter(Boolean).join(".");
}

interface Use {
  file: string;
  path: string;
}

/** The message paths one module needs: per translator, the keys it is called with, or all of its namespace. */
function messagePaths(file: string): Use[] {
  const src = fs.readFileSync(file, "utf8");
  const rel = path.relative(ROOT, file);
  const uses: Use[] = [];
  for (const m of src.matchAll(/\buseMessages\s*\(/g)) uses.push({ file: rel, path: `<useMessages at ${m.index}>` });
  for (const m of src.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useTranslations\s*\(([^)]*)\)/g)) {
    const [, name, arg] = m as unknown as [string, string, string];
    const ns = arg.trim() === "" ? "" : literalPrefix(arg);
    if (ns === null || /[`$]/.test(arg)) {
      uses.push({ file: rel, path: `<non-literal namespace ${arg}>` });
      continue;
    }
    const join = (key: string) => [ns, key].filter(Boolean).join(".");
    // Every mention of the translator after its declaration (up to the next translator of the same name): a
    // call with a literal key needs that key; anything else (a non-literal key, passing it on) needs all of it.
    const after = src.slice(m.index! + m[0].length);
    const redeclared = new RegExp(`(?:const|let)\\s+${name}\\s*=`).exec(after);
    const rest = redeclared ? after.slice(0, redeclared.index) : after;
    for (const call of rest.matchAll(new RegExp(`\\b${name}\\b(\\.(?:rich|markup|raw|has))?(\\s*\\()?`, "g"))) {
      if (!call[2]) {
        uses.push({ file: rel, path: ns || "<whole catalogue>" });
        continue;
      }
      const prefix = literalPrefix(rest.slice(call.index! + call[0].length));
      uses.push({ file: rel, path: prefix === null ? ns || "<whole catalogue>" : join(prefix) });
    }
    if (arg.trim() === "") uses.push({ file: rel, path: "<whole catalogue>" });
  }
  // A translator obtained without a binding (e.g. passed straight into a call) needs its namespace.
  for (const m of src.matchAll(/(?<!=\s*)\buseTranslations\s*\(\s*["']([^"']+)["']\s*\)/g)) {
    const before = src.slice(Math.max(0, m.index! - 40), m.index!);
    if (!/=\s*$/.test(before)) uses.push({ file: rel, path: m[1]! });
  }
  return uses;
}

const covered = (p: string) => CLIENT_MESSAGE_PATHS.some((c) => p === c || p.startsWith(`${c}.`));
const exists = (tree: unknown, p: string) =>
  p.split(".").reduce<unknown>((o, s) => (o && typeof o === "object" ? (o as Record<string, unknown>)[s] : undefined), tree) !== undefined;

describe("messages sent to the browser", () => {
  const modules = clientModules();
  const uses = modules.flatMap(messagePaths);

  it("finds the client components (the scan works)", () => {
    expect(modules.map((f) => path.relative(ROOT, f))).toEqual(
      expect.arrayContaining(["components/auth/sign-in-form.tsx", "app/error.tsx", "components/ui/badge.tsx"]),
    );
    expect(uses.map((u) => u.path)).toEqual(expect.arrayContaining(["auth.signIn.submit", "orgTypes"]));
  });

  it("covers every message a client component translates", () => {
    const missing = uses.filter((u) => !covered(u.path)).map((u) => `${u.file}: ${u.path}`);
    expect([...new Set(missing)], "add these paths to CLIENT_MESSAGE_PATHS (lib/i18n/client-messages.ts)").toEqual([]);
  });

  it("passes only paths that exist in both languages and are used", () => {
    for (const p of CLIENT_MESSAGE_PATHS) {
      expect(exists(MESSAGES.id, p), `${p} in id`).toBe(true);
      expect(exists(MESSAGES.en, p), `${p} in en`).toBe(true);
      expect(
        uses.some((u) => u.path === p || u.path.startsWith(`${p}.`) || p.startsWith(`${u.path}.`)),
        `${p} is used by a client component`,
      ).toBe(true);
    }
  });

  it("is a small part of the catalogue", () => {
    for (const locale of ["id", "en"] as const) {
      const all = JSON.stringify(MESSAGES[locale]).length;
      const sent = JSON.stringify(clientMessages(locale)).length;
      // 59 KB of 195 KB (id) when written; every page carried all of it before.
      expect(sent).toBeLessThan(all * 0.35);
    }
  });

  it("picks subtrees in the catalogue's shape", () => {
    const tree = { a: { b: { c: "1", d: "2" }, e: "3" }, f: "4" };
    expect(pickMessages(tree, ["a.b.c", "f", "x.y"])).toEqual({ a: { b: { c: "1" } }, f: "4" });
  });
});
