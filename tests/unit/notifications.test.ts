// Pure parts of notifications: retry backoff, mail configuration, link safety and how params render per
// language (Dates in WIB, Rupiah per PUEBI / English grouping), including params as stored in JSON.
import { describe, expect, it } from "vitest";
import { backoffMs, mailConfig, MAX_BACKOFF_MS } from "@/lib/notifications/outbox";
import { paramsForLocale, storeParams, renderNotification, NOTIFICATION_TYPES } from "@/lib/notifications/notify";
import { safeLink } from "@/lib/notifications/service";
import { translate } from "@/lib/i18n/translate";

describe("backoffMs", () => {
  it("doubles from one minute and stops at six hours", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(30)).toBe(MAX_BACKOFF_MS);
  });
});

describe("mailConfig", () => {
  it("is unconfigured without SMTP_URL and has a default sender", () => {
    expect(mailConfig({} as NodeJS.ProcessEnv)).toEqual({ smtpUrl: null, from: "Rantai <no-reply@rantai.local>" });
    expect(mailConfig({ SMTP_URL: " smtp://u:p@mail:587 ", MAIL_FROM: "Rantai <n@rantai.id>" } as unknown as NodeJS.ProcessEnv)).toEqual({
      smtpUrl: "smtp://u:p@mail:587",
      from: "Rantai <n@rantai.id>",
    });
  });
});

describe("safeLink", () => {
  it("keeps paths inside the app and drops everything else", () => {
    expect(safeLink("/papan-rfq/abc")).toBe("/papan-rfq/abc");
    for (const bad of ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null])
      expect(safeLink(bad)).toBeNull();
  });
});

describe("params", () => {
  it("store Dates and Rupiah tagged and render them per language", () => {
    const stored = storeParams({ when: new Date("2026-12-01T07:00:00Z"), amount: 1_500_000n, title: "Kain", n: 3 });
    expect(JSON.parse(JSON.stringify(stored))).toEqual({
      when: { $date: "2026-12-01T07:00:00.000Z" },
      amount: { $idr: "1500000" },
      title: "Kain",
      n: 3,
    });
    expect(paramsForLocale("id", stored)).toEqual({ when: "1 Desember 2026 pukul 14.00 WIB", amount: "Rp1.500.000", title: "Kain", n: 3 });
    expect(paramsForLocale("en", stored)).toEqual({ when: "1 December 2026, 14:00 WIB", amount: "Rp1,500,000", title: "Kain", n: 3 });
    expect(paramsForLocale("id", { bad: { $idr: "1e9" }, junk: [1], nested: { a: 1 } })).toEqual({});
  });

  it("every notification type has a title and a body in both languages, and a missing value shows as a dash", () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const locale of ["id", "en"]) {
        const { title, body } = renderNotification(locale, type, {});
        for (const text of [title, body]) {
          expect(text, `${type} ${locale}`).not.toBe(translate(locale, "errors.generic"));
          expect(text, `${type} ${locale}`).not.toMatch(/notifications\.types|\{/);
        }
      }
    }
    expect(renderNotification("id", "quote.received", { rfqTitle: "Baut" }).body).toBe(
      'Sebuah penawaran diterima untuk "Baut" (— penawaran sejauh ini).',
    );
  });
});
