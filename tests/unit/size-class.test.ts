import { describe, expect, it } from "vitest";
import { deriveSizeClass, isUmkmClass, SIZE_CLASS_THRESHOLDS } from "@/lib/suppliers/size-class";

const M = 1_000_000_000n; // miliar

describe("deriveSizeClass — capital (PP 7/2021 Pasal 35, modal usaha excl. tanah & bangunan)", () => {
  const cases: [bigint, string][] = [
    [0n, "mikro"],
    [1n, "mikro"],
    [1n * M, "mikro"], // exactly Rp1.000.000.000
    [1n * M + 1n, "kecil"], // one Rupiah over
    [5n * M, "kecil"],
    [5n * M + 1n, "menengah"],
    [10n * M, "menengah"],
    [10n * M + 1n, "besar"],
    [1_000n * M, "besar"],
  ];
  it.each(cases)("capital %s → %s", (capitalIdr, sizeClass) => {
    expect(deriveSizeClass({ capitalIdr })).toEqual({ sizeClass, basis: "capital" });
    expect(deriveSizeClass({ capitalIdr, annualSalesIdr: null })).toEqual({ sizeClass, basis: "capital" });
  });
});

describe("deriveSizeClass — annual sales (hasil penjualan tahunan)", () => {
  const cases: [bigint, string][] = [
    [0n, "mikro"],
    [2n * M, "mikro"], // exactly Rp2.000.000.000
    [2n * M + 1n, "kecil"],
    [15n * M, "kecil"],
    [15n * M + 1n, "menengah"],
    [50n * M, "menengah"],
    [50n * M + 1n, "besar"],
  ];
  it.each(cases)("sales %s → %s", (annualSalesIdr, sizeClass) => {
    expect(deriveSizeClass({ annualSalesIdr })).toEqual({ sizeClass, basis: "annual_sales" });
  });
});

describe("deriveSizeClass — which test decides", () => {
  it("annual sales decide when reported, even when capital points elsewhere", () => {
    // capital says menengah, sales say mikro
    expect(deriveSizeClass({ capitalIdr: 8n * M, annualSalesIdr: 1n * M })).toEqual({ sizeClass: "mikro", basis: "annual_sales" });
    // capital says mikro, sales say besar
    expect(deriveSizeClass({ capitalIdr: 500_000_000n, annualSalesIdr: 60n * M })).toEqual({ sizeClass: "besar", basis: "annual_sales" });
  });

  it("capital decides when sales are not reported", () => {
    expect(deriveSizeClass({ capitalIdr: 3n * M, annualSalesIdr: undefined })).toEqual({ sizeClass: "kecil", basis: "capital" });
  });

  it("returns null when neither figure is reported", () => {
    expect(deriveSizeClass({})).toBeNull();
    expect(deriveSizeClass({ capitalIdr: null, annualSalesIdr: null })).toBeNull();
  });

  it("rejects negative amounts", () => {
    expect(() => deriveSizeClass({ capitalIdr: -1n })).toThrow(RangeError);
    expect(() => deriveSizeClass({ annualSalesIdr: -1n })).toThrow(RangeError);
  });

  it("handles amounts beyond Number.MAX_SAFE_INTEGER exactly", () => {
    const huge = BigInt(Number.MAX_SAFE_INTEGER) * 10n;
    expect(deriveSizeClass({ annualSalesIdr: huge })?.sizeClass).toBe("besar");
  });
});

describe("thresholds and helpers", () => {
  it("are bigint Rupiah matching PP 7/2021 Pasal 35", () => {
    expect(SIZE_CLASS_THRESHOLDS.capitalIdr).toEqual({ mikro: 1n * M, kecil: 5n * M, menengah: 10n * M });
    expect(SIZE_CLASS_THRESHOLDS.annualSalesIdr).toEqual({ mikro: 2n * M, kecil: 15n * M, menengah: 50n * M });
  });

  it("isUmkmClass excludes besar", () => {
    expect(isUmkmClass("mikro")).toBe(true);
    expect(isUmkmClass("kecil")).toBe(true);
    expect(isUmkmClass("menengah")).toBe(true);
    expect(isUmkmClass("besar")).toBe(false);
  });
});
