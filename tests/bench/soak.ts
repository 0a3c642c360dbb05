/**
 * The soak of issue 7: SOAK_MINUTES (10) of moderate mixed load (SOAK_CONNECTIONS, 20) on a fresh app,
 * sampling every 10 s, right after a full garbage collection forced through the app's inspector, the
 * resident memory (VmRSS) of the app's node process and of its Meilisearch, and the app's JS heap in use.
 * Memory is "flat" when, from the measured minutes' second minute on (least squares):
 *   - the app's JS heap in use grows less than SOAK_MAX_HEAP_SLOPE_MB (10) MB per 10 minutes: a leak in
 *     our code (or a library's JS) shows here, at about 0.3 KB per request;
 *   - the app's RSS grows less than SOAK_MAX_SLOPE_MB (50) MB per 10 minutes, and its last minute's median
 *     is within ±SOAK_MAX_DRIFT_PCT (10) % of the second minute's: native memory (PGlite's WASM memory,
 *     buffers, malloc) included.
 * Meilisearch is sampled and reported; only the app's memory decides.
 *
 * Why the GC: without it, RSS follows the garbage V8 chose not to collect yet (measured: 871 → 1117 MB in
 * 14 minutes on PGlite, a slope of 48–121 MB per 10 min) while the JS heap in use after a full GC stayed at
 * 73–84 MB. Why 50 MB for RSS: after a GC, RSS still moves in steps of 8–17 MB when malloc grows an arena
 * (measured 552 → 594 MB over 15 minutes, flat at 592–594 MB for the last 5), which 10 MB would call a leak.
 * Why the warm-up of SOAK_WARMUP_SECONDS (180) before the measured minutes (sampled, shown, not judged): a
 * fresh app's caches and heaps take 2–5 minutes to reach their working size. A leak still shows after
 * it: it grows with every request, at any minute.
 * Run alone: `npx tsx tests/bench/soak.ts` (exits non-zero when not flat or on a failed request; every
 * sample goes to tests/.artifacts/soak.json).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { cleanup, cleanups, log } from "./harness";
import { connectInspector, type Inspector, inspectorPorts } from "./inspector";
import {
  dbKindFromEnv,
  type LoadResult,
  type Machine,
  machine,
  preflight,
  prepareMix,
  runLoad,
  startLoadApp,
} from "./load";
import { processMemory } from "./stats";

export const SOAK = {
  minutes: Number(process.env.SOAK_MINUTES ?? 10),
  connections: Number(process.env.SOAK_CONNECTIONS ?? 20),
  sampleSeconds: 10,
  /** Excluded from the slope at the start of the measured minutes. */
  warmupSeconds: 60,
  preloadSeconds: Number(process.env.SOAK_WARMUP_SECONDS ?? 180),
  maxSlopeMbPer10Min: Number(process.env.SOAK_MAX_SLOPE_MB ?? 50),
  maxHeapSlopeMbPer10Min: Number(process.env.SOAK_MAX_HEAP_SLOPE_MB ?? 10),
  maxDriftPct: Number(process.env.SOAK_MAX_DRIFT_PCT ?? 10),
};

