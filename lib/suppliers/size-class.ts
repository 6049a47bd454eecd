// Size class of a business (mikro / kecil / menengah / besar) per PP 7/2021 Pasal 35.
// Pure and client-safe: the inputs are stored on the supplier profile, the class is derived from them
// (and each change is kept in SizeClassChange so "naik kelas" can be counted).
import { SizeBasis, SizeClass } from "@/lib/db/generated/enums";

/**
 * PP 7/2021 Pasal 35 ayat (3)–(5), integer Rupiah (never floats). Upper bounds are inclusive:
 *  - business capital excluding land and buildings: mikro ≤ Rp1 M, kecil ≤ Rp5 M, menengah ≤ Rp10 M;
 *  - annual sales: mikro ≤ Rp2 M, kecil ≤ Rp15 M, menengah ≤ Rp50 M;
 *  - above the menengah bound the business is "besar" (not an UMKM).
 * Rantai's rule (docs/domain.md): when annual sales are reported they decide; otherwise capital does.
 */
export const SIZE_CLASS_THRESHOLDS = {
  capitalIdr: {
    mikro: 1_000_000_000n,
    kecil: 5_000_000_000n,
    menengah: 10_000_000_000n,
  },
  annualSalesIdr: {
    mikro: 2_000_000_000n,
    kecil: 15_000_000_000n,
    menengah: 50_000_000_000n,
  },
} as const;

export interface SizeClassInput {
  /** Business capital excluding land and buildings, integer Rupiah; null/undefined = not reported. */
  capitalIdr?: bigint | null;
  /** Annual sales, integer Rupiah; null/undefined = not reported. */
  annualSalesIdr?: bigint | null;
}

export interface DerivedSizeClass {
  sizeClass: SizeClass;
  basis: SizeBasis;
}

function classify(amount: bigint, bounds: { mikro: bigint; kecil: bigint; menengah: bigint }): SizeClass {
  if (amount <= bounds.mikro) return SizeClass.mikro;
  if (amount <= bounds.kecil) return SizeClass.kecil;
  if (amount <= bounds.menengah) return SizeClass.menengah;
  return SizeClass.besar;
}

/**
 * Derives the size class from what the business reported, or null when it reported neither figure.
 * Throws a RangeError on negative amounts (validation belongs to the caller; this guards the data).
 * A reported annual sales figure of 0 still counts as reported (and gives "mikro").
 */
export function deriveSizeClass({ capitalIdr, annualSalesIdr }: SizeClassInput): DerivedSizeClass | null {
  for (const [name, v] of [
    ["capitalIdr", capitalIdr],
    ["annualSalesIdr", annualSalesIdr],
  ] as const) {
    if (v !== null && v !== undefined && v < 0n) throw new RangeError(`${name} must not be negative`);
  }
  if (annualSalesIdr !== null && annualSalesIdr !== undefined) {
    return { sizeClass: classify(annualSalesIdr, SIZE_CLASS_THRESHOLDS.annualSalesIdr), basis: SizeBasis.annual_sales };
  }
  if (capitalIdr !== null && capitalIdr !== undefined) {
    return { sizeClass: classify(capitalIdr, SIZE_CLASS_THRESHOLDS.capitalIdr), basis: SizeBasis.capital };
  }
  return null;
}

/** True for the classes that are UMKM under PP 7/2021 (everything but "besar"). */
export function isUmkmClass(sizeClass: SizeClass): boolean {
  return sizeClass !== SizeClass.besar;
}
