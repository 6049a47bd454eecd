// Replica lag and one server per computation (lib/db/replicas.ts, ADR 0035): a replica too far behind the
// primary serves no reads until it catches up, a replica not measured yet serves none either, the lag is
// measured from WAL positions (right on an idle primary), and a computation's reads all go to one server.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bumpWriteGeneration, lastWriteAt } from "@/lib/cache/write-generation";
import type { Db } from "@/lib/db/client";
import { maxLagSecondsFrom, onOneReadServer, parseLsn, ReplicaRouter, WalTimeline, walLagReader } from "@/lib/db/replicas";

/** A client whose reads answer with its own name (so a test sees which server answered). */
function server(name: string, answer: (sql: string) => unknown = () => name) {
  const calls: string[] = [];
  const client = {
    calls,
    $queryRawUnsafe: async (sql: string) => {
      calls.push(sql);
      return answer(sql);
    },
    $queryRaw: async () => name,
    $disconnect: async () => {},
  };
  return client;
}
const asDb = (c: object) => c as unknown as Db;
const read = (router: ReplicaRouter) => router.client.$queryRawUnsafe("SELECT x") as unknown as Promise<string>;

const INTERVAL = 1_000;

type RouterOptions = ConstructorParameters<typeof ReplicaRouter>[2];

/** A router over a primary and `count` replicas whose lag `lagReader` reports; ticks advance one interval. */
async function routerOver(count: number, options: RouterOptions) {
  const log: string[] = [];
  const router = new ReplicaRouter(
    asDb(server("primary")),
    Array.from({ length: count }, (_, i) => ({ client: asDb(server(`replica${i}`)), label: `replica${i}` })),
    { lagIntervalMs: INTERVAL, log: (m: string) => log.push(m), ...options },
  );
  await router.settled();
  const tick = async () => {
    vi.advanceTimersByTime(INTERVAL);
    await router.settled();
  };
  return { router, log, tick };
}

describe("ReplicaRouter with a lag reader", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] }));
  afterEach(() => vi.useRealTimers());

  const routerWith = (lags: (number | null)[], maxLagSeconds = 10) =>
    routerOver(lags.length, { lagReader: async (_r, i) => lags[i], maxLagSeconds });

  it("keeps a replica that is behind by more than the limit out of the turn until it catches up", async () => {
    const lags: (number | null)[] = [0, 42];
    const { router, log, tick } = await routerWith(lags);
    expect(router.healthy()).toEqual(["replica0"]);
    expect(await Promise.all([read(router), read(router), read(router)])).toEqual(["replica0", "replica0", "replica0"]);
    expect(log.join("\n")).toMatch(/replica1 is 42\.0 s behind the primary \(limit 10 s\)/);

    lags[1] = 9.5;
    await tick();
    expect(router.healthy()).toEqual(["replica0", "replica1"]);
    expect(new Set(await Promise.all([read(router), read(router)]))).toEqual(new Set(["replica0", "replica1"]));
    expect(log.join("\n")).toMatch(/replica1 caught up \(9\.5 s behind\)/);

    lags[0] = 11;
    await tick();
    expect(router.healthy()).toEqual(["replica1"]);
    await router.close();
  });

  it("sends reads to the primary while every replica is too far behind", async () => {
    const { router } = await routerWith([30, 60]);
    expect(await read(router)).toBe("primary");
    await router.close();
  });

  it("gives a replica no reads before its lag was measured, and keeps its state when a reading fails", async () => {
    const lags: (number | null)[] = [null];
    const { router, tick } = await routerWith(lags);
    expect(router.healthy()).toEqual([]);
    expect(await read(router)).toBe("primary");
    lags[0] = 1;
    await tick();
    expect(await read(router)).toBe("replica0");
    lags[0] = null; // e.g. the primary could not be read this second
    await tick();
    expect(router.healthy()).toEqual(["replica0"]);
    await router.close();
  });

  it("honours REPLICA_MAX_LAG_SECONDS", async () => {
    expect(maxLagSecondsFrom(undefined)).toBe(10);
    expect(maxLagSecondsFrom(" 2.5 ")).toBe(2.5);
    expect(() => maxLagSecondsFrom("0")).toThrow(/REPLICA_MAX_LAG_SECONDS/);
    expect(() => maxLagSecondsFrom("ten")).toThrow(/REPLICA_MAX_LAG_SECONDS/);
    const { router } = await routerWith([3], 2);
    expect(await read(router)).toBe("primary");
    await router.close();
  });
});

