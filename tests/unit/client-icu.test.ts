// Client components format their messages with lib/i18n/icu.ts instead of next-intl's ICU runtime (issue 14:
// JavaScript per page). Every message the browser receives (lib/i18n/client-messages.ts), in both languages,
// must come out exactly as next-intl formats it — with every plural branch exercised — so swapping the
// formatter changes no text a user reads; a message that needs ICU this formatter lacks fails here.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { clientMessages } from "@/lib/i18n/client-messages";
import { formatIcu } from "@/lib/i18n/icu";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

/** Values for every argument of `message`: plural arguments take `n`, the others a recognisable text. */
function valuesFor(message: string, n: number): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const m of message.matchAll(/\{\s*(\w+)\s*(,\s*plural)?/g)) values[m[1]] = m[2] ? n : `«${m[1]}»`;
  return values;
}

describe("the client's ICU formatter", () => {
  for (const locale of ["id", "en"] as const) {
    it(`formats every client message in ${locale} as next-intl does`, () => {
      const messages = clientMessages(locale);
      const t = createTranslator({ locale, messages });
      const all = leaves(messages);
      expect(all.length).toBeGreaterThan(300);
      for (const [key, message] of all) {
        for (const n of [0, 1, 2, 5, 1234]) {
          const values = valuesFor(message, n);
          expect(formatIcu(message, locale, values), `${key} with ${JSON.stringify(values)}`).toBe(t(key as never, values as never));
        }
      }
    });
  }

  it("handles the parts of ICU the messages use", () => {
    expect(formatIcu("{n, plural, =0 {none} one {# item} other {# items}} for {who}", "en", { n: 1, who: "Ani" })).toBe("1 item for Ani");
    expect(formatIcu("{n, plural, =0 {none} one {# item} other {# items}}", "en", { n: 0 })).toBe("none");
    expect(formatIcu("{n, plural, other {# barang}}", "id", { n: 12500 })).toBe("12.500 barang");
    expect(formatIcu("it''s '{literal}' #", "en")).toBe("it's {literal} #");
  });

  it("refuses what it cannot format rather than showing something wrong", () => {
    expect(() => formatIcu("{kind, select, a {A} other {B}}", "en", { kind: "a" })).toThrow(/unsupported/);
    expect(() => formatIcu("hello {name}", "en", {})).toThrow(/name/);
    expect(() => formatIcu("{n, plural, one {x}}", "en", { n: 1 })).toThrow(/other/);
  });
});
