import { describe, expect, it } from "vitest";
import { assertLocalDatabase, isLocalDatabaseUrl } from "@/tests/setup/assert-local-database";

describe("isLocalDatabaseUrl", () => {
  it.each([
    "postgresql://postgres@127.0.0.1:5432/postgres",
    "postgresql://postgres@localhost/rantai",
    "postgres://u:p@127.0.0.2/x",
    "postgresql://u@[::1]:5432/x",
    "postgresql://u@db.localhost/x",
    "postgresql:///rantai",
    "postgresql://u@/rantai?host=/var/run/postgresql",
  ])("accepts %s", (url) => expect(isLocalDatabaseUrl(url)).toBe(true));

  it.each([
    "postgresql://u:p@db.example.com/rantai",
    "postgresql://u@10.0.0.5/rantai",
    "postgresql://u@localhost.example.com/x",
    "postgresql://u@127.0.0.1.nip.io/x",
    "postgresql://u@localhost/x?host=db.example.com",
    "not a url",
  ])("refuses %s", (url) => expect(isLocalDatabaseUrl(url)).toBe(false));
});

describe("assertLocalDatabase", () => {
  it("passes when DATABASE_URL is unset, blank or local", () => {
    expect(() => assertLocalDatabase({ NODE_ENV: "test" })).not.toThrow();
    expect(() => assertLocalDatabase({ NODE_ENV: "test", DATABASE_URL: " " })).not.toThrow();
    expect(() => assertLocalDatabase({ NODE_ENV: "test", DATABASE_URL: "postgresql://localhost/x" })).not.toThrow();
  });

  it("refuses a remote database without printing its password", () => {
    const run = () => assertLocalDatabase({ NODE_ENV: "test", DATABASE_URL: "postgresql://admin:hunter2@prod.example.com:5432/rantai" });
    expect(run).toThrow(/prod\.example\.com:5432/);
    expect(run).not.toThrow(/hunter2/);
  });
});
