/**
 * The pages of issue 14's throughput benchmark and how one of them is measured: autocannon on loopback, one
 * page at a time, with a browser's headers, and the app process's CPU time read from /proc before and after.
 * `tests/bench/throughput-run.ts` is the entry point (`npm run bench:throughput`).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

import autocannon from "autocannon";

import { mulberry32 } from "../../db/seed/marketplace";
import { SESSION_COOKIE } from "../setup/browser";
import { type Kind, type Target } from "./load";
import { summarize, type Summary } from "./stats";

/** A page of the table: one URL, or several picked at random per request (real ids, benchmark queries). */
export type Page = { key: string; name: string; targets: Target[] };

export type PageResult = {
  key: string;
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  latency: Summary;
  non2xx: number;
  errors: number;
  timeouts: number;
  resets: number;
  /** "status path" → count, for the responses that were not 2xx. */
  failures: Record<string, number>;
  /** The app processes' user + system CPU time per request, in ms (undefined when /proc could not be read). */
  cpuPerRequest: number | undefined;
  /** The app processes' CPU use over the run, in cores (1 = one core busy all the time). */
  cpuCores: number | undefined;
  /** The reverse proxy's (nginx's) CPU time per request, in ms, when there is one. */
  proxyCpuPerRequest?: number;
};

// What a browser sends, as in tests/bench/load.ts: compressed HTML, in Vietnamese.
export const BROWSER_HEADERS = { accept: "text/html", "accept-encoding": "gzip", "accept-language": "vi" };

/**
 * The pages, from the load mix's URLs (real job ids read from the public lists; the officer pages carry the
 * session of the demo officer of xã Lương Sơn, the first officer the mix logs in).
 */
export function throughputPages(kinds: Kind[], searchRotation: string[]): Page[] {
  const kind = (prefix: string) => {
    const found = kinds.find((k) => k.name.startsWith(prefix));
    if (!found) throw new Error(`The load mix has no kind "${prefix}…"`);
    return found;
  };
  const officer = kind("officer pages").targets.find((t) => t.path === "/officer/persons");
  if (!officer?.cookie) throw new Error("The load mix has no logged-in /officer/persons");
  return [
    { key: "static", name: "static file /favicon.svg", targets: [{ path: "/favicon.svg" }] },
    { key: "login", name: "/login", targets: [{ path: "/login" }] },
    { key: "search", name: "/jobs?q=sua+xe+may", targets: [{ path: "/jobs?q=sua+xe+may" }] },
    {
      key: "searches",
      name: `/jobs?… (${searchRotation.length} searches rotated)`,
      targets: searchRotation.map((params) => ({ path: `/jobs?${params}` })),
    },
    {
      key: "job",
      name: `/jobs/:id (${kind("job page").targets.length} ids rotated)`,
      targets: kind("job page").targets,
    },
    { key: "officer", name: "/officer/persons (logged in)", targets: [officer] },
  ];
}

/** The pid of the process listening on this TCP port (Linux /proc; only processes of this user are readable). */
export function listeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "IP:PORT" in hex; state 0A is LISTEN; the inode is the tenth column.
      if (cols.length < 10 || cols[3] !== "0A") continue;
      if (parseInt(cols[1].split(":")[1], 16) === port) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      try {
        const link = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = link.match(/^socket:\[(\d+)\]$/)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return undefined;
}

let clockTicks: number | undefined;
const ticksPerSecond = () => {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
};

/** User + system CPU time of a process so far, in ms (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / ticksPerSecond();
  } catch {
    return undefined;
  }
}

/** The summed CPU time of these processes so far, in ms; undefined when one could not be read. */
function cpuMsOf(pids: number[]): number | undefined {
  let sum = 0;
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms === undefined) return undefined;
    sum += ms;
  }
  return pids.length ? sum : undefined;
}

/**
 * One page at `connections` for `seconds`; each request picks its URL at random among the page's targets.
 * `pids`: the app's processes (one, or each instance behind nginx); `proxyPids`: nginx's, when in front.
 */
export async function runPage(options: {
  url: string;
  page: Page;
  connections: number;
  seconds: number;
  pids?: number[];
  proxyPids?: number[];
  seed?: number;
}): Promise<PageResult> {
  const { url, page, connections, seconds, pids = [], proxyPids = [] } = options;
  // Seeded, as the load mix: the same URLs in the same order on every run.
  const rng = mulberry32(options.seed ?? 14);
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const request: autocannon.Request = {
    setupRequest: (req, context) => {
      const target = page.targets[Math.floor(rng() * page.targets.length)];
      (context as { path?: string }).path = target.path;
      return {
        ...req,
        path: target.path,
        headers: { ...req.headers, ...(target.cookie ? { cookie: `${SESSION_COOKIE}=${target.cookie}` } : {}) },
      };
    },
    onResponse: (status, _body, context) => {
      if (status < 200 || status > 299) {
        const key = `${status} ${(context as { path?: string }).path}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    },
  };
  const cpuBefore = cpuMsOf(pids);
  const proxyBefore = cpuMsOf(proxyPids);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: 10, headers: BROWSER_HEADERS, requests: [request] },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const stop = () => instance.stop();
    process.once("SIGINT", stop);
    instance.once("done", () => process.off("SIGINT", stop));
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuMsOf(pids);
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  const proxyAfter = cpuMsOf(proxyPids);
  const proxyCpu = proxyBefore !== undefined && proxyAfter !== undefined ? proxyAfter - proxyBefore : undefined;
  return {
    key: page.key,
    name: page.name,
    connections,
    seconds,
    requests: latencies.length,
    throughput: latencies.length / elapsed,
    latency: summarize(latencies.length ? latencies : [0]),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets,
    failures,
    cpuPerRequest: cpu !== undefined && latencies.length ? cpu / latencies.length : undefined,
    cpuCores: cpu !== undefined ? cpu / 1000 / elapsed : undefined,
    ...(proxyCpu !== undefined && latencies.length ? { proxyCpuPerRequest: proxyCpu / latencies.length } : {}),
  };
}

/**
 * Wait until the app's start-up background work is done (the worker's first report summary takes about a
 * minute on the demo data, figures are published, the index filled): the app's CPU use (its processes'
 * summed) below `threshold` cores for `quietSeconds` seconds in a row, at most `maxSeconds`. Measured before that, a page's figures
 * carry a minute of work that a running instance does once a day. The worker's regular ticks stay in.
 */
export async function waitQuiet(
  pids: number[],
  options: { threshold?: number; quietSeconds?: number; maxSeconds?: number } = {},
): Promise<{ seconds: number; quiet: boolean }> {
  const { threshold = 0.15, quietSeconds = 3, maxSeconds = 300 } = options;
  const started = performance.now();
  let calm = 0;
  let before = cpuMsOf(pids);
  while ((performance.now() - started) / 1000 < maxSeconds) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = cpuMsOf(pids);
    if (now === undefined || before === undefined) return { seconds: 0, quiet: false };
    calm = (now - before) / 1000 < threshold ? calm + 1 : 0;
    before = now;
    if (calm >= quietSeconds) return { seconds: (performance.now() - started) / 1000, quiet: true };
  }
  return { seconds: maxSeconds, quiet: false };
}
