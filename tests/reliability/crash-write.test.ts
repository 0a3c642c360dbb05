import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { daysFromToday } from "../factories/marketplace";
import { intakeForm } from "../factories/persons";
import { type RunningApp, startApp } from "../setup/app-server";
import { DEMO, SESSION_COOKIE, sessionCookie } from "../setup/browser";
import { postgresServerUrl, waitUntil } from "../setup/fault-checks";
import { formBody } from "../setup/mixed-load";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";

/*
 * The app process killed (SIGKILL, no chance to clean up) in the middle of a multi-row write: an officer's
 * intake of a released person writes released_person, conviction, two court bans and an audit event in one
 * transaction. A test-only trigger (created here, never in a migration) makes the conviction insert sleep,
 * so the kill lands while the transaction is open, after its first row.
 */

const serverUrl = postgresServerUrl();
const dbName = uniqueName("ct_crash");
let dbUrl = "";
let app: RunningApp | undefined;
let raw: postgres.Sql | undefined;

const CITIZEN_ID = "068090001234";
const form = intakeForm({
  fullName: "Trần Văn Thử",
  citizenId: CITIZEN_ID,
  bannedOccupations: ["72311"],
  occupationBanEndsOn: daysFromToday(365),
  bannedPlaceCommunes: ["24688"],
  placeBanEndsOn: daysFromToday(365),
});

beforeAll(async () => {
  dbUrl = await createDatabase(serverUrl, dbName);
  raw = postgres(dbUrl, { max: 2, onnotice: () => {} });
  // A backend checks every 250 ms whether its client is still there, so it notices the kill during the sleep
  // (without it, it would notice only when the sleep ends). Set before the app opens its connections.
  await raw.unsafe(`alter database "${dbName}" set client_connection_check_interval = '250ms'`);
  app = await startApp({ env: { DATABASE_URL: dbUrl, DEMO_DATA: "true" } });
});

afterAll(async () => {
  await app?.stop();
  await raw?.end({ timeout: 5 });
  await dropDatabase(serverUrl, dbName);
});

/** Rows per table in the public schema: the whole database's picture, to compare before and after. */
async function tableCounts(sql: postgres.Sql): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await sql.unsafe(`select count(*)::int as n from "${name}"`))[0].n);
  return counts;
}

const postIntake = (base: string, cookie: string) =>
  fetch(`${base}/officer/persons/new`, {
    method: "POST",
    headers: {
      Cookie: `${SESSION_COOKIE}=${cookie}`,
      Origin: base,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: formBody(form),
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });

describe("a crash in the middle of a multi-row write", () => {
  it("leaves no row of it in any table, and the restarted app makes the same write whole", async () => {
    const cookie = await sessionCookie(app!.url, DEMO.officerNamDa);
    await raw!.unsafe(`
      create function ct_test_slow_insert() returns trigger language plpgsql as $$
      begin perform pg_sleep(60); return new; end $$;
      create trigger ct_test_slow_insert before insert on conviction for each row execute function ct_test_slow_insert();`);
    const before = await tableCounts(raw!);

    const request = postIntake(app!.url, cookie).then(
      (res) => `answered ${res.status}`,
      (error: Error) => `no answer (${error.message})`,
    );
    // The intake's transaction has written its released_person row and sleeps in the conviction insert.
    await waitUntil("the intake to reach the conviction insert", async () => {
      const rows =
        await raw!`select 1 from pg_stat_activity where datname = ${dbName} and wait_event = 'PgSleep' and state = 'active'`;
      return rows.length === 1;
    });
    await app!.stop(); // SIGKILL to the app's process group
    const killedAt = Date.now();
    expect(await request).toMatch(/^no answer/);
    await waitUntil(
      "PostgreSQL to notice the dead client and end its sessions",
      async () => {
        const rows =
          await raw!`select 1 from pg_stat_activity where datname = ${dbName} and application_name = 'chung-tay'`;
        return rows.length === 0;
      },
      30_000,
    );

    console.log(
      `[crash-write] PostgreSQL ended the killed app's open transaction ${Date.now() - killedAt} ms after the kill (upper bound)`,
    );
    expect(await tableCounts(raw!)).toEqual(before);
    expect(await raw!`select id from released_person where citizen_id = ${CITIZEN_ID}`).toHaveLength(0);

    // Restarted on the same database (the demo data is already there), the same intake goes through whole.
    await raw!.unsafe(`drop trigger ct_test_slow_insert on conviction; drop function ct_test_slow_insert();`);
    app = await startApp({ env: { DATABASE_URL: dbUrl, DEMO_DATA: "true" } });
    const res = await postIntake(app.url, await sessionCookie(app.url, DEMO.officerNamDa));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/officer\/persons\/[0-9a-f-]{36}\?done=created$/);
    const [person] = await raw!<{ id: string }[]>`select id from released_person where citizen_id = ${CITIZEN_ID}`;
    const [counts] = await raw!<{ convictions: number; bans: number; audits: number }[]>`
      select (select count(*)::int from conviction where person_id = ${person.id}) as convictions,
             (select count(*)::int from court_ban where person_id = ${person.id}) as bans,
             (select count(*)::int from audit_event where person_id = ${person.id} and action = 'create') as audits`;
    expect(counts).toEqual({ convictions: 1, bans: 2, audits: 1 });
  });
});
