import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { withdrawConsent } from "~/modules/consent/consent.server";
import { createJob, transitionJob } from "~/modules/jobs/jobs.server";

import { createOrgMember, jobInput, publishJob } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, placeFromReferral, refer } from "../factories/referrals";
import { setupIntegration } from "../setup/integration";

/*
 * Multi-row writes are all or nothing. For each service, a test-only trigger (created here, never in a
 * migration; plpgsql works on PostgreSQL 15 and PGlite alike) makes the LAST row of its transaction fail:
 * every row written before it must disappear with it, including the outbox row that would have reindexed it.
 * Then, without the trigger, the same call succeeds: proof that the rows before the last were really written.
 */

const ctx = setupIntegration({ indexes: true });
const db = () => ctx.handle.db;

type Row = Record<string, unknown>;
// postgres.js answers db.execute with an array of rows, PGlite with { rows }.
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : ((result as { rows?: Row[] }).rows ?? []));

/** Rows per table: the whole database, to compare before and after a failed write. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = rowsOf(
    await db().execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[String(name)] = Number(
      rowsOf(await db().execute(sql.raw(`select count(*)::int as n from "${String(name)}"`)))[0].n,
    );
  }
  return counts;
}

let failingTable: string | undefined;
async function failLastRow(table: string) {
  await db().execute(
    sql.raw(`create or replace function ct_test_fail() returns trigger language plpgsql as $$
    begin raise exception 'ct_test: forced failure writing %', tg_table_name; end $$`),
  );
  await db().execute(
    sql.raw(`create trigger ct_test_fail before insert on "${table}" for each row execute function ct_test_fail()`),
  );
  failingTable = table;
}
async function stopFailing() {
  if (failingTable) await db().execute(sql.raw(`drop trigger if exists ct_test_fail on "${failingTable}"`));
  failingTable = undefined;
}
afterEach(stopFailing);

/** Run `write` with its last insert (into `lastTable`) failing: it throws and the database is as before. */
async function expectAllOrNothing(lastTable: string, write: () => Promise<unknown>) {
  const before = await tableCounts();
  await failLastRow(lastTable);
  const error = await write().then(
    () => new Error("the write succeeded"),
    (e: unknown) => e,
  );
  // drizzle wraps the database's error ("Failed query: ...") with the trigger's message as its cause.
  const messages: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    messages.push(String(e.message));
  expect(messages.join(" <- ")).toContain(`ct_test: forced failure writing ${lastTable}`);
  await stopFailing();
  expect(await tableCounts()).toEqual(before);
  return before;
}

const changed = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.keys(after)
      .filter((t) => after[t] !== before[t])
      .map((t) => [t, after[t] - before[t]]),
  );

let officer: StaffScope;
let employer: OrgScope;

beforeAll(async () => {
  officer = await createOfficerScope();
  employer = await createOrgMember("employer");
}, 60_000);

describe(`a write that fails on its last row leaves nothing behind (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("an intake: released person, conviction, court bans, audit event", async () => {
    const form = { fullName: "Lê Văn Nửa Chừng", bannedOccupations: ["72311"], occupationBanEndsOn: "2099-01-01" };
    const before = await expectAllOrNothing("audit_event", () => createPerson(officer, form));
    await createPerson(officer, form);
    expect(changed(before, await tableCounts())).toEqual({
      released_person: 1,
      conviction: 1,
      court_ban: 1,
      audit_event: 1,
    });
  });

  it("a consent grant: the grant, its audit event and the outbox row that indexes the candidate", async () => {
    const personId = await createPerson(officer, { fullName: "Đỗ Văn Đồng Ý" });
    const before = await expectAllOrNothing("outbox", () => giveConsent(officer, personId));
    await giveConsent(officer, personId);
    expect(changed(before, await tableCounts())).toEqual({ consent_grant: 1, audit_event: 1, outbox: 1 });
  });

  it("a consent withdrawal: the grant stays live, no audit event, nothing queued for the index", async () => {
    const personId = await createPerson(officer, { fullName: "Vũ Văn Rút Lại" });
    const grantId = await giveConsent(officer, personId);
    const withdraw = () =>
      withdrawConsent({ id: officer.actorId, role: officer.role }, { personId, grantId, scope: officer });
    await expectAllOrNothing("outbox", withdraw);
    const [grant] = rowsOf(await db().execute(sql`select withdrawn_at from consent_grant where id = ${grantId}`));
    expect(grant.withdrawn_at).toBeNull();
    expect(await withdraw()).toEqual({ ok: true });
  });

  it("a new job: the job, its search text and its outbox row", async () => {
    const input = jobInput({ title: "Thợ hàn không bao giờ đăng" });
    const before = await expectAllOrNothing("outbox", () => createJob(employer, input, { publish: true }));
    expect((await createJob(employer, input, { publish: true })).ok).toBe(true);
    expect(changed(before, await tableCounts())).toEqual({ job: 1, outbox: 1 });
  });

  it("closing a job: the status change and its outbox row", async () => {
    const { id } = await publishJob(employer, { title: "Thợ sơn vẫn mở" });
    await expectAllOrNothing("outbox", () => transitionJob(employer, id, "close"));
    const [row] = rowsOf(await db().execute(sql`select status from job where id = ${id}`));
    expect(row.status).toBe("open");
    expect(await transitionJob(employer, id, "close")).toEqual({ ok: true, status: "closed" });
  });

  it("a referral: the referral, its history, its audit event and the notifications", async () => {
    const personId = await createPerson(officer, { fullName: "Hà Văn Giới Thiệu" });
    await giveConsent(officer, personId);
    const { id: jobId } = await publishJob(employer, { title: "Thợ sửa xe máy giới thiệu" });
    const before = await expectAllOrNothing("notification", () => refer(officer, personId, "job", jobId));
    await refer(officer, personId, "job", jobId);
    expect(changed(before, await tableCounts())).toMatchObject({ referral: 1, referral_event: 1, audit_event: 1 });
  });

  it("a placement: the placement, its four follow-ups and the notifications, up to the audit event", async () => {
    const personId = await createPerson(officer, { fullName: "Phan Văn Có Việc" });
    await giveConsent(officer, personId);
    const { id: jobId } = await publishJob(employer, { title: "Thợ sửa xe máy có việc" });
    const referralId = await refer(officer, personId, "job", jobId);
    await acceptReferral(employer, referralId);
    const before = await expectAllOrNothing("audit_event", () => placeFromReferral(officer, personId, referralId));
    await placeFromReferral(officer, personId, referralId);
    expect(changed(before, await tableCounts())).toMatchObject({ placement: 1, follow_up: 4, audit_event: 1 });
  });
});
