import path from "node:path";

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { ROLE_HOME } from "~/auth/permissions.server";
import type { StaffScope } from "~/auth/scope.server";
import { startSession } from "~/auth/session.server";
import { createDataRequest } from "~/modules/persons/self-service.server";
import type { FormValues } from "~/utils/forms";

import {
  activity,
  consentGrant,
  dataRequest,
  enrolment,
  followUp,
  jobFairParticipant,
  loan,
  meetingAttendance,
  modelPerson,
  personTransfer,
  placement,
  referral,
  referralMessage,
  releasedPerson,
} from "../../db/schema";
import { createUser, formBody, uniquePhone,UNITS } from "../factories";
import { createOrgMember, daysFromToday, publishJob, publishTraining } from "../factories/marketplace";
import { activatePerson, createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { fairWith, logActivity, modelCovering } from "../factories/support";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { callHandler as call, routeFileNames, type RouteModule,routePath as routeUrl, ROUTES_DIR, workbookText } from "../setup/route-files";
import { latestNotification, type RecordIds as Ids,supportRecords, wayToWork } from "../setup/subject-record";

/*
 * The role × route matrix (docs/ARCHITECTURE.md: "Who may do what"): every person-related route, every role, the answer each
 * must get. The route files are discovered from app/routes, so a new person-related route fails this test
 * until someone decides, in the table below, who may reach it.
 */

const ctx = setupIntegration({ indexes: true });

const BASE = "http://localhost";

/** The person whose record the matrix is about, and another person of the same commune. */
const SUBJECT_NAME = "Đặng Thị Ma Trận";
const OTHER_NAME = "Vi Văn Người Khác";

const ROLES = ["anonymous", "person", "otherPerson", "employer", "provider", "officerA", "officerB", "adminA", "adminB", "national"] as const;
type RoleKey = (typeof ROLES)[number];
/** Roles that may see the subject's record: the subject, their commune's officer, their province's admin. */
const ENTITLED: readonly RoleKey[] = ["person", "officerA", "adminA"];

/**
 * ok: 2xx, or a redirect within the role's own area. invalid: 400, i.e. every access check passed and the
 * harmless body was refused by validation. login: 302 to /login?redirectTo=<this path>. forbidden: 403.
 * not_found: 404. Anything else (a 500, a thrown Error, a redirect elsewhere) is reported as it is.
 */
const ANSWERS = ["ok", "invalid", "login", "forbidden", "not_found"] as const;
type Answer = (typeof ANSWERS)[number];
type Cells = Record<RoleKey, Answer>;

/** One line of the table: ten answers in ROLES order. */
function cells(line: string): Cells {
  const words = line.trim().split(/\s+/);
  if (words.length !== ROLES.length || words.some((w) => !(ANSWERS as readonly string[]).includes(w))) {
    throw new Error(`matrix line needs ${ROLES.length} answers from ${ANSWERS.join("/")}: "${line}"`);
  }
  return Object.fromEntries(ROLES.map((r, i) => [r, words[i]])) as Cells;
}

type Row = {
  get: Cells;
  /** POSTed with a harmless body: empty unless given (never one that changes the subject's record). */
  post?: { expect: Cells; body?: FormValues };
  params?: (ids: Ids) => Record<string, string>;
  query?: (ids: Ids) => string;
  /** Roles whose GET answer must contain a name: positive controls, so that the absence checks mean something. */
  shows?: Partial<Record<RoleKey, "subject" | "other">>;
  /** Roles whose GET answer must contain one of the ids: the positive control where no name may appear. */
  showsId?: Partial<Record<RoleKey, keyof Ids>>;
  /** Roles whose GET answer must contain this text: the positive control of a page that names nobody. */
  showsText?: Partial<Record<RoleKey, string>>;
  /** Aggregates only: no role, however entitled, may find a person's name in any answer. */
  namesNobody?: true;
};

// prettier-ignore
const MATRIX: Record<string, Row> = {
  //                                                  anonymous person    otherPerson employer  provider  officerA  officerB  adminA    adminB    national
  // The national role (issue 16) holds figures only: every person route answers it 403, its own pages name nobody.
  // The officer's register: lists answer each staff member with their own reach (never the subject outside it).
  "officer.persons._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        ok        ok        forbidden"),
    shows: { officerA: "subject", adminA: "subject" },
  },
  "officer.persons.new.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
  },
  // A provincial admin reads the record; writing is the commune officer's (checked per intent, after scope).
  "officer.persons.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    post: { body: { intent: "classify" }, expect: cells("login     forbidden forbidden   forbidden forbidden invalid   not_found forbidden not_found forbidden") },
    shows: { officerA: "subject", adminA: "subject" },
  },
  // Officer-only pages: the permission is checked before the scope, so both admins get 403.
  // POST with an empty body: validation runs before the scope lookup, so officer B gets the same 400 for any
  // id (no person data, no existence oracle); the valid-body IDOR test below checks B's 404.
  "officer.persons.$id_.close.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
  },
  "officer.persons.$id_.consents.$grantId.print.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
  },
  "officer.persons.$id_.export.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
  },
  "officer.persons.$id_.export[.]json.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
  },
  // POST issues a fresh code (the officer's normal action; the person keeps their account).
  "officer.persons.$id_.invite.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden") },
  },
  "officer.persons.$id_.move.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
  },
  // Placements and enrolments (record:placement:commune): officers only; another commune's person is not
  // found, even for a POST (the scope is checked before the body). Without ?referral the pages still answer.
  "officer.persons.$id_.placement.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   not_found forbidden forbidden forbidden") },
    shows: { officerA: "subject" },
  },
  "officer.persons.$id_.enrolment.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   not_found forbidden forbidden forbidden") },
    shows: { officerA: "subject" },
  },
  // Referring needs a listing named in the query; the empty POST is refused by validation before any lookup.
  "officer.persons.$id_.refer.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    query: (ids) => `?kind=job&listing=${ids.job}`,
    shows: { officerA: "subject" },
  },
  // Support (issue 6): the activity log is read like the record (the province's admin too) and written by the
  // commune officer (record:activity:commune, checked before the scope, so admins get 403 on POST); loans are
  // the officer's only (manage:loan:commune). Another commune's person is not found, even for a POST.
  "officer.persons.$id_.activities.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   not_found forbidden forbidden forbidden") },
    shows: { officerA: "subject", adminA: "subject" },
  },
  "officer.persons.$id_.loans.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   not_found forbidden forbidden forbidden") },
    shows: { officerA: "subject" },
  },
  // Meetings (record:activity:commune): the commune officer's pages; the province's admin has none. The list
  // counts attendance and its form offers the commune's persons; the detail names who attended. The empty POST
  // is refused by validation (a meeting is created in one of the officer's own communes, checked after).
  "officer.meetings._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    shows: { officerA: "subject" },
    showsId: { officerA: "meeting" },
  },
  "officer.meetings.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    params: (ids) => ({ id: ids.meeting }),
    shows: { officerA: "subject" },
  },
  // Loans (manage:loan:commune): the commune officer's only, form 01 for the bank included (this month's list,
  // where the subject's loan is). A status change with an empty body is refused before the lookup (officer B:
  // 400 for any id); the valid-body test below checks B's 404.
  "officer.loans._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    shows: { officerA: "subject" },
    showsId: { officerA: "loan" },
  },
  "officer.loans.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.loan }),
    shows: { officerA: "subject" },
  },
  "officer.loans.bank-list.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    shows: { officerA: "subject" },
  },
  "officer.loans.bank-list[.]csv.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    shows: { officerA: "subject" },
  },
  // Job fairs: managed by the commune officer (manage:job_fair:commune, so admins get 403 on POST); read by the
  // province's admin too (view:report:commune), without the participants' names. Another commune's fair is not
  // found, even for a POST (the fair is looked up before the body); the fairs list answers each with their reach.
  "officer.job-fairs._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        ok        ok        forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    showsId: { officerA: "fair", adminA: "fair" },
  },
  "officer.job-fairs.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   not_found forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.fair }),
    shows: { officerA: "subject" },
    showsId: { adminA: "fair" },
  },
  "officer.job-fairs.$id_.report.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    params: (ids) => ({ id: ids.fair }),
    namesNobody: true,
    showsId: { officerA: "fair", adminA: "fair" },
  },
  // Reintegration models (manage:model:commune): the commune officer's pages, reading and writing alike (the
  // province's admin reads their figures in the reports, ?model=). Another commune's model is not found.
  "officer.models._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    showsId: { officerA: "model" },
  },
  "officer.models.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   not_found forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.model }),
    shows: { officerA: "subject" },
  },
  // Reports (view:report:commune), asked for commune A and its model: the commune's officer and the province's
  // admin; another commune or province is not found. Aggregates only: nobody finds a name in them, ever.
  "officer.reports._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    query: (ids) => `?commune=${UNITS.namDa}&model=${ids.model}`,
    namesNobody: true,
    showsText: { officerA: "Nam Đà", adminA: "Nam Đà" },
  },
  "officer.reports.export[.]csv.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    query: (ids) => `?commune=${UNITS.namDa}&model=${ids.model}`,
    namesNobody: true,
    showsText: { officerA: "Nam Đà", adminA: "Nam Đà" },
  },
  "officer.reports.export[.]xlsx.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    query: (ids) => `?commune=${UNITS.namDa}&model=${ids.model}`,
    namesNobody: true,
    showsText: { officerA: "Nam Đà", adminA: "Nam Đà" },
  },
  "officer.reports.hcd12.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    query: (ids) => `?commune=${UNITS.namDa}&model=${ids.model}`,
    namesNobody: true,
    showsText: { officerA: "Nam Đà", adminA: "Nam Đà" },
  },
  "officer.reports.hcd13.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    query: (ids) => `?commune=${UNITS.namDa}&model=${ids.model}`,
    namesNobody: true,
    showsText: { officerA: "Nam Đà", adminA: "Nam Đà" },
  },
  "officer.expungements.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        ok        ok        forbidden"),
  },
  "officer.candidates.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    query: () => "?q=sua+xe+may",
    shows: { officerA: "subject" },
  },
  "officer.transfers.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
  },
  "officer.requests.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    shows: { officerA: "subject" },
  },
  // The audit trail, filtered on the subject: only their province's admin sees their events.
  "admin.audit.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden forbidden forbidden ok        ok        forbidden"),
    query: (ids) => `?personId=${ids.person}`,
    shows: { adminA: "subject" },
  },
  // The person's own pages: each person gets their own record, never another's.
  "me._index.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden forbidden") },
    shows: { person: "subject", otherPerson: "other" },
  },
  "me.consents.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden forbidden") },
  },
  "me.data.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden forbidden") },
    shows: { person: "subject", otherPerson: "other" },
  },
  "me.data[.]json.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden"),
    shows: { person: "subject", otherPerson: "other" },
  },
  "me.referrals.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden"),
    // The person's answer to an offer (issue 11): persons only; an empty answer is refused with a message.
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden forbidden") },
  },
  "me.saved.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     invalid   invalid     forbidden forbidden forbidden forbidden forbidden forbidden forbidden") },
  },
  // Matching: the officer's suggestions for a person of their communes; candidates for a listing within the
  // officer's communes (officer B sees the page, without A's people); the person's own suggestions.
  "officer.persons.$id_.matches.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    shows: { officerA: "subject" },
  },
  "officer.jobs.$id.candidates.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    params: (ids) => ({ id: ids.job }),
    shows: { officerA: "subject" },
  },
  "officer.trainings.$id.candidates.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    params: (ids) => ({ id: ids.training }),
  },
  "me.matches.tsx": {
    get:                                        cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden"),
  },
  // Referrals (refer:person:commune): the commune officer's only; admins have no referral pages at all. The
  // empty POST is refused by validation before any lookup; the valid-body test below checks B's 404.
  "officer.referrals._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    shows: { officerA: "subject" },
  },
  "officer.referrals.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.referral }),
    shows: { officerA: "subject" },
  },
  // Placements and enrolments: the province's admin reads (view:person:commune); ending or finishing one
  // needs record:placement:commune, checked before the body, so admins get 403 on POST. The empty body is
  // refused before the lookup (officer B: 400); the valid-body test below checks B's 404.
  "officer.placements.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.placement }),
    shows: { officerA: "subject", adminA: "subject" },
  },
  "officer.enrolments.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found ok        not_found forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.enrolment }),
    shows: { officerA: "subject", adminA: "subject" },
  },
  // Follow-ups (follow_up:person:commune): the commune officer's task list and form.
  "officer.follow-ups._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        forbidden forbidden forbidden"),
    shows: { officerA: "subject" },
  },
  "officer.follow-ups.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        not_found forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden forbidden invalid   invalid   forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.followUp }),
    shows: { officerA: "subject" },
  },
  // Counts only, each staff member over their own reach (no names anywhere).
  "officer.figures.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden ok        ok        ok        ok        forbidden"),
  },
  // The organisation's side: only what the referral shared, and the matrix shares no name, so the leak
  // check means "the employer and the provider never see the subject's name"; the ids are the positive control.
  "employer.referrals._index.tsx": {
    get:                                        cells("login     forbidden forbidden   ok        forbidden forbidden forbidden forbidden forbidden forbidden"),
    showsId: { employer: "referral" },
  },
  "employer.referrals.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   ok        forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   invalid   forbidden forbidden forbidden forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.referral }),
  },
  "employer.placements.tsx": {
    get:                                        cells("login     forbidden forbidden   ok        forbidden forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   invalid   forbidden forbidden forbidden forbidden forbidden forbidden") },
    showsId: { employer: "followUp" },
  },
  "provider.referrals._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden ok        forbidden forbidden forbidden forbidden forbidden"),
    showsId: { provider: "trainingReferral" },
  },
  "provider.referrals.$id.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden ok        forbidden forbidden forbidden forbidden forbidden"),
    post: { expect:                             cells("login     forbidden forbidden   forbidden invalid   forbidden forbidden forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.trainingReferral }),
  },
  // Everyone's own notifications; opening one that is someone else's is not found (the subject's opens theirs:
  // a GET only goes there, the list's POST also marks it read).
  "notifications.tsx": {
    get:                                        cells("login     ok        ok          ok        ok        ok        ok        ok        ok        ok"),
    post: { expect:                             cells("login     invalid   invalid     invalid   invalid   invalid   invalid   invalid   invalid   invalid") },
  },
  "notifications.$id.tsx": {
    get:                                        cells("login     ok        not_found   not_found not_found not_found not_found not_found not_found not_found"),
    post: { expect:                             cells("login     ok        not_found   not_found not_found not_found not_found not_found not_found not_found") },
    params: (ids) => ({ id: ids.notification }),
  },
  // The national view (issue 16): figures of the country, a province, a commune. Only the national role; no
  // answer names anyone, however much the subject's commune is drilled into.
  "national._index.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden forbidden forbidden forbidden forbidden ok"),
    query: () => "?period=this_year&province=68&commune=24697",
    showsText: { national: '"level":"commune"' },
    namesNobody: true,
  },
  "national.export[.]csv.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden forbidden forbidden forbidden forbidden ok"),
    query: () => "?period=this_year&province=68",
    showsText: { national: "Tỉnh Lâm Đồng" },
    namesNobody: true,
  },
  "national.export[.]xlsx.tsx": {
    get:                                        cells("login     forbidden forbidden   forbidden forbidden forbidden forbidden forbidden forbidden ok"),
    query: () => "?period=this_year",
    namesNobody: true,
  },
  // Public: a logged-in user is sent to their own home; a post without a code is refused for everyone.
  "activate.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok        ok        ok        ok        ok"),
    post: { expect:                             cells("invalid   invalid   invalid     invalid   invalid   invalid   invalid   invalid   invalid   invalid") },
  },
  // Public, like activation: a logged-in user is sent home; an empty form is refused for everyone.
  "forgot-password.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok        ok        ok        ok        ok"),
    post: { expect:                             cells("invalid   invalid   invalid     invalid   invalid   invalid   invalid   invalid   invalid   invalid") },
  },
  "reset-password.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok        ok        ok        ok        ok"),
    post: { expect:                             cells("invalid   invalid   invalid     invalid   invalid   invalid   invalid   invalid   invalid   invalid") },
  },
  "reset-password_.$token.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok        ok        ok        ok        ok"),
    post: { expect:                             cells("invalid   invalid   invalid     invalid   invalid   invalid   invalid   invalid   invalid   invalid") },
    params: () => ({ token: "x".repeat(43) }),
    namesNobody: true,
  },
  // Public listings whose action is the person's "save" / "ask for a referral" ($id is the listing here).
  "jobs.$id.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok        ok        ok        ok        ok"),
    post: { body: { intent: "unsave" }, expect: cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.job }),
  },
  "trainings.$id.tsx": {
    get:                                        cells("ok        ok        ok          ok        ok        ok        ok        ok        ok        ok"),
    post: { body: { intent: "unsave" }, expect: cells("login     ok        ok          forbidden forbidden forbidden forbidden forbidden forbidden forbidden") },
    params: (ids) => ({ id: ids.training }),
  },
};

