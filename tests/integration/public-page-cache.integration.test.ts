// The cached data of the public pages (lib/cache/public-pages.ts, ADR 0033, README "Freshness of public
// pages"): a new verified UMKM, agreement or filter shows within the stated TTL in every worker process, and
// at once in the process whose server action made the write; cached entries never carry a viewer's data.
// The TTL is proven by moving the clock (Date only), not by sleeping.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { createAgreement, createBuyer, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { decideVerification } from "@/lib/auth/actions";
import { invalidatePublicData } from "@/lib/cache/public-data";
import { directorySearch, landingFigures, publicStatistics } from "@/lib/cache/public-pages";
import { PUBLIC_TTL } from "@/lib/cache/ttl";
import { getStatisticsOverview } from "@/lib/stats/overview";
import { supplierSearchQuery } from "@/lib/suppliers/search-query";

const t = useTestDatabase();

let admin: Awaited<ReturnType<typeof createOrganization>>;
let buyer: Awaited<ReturnType<typeof createBuyer>>;

beforeAll(async () => {
  admin = await createOrganization(t.db, "platform", { name: "Rantai Admin Cache" });
  buyer = await createBuyer(t.db, { name: "PT Pembeli Cache" });
});

afterEach(() => {
  signOut();
  vi.useRealTimers();
});

/** Moves the clock (Date only: the database driver's timers keep running) `seconds` ahead. */
function advance(seconds: number) {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + seconds * 1000 });
}

const verifiedSearch = (q: string) => supplierSearchQuery.parse({ q, verified: "true" });
const names = async (q: string) => (await directorySearch(verifiedSearch(q))).data.map((s) => s.name);

describe("a new verified UMKM", () => {
  it("shows on the landing page and in a search within the TTL, without any invalidation", async () => {
    const before = await landingFigures();
    expect(await names("Songket Palembang")).toEqual([]);

    await createUmkm(t.db, { name: "Songket Palembang Cache", verificationStatus: "verified" });
    // served from the cache until it expires (this is what makes the pages cheap) …
    expect((await landingFigures()).umkmVerified).toBe(before.umkmVerified);
    expect(await names("Songket Palembang")).toEqual([]);
    // … and never after: at most one TTL later every worker shows it
    advance(PUBLIC_TTL.figures);
    expect((await landingFigures()).umkmVerified).toBe(before.umkmVerified + 1);
    advance(PUBLIC_TTL.directory);
    expect(await names("Songket Palembang")).toEqual(["Songket Palembang Cache"]);
  });

  it("shows at once in the process whose server action verified it", async () => {
    const umkm = await createUmkm(t.db, { name: "Tenun Gringsing Cache", verificationStatus: "pending" });
    const before = await landingFigures();
    // a differently written query is the same entry (normalized words)
    expect(await names("  tenun GRINGSING ")).toEqual([]);
    expect(await names("Tenun Gringsing")).toEqual([]);

    await actAs(admin.owner);
    expect(await decideVerification({ organizationId: umkm.organization.id, decision: "verified", note: "" })).toMatchObject({ ok: true });

    expect((await landingFigures()).umkmVerified).toBe(before.umkmVerified + 1);
    expect(await names("Tenun Gringsing")).toEqual(["Tenun Gringsing Cache"]);
  });
});

describe("a new agreement and a new filter", () => {
  it("show on /statistik within the TTL, each filter its own entry", async () => {
    // three suppliers in one province: enough to pass the disclosure threshold there
    const province = "33"; // Jawa Tengah
    const suppliers = [];
    for (const name of ["Mebel Jepara Satu", "Mebel Jepara Dua", "Mebel Jepara Tiga"]) {
      suppliers.push(await createUmkm(t.db, { name, verificationStatus: "verified", regencyCode: "33.20" }));
    }
    for (const s of suppliers.slice(0, 3)) await createAgreement(t.db, buyer.organization.id, s.organization.id);
    invalidatePublicData();

    const national = await publicStatistics({}, "id");
    const filtered = await publicStatistics({ province }, "id");
    expect(filtered.filter.province).toBe(province);
    expect(filtered.current.active).toBe(3);
    expect(national.current.active).toBeGreaterThanOrEqual(3);
    expect((await landingFigures()).activeAgreements).toBe(national.current.active);

    await createAgreement(t.db, buyer.organization.id, suppliers[0]!.organization.id);
    expect((await publicStatistics({ province }, "id")).current.active).toBe(3); // cached
    expect((await landingFigures()).activeAgreements).toBe(national.current.active); // cached

    advance(PUBLIC_TTL.figures);
    expect((await publicStatistics({ province }, "id")).current.active).toBe(4);
    expect((await publicStatistics({}, "id")).current.active).toBe((national.current.active ?? 0) + 1);
    expect((await landingFigures()).activeAgreements).toBe((national.current.active ?? 0) + 1);
    // a filter never asked before is computed, not served from another filter's entry
    expect((await publicStatistics({ province: "35" }, "id")).filter.province).toBe("35");
  });
});

describe("cached entries", () => {
  it("never carry the ministry's exact figures: the public entry keeps its disclosure control", async () => {
    // one verified UMKM with an active agreement in a province of its own: fewer than 3 behind the figure
    const lone = await createUmkm(t.db, { name: "Kopi Gayo Cache", verificationStatus: "verified", regencyCode: "11.04" });
    await createAgreement(t.db, buyer.organization.id, lone.organization.id);
    invalidatePublicData();
    const filter = { province: "11" };

    // the ministry's exact view is computed first (as on /statistik for staff) …
    const exact = await getStatisticsOverview(filter, "id", "exact");
    expect(exact.current.active).toBe(1);
    // … and the public entry made afterwards still withholds the figure
    const published = await publicStatistics(filter, "id");
    expect(published.audience).toBe("public");
    expect(published.current.active).toBeNull();
  });

  it("are the same whoever is signed in when they are made", async () => {
    const owner = await createUmkm(t.db, { name: "Batik Lasem Cache", verificationStatus: "verified" });
    await actAs(owner.owner);
    const seenByOwner = await directorySearch(verifiedSearch("Batik Lasem"));
    signOut();
    invalidatePublicData();
    const seenByVisitor = await directorySearch(verifiedSearch("Batik Lasem"));
    expect(seenByOwner).toEqual(seenByVisitor);
  });
});
