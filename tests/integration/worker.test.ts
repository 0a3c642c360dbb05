import { afterEach, describe, expect, it } from "vitest";

import { type ScheduledTask, WORKER_TASKS } from "~/worker/tasks.server";
import { startWorker, type Worker } from "~/worker/worker.server";

import { syncLease } from "../../db/schema";
import { setupIntegration } from "../setup/integration";

const ctx = setupIntegration();
const started: Worker[] = [];
afterEach(async () => {
  while (started.length) await started.pop()!.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what: string, check: () => boolean, ms = 5_000) {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(10)) if (check()) return;
  throw new Error(`timed out waiting for ${what}`);
}
const counting = (runs: string[], name: string, everyMs = 0, fail = false): ScheduledTask => ({
  name,
  everyMs,
  run: async () => {
    runs.push(name);
    if (fail) throw new Error(`${name} failed on purpose`);
    return 0;
  },
});
const start = (tasks: ScheduledTask[]) => {
  const worker = startWorker(ctx.handle.db, ctx.search, { intervalMs: 20, tasks });
  started.push(worker);
  return worker;
};

describe("app/worker: named tasks under one lease", () => {
  it("lists the background work by name, expiries and reminders before the delivery that sends their changes", () => {
    expect(WORKER_TASKS.map((t) => t.name)).toEqual([
      "jobs.expiry",
      "trainings.expiry",
      "consent.expiry",
      "placements.follow-up-reminders",
      "referrals.interview-reminders",
      "placements.course-start-reminders",
      "consent.expiry-reminders",
      "notifications.officer-digest",
      "retention.apply",
      "search.outbox-pruning",
      "search.delivery",
      "alerts.job-alerts",
      "figures.publish",
      "notifications.delivery",
      "notifications.short-link-pruning",
      "reports.summary",
    ]);
    expect(WORKER_TASKS.find((t) => t.name === "search.delivery")!.everyMs).toBe(0);
  });

  it("runs tasks only on the instance holding the lease; another takes over once it is released", async () => {
    const runs: string[] = [];
    const first = start([counting(runs, "first")]);
    await waitFor("the first worker to run", () => runs.includes("first"));
    const [lease] = await ctx.handle.db.select({ holder: syncLease.holder }).from(syncLease);
    expect(lease.holder).toBe(first.holder);

    start([counting(runs, "second")]);
    const before = runs.length;
    await waitFor("a few more ticks of the first", () => runs.length >= before + 5);
    expect(runs).not.toContain("second");

    await first.stop();
    started.splice(started.indexOf(first), 1);
    await waitFor("the second worker to take the lease", () => runs.includes("second"));
  });

  it("runs a task again only after its period, and a failing task does not stop the next", async () => {
    const runs: string[] = [];
    start([counting(runs, "hourly", 3_600_000), counting(runs, "broken", 0, true), counting(runs, "every-tick")]);
    await waitFor("several ticks", () => runs.filter((r) => r === "every-tick").length >= 4);
    expect(runs.filter((r) => r === "hourly")).toHaveLength(1);
    expect(runs.filter((r) => r === "broken").length).toBeGreaterThanOrEqual(4);
  });
});
