import { singleton } from "~/utils/singleton.server";

import type { Executor } from "../db/client.server";
import type { OutboxEntity } from "../db/schema";

/**
 * Document sources: search/ knows how to deliver documents, not which rows are public or which persons
 * consented. The owning modules know (app/modules/jobs/search-rows.server.ts, trainings/search-rows.server.ts,
 * persons/candidate-rows.server.ts); app/worker wires them here at start (`wireSearch`, app/worker/wiring.server.ts),
 * so search/ never imports a domain module (docs/decisions/028-background-work.md).
 */

/** Which rows to load: given ids, or a page of all rows in id order (for a full reindex). */
export type RowSelection = { ids: string[] } | { afterId: string | null; limit: number };

/**
 * The documents that belong in the index among the selected rows (rows that must not be indexed are left
 * out, and delivery removes them from the index). `lastId`: for a page, the id of the last row read when the
 * page was full (more may follow), else null.
 */
export type DocumentPage = { docs: { id: string }[]; lastId: string | null };
export type DocumentSource = (db: Executor, today: string, which: RowSelection) => Promise<DocumentPage>;
export type DocumentSources = Record<OutboxEntity, DocumentSource>;

/** For a page source: the id to continue after, or null when the page was the last. */
export const lastIdOf = (rows: { id: string }[], which: RowSelection): string | null =>
  "limit" in which && rows.length === which.limit ? rows[rows.length - 1].id : null;

export type SearchWiring = {
  sources: DocumentSources;
  /** Called after this process changed the index (delivery, reindex): e.g. cached facet counts are stale. */
  onIndexChanged?: () => void;
};

// A singleton: the Node entry and the Remix bundle each load search/, and must share one wiring.
const slot = () => singleton<{ wiring?: SearchWiring }>("search-wiring", () => ({}));

export function wireSearchSources(wiring: SearchWiring | undefined): void {
  slot().wiring = wiring;
}

export function searchWiring(): SearchWiring {
  const wiring = slot().wiring;
  if (!wiring) throw new Error("search document sources are not wired: call wireSearch() from app/worker first");
  return wiring;
}
