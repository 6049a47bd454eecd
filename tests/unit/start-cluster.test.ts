// `npm start` runs several server processes sharing one port and keeps serving when one dies (issue 14,
// ADR 0032): the real supervisor (scripts/cluster/supervisor.ts) over a stand-in server module that answers
// with its process id, so this costs a few seconds and needs no build.
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

interface Answer {
  pid: number;
  slot: string;
  jobs: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** One request on a new connection (the primary hands connections to the workers in turn). */
function ask(port: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/", agent: false, timeout: 5_000 }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c));
      res.on("end", () => (res.statusCode === 200 ? resolve(JSON.parse(body) as Answer) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start's supervisor with two workers", () => {
  let primary: ChildProcess | null = null;
  afterAll(() => {
    if (primary?.exitCode === null) primary.kill("SIGKILL");
  });

  it("serves from both, replaces a killed worker while the other keeps answering, and stops gracefully", { timeout: 60_000 }, async () => {
    const port = await freePort();
    primary = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/fixtures/cluster-primary.ts")], {
      cwd: root,
      env: { ...process.env, PORT: String(port), WORKERS: "2" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    primary.stdout?.on("data", (c: Buffer) => (output += c));
    const exited = new Promise<number | null>((resolve) => primary?.on("exit", (code) => resolve(code)));

    // Both workers answer on the one port.
    const seen = new Map<number, Answer>();
    await until("two workers", async () => {
      const a = await ask(port);
      seen.set(a.pid, a);
      return seen.size === 2 ? true : undefined;
    });
    const [first, second] = [...seen.values()].sort((a, b) => Number(a.slot) - Number(b.slot));
    expect([first.slot, second.slot]).toEqual(["0", "1"]);
    // The background jobs run in one worker only.
    expect([first.jobs, second.jobs]).toEqual(["on", "off"]);

    // Kill one: every request still gets an answer, from the survivor, while the replacement starts.
    process.kill(second.pid, "SIGKILL");
    await until("the killed worker to be gone", async () => (isAlive(second.pid) ? undefined : true));
    const during = await Promise.all(Array.from({ length: 10 }, () => ask(port)));
    expect(during.every((a) => a.pid !== second.pid)).toBe(true);

    // A new process takes the dead one's slot (and its settings).
    const replacement = await until("a replacement worker", async () => {
      const a = await ask(port);
      return a.pid !== first.pid && a.pid !== second.pid ? a : undefined;
    });
    expect(replacement.slot).toBe("1");
    expect(replacement.jobs).toBe("off");
    expect(output).toMatch(new RegExp(`worker ${second.pid} \\(slot 1\\) died \\(signal SIGKILL\\); replacing it in \\d+ ms`));

    // SIGTERM: the workers close, then the supervisor exits 0.
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(isAlive(first.pid) || isAlive(replacement.pid)).toBe(false);
  });

  it(
    "ends with the worker's exit code when a worker fails before the server ever started (no retry loop)",
    { timeout: 30_000 },
    async () => {
      const port = await freePort();
      const proc = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/fixtures/cluster-primary.ts")], {
        cwd: root,
        env: { ...process.env, PORT: String(port), WORKERS: "2", FAIL_AT_START: "3" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let output = "";
      proc.stdout?.on("data", (c: Buffer) => (output += c));
      const code = await new Promise<number | null>((resolve) => proc.on("exit", (c) => resolve(c)));
      expect(code).toBe(3);
      expect(output).toMatch(/ended before the server started \(exit code 3\); stopping/);
      expect(output).not.toMatch(/replacing it/);
    },
  );
});
