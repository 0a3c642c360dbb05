import { sendJobAlerts } from "~/modules/alerts/saved-searches.server";
import { expireConsents } from "~/modules/consent/expiry.server";
import { sendConsentExpiryReminders } from "~/modules/consent/reminders.server";
import { expireJobs } from "~/modules/jobs/jobs.server";
import { channelAdapters } from "~/modules/notifications/channels/registry.server";
import { deliverDue } from "~/modules/notifications/delivery-worker.server";
import { sendOfficerDigests } from "~/modules/notifications/officer-digest.server";
import { pruneShortLinks } from "~/modules/notifications/short-links.server";
import { sendCourseStartReminders } from "~/modules/placements/course-reminders.server";
import { sendFollowUpReminders } from "~/modules/placements/reminders.server";
import { publishFiguresWhenDue } from "~/modules/public-figures/publish.server";
import { sendInterviewReminders } from "~/modules/referrals/interview-reminders.server";
import { createSummaryRefresher } from "~/modules/reports/summary.server";
import { applyRetention, reportTotal } from "~/modules/retention/retention.server";
import { expireTrainings } from "~/modules/trainings/trainings.server";

import type { Database } from "../../db/client.server";
import type { SearchClient } from "../../search/client.server";
import { pruneDelivered } from "../../search/outbox.server";
import { deliverPending } from "../../search/sync.server";

/** What a task is given: the database, the search client, and whether the worker is stopping. */
export type TaskContext = { search: SearchClient; stopped: () => boolean };

/**
 * A named piece of background work: the instance holding the lease runs it every `everyMs` (0: every tick,
 * i.e. each poll and each wake-up), and at once when "today" changes (a new day makes things due).
 * `run` calls the owning module's own function and returns how many things it did.
 */
export type ScheduledTask = {
  name: string;
  everyMs: number;
  run: (db: Database, context: TaskContext) => Promise<number>;
};

const task = <R extends ScheduledTask["run"]>(name: string, everyMs: number, run: R) => ({ name, everyMs, run });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const inTransaction =
  (work: (tx: Parameters<Parameters<Database["transaction"]>[0]>[0]) => Promise<number>) => (db: Database) =>
    db.transaction(work);

export const followUpRemindersTask = task("placements.follow-up-reminders", MINUTE, (db: Database) =>
  sendFollowUpReminders(db),
);

/**
 * Every task, in the order a tick runs them: expiries and reminders first, so the index changes they queue
 * are delivered in the same tick. Adding background work (e.g. SMS deliveries) is one line here, calling
 * the owning module's function.
 */
export const WORKER_TASKS: readonly ScheduledTask[] = [
  task("jobs.expiry", MINUTE, inTransaction(expireJobs)),
  task("trainings.expiry", MINUTE, inTransaction(expireTrainings)),
  task("consent.expiry", MINUTE, inTransaction(expireConsents)),
  followUpRemindersTask,
  task("referrals.interview-reminders", MINUTE, (db) => sendInterviewReminders(db)),
  task("placements.course-start-reminders", MINUTE, (db) => sendCourseStartReminders(db)),
  task("consent.expiry-reminders", MINUTE, (db) => sendConsentExpiryReminders(db)),
  task("notifications.officer-digest", MINUTE, (db) => sendOfficerDigests(db)),
  task("retention.apply", DAY, async (db, { stopped }) => reportTotal(await applyRetention(db, undefined, stopped))),
  task("search.outbox-pruning", HOUR, async (db) => {
    await pruneDelivered(db);
    return 0;
  }),
  task("search.delivery", 0, (db, { search, stopped }) => deliverPending(db, search, stopped)),
  // After search.delivery, so the index holds what was posted; before notifications.delivery, which sends them.
  task("alerts.job-alerts", 10 * MINUTE, (db) => sendJobAlerts(db)),
  // The public figures (issue 16): published when none are yet, then once a day; a small read otherwise.
  task("figures.publish", 10 * MINUTE, (db) => publishFiguresWhenDue(db)),
  task("notifications.delivery", 0, (db, { stopped }) => deliverDue(db, channelAdapters(), stopped)),
  task("notifications.short-link-pruning", HOUR, (db) => pruneShortLinks(db)),
  // Each tick, but a round starts only every 10 minutes or on a new day, and a call works about 250 ms.
  task("reports.summary", 0, createSummaryRefresher()),
];

/**
 * Close expired listings and process expired consents now, in one transaction (what the expiry tasks do,
 * for tests and scripts). Returns how many listings closed plus how many persons had a grant expire.
 */
export async function sweepExpired(db: Database): Promise<number> {
  return db.transaction(
    async (tx) => (await expireJobs(tx)) + (await expireTrainings(tx)) + (await expireConsents(tx)),
  );
}
