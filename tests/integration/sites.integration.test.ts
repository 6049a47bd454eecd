// Issue 12, industrial estates and UMKM centres, on both databases: the shipped reference list (real sources,
// no invented points); only platform admins add, change and remove sites (every other organization type 403,
// signed out 401, nothing written) with an audit entry; hostile inputs are refused with field errors and change
// nothing; UMKM and buyers set their own site (unknown site 400, another organization's profile 404, other
// organization types refused); the directory's siteId filter returns exactly the organizations on the site and
// combines with the other filters; the estate page's partnership figures match a count made here, and are
// suppressed for the public when fewer than 3 UMKM are involved.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { currentActor } = await import("@/tests/helpers/act-as");
  return { ...original, getActor: vi.fn(async () => currentActor()), getSessionUser: vi.fn(async () => currentActor()?.user ?? null) };
});

import { useTestDatabase } from "@/tests/helpers/db";
import { actAs, signOut } from "@/tests/helpers/act-as";
import { callRoute, jsonOf } from "@/tests/helpers/api";
import { createAgreement, createOrganization, createUmkm } from "@/tests/helpers/factories";
import { issueApiToken } from "@/lib/auth/tokens";
import type { OrgType } from "@/lib/auth/types";
import { GET as listSitesRoute, POST as createSiteRoute } from "@/app/api/v1/sites/route";
import { DELETE as deleteSiteRoute, GET as estateRoute, PATCH as updateSiteRoute } from "@/app/api/v1/sites/[id]/route";
import { GET as directoryRoute } from "@/app/api/v1/suppliers/route";
import { PATCH as supplierPatchRoute } from "@/app/api/v1/suppliers/[id]/route";
import { PATCH as organizationPatchRoute } from "@/app/api/v1/organizations/[id]/route";
import { createSiteAction, deleteSiteAction, updateSiteAction } from "@/lib/sites/actions";
import { EstateSchema, SiteListSchema, SiteSchema } from "@/lib/sites/responses";

const t = useTestDatabase();
const token = async (userId: string) =>
  (await issueApiToken(userId, { name: "uji", expiresInDays: 30, scope: "read write", source: "ui" })).token;

const OTHER_TYPES: OrgType[] = ["umkm", "buyer", "cooperative", "ministry", "bank", "cluster_manager", "regional_government"];

let admin: { userId: string; token: string };
const outsiders: { type: OrgType; userId: string; token: string }[] = [];
let ministryToken: string;

const validSite = (name: string) => ({
  name,
  kind: "umkm_centre",
  regencyCode: "33.75",
  operator: "Dinas Koperasi dan UKM Kota Pekalongan",
  website: "pekalongankota.go.id",
  source: "https://pekalongankota.go.id/berita/sentra",
});

async function writes() {
  const [sites, audits] = await Promise.all([t.db.site.count(), t.db.auditLog.count()]);
  return { sites, audits };
}

beforeAll(async () => {
  const platform = await createOrganization(t.db, "platform");
  admin = { userId: platform.owner.id, token: await token(platform.owner.id) };
  for (const type of OTHER_TYPES) {
    const o = type === "umkm" ? await createUmkm(t.db, { verificationStatus: "verified" }) : await createOrganization(t.db, type);
    const tk = await token(o.owner.id);
    outsiders.push({ type, userId: o.owner.id, token: tk });
    if (type === "ministry") ministryToken = tk;
  }
});

