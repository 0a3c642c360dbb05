import crypto from "node:crypto";

import { todayIso } from "~/utils/clock.server";
import { log } from "~/utils/log.server";
import { onWake } from "~/utils/worker-signal.server";

import type { Database } from "../../db/client.server";
import type { SearchClient } from "../../search/client.server";
import { acquireLease, releaseLease } from "./lease.server";
import { type ScheduledTask, WORKER_TASKS } from "./tasks.server";
import { wireSearch } from "./wiring.server";

/** `holder`: this worker's name in the lease row (sync_lease.holder), "<pid>-<random>". */
export type Worker = {
  holder: string;
  kick: () => void;
  stop: () => Promise<void>;
  idle: () => Promise<void>;
  /** For /metrics: whether this instance held the lease at its last tick, and how late each task is (s). */
  status: () => { leaseHeld: boolean; lagSeconds: Record<string, number> };
};

/**
 * The background worker of every app instance (docs/decisions/028-background-work.md): polls every
 * `intervalMs`; each tick, the instance holding the one lease runs the tasks that are due
 * (app/worker/tasks.server.ts: search delivery every tick, expiries and reminders each minute, pruning each
 * hour). `kick()` runs a tick at once (a write woke it: search/facade.server.ts → signal.server.ts);
 * `idle()` waits for the running tick; `stop()` ends it and releases the lease.
 */
export function startWorker(
  db: Database,
  search: SearchClient,
  options: { intervalMs?: number; tasks?: readonly ScheduledTask[] } = {},
): Worker {
  wireSearch();
  const holder = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const interval = options.intervalMs ?? 250;
  const tasks = options.tasks ?? WORKER_TASKS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let again = false;
  const lastRuns = new Map<string, { at: number; day: string }>();
  const startedAt = Date.now();
  let leaseHeld = false;
  const context = { search, stopped: () => stopped };

  const tick = async () => {
    try {
      leaseHeld = await acquireLease(db, holder);
      if (!leaseHeld) return;
    } catch (error) {
      leaseHeld = false;
      // The database itself is unavailable: try again on the next tick.
      if (!stopped) log.error("sync", "tick failed", error);
      return;
    }
    const day = todayIso();
    for (const task of tasks) {
      if (stopped) break;
      const last = lastRuns.get(task.name);
      if (last && Date.now() - last.at < task.everyMs && last.day === day) continue;
      lastRuns.set(task.name, { at: Date.now(), day });
      try {
        await task.run(db, context);
      } catch (error) {
        if (!stopped) log.error("sync", `task ${task.name} failed`, error);
      }
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  };
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = tick().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule(0);
      } else schedule(interval);
    });
  };
  schedule(0);
  const kick = () => schedule(0);
  const unwake = onWake(kick);

  return {
    holder,
    kick,
    idle: async () => {
      while (running) await running;
    },
    status: () => {
      const lagSeconds: Record<string, number> = {};
      if (leaseHeld) {
        const at = Date.now();
        for (const task of tasks) {
          const due = (lastRuns.get(task.name)?.at ?? startedAt) + task.everyMs;
          lagSeconds[task.name] = Math.max(0, (at - due) / 1000);
        }
      }
      return { leaseHeld, lagSeconds };
    },
    stop: async () => {
      stopped = true;
      unwake();
      clearTimeout(timer);
      await running;
      await releaseLease(db, holder).catch(() => {});
      leaseHeld = false;
    },
  };
}