/** Route files that touch persons' records, by name: each must have a row above. */
const PERSON_RELATED =
  /^(officer\.persons|officer\.(expungements|candidates|transfers|requests|referrals|placements|follow-ups|enrolments|figures|meetings|loans|job-fairs|models|reports)\.|officer\.(jobs|trainings)\.\$id\.candidates\.|national\.|employer\.(referrals|placements)\.|provider\.referrals\.|notifications\.|me\.|admin\.audit\.|activate\.)/;

function paramsOf(file: string, defaults: Record<string, string>): Record<string, string> {
  const names = [...file.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => m[1]);
  return Object.fromEntries(names.map((n) => [n, defaults[n]]));
}

/** Each test role's account role, whose home (ROLE_HOME) is the area its redirects must stay in. */
const roleOf: Record<Exclude<RoleKey, "anonymous">, keyof typeof ROLE_HOME> = {
  person: "person",
  otherPerson: "person",
  employer: "employer",
  provider: "provider",
  officerA: "officer",
  officerB: "officer",
  adminA: "admin",
  adminB: "admin",
  national: "national",
};

/** The answer in the table's words, or a description of what came instead (which then fails the row). */
function classify(role: RoleKey, url: string, res: Response | Error): string {
  if (res instanceof Error) return `error: ${res.message}`;
  if (res.status >= 200 && res.status < 300) return "ok";
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get("Location") ?? "";
    if (location.startsWith("/login?")) {
      return location === `/login?redirectTo=${encodeURIComponent(url)}` ? "login" : `login elsewhere: ${location}`;
    }
    const home = role === "anonymous" ? null : ROLE_HOME[roleOf[role]];
    if (home && (location === home || location.startsWith(`${home}/`) || location.startsWith(`${home}?`))) return "ok";
    return `redirect ${res.status} → ${location}`;
  }
  const word: Record<number, Answer> = { 400: "invalid", 403: "forbidden", 404: "not_found" };
  return word[res.status] ?? `status ${res.status}`;
}