describe("the shipped reference list", () => {
  it("lists real estates with their sources and no invented points, to anyone", async () => {
    const res = await callRoute(listSitesRoute, "GET", "/api/v1/sites");
    expect(res.status).toBe(200);
    const body = SiteListSchema.parse(await jsonOf(res));
    const jababeka = body.data.find((s) => s.id === "site_ref_jababeka");
    expect(jababeka).toMatchObject({
      name: "Kawasan Industri Jababeka",
      kind: "industrial_estate",
      regencyCode: "32.16",
      regencyName: "Kabupaten Bekasi",
      provinceName: "Jawa Barat",
      operator: "PT Jababeka Tbk",
      point: null,
    });
    const shipped = body.data.filter((s) => s.id.startsWith("site_ref_"));
    expect(shipped.length).toBeGreaterThanOrEqual(8);
    for (const s of shipped) {
      expect(s.source, s.name).toMatch(/^https?:\/\//);
      expect(s.lat, s.name).toBeNull();
    }
    // filters
    const east = SiteListSchema.parse(await jsonOf(await callRoute(listSitesRoute, "GET", "/api/v1/sites", { query: { province: "35" } })));
    expect(east.data.map((s) => s.id).sort()).toEqual(["site_ref_pier", "site_ref_sier"]);
    const q = SiteListSchema.parse(await jsonOf(await callRoute(listSitesRoute, "GET", "/api/v1/sites", { query: { q: "tatabina" } })));
    expect(q.data.map((s) => s.id)).toEqual(["site_ref_kiic"]);
    expect((await callRoute(listSitesRoute, "GET", "/api/v1/sites", { query: { kind: "pabrik" } })).status).toBe(400);
  });
});

describe("only platform admins maintain the list", () => {
  it("POST, PATCH and DELETE are 403 for every other organization type and 401 signed out; nothing is written", async () => {
    const before = await writes();
    const id = "site_ref_kendal";
    for (const o of outsiders) {
      const post = await callRoute(createSiteRoute, "POST", "/api/v1/sites", { token: o.token, body: validSite(`Sentra ${o.type}`) });
      expect(post.status, `POST as ${o.type}`).toBe(403);
      const patch = await callRoute(updateSiteRoute, "PATCH", `/api/v1/sites/${id}`, {
        token: o.token,
        params: { id },
        body: { name: "Dibajak" },
      });
      expect(patch.status, `PATCH as ${o.type}`).toBe(403);
      const del = await callRoute(deleteSiteRoute, "DELETE", `/api/v1/sites/${id}`, { token: o.token, params: { id } });
      expect(del.status, `DELETE as ${o.type}`).toBe(403);
    }
    expect((await callRoute(createSiteRoute, "POST", "/api/v1/sites", { body: validSite("Sentra anonim") })).status).toBe(401);
    expect((await callRoute(deleteSiteRoute, "DELETE", `/api/v1/sites/${id}`, { params: { id } })).status).toBe(401);
    expect(await writes()).toEqual(before);
    expect((await t.db.site.findUniqueOrThrow({ where: { id } })).name).toBe("Kawasan Industri Kendal (KIK)");
  });

  it("the server actions refuse a buyer (forbidden) and write nothing", async () => {
    const buyer = outsiders.find((o) => o.type === "buyer")!;
    await actAs({ id: buyer.userId });
    const before = await writes();
    const results = [
      await createSiteAction(validSite("Sentra Penyusup")),
      await updateSiteAction({ id: "site_ref_kendal", name: "Dibajak" }),
      await deleteSiteAction({ id: "site_ref_kendal" }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await writes()).toEqual(before);
    signOut();
  });

  it("a platform admin creates (201), changes and removes a site, each with an audit entry", async () => {
    const res = await callRoute(createSiteRoute, "POST", "/api/v1/sites", { token: admin.token, body: validSite("Sentra Batik Kauman") });
    expect(res.status).toBe(201);
    const site = SiteSchema.parse(await jsonOf(res));
    expect(site).toMatchObject({ regencyName: "Kota Pekalongan", website: "https://pekalongankota.go.id", point: null });
    const created = await t.db.auditLog.findFirst({ where: { entityType: "Site", entityId: site.id, action: "site.created" } });
    expect(created?.actorId).toBe(admin.userId);

    const patched = await callRoute(updateSiteRoute, "PATCH", `/api/v1/sites/${site.id}`, {
      token: admin.token,
      params: { id: site.id },
      body: { lat: -6.888, lon: 109.675, operator: null },
    });
    expect(patched.status).toBe(200);
    expect(SiteSchema.parse(await jsonOf(patched))).toMatchObject({ point: { lat: -6.888, lon: 109.675 }, operator: null });

    // an organization on the site keeps its row, without a site, when the site goes
    const u = await createUmkm(t.db, { verificationStatus: "verified" });
    await t.db.organization.update({ where: { id: u.organization.id }, data: { siteId: site.id } });
    const del = await callRoute(deleteSiteRoute, "DELETE", `/api/v1/sites/${site.id}`, { token: admin.token, params: { id: site.id } });
    expect(del.status).toBe(204);
    expect(await t.db.site.findUnique({ where: { id: site.id } })).toBeNull();
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: u.organization.id } })).siteId).toBeNull();
    const actions = (await t.db.auditLog.findMany({ where: { entityType: "Site", entityId: site.id }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(["site.created", "site.deleted", "site.updated"]);
    expect(
      (await callRoute(deleteSiteRoute, "DELETE", `/api/v1/sites/${site.id}`, { token: admin.token, params: { id: site.id } })).status,
    ).toBe(404);
  });

  it("the admin's server action creates a site too", async () => {
    await actAs({ id: admin.userId });
    const r = await createSiteAction(validSite("Sentra Tenun Medono"));
    expect(r.ok).toBe(true);
    signOut();
  });
});

