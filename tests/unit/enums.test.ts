// lib/enums.ts must follow prisma/schema.prisma: every enum, every value, in schema order.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as enums from "@/lib/enums";

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
