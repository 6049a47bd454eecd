// Issue 16 (time zones): every province of the reference data on its official clock (Keppres 41/1987 and the
// later provinces), wall-clock conversion for the RFQ deadline input, and times shown with the zone named.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formattersFor, timeZoneForProvince } from "@/lib/i18n/format";
import { calendarDayIn, todayIn, toZonedLocal, zonedLocalToUtc } from "@/lib/i18n/zoned-time";
import { assessTkdn } from "@/lib/quotes/evaluation";
import { certificateState } from "@/lib/suppliers/dashboard";

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";
const WIT = "Asia/Jayapura";

/** The official split, written out by name so a reader can check it province by province. */
const EXPECTED: Record<string, [string, string]> = {
  "11": ["Aceh", WIB],
  "12": ["Sumatera Utara", WIB],
  "13": ["Sumatera Barat", WIB],
  "14": ["Riau", WIB],
  "15": ["Jambi", WIB],
  "16": ["Sumatera Selatan", WIB],
  "17": ["Bengkulu", WIB],
  "18": ["Lampung", WIB],
  "19": ["Kepulauan Bangka Belitung", WIB],
  "21": ["Kepulauan Riau", WIB],
  "31": ["Daerah Khusus Ibukota Jakarta", WIB],
  "32": ["Jawa Barat", WIB],
  "33": ["Jawa Tengah", WIB],
  "34": ["Daerah Istimewa Yogyakarta", WIB],
  "35": ["Jawa Timur", WIB],
  "36": ["Banten", WIB],
  "51": ["Bali", WITA],
  "52": ["Nusa Tenggara Barat", WITA],
  "53": ["Nusa Tenggara Timur", WITA],
  "61": ["Kalimantan Barat", WIB],
  "62": ["Kalimantan Tengah", WIB],
  "63": ["Kalimantan Selatan", WITA],
  "64": ["Kalimantan Timur", WITA],
  "65": ["Kalimantan Utara", WITA],
  "71": ["Sulawesi Utara", WITA],
  "72": ["Sulawesi Tengah", WITA],
  "73": ["Sulawesi Selatan", WITA],
  "74": ["Sulawesi Tenggara", WITA],
  "75": ["Gorontalo", WITA],
  "76": ["Sulawesi Barat", WITA],
  "81": ["Maluku", WIT],
  "82": ["Maluku Utara", WIT],
  "91": ["Papua", WIT],
  "92": ["Papua Barat", WIT],
  "93": ["Papua Selatan", WIT],
  "94": ["Papua Tengah", WIT],
  "95": ["Papua Pegunungan", WIT],
  "96": ["Papua Barat Daya", WIT],
};

interface RegionData {
  provinces: { code: string; name: string; regencies: { code: string; name: string }[] }[];
}
const regions = JSON.parse(readFileSync(path.join(process.cwd(), "data/regions.json"), "utf8")) as RegionData;

describe("time zone of every province in data/regions.json", () => {
  it("has the 38 provinces, each in the table above under its own name", () => {
    expect(regions.provinces).toHaveLength(38);
    expect(regions.provinces.map((p) => [p.code, p.name])).toEqual(Object.entries(EXPECTED).map(([code, [name]]) => [code, name]));
  });

  it.each(Object.entries(EXPECTED))("province %s is on its official clock", (code, [name, zone]) => {
    expect(timeZoneForProvince(code), name).toBe(zone);
  });

  it("every regency is on its province's clock (the form organizations store)", () => {
    for (const p of regions.provinces) {
      for (const r of p.regencies) expect(timeZoneForProvince(r.code), `${r.code} ${r.name}`).toBe(EXPECTED[p.code][1]);
    }
  });
});

