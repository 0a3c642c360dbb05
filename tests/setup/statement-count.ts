import type { AppLoadContext } from "@remix-run/node";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";

import { type Database, type DatabaseHandle, useDatabase } from "../../db/client.server";
import * as schema from "../../db/schema";
import { responseOf, routeContext, type RouteHandler } from "./routes";

/**
 * Every SQL statement the app sends, counted: a second drizzle instance on the test database's own client
 * with a logger, made the process database. Nothing is replaced: the statements run on the same database.
 */
export function countingDatabase(handle: DatabaseHandle): { statements: string[]; restore: () => void } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const db = (handle.kind === "pglite"
    ? drizzlePglite({ client: client as never, schema, logger })
    : drizzlePostgres({ client: client as never, schema, logger })) as unknown as Database;
  useDatabase({ ...handle, db });
  return { statements, restore: () => useDatabase(handle) };
}

export type PageLoaders = { root: RouteHandler; route: RouteHandler; params?: Record<string, string> };

/**
 * A document GET as Remix runs it: inside the request's scope (what app/server.ts opens around the Remix
 * handler), the root loader and the route loader in parallel, each with its own Request (Remix hands every
 * loader a new one) and the one load context.
 */
export async function loadPage(
  scope: <T>(run: () => T) => T,
  path: string,
  loaders: PageLoaders,
  cookie?: string,
): Promise<Response[]> {
  const context: AppLoadContext = routeContext();
  const request = () => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  return scope(() =>
    Promise.all(
      [loaders.root, loaders.route].map((loader) =>
        responseOf(() => loader({ request: request(), params: loaders.params ?? {}, context })),
      ),
    ),
  );
}