/** What a reader of the answer finds in it: the text, or every cell of a workbook (an XLSX file is a zip). */
async function bodyText(res: Response | Error): Promise<string> {
  if (!(res instanceof Response)) return "";
  const copy = res.clone();
  if (!(copy.headers.get("Content-Type") ?? "").includes("spreadsheetml")) return copy.text();
  return workbookText(await copy.arrayBuffer());
}

function request(method: "GET" | "POST", url: string, cookie: string | undefined, body?: FormValues): Request {
  const headers: Record<string, string> = { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) };
  if (method === "GET") return new Request(`${BASE}${url}`, { headers });
  return new Request(`${BASE}${url}`, {
    method,
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody(body ?? {}),
  });
}

const drain = () => drainOutbox(ctx.handle.db, ctx.search);

let ids: Ids;
const cookies = {} as Record<Exclude<RoleKey, "anonymous">, string>;
let officerA: StaffScope;
let officerB: StaffScope;
let dataRequestId: string;

/** A person registered by the officer, invited and activated through the invitation module: their user id. */
async function activatedPerson(officer: StaffScope, fullName: string, ip: string) {
  const phone = uniquePhone();
  const personId = await createPerson(officer, { fullName, phone });
  return { personId, userId: await activatePerson(officer, personId, { phone, ip }) };
}

