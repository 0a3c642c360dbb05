// TEMPORARY (lead removes after merge): jobs.server.ts and trainings.server.ts still call notifySync; the
// facade's indexSoon() (search/facade.server.ts) replaces it. The signal itself lives in app/worker/signal.server.ts.
export { indexSoon as notifySync } from "../../../search/facade.server";
