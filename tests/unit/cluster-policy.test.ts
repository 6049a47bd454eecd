// How many server processes `npm start` runs, how fast it replaces a crashed one, and each one's database
// pool (scripts/cluster/policy.ts, issue 14, ADR 0032).
import { describe, expect, it } from "vitest";
import {
  RESTART_BASE_MS,
  RESTART_MAX_MS,
  STABLE_AFTER_MS,
  nextCrashCount,
  poolSizePerWorker,
  resolveConcurrency,
  restartDelayMs,
} from "@/scripts/cluster/policy";

describe("resolveConcurrency", () => {
  it("runs one process per core on PostgreSQL unless WEB_CONCURRENCY says otherwise", () => {
    expect(resolveConcurrency(undefined, 4, "postgres").workers).toBe(4);
    expect(resolveConcurrency("", 2, "postgres").workers).toBe(2);
    expect(resolveConcurrency(" 3 ", 2, "postgres")).toEqual({ workers: 3, reason: "WEB_CONCURRENCY=3" });
    expect(resolveConcurrency(undefined, 0, "postgres").workers).toBe(1);
  });

  it("stays one process on the embedded PGlite database and says why", () => {
    expect(resolveConcurrency(undefined, 8, "pglite").workers).toBe(1);
    const r = resolveConcurrency("4", 8, "pglite");
    expect(r.workers).toBe(1);
    expect(r.reason).toMatch(/PGlite.*ADR 0002.*WEB_CONCURRENCY=4 ignored/);
  });

  it("refuses a WEB_CONCURRENCY that is not a whole number of at least 1", () => {
    for (const bad of ["0", "-1", "1.5", "many"]) {
      expect(() => resolveConcurrency(bad, 2, "postgres")).toThrow(/WEB_CONCURRENCY must be a whole number/);
    }
  });
});

describe("restart backoff", () => {
  it("doubles the wait with each crash in a row, up to a ceiling", () => {
    expect(restartDelayMs(1)).toBe(RESTART_BASE_MS);
    expect(restartDelayMs(2)).toBe(2 * RESTART_BASE_MS);
    expect(restartDelayMs(3)).toBe(4 * RESTART_BASE_MS);
    expect(restartDelayMs(100)).toBe(RESTART_MAX_MS);
    const delays = Array.from({ length: 12 }, (_, i) => restartDelayMs(i + 1));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
  });

  it("forgets earlier crashes once a worker has run long enough", () => {
    expect(nextCrashCount(0, 10)).toBe(1);
    expect(nextCrashCount(5, 1_000)).toBe(6);
    expect(nextCrashCount(5, STABLE_AFTER_MS)).toBe(1);
  });
});

describe("poolSizePerWorker", () => {
  it("gives each worker 10 connections, at most about 40 for the instance, at least 4 each", () => {
    expect(poolSizePerWorker(undefined, 1)).toBe(10);
    expect(poolSizePerWorker(undefined, 2)).toBe(10);
    expect(poolSizePerWorker(undefined, 4)).toBe(10);
    expect(poolSizePerWorker(undefined, 8)).toBe(5);
    expect(poolSizePerWorker(undefined, 32)).toBe(4);
  });

  it("keeps a DATABASE_POOL_SIZE the deployment set", () => {
    expect(poolSizePerWorker("25", 8)).toBeNull();
  });
});
