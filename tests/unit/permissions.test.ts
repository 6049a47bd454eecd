import { describe, expect, it } from "vitest";
import { can, permissionsFor } from "@/lib/auth/permissions";
import { authorize } from "@/lib/auth/authorize";
import type { Actor, SessionMembership } from "@/lib/auth/types";
import { DomainError } from "@/lib/errors";

const membership = (
  organizationType: SessionMembership["organizationType"],
  role: SessionMembership["role"] = "owner",
): SessionMembership => ({
  organizationId: "org_" + organizationType,
  organizationName: "Org",
  organizationType,
  role,
  verificationStatus: "verified",
});

const actorWith = (m: SessionMembership | null): Actor => ({
  user: { id: "u1", email: "a@b.c", name: "A", locale: "id", memberships: m ? [m] : [] },
  membership: m,
  via: "session",
});

describe("role → permission table", () => {
  it("lets an UMKM owner manage its catalog and quotes but not create RFQs or award", () => {
    const m = membership("umkm");
    expect(can(m, "supplier:products:write")).toBe(true);
    expect(can(m, "quote:write")).toBe(true);
    expect(can(m, "rfq:write")).toBe(false);
    expect(can(m, "rfq:award")).toBe(false);
    expect(can(m, "platform:verify")).toBe(false);
  });

  it("lets a buyer create and award RFQs but not edit supplier catalogs", () => {
    const m = membership("buyer");
    expect(can(m, "rfq:write")).toBe(true);
    expect(can(m, "rfq:award")).toBe(true);
    expect(can(m, "supplier:products:write")).toBe(false);
    expect(can(m, "quote:write")).toBe(false);
  });

  it("keeps plain members from administering the organization or accepting agreements", () => {
    const m = membership("buyer", "member");
    expect(can(m, "rfq:write")).toBe(true);
    expect(can(m, "rfq:award")).toBe(false);
    expect(can(m, "org:members:manage")).toBe(false);
    expect(can(m, "agreement:accept")).toBe(false);
    expect(can(membership("buyer", "admin"), "agreement:accept")).toBe(true);
  });

  it("gives only ministry and platform staff the named drill-down, and only banks financing decisions", () => {
    expect(can(membership("ministry"), "stats:drilldown")).toBe(true);
    expect(can(membership("umkm"), "stats:drilldown")).toBe(false);
    expect(can(membership("bank"), "financing:decide")).toBe(true);
    expect(can(membership("buyer"), "financing:decide")).toBe(false);
  });

  it("lets buyer owners, admins and approvers run financing programmes, not plain members (ADR 0026)", () => {
    for (const role of ["owner", "admin", "approver"] as const) expect(can(membership("buyer", role), "financing:programme")).toBe(true);
    expect(can(membership("buyer", "member"), "financing:programme")).toBe(false);
    expect(can(membership("bank"), "financing:programme")).toBe(false);
  });

  it("denies everything without a membership", () => {
    expect(can(null, "org:read")).toBe(false);
    expect(permissionsFor("platform", "owner").has("platform:verify")).toBe(true);
  });
});

describe("authorize()", () => {
  it("rejects anonymous callers with unauthorized", () => {
    expect(() => authorize(null, {})).toThrowError(DomainError);
    try {
      authorize(null, {});
    } catch (e) {
      expect((e as DomainError).code).toBe("unauthorized");
    }
  });

  it("rejects the wrong organization type with forbidden", () => {
    try {
      authorize(actorWith(membership("umkm")), { orgTypes: ["buyer"], permission: "rfq:write" });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe("forbidden");
    }
  });

  it("rejects a user without an organization with forbidden", () => {
    try {
      authorize(actorWith(null), { permission: "org:read" });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe("forbidden");
    }
  });

  it("passes an allowed actor through", () => {
    const a = authorize(actorWith(membership("buyer")), { orgTypes: ["buyer"], permission: "rfq:write" });
    expect(a.membership.organizationType).toBe("buyer");
  });
});
