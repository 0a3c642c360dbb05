/**
 * The one entry point of search/ for app/modules and app/routes (docs/decisions/028-background-work.md).
 * Writes: `touch(tx, kind, ids)` inside the transaction that changed the rows (the change and its promise to
 * reach the index commit together), then after the commit `indexNow(kind, ids)` (apply at once, e.g. a
 * withdrawn person leaves the candidates index in the same request) or `indexSoon()` (the worker delivers
 * within moments). Reads: the client, document types and mappers, matching retrieval, filter quoting.
 * Nothing else under search/ is imported by modules or routes (tests/unit/import-graph.test.ts).
 */
import { log } from "~/utils/log.server";
import { wakeWorker } from "~/utils/worker-signal.server";

import { db, type Executor } from "../db/client.server";
import type { OutboxEntity } from "../db/schema";
import { search } from "./client.server";
import { enqueueSync } from "./outbox.server";
import { applyToIndex } from "./sync.server";

/** What is indexed: a job posting, a training slot, or a candidate (a person who consented to matching). */
export type IndexedKind = OutboxEntity;

/** Inside the caller's transaction: these rows changed, bring the index in line with them. */
export async function touch(tx: Executor, kind: IndexedKind, ids: readonly string[]): Promise<void> {
  await enqueueSync(tx, kind, [...ids]);
}

/** After the commit: let the worker deliver what was touched now rather than at its next poll. */
export function indexSoon(): void {
  wakeWorker();
}

/**
 * After the commit: apply these rows to the index at once; if search cannot be reached the outbox keeps
 * the change and the worker retries it. Wakes the worker either way.
 */
export async function indexNow(kind: IndexedKind, ids: readonly string[]): Promise<void> {
  try {
    await applyToIndex(db(), search(), kind, [...ids]);
  } catch (error) {
    log.warn("search", `${kind} index update deferred to the outbox`, error);
  }
  wakeWorker();
}

export { search, type SearchClient } from "./client.server";
export {
  type CandidateDocument,
  type CandidateRow,
  candidateToDocument,
  dayNumber,
  type JobDocument,
  type JobRow,
  jobToDocument,
  type TrainingDocument,
  type TrainingRow,
  trainingToDocument,
} from "./documents";
export { quote } from "./filter-syntax";
export { MATCH_ATTRIBUTES } from "./indexes";
export {
  type CandidateReach,
  type PersonProfile,
  retrieveCandidates,
  type Retrieved,
  retrieveListingsForPerson,
} from "./matching.server";
export { type DocumentPage, type DocumentSource, lastIdOf, type RowSelection } from "./sources";
