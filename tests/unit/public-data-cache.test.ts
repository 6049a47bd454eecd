// The per-process cache of public page data (lib/cache/public-data.ts, ADR 0033): what a visitor sees is at
// most one TTL old, a write in this process shows at once, a burst of visitors makes one query.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { invalidatePublicData, publicCache } from "@/lib/cache/public-data";

describe("publicCache", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T10:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  function counter() {
    let n = 0;
    const fn = vi.fn(async (label: string) => `${label}#${++n}`);
    return fn;
  }

  it("serves an entry for its TTL and never after", async () => {
    const fn = counter();
    const cached = publicCache(fn, { name: "t1", ttlSeconds: 30 });
    expect(await cached("a")).toBe("a#1");
    vi.setSystemTime(new Date("2026-12-07T10:00:29.999Z"));
    expect(await cached("a")).toBe("a#1");
    vi.setSystemTime(new Date("2026-12-07T10:00:30Z"));
    expect(await cached("a")).toBe("a#2"); // recomputed before it is served, not served stale
  });

  it("keeps one entry per arguments (or per the given key)", async () => {
    const fn = counter();
    const cached = publicCache(fn, { name: "t2", ttlSeconds: 30, key: (s) => s.trim().toLowerCase() });
    expect(await cached("Batik")).toBe("Batik#1");
    expect(await cached(" batik ")).toBe("Batik#1");
    expect(await cached("tenun")).toBe("tenun#2");
  });

  it("shares one computation among concurrent callers", async () => {
    const fn = counter();
    const cached = publicCache(fn, { name: "t3", ttlSeconds: 30 });
    const all = await Promise.all(Array.from({ length: 50 }, () => cached("x")));
    expect(new Set(all)).toEqual(new Set(["x#1"]));
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("does not keep a failure", async () => {
    let fail = true;
    const cached = publicCache(
      async () => {
        if (fail) throw new Error("database down");
        return "ok";
      },
      { name: "t4", ttlSeconds: 30 },
    );
    await expect(cached()).rejects.toThrow("database down");
    fail = false;
    expect(await cached()).toBe("ok");
  });

  it("drops everything on invalidation (after a write in this process)", async () => {
    const fn = counter();
    const cached = publicCache(fn, { name: "t5", ttlSeconds: 60 });
    expect(await cached("a")).toBe("a#1");
    invalidatePublicData();
    expect(await cached("a")).toBe("a#2");
  });

  it("keeps at most maxEntries keys, the least recently used dropped first", async () => {
    const fn = counter();
    const cached = publicCache(fn, { name: "t6", ttlSeconds: 60, maxEntries: 2 });
    await cached("a"); // a#1
    await cached("b"); // b#2
    await cached("a"); // hit: a is now the most recent
    await cached("c"); // c#3 drops b
    expect(await cached("a")).toBe("a#1");
    expect(await cached("b")).toBe("b#4");
  });

  it("refuses a TTL beyond the 60 s every public page promises", () => {
    expect(() => publicCache(async () => 1, { name: "t7", ttlSeconds: 61 })).toThrow(/ttlSeconds/);
    expect(() => publicCache(async () => 1, { name: "t8", ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });
});