/** t: seconds since the measured minutes began (negative during the warm-up). */
export type Sample = { t: number; app: number; meili: number; heap: number };
export type Trend = { startMb: number; endMb: number; peakMb: number; slopeMbPer10Min: number };
export type SoakResult = {
  minutes: number;
  /** The unjudged warm-up before the measured minutes. */
  warmupSeconds: number;
  connections: number;
  samples: Sample[];
  app: Trend & { secondMinuteMedianMb: number; lastMinuteMedianMb: number; driftPct: number };
  /** The app's JS heap in use after the full GC (process.memoryUsage().heapUsed): a leak in our code shows here first. */
  heap: Trend;
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

function trend(samples: Sample[], key: "app" | "meili" | "heap", from: number): Trend {
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
  const heap = trend(samples, "heap", SOAK.warmupSeconds);
  const secondMinute = median(samples.filter((s) => s.t >= 60 && s.t < 120).map((s) => s.app)) / MB;
  const lastMinute = median(samples.filter((s) => s.t > minutes * 60 - 60).map((s) => s.app)) / MB;
  const driftPct = secondMinute ? ((lastMinute - secondMinute) / secondMinute) * 100 : 0;
  const reasons: string[] = [];
  if (samples.filter((s) => s.t >= SOAK.warmupSeconds).length < 3)
    reasons.push("too few samples after the warm-up (SOAK_MINUTES must be at least 2)");
  if (heap.slopeMbPer10Min >= SOAK.maxHeapSlopeMbPer10Min)
    reasons.push(
      `app JS heap in use grows ${heap.slopeMbPer10Min} MB per 10 min (limit ${SOAK.maxHeapSlopeMbPer10Min})`,
    );
  if (app.slopeMbPer10Min >= SOAK.maxSlopeMbPer10Min)
    reasons.push(`app RSS grows ${app.slopeMbPer10Min} MB per 10 min (limit ${SOAK.maxSlopeMbPer10Min})`);
  if (Math.abs(driftPct) > SOAK.maxDriftPct)
    reasons.push(
      `app RSS last-minute median ${round1(lastMinute)} MB is ${round1(driftPct)} % from the second minute's ${round1(secondMinute)} MB (limit ±${SOAK.maxDriftPct} %)`,
    );
  return {
    app: {
      ...app,
      secondMinuteMedianMb: round1(secondMinute),
      lastMinuteMedianMb: round1(lastMinute),
      driftPct: round1(driftPct),
    },
    heap,
    meili,
    reasons,
  };
}

/** Start a fresh app (with its inspector on a loopback port), soak it, stop it. */
export async function soakTest(): Promise<{ result: SoakResult; machine: Machine }> {
  const db = dbKindFromEnv();
  const host = machine(db);
  log(`soak: starting the app (${db}) …`);
  const app = await startLoadApp(db, {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --inspect=127.0.0.1:0`.trim(),
  });
  cleanups.push(app.stop);
  let inspector: Inspector | undefined;
  try {
    const appPid = pidListeningOn(Number(new URL(app.url).port));
    if (!appPid) throw new Error(`No process found listening on ${app.url}`);
    const meiliPid = meilisearchOf(appPid);
    if (!meiliPid) throw new Error(`No Meilisearch found in the app's process group (app pid ${appPid})`);
    // tsx's launcher gets an inspector too (NODE_OPTIONS): take the one the app's own process listens on.
    const port = inspectorPorts(app.output()).find((p) => pidListeningOn(p) === appPid);
    if (!port) throw new Error(`The app (pid ${appPid}) printed no inspector port:\n${app.output().slice(0, 2000)}`);
    inspector = await connectInspector(port);
    const kinds = await prepareMix(app.url);
    await preflight(app.url, kinds);
    log(
      `soak: app pid ${appPid}, Meilisearch pid ${meiliPid}; RSS every ${SOAK.sampleSeconds} s, each after a full GC`,
    );

    const samples: Sample[] = [];
    let started = performance.now() + SOAK.preloadSeconds * 1000;
    const sample = async () => {
      await inspector!.collectGarbage();
      const heap = (await inspector!.memoryUsage()).heapUsed;
      const t = Math.round((performance.now() - started) / 1000);
      const a = processMemory(appPid);
      if (!a) throw new Error(`The app (pid ${appPid}) stopped during the soak:\n${app.output().slice(-2000)}`);
      const m = processMemory(meiliPid);
      samples.push({ t, app: a.rss, meili: m?.rss ?? 0, heap });
      if (((t % 60) + 60) % 60 < SOAK.sampleSeconds)
        log(
          `soak: ${t} s, app ${Math.round(a.rss / MB)} MB (JS heap ${Math.round(heap / MB)} MB), Meilisearch ${Math.round((m?.rss ?? 0) / MB)} MB`,
        );
    };
    // Samples every 10 s while the load runs; a failed sample (the app gone) stops the load and ends the run.
    const sampling = async (seconds: number) => {
      const abort = new AbortController();
      let done = false;
      const finished = runLoad({
        url: app.url,
        kinds,
        connections: SOAK.connections,
        seconds,
        app,
        signal: abort.signal,
      }).finally(() => (done = true));
      try {
        // On a fixed cadence (a sample's own GC takes time): every 10 s from the start of this phase.
        for (let next = performance.now(); !done;) {
          await sample();
          next += SOAK.sampleSeconds * 1000;
          await Promise.race([finished, new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())))]);
        }
      } catch (error) {
        abort.abort();
        await finished.catch(() => {});
        throw error;
      }
      return finished;
    };
    if (SOAK.preloadSeconds > 0) {
      log(`soak: warm-up, ${SOAK.connections} connections for ${SOAK.preloadSeconds} s`);
      const warm = await sampling(SOAK.preloadSeconds);
      if (warm.failed) throw new Error(`${warm.failed} failed requests during the soak's warm-up`);
      // The measured minutes start now: warm-up samples are re-based to stay before 0, whatever the overrun.
      const overrun = (performance.now() - started) / 1000;
      for (const s of samples) s.t = Math.min(-1, Math.round(s.t - overrun));
      started = performance.now();
    }
    log(`soak: ${SOAK.connections} connections for ${SOAK.minutes} min`);
    const load = await sampling(SOAK.minutes * 60);
    await sample();
    const verdict = judge(samples, SOAK.minutes);
    return {
      result: {
        minutes: SOAK.minutes,
        warmupSeconds: SOAK.preloadSeconds,
        connections: SOAK.connections,
        samples,
        ...verdict,
        load,
        flat: verdict.reasons.length === 0,
      },
      machine: host,
    };
  } finally {
    inspector?.close();
    const i = cleanups.indexOf(app.stop);
    if (i !== -1) cleanups.splice(i, 1);
    await app.stop();
  }
}