describe("hostile inputs are refused with a field error and change nothing", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["unknown regency", { ...validSite("Sentra X1"), regencyCode: "99.99" }, "regencyCode"],
    ["malformed regency", { ...validSite("Sentra X2"), regencyCode: '33.75\'; DROP TABLE "Site";--' }, "regencyCode"],
    ["latitude outside Indonesia", { ...validSite("Sentra X3"), lat: 40.7, lon: 110 }, "lat"],
    ["longitude outside Indonesia (swapped)", { ...validSite("Sentra X4"), lat: -6.9, lon: -109.6 }, "lon"],
    ["a latitude without longitude", { ...validSite("Sentra X5"), lat: -6.9 }, "lon"],
    ["not a number", { ...validSite("Sentra X6"), lat: "NaN", lon: "Infinity" }, "lat"],
    ["javascript: website", { ...validSite("Sentra X7"), website: "javascript:alert(1)" }, "website"],
    ["ftp source", { ...validSite("Sentra X8"), source: "ftp://contoh.go.id/data" }, "source"],
    ["unknown kind", { ...validSite("Sentra X9"), kind: "pabrik" }, "kind"],
    ["name too long", { ...validSite("x".repeat(161)) }, "name"],
    ["name missing", { ...validSite(""), name: undefined }, "name"],
    [
      "the same name in the same regency (case aside)",
      { ...validSite("x"), name: "kawasan industri jababeka", regencyCode: "32.16" },
      "name",
    ],
  ];
  it.each(cases)("%s", async (_label, body, field) => {
    const before = await writes();
    const res = await callRoute(createSiteRoute, "POST", "/api/v1/sites", { token: admin.token, body });
    expect(res.status).toBe(400);
    const json = await jsonOf<{ error: { fields?: Record<string, string[]> } }>(res);
    expect(Object.keys(json.error.fields ?? {})).toContain(field);
    expect(await writes()).toEqual(before);
  });

  it("prototype-reaching keys and an array body are refused or ignored, never merged", async () => {
    const before = await writes();
    const res = await callRoute(createSiteRoute, "POST", "/api/v1/sites", {
      token: admin.token,
      rawBody: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},"name":"S","kind":"sentra"}',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(
      (await callRoute(createSiteRoute, "POST", "/api/v1/sites", { token: admin.token, body: [validSite("Sentra Larik")] })).status,
    ).toBe(400);
    expect(await writes()).toEqual(before);
  });

  it("the same name in another regency is fine; renaming onto a taken name is refused", async () => {
    const res = await callRoute(createSiteRoute, "POST", "/api/v1/sites", {
      token: admin.token,
      body: { ...validSite("Kawasan Industri Jababeka"), regencyCode: "33.75" },
    });
    expect(res.status).toBe(201);
    const id = (await jsonOf<{ id: string }>(res)).id;
    const clash = await callRoute(updateSiteRoute, "PATCH", `/api/v1/sites/${id}`, {
      token: admin.token,
      params: { id },
      body: { regencyCode: "32.16" },
    });
    expect(clash.status).toBe(400);
    expect((await t.db.site.findUniqueOrThrow({ where: { id } })).regencyCode).toBe("33.75");
  });
});

