// Issue 17 item 6: the search a visitor came from travels to a supplier's page (`?cari=`) and back, and the
// "previous page" trail (`sebelumnya`) — both from the URL, so both validated and rebuilt, never echoed.
import { describe, expect, it } from "vitest";
import { carriedDirectoryParams, MAX_PAGE_TRAIL, parsePageTrail } from "@/lib/suppliers/search-query";
import { supplierRoutes } from "@/lib/suppliers/routes";

describe("carriedDirectoryParams", () => {
  it("keeps the query and filters under the page's own names", () => {
    const cari = "q=kain+batik&province=33&certification=halal&certification=sni&unggulan=1&kawasan=site_1&sort=name";
    expect(supplierRoutes.directory(carriedDirectoryParams(cari))).toBe(
      "/pemasok?q=kain+batik&province=33&certification=halal&certification=sni&unggulan=1&sort=name&kawasan=site_1",
    );
  });

  it("drops what is not a valid directory field, and anything too long or not a string", () => {
    expect(carriedDirectoryParams("q=roti&province=jawa&next=https://evil.example&cursor=abc&limit=100")).toEqual({ q: "roti" });
    expect(carriedDirectoryParams(`q=${"a".repeat(1_001)}`)).toEqual({});
    expect(carriedDirectoryParams(["q=roti", "q=kue"])).toEqual({});
    expect(carriedDirectoryParams(undefined)).toEqual({});
    expect(supplierRoutes.directory(carriedDirectoryParams("//evil.example"))).toBe("/pemasok");
    expect(carriedDirectoryParams("__proto__=x&constructor=y&toString=z&q=kain")).toEqual({ q: "kain" });
  });
});

describe("parsePageTrail", () => {
  it("reads up to MAX_PAGE_TRAIL cursors and refuses anything malformed as a whole", () => {
    expect(parsePageTrail("WyJyIiw5LCJhIl0.WyJyIiw0LCJiIl0")).toEqual(["WyJyIiw5LCJhIl0", "WyJyIiw0LCJiIl0"]);
    expect(parsePageTrail(Array.from({ length: MAX_PAGE_TRAIL + 1 }, () => "abc").join("."))).toEqual([]);
    expect(parsePageTrail("abc.<script>")).toEqual([]);
    expect(parsePageTrail("abc..def")).toEqual([]);
    expect(parsePageTrail(["abc", "def"])).toEqual([]);
  });
});
