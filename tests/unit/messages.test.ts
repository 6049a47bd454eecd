// The two message catalogues must stay in step: same keys, no empty strings, the same ICU arguments, and
// every message must parse and render. Checked on the merged catalogues (messages/{id,en}.json plus every
// domain's messages/<domain>/{id,en}.json, see lib/i18n/messages.ts), which is what the app uses.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { MESSAGES } from "../../lib/i18n/messages";

const { id, en } = MESSAGES;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** ICU argument names: `{name}`, `{count, plural, ...}`. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1]))].sort();
}

const catalogues = { id: flatten(id as Tree), en: flatten(en as Tree) };

describe("message catalogues", () => {
  it("have the same keys in Bahasa Indonesia and English", () => {
    const idKeys = [...catalogues.id.keys()].sort();
    const enKeys = [...catalogues.en.keys()].sort();
    expect(
      idKeys.filter((k) => !catalogues.en.has(k)),
      "missing in en.json",
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !catalogues.id.has(k)),
      "missing in id.json",
    ).toEqual([]);
  });

  it("have no empty values", () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const empty = [...messages].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty, `empty in ${locale}.json`).toEqual([]);
    }
  });

  it("use the same ICU arguments in both languages", () => {
    const mismatched = [...catalogues.id]
      .filter(([key, value]) => argumentsOf(value).join() !== argumentsOf(catalogues.en.get(key) ?? "").join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("contain the namespaces other parts of the app rely on", () => {
    for (const ns of ["common", "nav", "landing", "auth", "errors", "dashboard", "orgTypes", "roles", "verification", "tokens", "about"]) {
      expect(Object.keys(id), ns).toContain(ns);
    }
    for (const key of [
      "auth.signIn.title",
      "auth.signIn.email",
      "auth.signIn.password",
      "auth.signIn.submit",
      "auth.signIn.errors.invalidCredentials",
      "auth.signIn.errors.rateLimited",
      "auth.signUp.name",
      "auth.signUp.organizationName",
      "auth.signUp.organizationType",
      "auth.signUp.organizationTypes.umkm",
      "auth.signUp.organizationTypes.buyer",
      "auth.signUp.organizationTypes.cooperative",
      "auth.signUp.submit",
      "auth.signUp.errors.emailTaken",
      "auth.signUp.errors.passwordTooShort",
      "errors.invalidInput",
      "errors.unauthorized",
      "errors.forbidden",
      "errors.notFound",
      "errors.conflict",
      "errors.rateLimited",
      "errors.generic",
      "errors.field.required",
    ]) {
      expect(catalogues.id.has(key), key).toBe(true);
    }
    expect(catalogues.id.get("auth.signIn.submit")).toBe("Masuk");
    expect(catalogues.id.get("auth.signUp.submit")).toBe("Daftar");
    expect(catalogues.id.get("auth.signIn.password")).toBe("Kata sandi");
  });

  it("parse and render every message", () => {
    for (const [locale, messages] of [
      ["id", id],
      ["en", en],
    ] as const) {
      const t = createTranslator({
        locale,
        messages: messages as Tree,
        onError: (error) => {
          throw error;
        },
      }) as unknown as (key: string, values?: Record<string, string | number | ((chunks: unknown[]) => string)>) => string;
      for (const [key, value] of catalogues[locale]) {
        // Rich-text tags (<supplier>…</supplier>, rendered with t.rich) get a function; arguments a value.
        const tags = [...value.matchAll(/<(\w+)>/g)].map((m) => m[1]);
        const values = {
          ...Object.fromEntries(argumentsOf(value).map((a) => [a, 1])),
          ...Object.fromEntries(tags.map((tag) => [tag, (chunks: unknown[]) => chunks.join("")])),
        };
        expect(() => t(key, values), `${locale}: ${key}`).not.toThrow();
      }
    }
  }, 60_000); // every message of both catalogues through the ICU parser: seconds on a busy machine
});
