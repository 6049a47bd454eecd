// lib/enums.ts must follow prisma/schema.prisma: every enum, every value, in schema order; and every value of
// every labelled enum has its label in both languages.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as enums from "@/lib/enums";
import { MESSAGES } from "@/lib/i18n/messages";
import { translate } from "@/lib/i18n/translate";

const schema = readFileSync("prisma/schema.prisma", "utf8");
const declared = [...schema.matchAll(/^enum (\w+) \{([^}]*)\}/gm)].map(([, name, body]) => ({
  name,
  values: body
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter(Boolean)
    .map((l) => l.split(/\s+/)[0]),
}));

describe("lib/enums.ts", () => {
  it("lists every enum of the schema with its values in schema order", () => {
    expect(declared.length).toBeGreaterThan(20);
    const lists = Object.values(enums).filter(Array.isArray) as unknown as string[][];
    for (const e of declared) {
      expect(lists, `enum ${e.name}`).toContainEqual(e.values);
    }
    expect(lists).toHaveLength(declared.length);
  });

  it("gives the ten PP 7/2021 schemes", () => {
    expect(enums.PARTNERSHIP_SCHEMES).toHaveLength(10);
    expect(enums.PARTNERSHIP_SCHEMES[0]).toBe("inti_plasma");
  });
});

describe("enum labels", () => {
  const lookup = (locale: "id" | "en", key: string): unknown =>
    key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
        MESSAGES[locale],
      );

  it("label every value of every labelled enum, in Bahasa Indonesia and in English", () => {
    const labelled = Object.entries(enums.ENUM_LABEL_KEYS);
    expect(labelled.length).toBeGreaterThanOrEqual(15);
    for (const [name, keys] of labelled) {
      const schemaValues = declared.find((e) => e.name === name)?.values;
      expect(schemaValues, `enum ${name} is in the schema`).toBeDefined();
      expect(Object.keys(keys).sort(), `enum ${name}`).toEqual([...schemaValues!].sort());
      for (const [value, key] of Object.entries(keys)) {
        for (const locale of ["id", "en"] as const) {
          const label = lookup(locale, key);
          expect(typeof label === "string" && label.trim().length > 0, `${name}.${value} → ${key} (${locale})`).toBe(true);
        }
      }
    }
  });

  it("give the key a whole-catalogue translator reads", () => {
    expect(translate("id", enums.enumLabelKey("PartnershipScheme", "inti_plasma"))).toBe("Inti-plasma");
    expect(translate("en", enums.enumLabelKey("RfqStatus", "awarded"))).toBe(lookup("en", "dashboard.rfqStatus.awarded"));
    expect(translate("id", enums.enumLabelKey("ApiTokenScope", "read_write"))).toBe("Baca dan ubah");
  });
});