describe("ReplicaRouter when a lag reading hangs or fails", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] }));
  afterEach(() => vi.useRealTimers());

  /** Each replica's next reading: a number of seconds, an error, or a promise the test settles itself. */
  type Next = number | Error | Promise<number>;

  const routerWith = (next: Next[]) =>
    routerOver(next.length, {
      lagReader: async (_r, i) => {
        const n = next[i];
        if (n instanceof Error) throw n;
        return n;
      },
      lagTimeoutMs: 20,
    });

  it("takes a replica whose reading hangs out of the turn and keeps measuring the others", async () => {
    const next: Next[] = [0, 0];
    const { router, log, tick } = await routerWith(next);
    expect(router.healthy()).toEqual(["replica0", "replica1"]);

    let answer!: (lag: number) => void;
    next[1] = new Promise<number>((resolve) => (answer = resolve)); // replica1 stops answering
    await tick();
    expect(router.healthy()).toEqual(["replica0"]);
    expect(log.join("\n")).toMatch(/replica1: lag reading failed \(no answer within 20 ms\)/);
    expect(await Promise.all([read(router), read(router)])).toEqual(["replica0", "replica0"]);

    next[0] = 42; // replica0 is still measured while replica1's reading hangs
    await tick();
    expect(router.healthy()).toEqual([]);
    expect(await read(router)).toBe("primary");

    answer(1); // the hung reading comes back at last; the next reading of replica1 succeeds
    next[0] = 0;
    next[1] = 1;
    await tick();
    await tick();
    expect(router.healthy()).toEqual(["replica0", "replica1"]);
    await router.close();
  });

  it("takes a replica whose reading fails out of the turn until a reading succeeds", async () => {
    const next: Next[] = [0];
    const { router, log, tick } = await routerWith(next);
    expect(await read(router)).toBe("replica0");
    next[0] = Object.assign(new Error("Query read timeout"), { code: undefined });
    await tick();
    expect(router.healthy()).toEqual([]);
    expect(await read(router)).toBe("primary");
    await tick(); // still failing: logged once
    expect(log.filter((m) => /lag reading failed/.test(m))).toHaveLength(1);
    next[0] = 2;
    await tick();
    expect(await read(router)).toBe("replica0");
    expect(log.join("\n")).toMatch(/replica0 answers lag readings again/);
    await router.close();
  });
});

describe("ReplicaRouter after a write in this process", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] }));
  afterEach(() => vi.useRealTimers());

  async function routerAt(clock: { now: number; wrote: number | null }) {
    const router = new ReplicaRouter(asDb(server("primary")), [{ client: asDb(server("replica0")), label: "replica0" }], {
      lagReader: async () => 0,
      lagIntervalMs: INTERVAL,
      lagTimeoutMs: 2_000,
      maxLagSeconds: 10,
      lastWriteAt: () => clock.wrote,
      now: () => clock.now,
      log: () => {},
    });
    await router.settled();
    return router;
  }

  it("reads the primary until the replicas must have the write: max lag + interval + reading timeout", async () => {
    const clock = { now: 100_000, wrote: null as number | null };
    const router = await routerAt(clock);
    expect(await read(router)).toBe("replica0");
    clock.wrote = 100_000; // e.g. a supplier saves their profile and their public page renders again
    expect(await read(router)).toBe("primary");
    clock.now = 100_000 + 10_000 + INTERVAL + 2_000 - 1;
    expect(await read(router)).toBe("primary");
    clock.now += 1;
    expect(await read(router)).toBe("replica0");
    await router.close();
  });

  it("learns of the process's writes where the caches are emptied", () => {
    const before = Date.now();
    bumpWriteGeneration();
    expect(lastWriteAt()).toBeGreaterThanOrEqual(before);
    expect(lastWriteAt()).toBeLessThanOrEqual(Date.now());
  });

  it("moves a one-server computation pinned to a replica to the primary when the process writes", async () => {
    const clock = { now: 0, wrote: null as number | null };
    const router = await routerAt(clock);
    const scope = {};
    expect(await onOneReadServer(() => read(router), scope)).toBe("replica0");
    clock.wrote = 0;
    expect(await onOneReadServer(() => read(router), scope)).toBe("primary");
    await router.close();
  });
});