const cookieFor = async (userId: string) => (await startSession(userId)).split(";")[0];

beforeAll(async () => {
  officerA = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  officerB = await createOfficerScope([UNITS.luongSon], UNITS.phuTho);
  const subject = await activatedPerson(officerA, SUBJECT_NAME, "10.40.0.1");
  const other = await activatedPerson(officerA, OTHER_NAME, "10.40.0.2");
  // Training referral too, so the subject can be referred to the provider's course below.
  const grant = await giveConsent(officerA, subject.personId, { purposes: ["matching", "training_referral", "share_contact"] });
  await giveConsent(officerA, other.personId);
  // An open data request, so that the subject's name is on officer A's requests page (and must not be on B's).
  const requested = await createDataRequest(subject.userId, { kind: "correction", message: "Sai ngày sinh" });
  if (!requested.ok) throw new Error("createDataRequest failed");
  dataRequestId = requested.id;

  const employer = await createOrgMember("employer");
  const provider = await createOrgMember("provider");
  const job = await publishJob(employer);
  const training = await publishTraining(provider);
  const adminA = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
  const adminB = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
  const national = await createUser({ role: "national" });
  await drain();

  // The subject's way to work through the real services (tests/setup/subject-record.ts), then their support
  // (issue 6), all in commune A: a counselling session, a meeting they attended, a loan on this month's list
  // for the bank, a job fair they are registered for (which notifies them), a reintegration model covering them.
  const way = await wayToWork(ctx.handle.db, subject.personId, { officer: officerA, employer, provider, job: job.id, training: training.id });
  await logActivity(officerA, subject.personId, { kind: "counselling", topic: "career", mode: "individual" });
  const support = await supportRecords(officerA, subject.personId);
  const notificationId = await latestNotification(ctx.handle.db, subject.userId);
  ids = { person: subject.personId, grant, job: job.id, training: training.id, ...way, notification: notificationId, ...support };
  const users: Record<Exclude<RoleKey, "anonymous">, string> = {
    person: subject.userId,
    otherPerson: other.userId,
    employer: employer.actorId,
    provider: provider.actorId,
    officerA: officerA.actorId,
    officerB: officerB.actorId,
    adminA: adminA.id,
    adminB: adminB.id,
    national: national.id,
  };
  for (const [role, userId] of Object.entries(users)) cookies[role as Exclude<RoleKey, "anonymous">] = await cookieFor(userId);
}, 120_000);