describe("wall clocks (lib/i18n/zoned-time.ts)", () => {
  it("reads a datetime-local value on the given clock and stores UTC", () => {
    expect(zonedLocalToUtc("2026-12-15T17:00", WITA).toISOString()).toBe("2026-12-15T09:00:00.000Z");
    expect(zonedLocalToUtc("2026-12-15T17:00", WIB).toISOString()).toBe("2026-12-15T10:00:00.000Z");
    expect(zonedLocalToUtc("2026-12-15T17:00:30", WIT).toISOString()).toBe("2026-12-15T08:00:30.000Z");
    expect(zonedLocalToUtc("2027-01-01T00:30", WIT).toISOString()).toBe("2026-12-31T15:30:00.000Z");
  });

  it("refuses what is not a calendar time", () => {
    for (const bad of ["2026-02-30T10:00", "2026-12-15T24:00", "2026-12-15T10:60", "2026-12-15", "besok"]) {
      expect(Number.isNaN(zonedLocalToUtc(bad, WIB).getTime()), bad).toBe(true);
    }
  });

  it("writes an instant back as the datetime-local value of each clock", () => {
    const d = new Date("2026-12-15T09:00:00Z");
    expect([toZonedLocal(d, WIB), toZonedLocal(d, WITA), toZonedLocal(d, WIT)]).toEqual([
      "2026-12-15T16:00",
      "2026-12-15T17:00",
      "2026-12-15T18:00",
    ]);
    expect(zonedLocalToUtc(toZonedLocal(d, WITA), WITA)).toEqual(d);
  });

  it("the calendar day differs by clock around midnight", () => {
    const d = new Date("2026-12-15T15:30:00Z"); // 22.30 WIB, 23.30 WITA, 00.30 WIT on the 16th
    expect([calendarDayIn(d, WIB), calendarDayIn(d, WITA), calendarDayIn(d, WIT)]).toEqual(["2026-12-15", "2026-12-15", "2026-12-16"]);
    expect(todayIn(WIT, d)).toBe("2026-12-16");
  });
});

describe("formatting with the viewer's zone named", () => {
  const deadline = new Date("2026-12-15T09:00:00Z");

  it("formattersFor(locale, zone) shows times on that clock and names it", () => {
    expect(formattersFor("id", WIT).dateTime(deadline)).toBe("15 Desember 2026 pukul 18.00 WIT");
    expect(formattersFor("id", WITA).time(deadline)).toBe("17.00 WITA");
    expect(formattersFor("en", WIB).dateTime(deadline)).toBe("15 December 2026, 16:00 WIB");
    expect(formattersFor("en", WIT).timeZone).toBe(WIT);
  });

  it("defaults to WIB, named, for visitors", () => {
    expect(formattersFor("id").dateTime(deadline)).toBe("15 Desember 2026 pukul 16.00 WIB");
  });

  it("an explicit zone still wins", () => {
    expect(formattersFor("id", WIT).time(deadline, WITA)).toBe("17.00 WITA");
  });

  it("onOtherClock: null on the viewer's own clock, the time alone on the same day, the date too otherwise", () => {
    expect(formattersFor("id", WITA).onOtherClock(deadline, WITA)).toBeNull();
    expect(formattersFor("id", WIT).onOtherClock(deadline, WITA)).toBe("17.00 WITA");
    expect(formattersFor("en", WIT).onOtherClock(deadline, WIB)).toBe("16:00 WIB");
    const lateWib = new Date("2026-12-15T16:30:00Z"); // 23.30 WIB, 01.30 WIT on the 16th
    expect(formattersFor("id", WIT).onOtherClock(lateWib, WIB)).toBe("15 Desember 2026 pukul 23.30 WIB");
  });
});

describe('date-only rules take "today" on the organization\'s clock', () => {
  it("TKDN: valid until the 10th covers a 22.30 WIB deadline for a WIB or WITA buyer, not a WIT one (00.30 on the 11th)", () => {
    const deadline = new Date("2027-01-10T15:30:00Z");
    const cert = {
      verified: true,
      tkdnPercent: 45,
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validUntil: new Date("2027-01-10T00:00:00Z"),
    };
    expect(assessTkdn(40, [cert], deadline, WIB).status).toBe("verified");
    expect(assessTkdn(40, [cert], deadline, WITA).status).toBe("verified");
    expect(assessTkdn(40, [cert], deadline, WIT).status).toBe("unverified");
  });

  it("a certificate ending on the 15th has expired at 00.30 WIT on the 16th, not yet at 23.30 WITA on the 15th", () => {
    const now = new Date("2026-12-15T15:30:00Z");
    const until = new Date("2026-12-15T00:00:00Z");
    expect(certificateState(until, now, WIT)).toBe("expired");
    expect(certificateState(until, now, WITA)).toBe("expiring");
  });
});
