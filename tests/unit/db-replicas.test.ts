// Which errors send a replica's read to the primary (lib/db/replicas.ts): the replica being unavailable —
// refused, restarting, a dropped connection, a query cancelled by recovery — but never an error in the query
// itself, which would fail on the primary too and must reach the caller as it is.
import { describe, expect, it } from "vitest";
import { isReplicaUnavailable } from "@/lib/db/replicas";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("isReplicaUnavailable", () => {
  it("is true when the replica cannot answer", () => {
    expect(isReplicaUnavailable(pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:55433"))).toBe(true);
    expect(isReplicaUnavailable(pgError("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isReplicaUnavailable(pgError("57P03", "the database system is starting up"))).toBe(true);
    expect(isReplicaUnavailable(pgError("08006", "connection failure"))).toBe(true);
    expect(isReplicaUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isReplicaUnavailable(pgError("40001", "canceling statement due to conflict with recovery"))).toBe(true);
  });

  it("looks through the causes Prisma wraps around the driver's error", () => {
    const driver = pgError("ECONNRESET", "read ECONNRESET");
    expect(isReplicaUnavailable(new Error("Invalid `prisma.$queryRaw()` invocation", { cause: driver }))).toBe(true);
  });

  it("is false for an error in the query itself", () => {
    expect(isReplicaUnavailable(pgError("42601", 'syntax error at or near "SELEC"'))).toBe(false);
    expect(isReplicaUnavailable(pgError("22P02", "invalid input syntax for type integer"))).toBe(false);
    expect(isReplicaUnavailable(pgError("40001", "could not serialize access due to concurrent update"))).toBe(false);
    expect(isReplicaUnavailable(null)).toBe(false);
  });
});
