// Issue 17: the verification queue puts who has waited longest first, whatever its type, and says how long.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { longestWaitingFirst, waitingDays } from "@/lib/organizations/service";
import { MESSAGES } from "@/lib/i18n/messages";

const day = 24 * 3600 * 1000;
const now = new Date("2026-12-07T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * day);

describe("verification queue order and waiting time", () => {
  it("sorts oldest first across UMKM and other organizations", () => {
    const rows = [
      { id: "umkm-new", waitingSince: ago(1) },
      { id: "buyer-old", waitingSince: ago(9) },
      { id: "umkm-old", waitingSince: ago(3) },
    ];
    expect(longestWaitingFirst(rows).map((r) => r.id)).toEqual(["buyer-old", "umkm-old", "umkm-new"]);
  });

  it("counts whole days and says 'menunggu 3 hari'", () => {
    expect(waitingDays(ago(3.5), now)).toBe(3);
    expect(waitingDays(ago(0.2), now)).toBe(0);
    type T = (key: string, values: { days: number }) => string;
    const id = createTranslator({ locale: "id", messages: MESSAGES.id as Record<string, unknown> }) as unknown as T;
    const en = createTranslator({ locale: "en", messages: MESSAGES.en as Record<string, unknown> }) as unknown as T;
    expect(id("verification.waiting", { days: 3 })).toBe("menunggu 3 hari");
    expect(id("verification.waiting", { days: 0 })).toBe("menunggu kurang dari sehari");
    expect(en("verification.waiting", { days: 1 })).toBe("waiting 1 day");
  });
});