describe("onOneReadServer", () => {
  const twoReplicas = () =>
    new ReplicaRouter(asDb(server("primary")), [
      { client: asDb(server("replica0")), label: "replica0" },
      { client: asDb(server("replica1")), label: "replica1" },
    ]);

  it("sends every read of one computation to the same replica; another computation may use another", async () => {
    const router = twoReplicas();
    const computation = () =>
      onOneReadServer(async () => [await read(router), ...(await Promise.all([read(router), read(router), read(router)]))]);
    const first = await computation();
    const second = await computation();
    expect(new Set(first).size).toBe(1);
    expect(new Set(second).size).toBe(1);
    expect(first[0]).not.toBe(second[0]); // the computations still share the replicas out
    // Without it, reads take turns (the behaviour the statistics must not have).
    expect(new Set(await Promise.all([read(router), read(router)])).size).toBe(2);
    await router.close();
  });

  it("keeps a scope's computations on one server, and nested calls on the outer one's", async () => {
    const router = twoReplicas();
    const scope = {};
    const a = await onOneReadServer(() => read(router), scope);
    const b = await onOneReadServer(() => read(router), scope);
    expect(b).toBe(a);
    const nested = await onOneReadServer(async () => [await read(router), await onOneReadServer(() => read(router), {})]);
    expect(nested[1]).toBe(nested[0]);
    await router.close();
  });

  it("moves the rest of a computation to the primary when its replica fails", async () => {
    let up = true;
    const failing = server("replica0", () => {
      if (!up) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:55441"), { code: "ECONNREFUSED" });
      return "replica0";
    });
    const router = new ReplicaRouter(asDb(server("primary")), [{ client: asDb(failing), label: "replica0" }], {
      log: () => {},
      probeIntervalMs: 60_000,
    });
    const answers = await onOneReadServer(async () => {
      const first = await read(router);
      up = false;
      const second = await read(router);
      up = true; // answers again, but this computation does not come back to it
      return [first, second, await read(router)];
    });
    expect(answers).toEqual(["replica0", "primary", "primary"]);
    await router.close();
  });
});

describe("lag from WAL positions", () => {
  it("reads positions as bytes", () => {
    expect(parseLsn("0/16B3748")).toBe(0x16b3748n);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) + 0xb374d848n);
    expect(() => parseLsn("nonsense")).toThrow();
  });

  it("is 0 on an idle primary however long ago the last write was", () => {
    const t = new WalTimeline();
    t.record(0, 1000n);
    t.record(3_600_000, 1000n); // an hour later, nothing written
    expect(t.lagSeconds(3_600_000, 1000n, 10)).toBe(0);
  });

  it("is the time since the primary first stood at a position the replica has not replayed", () => {
    const t = new WalTimeline();
    t.record(0, 1000n);
    t.record(1_000, 2000n);
    t.record(2_000, 3000n);
    t.record(20_000, 3000n);
    expect(t.lagSeconds(20_000, 3000n, 10)).toBe(0);
    expect(t.lagSeconds(20_000, 2500n, 10)).toBe(18); // lacks what the primary had at 2 s
    expect(t.lagSeconds(20_000, 1500n, 10)).toBe(19);
  });

  it("is unknown just after start for a replica behind everything recorded, unless already over the limit", () => {
    const t = new WalTimeline();
    t.record(0, 5000n);
    expect(t.lagSeconds(3_000, 10n, 10)).toBeNull(); // may be hours behind: not known yet
    expect(t.lagSeconds(12_000, 10n, 10)).toBe(12);
  });

  it("walLagReader compares the replica's replayed position with the primary's", async () => {
    let clock = 0;
    let primaryLsn = "0/1000";
    let replayed: string | null = "0/1000";
    let standby = true;
    const primary = server("primary", () => [{ lsn: primaryLsn }]);
    const replica = { client: asDb(server("replica", () => [{ standby, replayed }])), label: "replica" };
    const reader = walLagReader(asDb(primary), () => clock);
    expect(await reader(replica, 0, 10)).toBe(0);
    clock = 1_000;
    primaryLsn = "0/2000"; // a write the replica does not replay
    expect(await reader(replica, 0, 10)).toBe(0); // read at the same moment: nothing old is missing yet
    clock = 15_000;
    expect(await reader(replica, 0, 10)).toBe(14);
    replayed = "0/2000";
    clock = 16_000;
    expect(await reader(replica, 0, 10)).toBe(0);
    standby = false; // promoted: not a standby, no lag to measure
    clock = 17_000;
    expect(await reader(replica, 0, 10)).toBeNull();
    // A replica that cannot be read is an error (the router takes it out of the turn), not "unknown".
    const broken = { client: asDb(server("broken", () => Promise.reject(new Error("connection terminated")))), label: "broken" };
    clock = 18_000;
    await expect(reader(broken, 1, 10)).rejects.toThrow(/connection terminated/);
    expect(primary.calls.every((sql) => /pg_current_wal_lsn/.test(sql))).toBe(true);
  });
});
