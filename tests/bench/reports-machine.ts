import fs from "node:fs";
import os from "node:os";

/**
 * What else the machine was doing while a benchmark timed something (docs/decisions/039). On a shared
 * 2-CPU machine the wall-clock figures of the same code vary 3–10× with other processes' load, the CPU
 * time spent on the work up to about 2× (the CPUs' caches and cores are shared). Both are recorded: the wall-clock figure is what a user
 * waits, the CPU time is the work, comparable between runs.
 */

/** This process's CPU time so far (user + system), in ms: with embedded PGlite, the database's work too. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One timed report: the figures, then the charts; wall-clock and this process's CPU time. */
export type ReportTiming = { total: number; figures: number; charts: number; cpu: number; fromSummary: boolean };

/** Time `figures()` then `charts(result)`; `fromSummary` says whether the figures came from the summary. */
export async function timeReportWork<F extends { computedAt?: Date | null }>(
  figures: () => Promise<F>,
  charts: (result: F) => Promise<unknown>,
): Promise<ReportTiming> {
  const cpu = processCpuMs();
  const start = performance.now();
  const result = await figures();
  const mid = performance.now();
  await charts(result);
  const end = performance.now();
  return {
    total: end - start,
    figures: mid - start,
    charts: end - mid,
    cpu: processCpuMs() - cpu,
    fromSummary: result.computedAt != null,
  };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** Another process's CPU time so far, in ms (Linux /proc; undefined elsewhere or once it has exited). */
export function otherProcessCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** Busy CPU time of the whole machine so far (all CPUs), in ms, from /proc/stat. */
function machineBusyMs(): number | undefined {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS;
  } catch {
    return undefined;
  }
}

export type MachineShare = {
  wallMs: number;
  /** CPUs' worth of work done by this process (and the given helper processes) over the interval. */
  ours: number;
  /** CPUs' worth of work done by every other process over the interval (undefined off Linux). */
  others: number | undefined;
  loadStart: number[];
  loadEnd: number[];
};

/** Start measuring; `stop()` tells how busy the machine was with other work meanwhile. */
export function machineShare(helperPids: number[] = []): { stop: () => MachineShare } {
  const wall0 = performance.now();
  const busy0 = machineBusyMs();
  const ours0 = processCpuMs() + helperPids.reduce((n, pid) => n + (otherProcessCpuMs(pid) ?? 0), 0);
  const loadStart = os.loadavg();
  return {
    stop() {
      const wallMs = performance.now() - wall0;
      const busy1 = machineBusyMs();
      const ours = processCpuMs() + helperPids.reduce((n, pid) => n + (otherProcessCpuMs(pid) ?? 0), 0) - ours0;
      const others = busy0 === undefined || busy1 === undefined ? undefined : Math.max(0, busy1 - busy0 - ours);
      return {
        wallMs,
        ours: ours / wallMs,
        others: others === undefined ? undefined : others / wallMs,
        loadStart,
        loadEnd: os.loadavg(),
      };
    },
  };
}

/** One sentence for a benchmark section. */
export function describeShare(s: MachineShare): string {
  const cpus = os.cpus().length;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
  const others =
    s.others === undefined
      ? ""
      : ` Meanwhile other processes kept ${s.others.toFixed(2)} of the ${cpus} CPUs busy and this benchmark ${s.ours.toFixed(2)}${s.others + s.ours > cpus * 0.9 ? " (the CPUs were saturated: the wall-clock figures include waiting for a CPU)" : ""}.`;
  return `Load average ${load(s.loadStart)} when the timed runs started and ${load(s.loadEnd)} when they ended (1/5/15 min).${others}`;
}
