// Issue 11 item 3: sign-in limits that hold under parallel load and cannot be dodged by a made-up address.
// (a) The attempt is reserved atomically BEFORE the password is checked: 30 wrong passwords sent at once
//     get 8 password checks (401) and 22 refusals without a check (429). A 401 means the password was
//     checked; a 429 means it was not.
// (b) X-Real-IP / X-Forwarded-For count only with TRUST_PROXY=1; otherwise the address is the TCP peer that
//     our server (scripts/serve.ts) stamps into x-rantai-peer with its key — simulated here with the same key.
// The limits come from the environment (LOGIN_LIMIT_* / SIGNUP_LIMIT_*); defaults stay strict.
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/helpers/db";
import { callRoute } from "@/tests/helpers/api";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as signIn } from "@/app/api/v1/auth/token/route";
import { LOGIN_LIMITS, currentLimits } from "@/lib/auth/rate-limit";
import { PEER_HEADER, PEER_KEY_ENV, peerHeaderValue } from "@/lib/auth/client-address";
import { authOptions } from "@/lib/auth/next-auth";
import { newPeerKey } from "@/scripts/serve";

const t = useTestDatabase();
afterEach(() => vi.unstubAllEnvs());

let n = 0;
async function newAccount() {
  n += 1;
  const input = {
    email: `batas-${n}-${Math.random().toString(36).slice(2, 8)}@contoh.rantai.test`,
    password: "tenun-ikat-sumba-7",
    name: `Pengguna ${n}`,
    organization: { name: `CV Batas ${n}`, type: "umkm" },
  };
  const res = await callRoute(register, "POST", "/api/v1/auth/register", { body: input });
  expect(res.status, await res.clone().text()).toBe(201);
  return input;
}

const attempt = (email: string, password: string, headers: Record<string, string> = {}) =>
  callRoute(signIn, "POST", "/api/v1/auth/token", { body: { email, password }, headers });

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe("(a) the attempt is reserved before the password is checked", () => {
  it("checks at most 8 passwords when 30 wrong ones arrive at once; the other 22 get 429; then even the right one is 429", async () => {
    expect(currentLimits().perAccount.points).toBe(LOGIN_LIMITS.perAccount.points); // the strict default
    const victim = await newAccount();
    const tokensBefore = await t.db.apiToken.count();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(victim.email, `salah-${i}-sandinya`)));
    expect(tally(results.map((r) => r.status))).toEqual({ 401: LOGIN_LIMITS.perAccount.points, 429: 30 - LOGIN_LIMITS.perAccount.points });
    expect((await attempt(victim.email, victim.password)).status).toBe(429);
    expect(await t.db.apiToken.count()).toBe(tokensBefore);
  });

  it("lets the right password in under the limit, and a success clears the account's earlier failures", async () => {
    const user = await newAccount();
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, `salah-${i}-sandinya`)).status).toBe(401);
    expect((await attempt(user.email, user.password)).status).toBe(200);
    // The counter starts again: 8 more failures are checked, the 9th is refused.
    const again = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(user.email, `lagi-${i}-sandinya`)));
    expect(tally(again.map((r) => r.status))).toEqual({ 401: 8, 429: 4 });
  });

  it("refuses the sign-in page's credentials flow the same way (rate_limited, no password check)", async () => {
    const user = await newAccount();
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        provider.options.authorize({ email: user.email, password: `salah-${i}-sandinya` }, { headers: {} }).then(
          (u) => (u === null ? "wrong" : "signed-in"),
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        ),
      ),
    );
    expect(tally(outcomes as unknown as number[])).toEqual({ wrong: 8, rate_limited: 12 });
  });

  it("reads its limits from the environment (LOGIN_LIMIT_PER_ACCOUNT)", async () => {
    vi.stubEnv("LOGIN_LIMIT_PER_ACCOUNT", "3");
    const user = await newAccount();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(user.email, `salah-${i}-sandinya`)));
    expect(tally(results.map((r) => r.status))).toEqual({ 401: 3, 429: 3 });
    // A bad value never loosens the limit: the default applies.
    vi.stubEnv("LOGIN_LIMIT_PER_ACCOUNT", "banyak");
    expect(currentLimits().perAccount.points).toBe(LOGIN_LIMITS.perAccount.points);
  });
});

