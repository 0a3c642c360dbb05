/**
 * The soak of issue 7: SOAK_MINUTES (10) of moderate mixed load (SOAK_CONNECTIONS, 20) on a fresh app,
 * sampling the resident memory of the app's node process and of its Meilisearch every 10 s. Memory is
 * "flat" when, after the first minute, the app's least-squares slope stays under SOAK_MAX_SLOPE_MB
 * (10 MB per 10 minutes) and the last minute's median is within SOAK_MAX_DRIFT_PCT (15 %) of the second
 * minute's. Meilisearch is sampled and reported; only the app's memory decides.
 *
 * Before the measured minutes, SOAK_WARMUP_SECONDS (180) of the same load, sampled and shown but not
 * judged. Why: a fresh app's RSS climbs for 2 to 5 minutes before it levels (V8's heap and malloc's arenas
 * growing to their working size; measured 871 → 1008 MB over minutes 1–5, then 987–1006 MB until minute 10;
 * sooner on a quieter machine), which a 1-minute warm-up took for a leak (121 MB per 10 min). A leak
 * still shows after the warm-up: it grows with every request, at any minute.
 * Run alone: `npx tsx tests/bench/soak.ts` (exits non-zero when not flat or on a failed request).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, cleanups, log } from "./harness";
import { dbKindFromEnv, machine, prepareMix, preflight, runLoad, startLoadApp, type LoadResult, type Machine } from "./load";
import { processMemory } from "./stats";

export const SOAK = {
  minutes: Number(process.env.SOAK_MINUTES ?? 10),
  connections: Number(process.env.SOAK_CONNECTIONS ?? 20),
  sampleSeconds: 10,
  /** Excluded from the slope at the start of the measured minutes. */
  warmupSeconds: 60,
  preloadSeconds: Number(process.env.SOAK_WARMUP_SECONDS ?? 180),
  maxSlopeMbPer10Min: Number(process.env.SOAK_MAX_SLOPE_MB ?? 10),
  maxDriftPct: Number(process.env.SOAK_MAX_DRIFT_PCT ?? 15),
};

/** t: seconds since the measured minutes began (negative during the warm-up). */
export type Sample = { t: number; app: number; meili: number };
export type Trend = { startMb: number; endMb: number; peakMb: number; slopeMbPer10Min: number };
export type SoakResult = {
  minutes: number;
  /** The unjudged warm-up before the measured minutes. */
  warmupSeconds: number;
  connections: number;
  samples: Sample[];
  app: Trend & { secondMinuteMedianMb: number; lastMinuteMedianMb: number; driftPct: number };
  meili: Trend;
  load: LoadResult;
  flat: boolean;
  /** Why the memory does not count as flat (empty when it does). */
  reasons: string[];
};

const MB = 1024 * 1024;
const round1 = (v: number) => Math.round(v * 10) / 10;

/** The pid of the process listening on this TCP port (Linux /proc: the socket's inode, then whose fd it is). */
export function pidListeningOn(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] local address "ADDR:PORT", cols[3] state (0A = LISTEN), cols[9] inode.
      if (cols.length > 9 && cols[1].endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const m = fs.readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
        if (m && inodes.has(m[1])) return Number(pid);
      }
    } catch {
      /* gone, or not ours to read */
    }
  }
  return undefined;
}

