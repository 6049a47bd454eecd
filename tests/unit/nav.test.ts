import { describe, expect, it } from "vitest";
import { activeHref, isActivePath, LIVE_ROUTES, NAV_BY_ORG_TYPE, NAV_ROUTES, navFor } from "../../components/shell/nav";

const hrefs = (items: { href: string }[]) => items.map((i) => i.href);
const all = new Set<string>(Object.values(NAV_ROUTES));

describe("navFor", () => {
  it("maps every organization type to its full menu when every route is live", () => {
    expect(hrefs(navFor({ organizationType: "umkm" }, all))).toEqual([
      "/dasbor",
      "/profil-usaha",
      "/produk",
      "/papan-rfq",
      "/penawaran",
      "/kemitraan",
      "/pembiayaan",
      "/pembiayaan/program",
      "/klaster",
      "/organisasi/anggota",
    ]);
    expect(hrefs(navFor({ organizationType: "buyer" }, all))).toEqual([
      "/dasbor",
      "/rfq",
      "/pemasok",
      "/kemitraan",
      "/dasbor/indeks-kemitraan",
      "/pembiayaan/program",
      "/klaster",
      "/organisasi/anggota",
    ]);
    expect(hrefs(navFor({ organizationType: "cooperative" }, all))).toEqual([
      "/dasbor",
      "/anggota",
      "/papan-rfq",
      "/penawaran",
      "/kemitraan",
      "/pembiayaan",
      "/pembiayaan/program",
      "/klaster",
      "/organisasi/anggota",
    ]);
    expect(hrefs(navFor({ organizationType: "ministry" }, all))).toEqual([
      "/dasbor",
      "/statistik",
      "/kemitraan",
      "/klaster",
      "/statistik/indeks-kemitraan",
      "/statistik/kemitraan-ditandai",
      "/organisasi/anggota",
    ]);
    expect(hrefs(navFor({ organizationType: "bank" }, all))).toEqual([
      "/dasbor",
      "/pembiayaan",
      "/pembiayaan/program",
      "/organisasi/anggota",
    ]);
    expect(hrefs(navFor({ organizationType: "platform" }, all))).toEqual([
      "/dasbor",
      "/admin/verifikasi",
      "/admin/sertifikat",
      "/admin/organisasi",
      "/admin/pengguna",
      "/admin/kawasan",
      "/organisasi/anggota",
    ]);
    expect(hrefs(navFor({ organizationType: "cluster_manager" }, all))).toEqual([
      "/dasbor",
      "/klaster",
      "/pemasok",
      "/kawasan",
      "/organisasi/anggota",
    ]);
    expect(hrefs(navFor({ organizationType: "regional_government" }, all))).toEqual([
      "/dasbor",
      "/daerah",
      "/klaster",
      "/statistik",
      "/pemasok",
      "/organisasi/anggota",
    ]);
  });

  it("shows the e-mail outbox to platform admins only (issue 17)", () => {
    expect(hrefs(navFor({ organizationType: "platform", role: "owner" }, all))).toContain("/admin/kotak-keluar");
    expect(hrefs(navFor({ organizationType: "platform", role: "admin" }, all))).toContain("/admin/kotak-keluar");
    expect(hrefs(navFor({ organizationType: "platform", role: "member" }, all))).not.toContain("/admin/kotak-keluar");
    expect(hrefs(navFor({ organizationType: "buyer", role: "owner" }, all))).not.toContain("/admin/kotak-keluar");
    expect(LIVE_ROUTES.has("/admin/kotak-keluar")).toBe(true);
  });

  it("leaves out routes that are not live", () => {
    const live = new Set(["/dasbor", "/pemasok"]);
    expect(hrefs(navFor({ organizationType: "buyer" }, live))).toEqual(["/dasbor", "/pemasok"]);
    expect(hrefs(navFor({ organizationType: "bank" }, live))).toEqual(["/dasbor"]);
    expect(hrefs(navFor({ organizationType: "bank" }, new Set(["/dasbor", "/organisasi/anggota"])))).toEqual([
      "/dasbor",
      "/organisasi/anggota",
    ]);
  });

  it("gives visitors without an organization the public menu", () => {
    const publicMenu = ["/pemasok", "/klaster", "/indeks-kemitraan", "/statistik", "/tentang-data"];
    expect(hrefs(navFor(null, all))).toEqual(publicMenu);
    expect(hrefs(navFor(undefined))).toEqual(publicMenu.filter((h) => LIVE_ROUTES.has(h)));
  });

  it("only lists known routes as live, and every org type starts at the dashboard", () => {
    for (const route of LIVE_ROUTES) expect(all.has(route), route).toBe(true);
    for (const keys of Object.values(NAV_BY_ORG_TYPE)) expect(keys[0]).toBe("dashboard");
  });
});

describe("isActivePath", () => {
  it("matches the page and its sub-pages only", () => {
    expect(isActivePath("/rfq", "/rfq")).toBe(true);
    expect(isActivePath("/rfq/abc", "/rfq")).toBe(true);
    expect(isActivePath("/rfq-lain", "/rfq")).toBe(false);
    expect(isActivePath("/dasbor", "/")).toBe(false);
    expect(isActivePath("/", "/")).toBe(true);
  });

  it("marks only the most specific menu entry current", () => {
    const menu = ["/dasbor", "/pembiayaan", "/pembiayaan/program"];
    expect(activeHref("/pembiayaan/program/abc", menu)).toBe("/pembiayaan/program");
    expect(activeHref("/pembiayaan/xyz", menu)).toBe("/pembiayaan");
    expect(activeHref("/pembiayaan", menu)).toBe("/pembiayaan");
    expect(activeHref("/kemitraan", menu)).toBeUndefined();
  });
});