describe("role × route matrix", () => {
  it("has a row for every person-related route file, and no row for a file that is gone", () => {
    const files = routeFileNames();
    const missing = files.filter((f) => PERSON_RELATED.test(f) && !(f in MATRIX));
    expect(missing, `person-related routes without a row in the matrix: decide who may reach them`).toEqual([]);
    expect(Object.keys(MATRIX).filter((f) => !files.includes(f)), "rows for route files that no longer exist").toEqual([]);
    // The discovery itself still sees the routes it is meant to (a renamed folder would silently find nothing).
    expect(files.filter((f) => PERSON_RELATED.test(f)).length).toBeGreaterThanOrEqual(60);
  });

  it.each(Object.keys(MATRIX))("%s", async (file) => {
    const row = MATRIX[file];
    const mod = (await import(path.join(ROUTES_DIR, file))) as RouteModule;
    expect(mod.loader, `${file} has no loader`).toBeTypeOf("function");
    expect(!!mod.action, `${file}: the row's POST column must match whether the route has an action`).toBe(!!row.post);

    const params = row.params?.(ids) ?? paramsOf(file, { id: ids.person, grantId: ids.grant });
    const url = routeUrl(file, params) + (row.query?.(ids) ?? "");
    const names = { subject: SUBJECT_NAME, other: OTHER_NAME };

    const got: { get: Partial<Cells>; post?: Partial<Cells> } = { get: {}, ...(row.post ? { post: {} } : {}) };
    const leaks: string[] = [];
    const missingNames: string[] = [];
    for (const method of ["GET", "POST"] as const) {
      const handler = method === "GET" ? mod.loader : mod.action;
      if (!handler) continue;
      for (const role of ROLES) {
        const cookie = role === "anonymous" ? undefined : cookies[role];
        const res = await call(handler, request(method, url, cookie, row.post?.body), params);
        const answer = classify(role, url, res);
        (method === "GET" ? got.get : got.post!)[role] = answer as Answer;
        const body = await bodyText(res);
        if (!ENTITLED.includes(role) && body.includes(SUBJECT_NAME)) leaks.push(`${method} ${role} (${answer})`);
        if (row.namesNobody && (body.includes(SUBJECT_NAME) || body.includes(OTHER_NAME))) leaks.push(`${method} ${role} (${answer}) names a person`);
        const shown = method === "GET" ? row.shows?.[role] : undefined;
        if (shown && !body.includes(names[shown])) missingNames.push(`${method} ${role} lacks ${names[shown]}`);
        const shownId = method === "GET" ? row.showsId?.[role] : undefined;
        if (shownId && !body.includes(ids[shownId])) missingNames.push(`${method} ${role} lacks ids.${shownId}`);
        const shownText = method === "GET" ? row.showsText?.[role] : undefined;
        if (shownText && !body.includes(shownText)) missingNames.push(`${method} ${role} lacks "${shownText}"`);
      }
    }
    expect({ ...got, leaks, missingNames }, url).toEqual({
      get: row.get,
      ...(row.post ? { post: row.post.expect } : {}),
      leaks: [],
      missingNames: [],
    });
  });
});