/** The Meilisearch launched by the app: same process group (startApp starts one per app), named meilisearch. */
export function meilisearchOf(appPid: number): number | undefined {
  const stat = (pid: string) => {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so split after its closing parenthesis.
    const close = text.lastIndexOf(")");
    return { comm: text.slice(text.indexOf("(") + 1, close), pgrp: Number(text.slice(close + 2).split(" ")[2]) };
  };
  const group = stat(String(appPid)).pgrp;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const s = stat(pid);
      if (s.pgrp === group && s.comm.startsWith("meilisearch")) return Number(pid);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

/** Least-squares slope of y over t (seconds), in y-units per second. */
export function slope(points: { t: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function trend(samples: Sample[], key: "app" | "meili", from: number): Trend {
  const after = samples.filter((s) => s.t >= from);
  const ys = samples.filter((s) => s.t >= 0).map((s) => s[key]);
  return {
    startMb: round1((after[0]?.[key] ?? 0) / MB),
    endMb: round1((samples.at(-1)?.[key] ?? 0) / MB),
    peakMb: round1(Math.max(...ys) / MB),
    slopeMbPer10Min: round1((slope(after.map((s) => ({ t: s.t, y: s[key] }))) * 600) / MB),
  };
}

/** Flat or not: the slope after the warm-up and the last minute against the second (see the file comment). */
export function judge(samples: Sample[], minutes: number) {
  const app = trend(samples, "app", SOAK.warmupSeconds);
  const meili = trend(samples, "meili", SOAK.warmupSeconds);
  const secondMinute = median(samples.filter((s) => s.t >= 60 && s.t < 120).map((s) => s.app)) / MB;
  const lastMinute = median(samples.filter((s) => s.t > minutes * 60 - 60).map((s) => s.app)) / MB;
  const driftPct = secondMinute ? ((lastMinute - secondMinute) / secondMinute) * 100 : 0;
  const reasons: string[] = [];
  if (samples.filter((s) => s.t >= SOAK.warmupSeconds).length < 3) reasons.push("too few samples after the warm-up (SOAK_MINUTES must be at least 2)");
  if (app.slopeMbPer10Min >= SOAK.maxSlopeMbPer10Min) reasons.push(`app RSS grows ${app.slopeMbPer10Min} MB per 10 min (limit ${SOAK.maxSlopeMbPer10Min})`);
  if (Math.abs(driftPct) > SOAK.maxDriftPct) reasons.push(`app RSS last-minute median ${round1(lastMinute)} MB is ${round1(driftPct)} % from the second minute's ${round1(secondMinute)} MB (limit ±${SOAK.maxDriftPct} %)`);
  return {
    app: { ...app, secondMinuteMedianMb: round1(secondMinute), lastMinuteMedianMb: round1(lastMinute), driftPct: round1(driftPct) },
    meili,
    reasons,
  };
}

/** Start a fresh app, soak it, stop it. */
export async function soakTest(): Promise<{ result: SoakResult; machine: Machine }> {
  const db = dbKindFromEnv();
  const host = machine(db);
  log(`soak: starting the app (${db}) …`);
  const app = await startLoadApp(db);
  cleanups.push(app.stop);
  try {
    const appPid = pidListeningOn(Number(new URL(app.url).port));
    if (!appPid) throw new Error(`No process found listening on ${app.url}`);
    const meiliPid = meilisearchOf(appPid);
    if (!meiliPid) throw new Error(`No Meilisearch found in the app's process group (app pid ${appPid})`);
    const kinds = await prepareMix(app.url);
    await preflight(app.url, kinds);
    log(`soak: app pid ${appPid}, Meilisearch pid ${meiliPid}; RSS every ${SOAK.sampleSeconds} s`);
    const samples: Sample[] = [];
    let started = performance.now() + SOAK.preloadSeconds * 1000;
    let gone = false;
    const sample = () => {
      const t = Math.round((performance.now() - started) / 1000);
      const a = processMemory(appPid);
      const m = processMemory(meiliPid);
      // Noted, not thrown: a throw inside the timer would end this process without its clean-up.
      if (!a) return void (gone = true);
      samples.push({ t, app: a.rss, meili: m?.rss ?? 0 });
      if (((t % 60) + 60) % 60 < SOAK.sampleSeconds) log(`soak: ${t} s, app ${Math.round(a.rss / MB)} MB, Meilisearch ${Math.round((m?.rss ?? 0) / MB)} MB`);
    };
    sample();
    let timer = setInterval(sample, SOAK.sampleSeconds * 1000);
    let load: LoadResult;
    try {
      if (SOAK.preloadSeconds > 0) {
        log(`soak: warm-up, ${SOAK.connections} connections for ${SOAK.preloadSeconds} s`);
        const warm = await runLoad({ url: app.url, kinds, connections: SOAK.connections, seconds: SOAK.preloadSeconds, app });
        if (warm.failed) throw new Error(`${warm.failed} failed requests during the soak's warm-up`);
        // The measured minutes start now, sampled from their first second.
        clearInterval(timer);
        started = performance.now();
        sample();
        timer = setInterval(sample, SOAK.sampleSeconds * 1000);
      }
      log(`soak: ${SOAK.connections} connections for ${SOAK.minutes} min`);
      load = await runLoad({ url: app.url, kinds, connections: SOAK.connections, seconds: SOAK.minutes * 60, app });
    } finally {
      clearInterval(timer);
    }
    sample();
    if (gone) throw new Error(`The app (pid ${appPid}) stopped during the soak:\n${app.output().slice(-2000)}`);
    const verdict = judge(samples, SOAK.minutes);
    return {
      result: { minutes: SOAK.minutes, warmupSeconds: SOAK.preloadSeconds, connections: SOAK.connections, samples, ...verdict, load, flat: verdict.reasons.length === 0 },
      machine: host,
    };
  } finally {
    const i = cleanups.indexOf(app.stop);
    if (i !== -1) cleanups.splice(i, 1);
    await app.stop();
  }
}

/** One line per minute: the series as people read it. */
export function soakSummary(result: SoakResult): string {
  const perMinute = result.samples.filter((s, i) => i === 0 || ((s.t % 60) + 60) % 60 < SOAK.sampleSeconds || i === result.samples.length - 1);
  const series = perMinute.map((s) => `${s.t}s ${Math.round(s.app / MB)}/${Math.round(s.meili / MB)}`).join(", ");
  return [
    `RSS (app/Meilisearch MB): ${series}`,
    `app: ${result.app.startMb} → ${result.app.endMb} MB after warm-up, slope ${result.app.slopeMbPer10Min} MB/10 min, second-minute median ${result.app.secondMinuteMedianMb} MB, last-minute ${result.app.lastMinuteMedianMb} MB (${result.app.driftPct} %)`,
    `Meilisearch: ${result.meili.startMb} → ${result.meili.endMb} MB, slope ${result.meili.slopeMbPer10Min} MB/10 min`,
    `load during the soak: ${result.load.requests} requests, ${result.load.throughput.toFixed(0)} req/s, ${result.load.failed} failed`,
  ].join("\n");
}

async function main() {
  const { result } = await soakTest();
  console.log(`\n${soakSummary(result)}`);
  if (!result.flat || result.load.failed > 0) {
    console.error(`\nFAILED: ${[...result.reasons, ...(result.load.failed ? [`${result.load.failed} failed requests`] : [])].join("; ")}`);
    process.exitCode = 1;
  } else {
    console.log("\nOK: memory flat, no failed request");
  }
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? "")) {
  main()
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(cleanup);
}
