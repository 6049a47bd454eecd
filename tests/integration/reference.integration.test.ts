// KBLI 2020 search and regions from the real reference data (loaded into every test database).
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { listProvinces, listRegencies, searchKbli } from "@/lib/reference/service";

useTestDatabase();

describe("searchKbli", () => {
  it("finds 5-digit codes by code prefix, in order", async () => {
    const hits = await searchKbli("1313", { limit: 50 });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => h.code.startsWith("1313") && h.level === 5)).toBe(true);
    expect(hits.map((h) => h.code)).toEqual([...hits.map((h) => h.code)].sort());
    expect((await searchKbli("13134"))[0]).toMatchObject({ code: "13134", level: 5 });
  });

  it("finds codes by Indonesian words in titles or descriptions", async () => {
    const hits = await searchKbli("batik");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.code)).toContain("13134");
    const roti = await searchKbli("industri roti");
    expect(roti.length).toBeGreaterThan(0);
    expect(roti[0].titleId.toLowerCase()).toContain("roti");
  });

  it("tolerates a typo", async () => {
    const hits = await searchKbli("industri rotti");
    expect(hits.some((h) => h.titleId.toLowerCase().includes("roti"))).toBe(true);
  });

  it("treats LIKE wildcards as text and caps the limit", async () => {
    expect(await searchKbli("%")).toEqual([]);
    expect(await searchKbli("")).toEqual([]);
    expect((await searchKbli("1", { limit: 500 })).length).toBeLessThanOrEqual(50);
  });
});

describe("regions", () => {
  it("lists 38 provinces and a province's regencies", async () => {
    const provinces = await listProvinces();
    expect(provinces).toHaveLength(38);
    const jateng = await listRegencies("33");
    expect(jateng.map((r) => r.code)).toContain("33.75");
    expect(jateng.find((r) => r.code === "33.75")).toMatchObject({ name: expect.stringMatching(/Pekalongan/), type: "kota" });
    expect(await listRegencies("99")).toEqual([]);
  });
});