/** One line per minute: the series as people read it. */
export function soakSummary(result: SoakResult): string {
  const perMinute = result.samples.filter(
    (s, i) => i === 0 || ((s.t % 60) + 60) % 60 < SOAK.sampleSeconds || i === result.samples.length - 1,
  );
  const series = perMinute.map((s) => `${s.t}s ${Math.round(s.app / MB)}/${Math.round(s.meili / MB)}`).join(", ");
  return [
    `RSS (app/Meilisearch MB): ${series}`,
    `app: ${result.app.startMb} → ${result.app.endMb} MB after warm-up, slope ${result.app.slopeMbPer10Min} MB/10 min, second-minute median ${result.app.secondMinuteMedianMb} MB, last-minute ${result.app.lastMinuteMedianMb} MB (${result.app.driftPct} %)`,
    `app JS heap in use: ${result.heap.startMb} → ${result.heap.endMb} MB, slope ${result.heap.slopeMbPer10Min} MB/10 min`,
    `Meilisearch: ${result.meili.startMb} → ${result.meili.endMb} MB, slope ${result.meili.slopeMbPer10Min} MB/10 min`,
    `load during the soak: ${result.load.requests} requests, ${result.load.throughput.toFixed(0)} req/s, ${result.load.failed} failed`,
  ].join("\n");
}

async function main() {
  const { result, machine: host } = await soakTest();
  const out = path.resolve(import.meta.dirname, "../.artifacts/soak.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine: host, ...result }, null, 2));
  console.log(`\n${soakSummary(result)}\n(every sample: ${path.relative(process.cwd(), out)})`);
  if (!result.flat || result.load.failed > 0) {
    console.error(
      `\nFAILED: ${[...result.reasons, ...(result.load.failed ? [`${result.load.failed} failed requests`] : [])].join("; ")}`,
    );
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