describe("organizations set their own site", () => {
  it("an UMKM sets, and clears, its site through its profile; an unknown site is 400 and writes nothing", async () => {
    const u = await createUmkm(t.db, { verificationStatus: "verified" });
    const tk = await token(u.owner.id);
    const id = u.organization.id;
    const patch = (body: unknown) => callRoute(supplierPatchRoute, "PATCH", `/api/v1/suppliers/${id}`, { token: tk, params: { id }, body });
    expect((await patch({ siteId: "site_ref_mm2100" })).status).toBe(200);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id } })).siteId).toBe("site_ref_mm2100");

    const before = await t.db.auditLog.count();
    const bad = await patch({ siteId: "site_yang_tidak_ada", description: "Tidak boleh tersimpan" });
    expect(bad.status).toBe(400);
    expect((await jsonOf<{ error: { fields: Record<string, string[]> } }>(bad)).error.fields).toHaveProperty("siteId");
    expect(await t.db.auditLog.count()).toBe(before);
    const row = await t.db.organization.findUniqueOrThrow({ where: { id }, include: { supplierProfile: true } });
    expect(row.siteId).toBe("site_ref_mm2100");
    expect(row.supplierProfile?.description).not.toBe("Tidak boleh tersimpan");

    expect((await patch({ siteId: null })).status).toBe(200);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id } })).siteId).toBeNull();
  });

  it("another UMKM's profile is not found and keeps its site", async () => {
    const victim = await createUmkm(t.db, { verificationStatus: "verified" });
    await t.db.organization.update({ where: { id: victim.organization.id }, data: { siteId: "site_ref_sier" } });
    const attacker = outsiders.find((o) => o.type === "umkm")!;
    const id = victim.organization.id;
    const res = await callRoute(supplierPatchRoute, "PATCH", `/api/v1/suppliers/${id}`, {
      token: attacker.token,
      params: { id },
      body: { siteId: "site_ref_pier" },
    });
    expect(res.status).toBe(404);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id } })).siteId).toBe("site_ref_sier");
  });

  it("a buyer sets its site; an unknown site is 400; a cooperative cannot; another buyer is not found", async () => {
    const b = await createOrganization(t.db, "buyer");
    const tk = await token(b.owner.id);
    const id = b.organization.id;
    const patch = (tok: string, orgId: string, body: unknown) =>
      callRoute(organizationPatchRoute, "PATCH", `/api/v1/organizations/${orgId}`, { token: tok, params: { id: orgId }, body });
    const ok = await patch(tk, id, { siteId: "site_ref_kiic" });
    expect(ok.status).toBe(200);
    expect(await jsonOf(ok)).toMatchObject({ site: { id: "site_ref_kiic", name: "Karawang International Industrial City (KIIC)" } });
    expect((await patch(tk, id, { siteId: "tidak_ada" })).status).toBe(400);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id } })).siteId).toBe("site_ref_kiic");

    const coop = await createOrganization(t.db, "cooperative");
    const coopRes = await patch(await token(coop.owner.id), coop.organization.id, { siteId: "site_ref_kiic" });
    expect(coopRes.status).toBe(400);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: coop.organization.id } })).siteId).toBeNull();

    const other = outsiders.find((o) => o.type === "buyer")!;
    expect((await patch(other.token, id, { siteId: "site_ref_knic" })).status).toBe(404);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id } })).siteId).toBe("site_ref_kiic");
  });
});

describe("the directory's estate filter", () => {
  let onSite: string[];
  beforeAll(async () => {
    const mk = async (name: string, regencyCode: string, siteId: string | null) => {
      const u = await createUmkm(t.db, { name, regencyCode, verificationStatus: "verified" });
      if (siteId) await t.db.organization.update({ where: { id: u.organization.id }, data: { siteId } });
      return u.organization.id;
    };
    onSite = [
      await mk("CV Logam Cikarang Presisi", "32.16", "site_ref_jababeka"),
      await mk("UD Kemasan Cikarang", "32.16", "site_ref_jababeka"),
    ];
    await mk("CV Logam Karawang Presisi", "32.15", "site_ref_kiic");
    await mk("CV Logam Bekasi Luar Kawasan", "32.16", null);
  });

  const search = async (query: Record<string, string>) => {
    const res = await callRoute(directoryRoute, "GET", "/api/v1/suppliers", { query: { limit: "100", ...query } });
    expect(res.status).toBe(200);
    return (await jsonOf<{ data: { id: string; name: string }[] }>(res)).data;
  };

  it("returns only the suppliers on that site", async () => {
    expect((await search({ siteId: "site_ref_jababeka" })).map((s) => s.id).sort()).toEqual([...onSite].sort());
    expect(await search({ siteId: "site_ref_ejip_tidak_ada" })).toEqual([]);
  });

  it("combines with the text search and the other filters", async () => {
    expect((await search({ siteId: "site_ref_jababeka", q: "logam" })).map((s) => s.name)).toEqual(["CV Logam Cikarang Presisi"]);
    expect(await search({ siteId: "site_ref_jababeka", province: "33" })).toEqual([]);
    expect((await search({ siteId: "site_ref_kiic", verified: "true" })).map((s) => s.name)).toEqual(["CV Logam Karawang Presisi"]);
  });

  it("refuses a malformed site id (400)", async () => {
    const res = await callRoute(directoryRoute, "GET", "/api/v1/suppliers", { query: { siteId: "x' OR '1'='1" } });
    expect(res.status).toBe(400);
  });
});

