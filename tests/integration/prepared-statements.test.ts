import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, openDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { province } from "../../db/schema";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";

/*
 * Prepared statements on a PostgreSQL server (db/postgres-client.server.ts, issue 14): on by default, each
 * connection keeps the statements drizzle runs and reuses them; DATABASE_PREPARE=false (openDatabase's
 * `prepare: false`) prepares nothing, for PgBouncer in transaction mode. PGlite has no such switch.
 */
const server = process.env.TEST_DATABASE_URL;

describe.skipIf(!server)("prepared statements on PostgreSQL", () => {
  const name = uniqueName("ct_prep");
  let url: string;
  const handles: DatabaseHandle[] = [];
  const open = async (prepare?: boolean) => {
    // One connection: pg_prepared_statements is per session.
    const handle = await openDatabase(prepare === undefined ? { url, max: 1 } : { url, max: 1, prepare });
    handles.push(handle);
    return handle;
  };
  const preparedCount = async (handle: DatabaseHandle) => {
    const result = (await handle.db.execute(
      sql`select count(*)::int as n from pg_prepared_statements where statement like ${"%province%"}`,
    )) as unknown as { n: number }[];
    return Number(result[0].n);
  };
  const provinceName = async (handle: DatabaseHandle, code: string) =>
    (await handle.db.select({ name: province.name }).from(province).where(eq(province.code, code)))[0]?.name;

  beforeAll(async () => {
    url = await createDatabase(server!, name);
    await runMigrations({ url });
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    await dropDatabase(server!, name);
  });

  it("are kept per connection by default and give the same rows", async () => {
    const handle = await open();
    const first = await provinceName(handle, "01");
    expect(first).toBeTruthy();
    for (let i = 0; i < 3; i++) expect(await provinceName(handle, "01")).toBe(first);
    expect(await provinceName(handle, "79")).not.toBe(first);
    // The province query (and the count itself) are prepared statements of this session.
    expect(await preparedCount(handle)).toBeGreaterThanOrEqual(1);
    // Inside a transaction too, and a statement without parameters still runs (as a simple query).
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('application_name', 'ct-prepared', true)`);
      expect((await tx.select({ name: province.name }).from(province).where(eq(province.code, "01")))[0].name).toBe(
        first,
      );
    });
  });

  it("are off with prepare: false (DATABASE_PREPARE=false)", async () => {
    const handle = await open(false);
    for (let i = 0; i < 3; i++) expect(await provinceName(handle, "01")).toBeTruthy();
    expect(await preparedCount(handle)).toBe(0);
  });
});
