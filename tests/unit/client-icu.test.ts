// Client components format their messages with icu-minify (next-intl's ahead-of-time ICU compiler: compiled on the
// server, a small runtime in the browser; lib/i18n/icu.ts) instead of next-intl's client provider (issue 14:
// JavaScript per page). Every message the browser receives (lib/i18n/client-messages.ts), in both languages,
// must come out exactly as next-intl formats it — with every plural branch exercised — so the swap changes no
// text a user reads.
import compile from "icu-minify/compile";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { clientMessages, compiledClientMessages } from "@/lib/i18n/client-messages";
import { formatCompiled, isCompiledMessage, type CompiledMessage, type CompiledTree } from "@/lib/i18n/icu";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

function compiledAt(tree: CompiledTree, path: string): CompiledMessage {
  let node: CompiledMessage | CompiledTree | undefined = tree;
  for (const key of path.split(".")) node = node && !isCompiledMessage(node) ? node[key] : undefined;
  if (!isCompiledMessage(node)) throw new Error(`no compiled message at ${path}`);
  return node;
}

/** Values for every argument of `message`: plural arguments take `n`, the others a recognisable text. */
function valuesFor(message: string, n: number): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const m of message.matchAll(/\{\s*(\w+)\s*(,\s*plural)?/g)) values[m[1]] = m[2] ? n : `«${m[1]}»`;
  return values;
}

describe("the client's messages", () => {
  for (const locale of ["id", "en"] as const) {
    it(`come out in ${locale} exactly as next-intl formats them`, () => {
      const messages = clientMessages(locale);
      const compiled = compiledClientMessages(locale);
      const t = createTranslator({ locale, messages, timeZone: "Asia/Jakarta" });
      const all = leaves(messages);
      expect(all.length).toBeGreaterThan(300);
      for (const [key, message] of all) {
        for (const n of [0, 1, 2, 5, 1234]) {
          const values = valuesFor(message, n);
          expect(formatCompiled(compiledAt(compiled, key), locale, values, "Asia/Jakarta"), `${key} with ${JSON.stringify(values)}`).toBe(
            t(key as never, values as never),
          );
        }
      }
    });
  }

  it("are plain data a server component may hand to a client component", () => {
    // React serializes only plain objects and arrays into the page: a null-prototype object (what the compiler
    // builds for plural branches) fails every page render.
    const odd: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return;
      const proto = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== Array.prototype) odd.push(path);
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    for (const locale of ["id", "en"] as const) walk(compiledClientMessages(locale), locale);
    expect(odd).toEqual([]);
  });

  it("formats plurals with the locale's digits and keeps escaped braces", () => {
    const items = compile("{n, plural, =0 {none} one {# item} other {# items}} for {who}");
    expect(formatCompiled(items, "en", { n: 1, who: "Ani" })).toBe("1 item for Ani");
    expect(formatCompiled(items, "en", { n: 0, who: "Ani" })).toBe("none for Ani");
    expect(formatCompiled(compile("{n, plural, other {# barang}}"), "id", { n: 12500 })).toBe("12.500 barang");
    expect(formatCompiled(compile("it''s '{literal}'"), "en", {})).toBe("it's {literal}");
  });

  it("refuses a message whose value is missing rather than showing a half sentence", () => {
    const compiled = compiledClientMessages("en");
    const withArgument = leaves(clientMessages("en")).find(([, m]) => /\{\s*\w+\s*\}/.test(m));
    expect(withArgument).toBeDefined();
    expect(() => formatCompiled(compiledAt(compiled, withArgument![0]), "en", {})).toThrow();
  });
});