describe("the estate page's figures", () => {
  const SITE = "site_ref_knic";
  let buyerId: string;
  const value = [120_000_000n, 75_000_000n, 40_000_000n];
  const umkmOnSite: string[] = [];

  beforeAll(async () => {
    const b = await createOrganization(t.db, "buyer", { name: "PT Perakit Karawang", siteId: SITE });
    buyerId = b.organization.id;
    for (let i = 0; i < 3; i++) {
      const u = await createUmkm(t.db, { name: `CV Komponen KNIC ${i}`, regencyCode: "32.15", verificationStatus: "verified" });
      await t.db.organization.update({ where: { id: u.organization.id }, data: { siteId: SITE } });
      umkmOnSite.push(u.organization.id);
    }
    // Not counted: a draft; an excluded (confirmed fake) one; one with a buyer off the site; one with an unverified UMKM.
    await createAgreement(t.db, buyerId, umkmOnSite[0], { status: "draft", valueIdr: 9_000_000_000n });
    const excluded = await createAgreement(t.db, buyerId, umkmOnSite[1], { valueIdr: 8_000_000_000n });
    await t.db.agreement.update({ where: { id: excluded.id }, data: { excludedAt: new Date() } });
    const offSite = await createOrganization(t.db, "buyer", { name: "PT Luar Kawasan" });
    await createAgreement(t.db, offSite.organization.id, umkmOnSite[0], { valueIdr: 7_000_000_000n });
    const unverified = await createUmkm(t.db, { verificationStatus: "unverified" });
    await t.db.organization.update({ where: { id: unverified.organization.id }, data: { siteId: SITE } });
    await createAgreement(t.db, buyerId, unverified.organization.id, { valueIdr: 6_000_000_000n });
    // Counted: two UMKM so far (active and completed).
    await createAgreement(t.db, buyerId, umkmOnSite[0], { valueIdr: value[0] });
    await createAgreement(t.db, buyerId, umkmOnSite[1], { status: "completed", valueIdr: value[1] });
  });

  const estate = async (tk?: string) => {
    const res = await callRoute(estateRoute, "GET", `/api/v1/sites/${SITE}`, { token: tk, params: { id: SITE } });
    expect(res.status).toBe(200);
    return EstateSchema.parse(await jsonOf(res));
  };

  it("lists the verified UMKM count and buyers", async () => {
    const e = await estate();
    expect(e.umkm.count).toBe(3);
    expect(e.buyers.map((b) => b.name)).toEqual(["PT Perakit Karawang"]);
  });

  it("suppresses the partnership figures for the public with 2 UMKM involved; ministry staff see them exactly", async () => {
    expect((await estate()).partnerships).toEqual({ agreements: null, valueIdr: null, umkm: null, suppressed: true });
    const exact = await estate(ministryToken);
    expect(exact.partnerships).toEqual({ agreements: 2, valueIdr: Number(value[0] + value[1]), umkm: 2, suppressed: false });
  });

  it("publishes them once 3 UMKM are involved, counted independently", async () => {
    await createAgreement(t.db, buyerId, umkmOnSite[2], { valueIdr: value[2] });
    const [expected] = await t.db.$queryRaw<{ n: number; v: bigint; u: number }[]>`
      SELECT count(*)::int AS n, sum(a."valueIdr")::bigint AS v, count(DISTINCT a."supplierId")::int AS u
        FROM "Agreement" a WHERE a."buyerId" = ${buyerId} AND a."supplierId" = ANY(${umkmOnSite}) AND a.status IN ('active','completed') AND a."excludedAt" IS NULL`;
    const p = (await estate()).partnerships;
    expect(p).toEqual({ agreements: expected.n, valueIdr: Number(expected.v), umkm: expected.u, suppressed: false });
    expect(p.agreements).toBe(3);
    expect(p.valueIdr).toBe(Number(value[0] + value[1] + value[2]));
  });

  it("an unknown site is 404", async () => {
    expect((await callRoute(estateRoute, "GET", "/api/v1/sites/tidak_ada", { params: { id: "tidak_ada" } })).status).toBe(404);
  });
});
