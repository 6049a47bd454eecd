// Addresses with a NUL character are refused by the production server before the app sees them: PostgreSQL
// text cannot hold NUL, and `/klaster?q=%00` used to reach a database query and answer 500.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeerServer, newPeerKey } from "@/scripts/serve";

let server: http.Server;
let port: number;
let reached = 0;

beforeAll(async () => {
  server = createPeerServer((_req, res) => {
    reached++;
    res.end("app");
  }, newPeerKey());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
      })
      .on("error", reject);
  });
}

describe("a NUL character in the address", () => {
  it("is refused with 400 in the reader's language, before the app", async () => {
    const before = reached;
    const page = await get("/klaster?q=%00");
    expect(page.status).toBe(400);
    expect(page.body).toMatch(/karakter NUL/);
    const en = await get("/pemasok?q=batik%00tulis", { "accept-language": "en-US,en;q=0.9" });
    expect(en.body).toMatch(/NUL character/);
    const api = await get("/api/v1/suppliers?q=%00");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: "invalid_input" } });
    expect(reached).toBe(before);
  });

  it("does not touch ordinary addresses (a literal %2500 is not NUL)", async () => {
    expect((await get("/pemasok?q=batik")).body).toBe("app");
    expect((await get("/pemasok?q=100%2500")).body).toBe("app");
  });
});
