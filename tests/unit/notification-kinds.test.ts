// Every notification type belongs to a kind users can recognise on /notifikasi/pengaturan (ADR 0021), and the
// mandatory kinds are the security and team ones.
import { describe, expect, it, vi } from "vitest";
import { isMandatoryKind, NOTIFICATION_KINDS, notificationKind } from "@/lib/notifications/kinds";
import { thresholdFor } from "@/lib/notifications/certificate-expiry";

vi.mock("server-only", () => ({}));

describe("notification kinds", () => {
  it("every type in NOTIFICATION_TYPES has a kind", async () => {
    const { NOTIFICATION_TYPES } = await import("@/lib/notifications/notify");
    const missing = NOTIFICATION_TYPES.filter((t) => notificationKind(t) === null);
    expect(missing).toEqual([]);
  });

  it("groups types sensibly", () => {
    expect(notificationKind("rfq.deadline_approaching")).toBe("deadlines");
    expect(notificationKind("rfq.invited")).toBe("rfqs");
    expect(notificationKind("payment.recorded")).toBe("agreements");
    expect(notificationKind("organization.invited")).toBe("team");
    expect(notificationKind("organization.profile_returned")).toBe("verification");
    expect(notificationKind("certificate.returned")).toBe("certificates");
  });

  it("only security and team are mandatory", () => {
    expect(NOTIFICATION_KINDS.filter(isMandatoryKind)).toEqual(["team", "security"]);
  });
});

describe("certificate expiry thresholds", () => {
  it("picks the most urgent threshold reached", () => {
    expect([90, 61, 60, 31, 30, 8, 7, 1, 0, -7, -8].map(thresholdFor)).toEqual([null, null, 60, 60, 30, 30, 7, 7, 0, 0, null]);
  });
});
