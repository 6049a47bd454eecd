// Issue 11 item 3b: a client cannot choose its own address. X-Real-IP / X-Forwarded-For count only with
// TRUST_PROXY=1; otherwise the address is the TCP peer's, which the server `npm start` runs
// (scripts/serve.ts) writes into an internal header on every request, replacing whatever the client sent.
// The server is started here for real (node:http on a free port) in front of a handler that reports what
// the app would see.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clientAddress, PEER_HEADER, PEER_KEY_ENV, peerHeaderValue, limitKey } from "@/lib/auth/client-address";
import { createPeerServer, newPeerKey } from "@/scripts/serve";

afterEach(() => vi.unstubAllEnvs());

describe("clientAddress without TRUST_PROXY", () => {
  it("ignores X-Real-IP and X-Forwarded-For", () => {
    vi.stubEnv("TRUST_PROXY", "");
    vi.stubEnv(PEER_KEY_ENV, "");
    expect(clientAddress(new Headers({ "x-real-ip": "1.2.3.4", "x-forwarded-for": "5.6.7.8" }))).toBeNull();
    expect(clientAddress({ "x-real-ip": "1.2.3.4" })).toBeNull();
  });

  it("trusts the peer header only with the key our server made, never a client's forgery", () => {
    const key = newPeerKey();
    vi.stubEnv("TRUST_PROXY", "0");
    // No key in this process (next dev, a bare next start, tests): never trusted.
    vi.stubEnv(PEER_KEY_ENV, "");
    expect(clientAddress(new Headers({ [PEER_HEADER]: peerHeaderValue(key, "10.9.8.7") }))).toBeNull();
    vi.stubEnv(PEER_KEY_ENV, key);
    expect(clientAddress(new Headers({ [PEER_HEADER]: peerHeaderValue(key, "10.9.8.7") }))).toBe("10.9.8.7");
    expect(clientAddress(new Headers({ [PEER_HEADER]: peerHeaderValue("guessed-key-guessed-key", "10.9.8.7") }))).toBeNull();
    expect(clientAddress(new Headers({ [PEER_HEADER]: "10.9.8.7" }))).toBeNull();
    expect(clientAddress(new Headers({ [PEER_HEADER]: key }))).toBeNull();
  });
});

describe("clientAddress with TRUST_PROXY=1", () => {
  it("takes X-Real-IP (which the proxy overwrites), never X-Forwarded-For, else the peer", () => {
    const key = newPeerKey();
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv(PEER_KEY_ENV, key);
    expect(clientAddress(new Headers({ "x-real-ip": "1.2.3.4", "x-forwarded-for": "5.6.7.8" }))).toBe("1.2.3.4");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 5.6.7.8" }))).toBeNull();
    expect(clientAddress(new Headers({ [PEER_HEADER]: peerHeaderValue(key, "10.0.0.2"), "x-forwarded-for": "5.6.7.8" }))).toBe("10.0.0.2");
  });
});

describe("clientAddress with TRUST_PROXY=x-forwarded-for", () => {
  it("takes the right-most X-Forwarded-For entry (which the proxy appends), never X-Real-IP, else the peer", () => {
    const key = newPeerKey();
    vi.stubEnv("TRUST_PROXY", "x-forwarded-for");
    vi.stubEnv(PEER_KEY_ENV, key);
    expect(clientAddress(new Headers({ "x-real-ip": "1.2.3.4", "x-forwarded-for": "6.6.6.6, 5.6.7.8" }))).toBe("5.6.7.8");
    expect(clientAddress(new Headers({ "x-real-ip": "1.2.3.4" }))).toBeNull();
    expect(clientAddress(new Headers({ [PEER_HEADER]: peerHeaderValue(key, "10.0.0.2"), "x-real-ip": "1.2.3.4" }))).toBe("10.0.0.2");
  });
});

describe("limitKey: what a per-address limit counts", () => {
  it("an IPv6 address as its /64, an IPv4-mapped one as IPv4, however written", () => {
    expect(limitKey("2001:db8:aa:1::1")).toBe("2001:db8:aa:1::/64");
    expect(limitKey("2001:0DB8:00aa:0001:dead:beef::9")).toBe("2001:db8:aa:1::/64");
    expect(limitKey("2001:db8:aa:2::1")).not.toBe(limitKey("2001:db8:aa:1::1"));
    expect(limitKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(limitKey("192.0.2.7")).toBe("192.0.2.7");
  });
});

describe("the server npm start runs (scripts/serve.ts)", () => {
  const key = newPeerKey();
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = createPeerServer((req, res) => {
      // What a route handler or server action would compute.
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ address: clientAddress(req.headers), seen: req.headers[PEER_HEADER] ?? null }));
    }, key);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function ask(headers: Record<string, string>) {
    return new Promise<{ address: string | null; seen: string | null }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve(JSON.parse(body)));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("overwrites a client-sent peer header (even one with the right key) with the socket's address", async () => {
    vi.stubEnv(PEER_KEY_ENV, key);
    vi.stubEnv("TRUST_PROXY", "");
    const forged = await ask({
      [PEER_HEADER]: peerHeaderValue(key, "203.0.113.99"),
      "x-real-ip": "203.0.113.98",
      "x-forwarded-for": "203.0.113.97",
    });
    expect(forged.address).toBe("127.0.0.1");
    expect(forged.seen).toBe(peerHeaderValue(key, "127.0.0.1"));
    const plain = await ask({});
    expect(plain.address).toBe("127.0.0.1");
  });

  it("keeps idle connections longer than a load balancer's idle timeout", () => {
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
  });
});
