import { sql } from "drizzle-orm";

import { db } from "../../../db/client.server";
import { search } from "../../../search/facade.server";

export type Health = { db: "ok" | "down"; search: "ok" | "down"; reasons?: Record<string, string> };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/*
 * Search is "ok" when Meilisearch answers and every index carries our settings. Its liveness is asked on
 * every check (one call); the settings (one call per index) only when the last good look at them is older
 * than SETTINGS_TTL_MS, or after any failure, or for a new client. They change only when someone applies or
 * deletes settings by hand, so they may be reported up to 30 s late; an outage never is. Concurrent checks
 * share one liveness call in flight.
 */
const SETTINGS_TTL_MS = 30_000;
let settingsSeen: { client: object; at: number } | undefined;
let inFlight: { client: object; check: Promise<SearchHealth> } | undefined;

type SearchHealth = { ok: true } | { ok: false; reason: string };

async function searchHealth(): Promise<SearchHealth> {
  const client = search();
  const fresh = settingsSeen?.client === client && Date.now() - settingsSeen.at < SETTINGS_TTL_MS;
  if (!fresh) {
    const full = await client.health();
    settingsSeen = full.ok ? { client, at: Date.now() } : undefined;
    return full;
  }
  try {
    const { status } = await client.raw.health();
    if (status === "available") return { ok: true };
    settingsSeen = undefined;
    return { ok: false, reason: `status ${status}` };
  } catch (error) {
    settingsSeen = undefined;
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function sharedSearchHealth(): Promise<SearchHealth> {
  const client = search();
  if (inFlight?.client === client) return inFlight.check;
  const check = searchHealth().finally(() => {
    if (inFlight?.check === check) inFlight = undefined;
  });
  inFlight = { client, check };
  return check;
}

/** Both parts checked in parallel, each with a short timeout so a hung part cannot hang the check. */
export async function checkHealth(): Promise<Health> {
  const [dbResult, searchResult] = await Promise.allSettled([
    withTimeout(db().execute(sql`select 1`), 3_000),
    withTimeout(sharedSearchHealth(), 3_000),
  ]);
  const reasons: Record<string, string> = {};
  if (dbResult.status === "rejected") reasons.db = String((dbResult.reason as Error)?.message ?? dbResult.reason);
  if (searchResult.status === "rejected")
    reasons.search = String((searchResult.reason as Error)?.message ?? searchResult.reason);
  else if (!searchResult.value.ok) reasons.search = searchResult.value.reason;
  return {
    db: reasons.db ? "down" : "ok",
    search: reasons.search ? "down" : "ok",
    ...(Object.keys(reasons).length ? { reasons } : {}),
  };
}
