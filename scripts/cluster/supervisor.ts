// The long-lived part of `npm start` (ADR 0032): a node:cluster primary that runs `workers` copies of a
// server module (scripts/serve.ts in production) sharing one port, replaces a worker that dies (after a
// backoff that grows while a slot keeps crashing, so a crash loop does not spin), and on SIGTERM / SIGINT /
// SIGHUP passes the signal on, waits for every worker to close its connections and exits 0 (a second signal,
// or workers still alive after STOP_TIMEOUT_MS, kills them). Before any worker has listened, a worker that
// exits ends the supervisor with its exit code: a missing build or a port in use is reported, not retried.
//
// Only node built-ins and ./policy: this process must stay small (no Prisma, no Next; issue 14: < 100 MB).
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { nextCrashCount, restartDelayMs } from "./policy";

const STOP_TIMEOUT_MS = 15_000;

export interface SuperviseOptions {
  /** The worker's entry module (run with the primary's execArgv, e.g. `--import tsx`). */
  exec: string;
  workers: number;
  /** Extra environment for the worker in `slot` (0 … workers-1); a replacement gets its slot's again. */
  env?: (slot: number) => Record<string, string>;
  log?: (message: string) => void;
}

interface Slot {
  worker: Worker | null;
  crashes: number;
  listeningAt: number | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Runs the workers until a signal stops them; resolves with the exit code for the supervisor. */
export function superviseWorkers({ exec, workers, env = () => ({}), log = console.log }: SuperviseOptions): Promise<number> {
  cluster.setupPrimary({ exec });
  const slots: Slot[] = Array.from({ length: workers }, () => ({ worker: null, crashes: 0, listeningAt: null, timer: null }));
  let everListened = false;
  let stopping: NodeJS.Signals | "startup-failure" | null = null;
  let finish: (code: number) => void = () => {};
  let exitCode = 0;
  const done = new Promise<number>((resolve) => (finish = resolve));

  const alive = () => slots.filter((s) => s.worker !== null).length;
  const finishIfAllGone = () => {
    if (stopping && alive() === 0) {
      for (const s of slots) if (s.timer) clearTimeout(s.timer);
      finish(exitCode);
    }
  };

  const fork = (index: number) => {
    const slot = slots[index];
    slot.timer = null;
    if (stopping) return;
    const worker = cluster.fork({ ...env(index), RANTAI_WORKER_SLOT: String(index) });
    slot.worker = worker;
    slot.listeningAt = null;
    worker.on("listening", () => {
      slot.listeningAt = Date.now();
      everListened = true;
    });
    worker.on("exit", (code, signal) => {
      slot.worker = null;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (stopping) {
        finishIfAllGone();
        return;
      }
      if (!everListened) {
        // Nothing has served yet: this is a start-up failure (no build, port taken), not a crash to retry.
        log(`worker ${worker.process.pid} (slot ${index}) ended before the server started (${how}); stopping`);
        exitCode = code || (signal ? 128 + (os.constants.signals[signal as NodeJS.Signals] ?? 1) : 1);
        stopAll("startup-failure");
        return;
      }
      const uptime = slot.listeningAt === null ? 0 : Date.now() - slot.listeningAt;
      slot.crashes = nextCrashCount(slot.crashes, uptime);
      const delay = restartDelayMs(slot.crashes);
      log(
        `worker ${worker.process.pid} (slot ${index}) died (${how}); replacing it in ${delay} ms` +
          (slot.crashes > 1 ? ` (crash ${slot.crashes} in a row)` : ""),
      );
      slot.timer = setTimeout(() => fork(index), delay);
    });
  };

  const stopAll = (reason: NodeJS.Signals | "startup-failure") => {
    stopping = reason;
    for (const s of slots) {
      if (s.timer) clearTimeout(s.timer);
      s.timer = null;
      // Each worker closes its server and exits 0 (scripts/serve.ts); in-flight requests finish first.
      s.worker?.process.kill(reason === "startup-failure" ? "SIGTERM" : reason);
    }
    setTimeout(() => {
      for (const s of slots) s.worker?.process.kill("SIGKILL");
    }, STOP_TIMEOUT_MS).unref();
    finishIfAllGone();
  };

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) {
        log(`${signal} again: killing ${alive()} worker(s)`);
        for (const s of slots) s.worker?.process.kill("SIGKILL");
        exitCode = 128 + (os.constants.signals[signal] ?? 1);
        return;
      }
      log(`${signal}: stopping ${alive()} worker(s) after their requests in flight`);
      stopAll(signal);
    });
  }

  for (let i = 0; i < workers; i++) fork(i);
  return done;
}
