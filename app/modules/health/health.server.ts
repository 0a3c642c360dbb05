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

/** Both parts checked in parallel, each with a short timeout so a hung part cannot hang the check. */
export async function checkHealth(): Promise<Health> {
  const [dbResult, searchResult] = await Promise.allSettled([
    withTimeout(db().execute(sql`select 1`), 3_000),
    withTimeout(search().health(), 3_000),
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