/*
 * The matrix posts harmless bodies, so a route that validates before it looks up the person answers 400
 * to everyone. Here the other commune and the other person post bodies that would work on their own
 * records: each must be not found, and the subject's record must be unchanged.
 */
describe("valid bodies against someone else's record", () => {
  /** `cookie` stands in for a user outside the nine roles (another organisation), classified as `role`. */
  async function post(file: string, role: Exclude<RoleKey, "anonymous">, body: FormValues, params: Record<string, string> = { id: ids.person }, cookie = cookies[role]) {
    const mod = (await import(path.join(ROUTES_DIR, file))) as RouteModule;
    const url = routeUrl(file, params);
    return classify(role, url, await call(mod.action!, request("POST", url, cookie, body), params));
  }

  it("the other commune's officer and the other province's admin cannot write to the subject's record", async () => {
    const answers = {
      closeB: await post("officer.persons.$id_.close.tsx", "officerB", { intent: "close", reason: "moved_away", note: "" }),
      moveB: await post("officer.persons.$id_.move.tsx", "officerB", { provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon, note: "" }),
      classifyB: await post("officer.persons.$id.tsx", "officerB", { intent: "classify", group: "A", note: "" }),
      withdrawB: await post("officer.persons.$id.tsx", "officerB", { intent: "withdraw-consent", grantId: ids.grant, note: "" }),
      withdrawAdminB: await post("officer.persons.$id.tsx", "adminB", { intent: "withdraw-consent", grantId: ids.grant, note: "" }),
      withdrawAdminA: await post("officer.persons.$id.tsx", "adminA", { intent: "withdraw-consent", grantId: ids.grant, note: "" }),
      resolveB: await post("officer.requests.tsx", "officerB", { requestId: dataRequestId, outcome: "declined" }, {}),
      resolveAdminA: await post("officer.requests.tsx", "adminA", { requestId: dataRequestId, outcome: "declined" }, {}),
    };
    expect(answers).toEqual({
      closeB: "not_found",
      moveB: "not_found",
      classifyB: "not_found",
      withdrawB: "not_found",
      withdrawAdminB: "not_found",
      withdrawAdminA: "forbidden",
      resolveB: "not_found",
      resolveAdminA: "forbidden",
    });
    const [person] = await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, ids.person));
    expect(person.status).toBe("active");
    expect(await ctx.handle.db.select().from(personTransfer).where(eq(personTransfer.personId, ids.person))).toEqual([]);
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, ids.grant));
    expect(grant.withdrawnAt).toBeNull();
    const [open] = await ctx.handle.db.select().from(dataRequest).where(eq(dataRequest.id, dataRequestId));
    expect(open.status).toBe("open");
  });

  it("another person cannot withdraw the subject's consent from their own pages", async () => {
    const answers = {
      home: await post("me._index.tsx", "otherPerson", { intent: "withdraw", grantId: ids.grant, note: "" }, {}),
      consents: await post("me.consents.tsx", "otherPerson", { intent: "withdraw", grantId: ids.grant, note: "" }, {}),
    };
    expect(answers).toEqual({ home: "not_found", consents: "not_found" });
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, ids.grant));
    expect(grant.withdrawnAt).toBeNull();
  });

  it("the other commune's officer, the admins and other organisations cannot act on the subject's referrals, placement, follow-up or enrolment", async () => {
    const otherEmployer = await cookieFor((await createOrgMember("employer")).actorId);
    const otherProvider = await cookieFor((await createOrgMember("provider")).actorId);
    const today = daysFromToday(0);
    const message = { intent: "message", body: "Anh ấy còn làm ở đây không?" };
    const end = { endDate: today, endReason: "quit", endNote: "" };
    const complete = { intent: "complete", completedOn: today, certificate: "Chứng chỉ sơ cấp nghề" };
    const visit = { stillEmployed: "yes", currentWage: "5.500.000", stable: "yes", livingSituation: "with_family", violation: "no" };
    const answers = {
      messageB: await post("officer.referrals.$id.tsx", "officerB", message, { id: ids.referral }),
      endB: await post("officer.placements.$id.tsx", "officerB", end, { id: ids.placement }),
      endAdminA: await post("officer.placements.$id.tsx", "adminA", end, { id: ids.placement }),
      recordB: await post("officer.follow-ups.$id.tsx", "officerB", visit, { id: ids.followUp }),
      completeB: await post("officer.enrolments.$id.tsx", "officerB", complete, { id: ids.enrolment }),
      completeAdminA: await post("officer.enrolments.$id.tsx", "adminA", complete, { id: ids.enrolment }),
      messageOtherEmployer: await post("employer.referrals.$id.tsx", "employer", message, { id: ids.referral }, otherEmployer),
      declineOtherEmployer: await post("employer.referrals.$id.tsx", "employer", { intent: "decline", note: "Hết chỗ" }, { id: ids.referral }, otherEmployer),
      confirmOtherEmployer: await post("employer.placements.tsx", "employer", { followUpId: ids.followUp, note: "" }, {}, otherEmployer),
      messageOtherProvider: await post("provider.referrals.$id.tsx", "provider", message, { id: ids.trainingReferral }, otherProvider),
      // A provider cannot use the employer's pages at all, even for its own course referral.
      messageProviderAsEmployerRoute: await post("employer.referrals.$id.tsx", "provider", message, { id: ids.trainingReferral }),
    };
    expect(answers).toEqual({
      messageB: "not_found",
      endB: "not_found",
      endAdminA: "forbidden",
      recordB: "not_found",
      completeB: "not_found",
      completeAdminA: "forbidden",
      messageOtherEmployer: "not_found",
      declineOtherEmployer: "not_found",
      confirmOtherEmployer: "not_found",
      messageOtherProvider: "not_found",
      messageProviderAsEmployerRoute: "forbidden",
    });
    const db = ctx.handle.db;
    const [placed] = await db.select().from(placement).where(eq(placement.id, ids.placement));
    expect(placed.endDate).toBeNull();
    const [due] = await db.select().from(followUp).where(eq(followUp.id, ids.followUp));
    expect({ doneAt: due.doneAt, employerConfirmedAt: due.employerConfirmedAt }).toEqual({ doneAt: null, employerConfirmedAt: null });
    const [enrolled] = await db.select().from(enrolment).where(eq(enrolment.id, ids.enrolment));
    expect(enrolled.status).toBe("enrolled");
    const referrals = await db.select({ status: referral.status }).from(referral).where(eq(referral.personId, ids.person));
    expect(referrals.map((r) => r.status)).toEqual(["accepted", "accepted"]);
    expect(await db.select().from(referralMessage).where(eq(referralMessage.referralId, ids.referral))).toEqual([]);
    expect(await db.select().from(referralMessage).where(eq(referralMessage.referralId, ids.trainingReferral))).toEqual([]);
  });
  it("the other commune's officer and the admins cannot record the subject's support: activities, loans, meetings, fairs, models", async () => {
    const db = ctx.handle.db;
    const today = daysFromToday(0);
    // Officer B's own fair and model: the subject's id posted into B's own records must be refused too.
    const fairOfB = await fairWith(officerB, UNITS.luongSon, []);
    const modelOfB = await modelCovering(officerB, UNITS.luongSon, []);
    const visit = { kind: "encouragement_visit", occurredOn: today, note: "" };
    const application = { purpose: "business", amountVnd: "20.000.000", termMonths: "24", bankBranch: "NHCSXH", listMonth: today.slice(0, 7), appliedOn: today, note: "" };
    const approve = { status: "approved", on: today, note: "" };
    const absent = { intent: "outcome", personId: ids.person, outcome: "absent", organizationId: "" };
    const leave = { intent: "leavePerson", personId: ids.person, leftOn: today };
    const answers = {
      activityB: await post("officer.persons.$id_.activities.tsx", "officerB", visit),
      activityAdminA: await post("officer.persons.$id_.activities.tsx", "adminA", visit),
      activityAdminB: await post("officer.persons.$id_.activities.tsx", "adminB", visit),
      loanB: await post("officer.persons.$id_.loans.tsx", "officerB", application),
      loanAdminA: await post("officer.persons.$id_.loans.tsx", "adminA", application),
      statusB: await post("officer.loans.$id.tsx", "officerB", approve, { id: ids.loan }),
      statusAdminA: await post("officer.loans.$id.tsx", "adminA", approve, { id: ids.loan }),
      // A meeting of B's commune (or of A's) with the subject ticked: refused by the service's checks.
      meetingInOwnCommuneB: await post("officer.meetings._index.tsx", "officerB", { communeCode: UNITS.luongSon, title: "Họp", heldOn: today, attendees: ids.person }, {}),
      meetingInCommuneAB: await post("officer.meetings._index.tsx", "officerB", { communeCode: UNITS.namDa, title: "Họp", heldOn: today, attendees: ids.person }, {}),
      meetingAdminA: await post("officer.meetings._index.tsx", "adminA", { communeCode: UNITS.namDa, title: "Họp", heldOn: today, attendees: ids.person }, {}),
      outcomeB: await post("officer.job-fairs.$id.tsx", "officerB", absent, { id: ids.fair }),
      unregisterB: await post("officer.job-fairs.$id.tsx", "officerB", { intent: "unregister", personId: ids.person }, { id: ids.fair }),
      unregisterAdminA: await post("officer.job-fairs.$id.tsx", "adminA", { intent: "unregister", personId: ids.person }, { id: ids.fair }),
      registerAtOwnFairB: await post("officer.job-fairs.$id.tsx", "officerB", { intent: "register", personId: ids.person }, { id: fairOfB }),
      leaveB: await post("officer.models.$id.tsx", "officerB", leave, { id: ids.model }),
      leaveAdminA: await post("officer.models.$id.tsx", "adminA", leave, { id: ids.model }),
      coverInOwnModelB: await post("officer.models.$id.tsx", "officerB", { intent: "addPerson", personId: ids.person, joinedOn: today }, { id: modelOfB }),
    };
    expect(answers).toEqual({
      activityB: "not_found",
      activityAdminA: "forbidden",
      activityAdminB: "forbidden",
      loanB: "not_found",
      loanAdminA: "forbidden",
      statusB: "not_found",
      statusAdminA: "forbidden",
      meetingInOwnCommuneB: "invalid",
      meetingInCommuneAB: "invalid",
      meetingAdminA: "forbidden",
      outcomeB: "not_found",
      unregisterB: "not_found",
      unregisterAdminA: "forbidden",
      registerAtOwnFairB: "not_found",
      leaveB: "not_found",
      leaveAdminA: "forbidden",
      coverInOwnModelB: "not_found",
    });
    // Nothing written: only what officer A recorded in the setup.
    const activities = await db.select({ kind: activity.kind }).from(activity).where(eq(activity.personId, ids.person));
    expect(activities.map((a) => a.kind)).toEqual(["counselling"]);
    const loans = await db.select({ id: loan.id, status: loan.status, decidedOn: loan.decidedOn }).from(loan).where(eq(loan.personId, ids.person));
    expect(loans).toEqual([{ id: ids.loan, status: "listed", decidedOn: null }]);
    const attended = await db.select({ meetingId: meetingAttendance.meetingId }).from(meetingAttendance).where(eq(meetingAttendance.personId, ids.person));
    expect(attended).toEqual([{ meetingId: ids.meeting }]);
    const fairs = await db
      .select({ fairId: jobFairParticipant.fairId, outcome: jobFairParticipant.outcome })
      .from(jobFairParticipant)
      .where(eq(jobFairParticipant.personId, ids.person));
    expect(fairs).toEqual([{ fairId: ids.fair, outcome: "registered" }]);
    const models = await db.select({ modelId: modelPerson.modelId, leftOn: modelPerson.leftOn }).from(modelPerson).where(eq(modelPerson.personId, ids.person));
    expect(models).toEqual([{ modelId: ids.model, leftOn: null }]);
  });
});
