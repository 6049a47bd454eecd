// Helpers of `npm run bench:pages` (scripts/bench-pages.ts): the issue 14 targets and their verdicts, finding
// a static file and resource ids in a page's HTML, and the resident memory of the `npm start` processes.
import fs from "node:fs";

/** Issue 14's targets, per kind of page: share of the static file's req/s, p99 and errors. */
export const TARGETS = {
  public: { shareOfStatic: 0.25, p99Ms: 1000 },
  signedIn: { shareOfStatic: 0.05, p99Ms: null },
} as const;
export const MEMORY_TARGETS_MB = { worker: 512, supervisor: 100 } as const;

export type PageKind = keyof typeof TARGETS;

export interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
}

/** Whether a path meets its targets, and a short word of why not. */
export function verdict(kind: PageKind, m: Measured, staticReqPerSec: number): { pass: boolean; misses: string[] } {
  const t = TARGETS[kind];
  const misses: string[] = [];
  if (!(staticReqPerSec > 0) || m.reqPerSec / staticReqPerSec < t.shareOfStatic) misses.push(`< ${t.shareOfStatic * 100} % of static`);
  if (t.p99Ms !== null && m.p99 >= t.p99Ms) misses.push(`p99 ≥ ${t.p99Ms} ms`);
  if (m.errors > 0 || m.non2xx > 0) misses.push("errors");
  return { pass: misses.length === 0, misses };
}

/** The first stylesheet under /_next/static that a page links (the "static file of the same server"). */
export function findStaticAsset(html: string): string | null {
  const m = /["'](\/_next\/static\/[^"'?#\s]+\.css)["']/.exec(html);
  return m ? m[1] : null;
}

/**
 * The ids in `html` of links built by `route` (a URL builder of lib/<domain>/routes.ts), in page order,
 * without repeats: route("ID") gives the shape, the id is what stands where "ID" stands.
 */
export function idsFromHtml(html: string, route: (id: string) => string): string[] {
  const marker = "BENCHIDMARKER";
  const shape = route(marker);
  const [before, after] = shape.split(marker);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Ids are cuid-like; the trailing look-ahead keeps /rfq/ID from matching /rfq/ID/… when `after` is empty.
  const re = new RegExp(`href="${escape(before)}([A-Za-z0-9_-]{6,})${escape(after)}(?=["?#])`, "g");
  const out: string[] = [];
  for (const m of html.matchAll(re)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

/** Resident set size of a process in MB (VmRSS), or null when it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The command line of a process ("" when it is gone). */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** Direct children of a process (Linux /proc). */
export function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Every descendant of a process, depth first. */
export function descendantsOf(pid: number): number[] {
  const out: number[] = [];
  for (const c of childrenOf(pid)) out.push(c, ...descendantsOf(c));
  return out;
}

/** Keeps the largest RSS seen per process, sampling every `everyMs` while running. */
export class RssSampler {
  readonly max = new Map<number, { role: string; mb: number }>();
  private timer: ReturnType<typeof setInterval> | null = null;

  /** `processes` lists the pids to sample now, with their role ("supervisor", "worker", …). */
  constructor(private readonly processes: () => { pid: number; role: string }[]) {}

  sample(): void {
    for (const { pid, role } of this.processes()) {
      const mb = rssMb(pid);
      if (mb === null) continue;
      const prev = this.max.get(pid);
      if (!prev || mb > prev.mb) this.max.set(pid, { role, mb });
    }
  }

  start(everyMs = 250): void {
    this.sample();
    this.timer ??= setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }
}
