import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahCompact,
  formatTime,
  formattersFor,
  NBSP,
  timeZoneAbbreviation,
  timeZoneForProvince,
} from "../../lib/i18n/format";

describe("formatRupiah", () => {
  it("writes PUEBI Rupiah: no space, dots between thousands", () => {
    expect(formatRupiah(100000)).toBe("Rp100.000");
    expect(formatRupiah(100000n)).toBe("Rp100.000");
    expect(formatRupiah(0)).toBe("Rp0");
    expect(formatRupiah(999)).toBe("Rp999");
    expect(formatRupiah(1_250_000_000n, "id")).toBe("Rp1.250.000.000");
  });

  it("never contains the no-break space Intl puts after the symbol", () => {
    expect(formatRupiah(100000)).not.toMatch(/\s|\u00a0/);
  });

  it("puts the minus sign before Rp", () => {
    expect(formatRupiah(-100000)).toBe("-Rp100.000");
    expect(formatRupiah(-5n, "en")).toBe("-Rp5");
  });

  it("uses English grouping in English", () => {
    expect(formatRupiah(100000, "en")).toBe("Rp100,000");
  });

  it("is exact for bigint beyond 2^53", () => {
    const big = 2n ** 53n + 1n; // 9007199254740993: not representable as a number
    expect(formatRupiah(big)).toBe("Rp9.007.199.254.740.993");
    expect(formatRupiah(123456789012345678901234567890n)).toBe("Rp123.456.789.012.345.678.901.234.567.890");
    expect(formatRupiah(-(2n ** 64n), "en")).toBe("-Rp18,446,744,073,709,551,616");
  });

  it("rounds fractional numbers to whole Rupiah", () => {
    expect(formatRupiah(1499.5)).toBe("Rp1.500");
    expect(formatRupiah(-0.4)).toBe("Rp0");
  });

  it("rejects non-finite numbers", () => {
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatRupiahCompact", () => {
  const id = (v: bigint | number) => formatRupiahCompact(v, "id");
  const en = (v: bigint | number) => formatRupiahCompact(v, "en");

  it("uses rb / jt / M / T in Indonesian with a no-break space", () => {
    expect(id(999)).toBe("Rp999");
    expect(id(1_000)).toBe(`Rp1${NBSP}rb`);
    expect(id(250_000)).toBe(`Rp250${NBSP}rb`);
    expect(id(1_500_000)).toBe(`Rp1,5${NBSP}jt`);
    expect(id(2_340_000_000n)).toBe(`Rp2,3${NBSP}M`);
    expect(id(14_000_000_000n)).toBe(`Rp14${NBSP}M`);
    expect(id(7_000_000_000_000n)).toBe(`Rp7${NBSP}T`);
  });

  it("spells the scale out in English (M would mean miliar to an Indonesian reader)", () => {
    expect(en(250_000)).toBe(`Rp250${NBSP}thousand`);
    expect(en(1_500_000)).toBe(`Rp1.5${NBSP}million`);
    expect(en(2_340_000_000n)).toBe(`Rp2.3${NBSP}billion`);
    expect(en(7_000_000_000_000n)).toBe(`Rp7${NBSP}trillion`);
  });

  it("rounds half up to one decimal and moves up a unit when rounding reaches 1,000", () => {
    expect(id(1_250_000)).toBe(`Rp1,3${NBSP}jt`);
    expect(id(1_240_000)).toBe(`Rp1,2${NBSP}jt`);
    expect(id(999_960_000)).toBe(`Rp1${NBSP}M`);
    expect(id(999_940_000)).toBe(`Rp999,9${NBSP}jt`);
  });

  it("handles negatives and bigint beyond 2^53", () => {
    expect(id(-1_500_000)).toBe(`-Rp1,5${NBSP}jt`);
    expect(id(2n ** 60n)).toBe(`Rp1.152.921,5${NBSP}T`); // 1,152,921,504,606,846,976
    expect(en(2n ** 60n)).toBe(`Rp1,152,921.5${NBSP}trillion`);
  });
});

describe("formatNumber and formatPercent", () => {
  it("groups digits by locale", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
    expect(formatNumber(1234.5, "id")).toBe("1.234,5");
    expect(formatNumber(2n ** 63n, "id")).toBe("9.223.372.036.854.775.808");
  });

  it("respects fraction digit options", () => {
    expect(formatNumber(3.14159, "en", { maximumFractionDigits: 3 })).toBe("3.142");
    expect(formatNumber(2, "id", { minimumFractionDigits: 2 })).toBe("2,00");
  });

  it("formats ratios and percentage points", () => {
    expect(formatPercent(0.183)).toBe("18,3%");
    expect(formatPercent(0.183, "en")).toBe("18.3%");
    expect(formatPercent(0.07, "id")).toBe("7%");
    expect(formatPercent(40, "id", { scale: "points" })).toBe("40%");
    expect(formatPercent(25.5, "en", { scale: "points" })).toBe("25.5%");
    expect(formatPercent(1 / 3, "id", { maximumFractionDigits: 0 })).toBe("33%");
  });
});

describe("dates and times", () => {
  // 2026-11-22 03:05 UTC = 10:05 WIB = 11:05 WITA = 12:05 WIT
  const instant = new Date("2026-11-22T03:05:00Z");

  it("writes dates as day month year in both languages", () => {
    expect(formatDate(instant, "id")).toBe("22 November 2026");
    expect(formatDate(instant, "en")).toBe("22 November 2026");
    expect(formatDate("2026-08-17T00:00:00+07:00", "id")).toBe("17 Agustus 2026");
    expect(formatDate("2026-08-17T00:00:00+07:00", "en")).toBe("17 August 2026");
  });

  it("uses the calendar day of the time zone", () => {
    const lateUtc = new Date("2026-11-21T20:00:00Z"); // 03:00 WIB on the 22nd
    expect(formatDate(lateUtc, "id")).toBe("22 November 2026");
    expect(formatDate(lateUtc, "id", "UTC")).toBe("21 November 2026");
  });

  it("formats date-only values without shifting the day", () => {
    expect(formatCalendarDate(new Date("2026-12-31T00:00:00Z"), "id")).toBe("31 Desember 2026");
    expect(formatCalendarDate("2026-01-01", "en")).toBe("1 January 2026");
  });

  it("adds WIB / WITA / WIT to times", () => {
    expect(formatDateTime(instant, "id")).toBe("22 November 2026 pukul 10.05 WIB");
    expect(formatDateTime(instant, "en")).toBe("22 November 2026, 10:05 WIB");
    expect(formatDateTime(instant, "id", "Asia/Makassar")).toBe("22 November 2026 pukul 11.05 WITA");
    expect(formatDateTime(instant, "en", "Asia/Jayapura")).toBe("22 November 2026, 12:05 WIT");
    expect(formatTime(instant, "id", "Asia/Jayapura")).toBe("12.05 WIT");
    expect(formatTime(new Date("2026-11-22T17:30:00Z"), "en")).toBe("00:30 WIB");
  });

  it("names other zones the Intl way", () => {
    expect(timeZoneAbbreviation("UTC", "en")).toBe("UTC");
    expect(timeZoneAbbreviation("Asia/Pontianak")).toBe("WIB");
  });

  it("rejects invalid dates", () => {
    expect(() => formatDate("not a date")).toThrow(RangeError);
  });
});

describe("timeZoneForProvince", () => {
  it("puts Bali, Nusa Tenggara, South/East/North Kalimantan and all Sulawesi in WITA", () => {
    for (const code of ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]) {
      expect(timeZoneForProvince(code), code).toBe("Asia/Makassar");
    }
  });

  it("puts Maluku, Maluku Utara and every Papua province in WIT", () => {
    for (const code of ["81", "82", "91", "92", "93", "94", "95", "96", "97"]) {
      expect(timeZoneForProvince(code), code).toBe("Asia/Jayapura");
    }
  });

  it("puts Sumatra, Java, West and Central Kalimantan in WIB", () => {
    for (const code of ["11", "12", "19", "21", "31", "32", "33", "34", "35", "36", "61", "62"]) {
      expect(timeZoneForProvince(code), code).toBe("Asia/Jakarta");
    }
  });

  it("accepts regency and district codes and falls back to WIB", () => {
    expect(timeZoneForProvince("51.71")).toBe("Asia/Makassar"); // Kota Denpasar
    expect(timeZoneForProvince("9171")).toBe("Asia/Jayapura"); // Kota Jayapura
    expect(timeZoneForProvince("33.75.01")).toBe("Asia/Jakarta"); // Pekalongan
    expect(timeZoneForProvince("")).toBe("Asia/Jakarta");
    expect(timeZoneForProvince(null)).toBe("Asia/Jakarta");
    expect(timeZoneForProvince("xx")).toBe("Asia/Jakarta");
  });
});

describe("formattersFor", () => {
  it("binds every formatter to the locale", () => {
    const f = formattersFor("en");
    expect(f.locale).toBe("en");
    expect(f.rupiah(100000n)).toBe("Rp100,000");
    expect(f.dateTime(new Date("2026-11-22T03:05:00Z"), "Asia/Makassar")).toBe("22 November 2026, 11:05 WITA");
    expect(formattersFor("fr").rupiah(1000)).toBe("Rp1.000");
  });
});