describe("(b) the address is the TCP peer's unless TRUST_PROXY=1", () => {
  it("counts failures per peer however the client varies X-Real-IP / X-Forwarded-For", async () => {
    const key = newPeerKey();
    vi.stubEnv(PEER_KEY_ENV, key);
    vi.stubEnv("TRUST_PROXY", "");
    vi.stubEnv("LOGIN_LIMIT_PER_ADDRESS", "4");
    const fromPeer = (peer: string, i: number) => ({
      [PEER_HEADER]: peerHeaderValue(key, peer),
      "x-real-ip": `198.51.100.${i}`,
      "x-forwarded-for": `203.0.113.${i}`,
    });
    // Different (unknown) accounts, so only the address limit can bite.
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await attempt(`tidak-ada-${i}-${n}@contoh.rantai.test`, "salah-sandinya", fromPeer("192.0.2.10", i))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Another peer is not affected; a known user from the blocked peer is refused before any check.
    expect((await attempt(`tidak-ada-x-${n}@contoh.rantai.test`, "salah-sandinya", fromPeer("192.0.2.11", 0))).status).toBe(401);
    const user = await newAccount();
    expect((await attempt(user.email, user.password, fromPeer("192.0.2.10", 9))).status).toBe(429);
    expect((await attempt(user.email, user.password, fromPeer("192.0.2.11", 9))).status).toBe(200);
  });

  it("behind a trusted proxy (TRUST_PROXY=1), counts per X-Real-IP instead", async () => {
    const key = newPeerKey();
    vi.stubEnv(PEER_KEY_ENV, key);
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("LOGIN_LIMIT_PER_ADDRESS", "2");
    const via = (client: string) => ({ [PEER_HEADER]: peerHeaderValue(key, "10.0.0.1"), "x-real-ip": client });
    const statuses = [];
    for (const client of ["198.51.100.1", "198.51.100.1", "198.51.100.1", "198.51.100.2"]) {
      statuses.push((await attempt(`tidak-ada-p-${client}-${n}@contoh.rantai.test`, "salah-sandinya", via(client))).status);
    }
    expect(statuses).toEqual([401, 401, 429, 401]);
  });

  // Review (issue 11 item 3b): a load balancer that appends the client to X-Forwarded-For (nginx
  // $proxy_add_x_forwarded_for, cloud load balancers) passes a client-sent X-Real-IP through untouched. With
  // X-Real-IP preferred, every request could name a fresh address and never meet the per-address limit.
  it("behind a proxy that appends to X-Forwarded-For (TRUST_PROXY=x-forwarded-for), a forged X-Real-IP is ignored", async () => {
    const key = newPeerKey();
    vi.stubEnv(PEER_KEY_ENV, key);
    vi.stubEnv("TRUST_PROXY", "x-forwarded-for");
    vi.stubEnv("LOGIN_LIMIT_PER_ADDRESS", "2");
    // The client forges X-Real-IP and a left-hand X-Forwarded-For entry; the proxy appends what it saw.
    const via = (client: string, i: number) => ({
      [PEER_HEADER]: peerHeaderValue(key, "10.0.0.1"),
      "x-real-ip": `198.51.100.${i}`,
      "x-forwarded-for": `203.0.113.${i}, ${client}`,
    });
    const statuses = [];
    const clients = ["192.0.2.30", "192.0.2.30", "192.0.2.30", "192.0.2.31"];
    for (const [i, client] of clients.entries()) {
      statuses.push((await attempt(`tidak-ada-f-${i}-${n}@contoh.rantai.test`, "salah-sandinya", via(client, i))).status);
    }
    // The third try from 192.0.2.30 is over its limit whatever X-Real-IP said; another client is not.
    expect(statuses).toEqual([401, 401, 429, 401]);
  });

  it("with TRUST_PROXY=1 (the proxy overwrites X-Real-IP), a client-sent X-Forwarded-For never names the address", async () => {
    const key = newPeerKey();
    vi.stubEnv(PEER_KEY_ENV, key);
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("LOGIN_LIMIT_PER_ADDRESS", "2");
    // A request that reached the app without X-Real-IP (another path to the app, or a proxy location that
    // does not set it) is counted under its peer, not under an address the client wrote.
    const forged = (i: number) => ({ [PEER_HEADER]: peerHeaderValue(key, "192.0.2.40"), "x-forwarded-for": `198.51.100.${200 + i}` });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await attempt(`tidak-ada-r-${i}-${n}@contoh.rantai.test`, "salah-sandinya", forged(i))).status);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it("limits sign-ups per peer (SIGNUP_LIMIT_PER_ADDRESS), not per X-Real-IP, and creates nothing past it", async () => {
    const key = newPeerKey();
    vi.stubEnv(PEER_KEY_ENV, key);
    vi.stubEnv("TRUST_PROXY", "");
    vi.stubEnv("SIGNUP_LIMIT_PER_ADDRESS", "2");
    const statuses = [];
    const emails = [];
    for (let i = 0; i < 3; i++) {
      const email = `daftar-${i}-${n}-${Math.random().toString(36).slice(2, 6)}@contoh.rantai.test`;
      emails.push(email);
      const res = await callRoute(register, "POST", "/api/v1/auth/register", {
        body: { email, password: "tenun-ikat-sumba-7", name: "Pengguna", organization: { name: `CV Daftar ${i}`, type: "umkm" } },
        headers: { [PEER_HEADER]: peerHeaderValue(key, "192.0.2.50"), "x-real-ip": `198.51.100.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(await t.db.user.count({ where: { email: emails[2] } })).toBe(0);
  });

  // Review (issue 11 item 3b): one IPv6 subscriber gets a whole /64 (2^64 addresses) and picks any of them
  // for each connection; an IPv4 client reaches a dual-stack server as ::ffff:a.b.c.d. Counting per full
  // IPv6 address would let one client make unlimited accounts; the limits count per /64.
  it("counts an IPv6 client per /64 (not per address it picks) and an IPv4-mapped peer as its IPv4 address", async () => {
    const key = newPeerKey();
    vi.stubEnv(PEER_KEY_ENV, key);
    vi.stubEnv("TRUST_PROXY", "");
    vi.stubEnv("SIGNUP_LIMIT_PER_ADDRESS", "2");
    const signUp = async (peer: string, i: number) => {
      const email = `v6-${i}-${n}-${Math.random().toString(36).slice(2, 6)}@contoh.rantai.test`;
      const res = await callRoute(register, "POST", "/api/v1/auth/register", {
        body: { email, password: "tenun-ikat-sumba-7", name: "Pengguna", organization: { name: `CV Enam ${i}`, type: "umkm" } },
        headers: { [PEER_HEADER]: peerHeaderValue(key, peer) },
      });
      return res.status;
    };
    const one64 = ["2001:db8:aa:1::1", "2001:db8:aa:1:ffff:1:2:3", "2001:0db8:00aa:0001:dead:beef::9"];
    const statuses = [];
    for (const [i, peer] of one64.entries()) statuses.push(await signUp(peer, i));
    expect(statuses).toEqual([201, 201, 429]);
    // The neighbouring /64 is another subscriber.
    expect(await signUp("2001:db8:aa:2::1", 10)).toBe(201);
    // IPv4 over a dual-stack socket: one counter whichever way the address is written.
    expect([await signUp("::ffff:192.0.2.77", 11), await signUp("192.0.2.77", 12), await signUp("::FFFF:192.0.2.77", 13)]).toEqual([
      201, 201, 429,
    ]);
  });
});
