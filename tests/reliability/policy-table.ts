import { SUBJECT, type SubjectIds } from "./support/fixtures";

/** A word of the subject's name, unaccented (search ignores accents): "Chính" → "Chinh". */
const SUBJECT_NAME_PART = SUBJECT.fullName.split(" ")[2]!.normalize("NFD").replace(/\p{M}/gu, "");

/*
 * The policy table (issue 7): every route module in app/routes × the nine roles → the answer the running app
 * must give. tests/reliability/policy.test.ts walks all of it over HTTP and fails when a route file has no row
 * or a row names a file that is gone. The subject of every URL (a person, their referral, placement, loan…)
 * belongs to commune A = xã Nam Đà in province X = Lâm Đồng (tests/reliability/support/fixtures.ts).
 *
 * Roles, in column order:
 *   anon      not logged in
 *   person    the subject, logged in (a released person of commune A)
 *   employer  the demo repair shop of commune A, to whose job the subject was referred and placed
 *   provider  the demo training centre of province X, to whose course the subject was referred and enrolled
 *   offA      the demo officer of commune A (xã Nam Đà)
 *   offB      the demo officer of commune B (xã Lương Sơn, Phú Thọ): not the subject's commune
 *   admX      the demo admin of province X (Lâm Đồng)
 *   admY      the demo admin of province Y (Phú Thọ): not the subject's province
 *   nat       the demo national account (issue 16): the country's figures, no person data at all
 *
 * Answers:
 *   ok     200                       bad    400 (every check passed; the harmless body was refused)
 *   login  302 to /login?redirectTo=<this URL>
 *   home   302 to the role's own home page (a logged-in user on /login, /register, /activate)
 *   to/    302 to / (after logout, or the language switch with no page to return to)
 *   403    not allowed (the permission is missing)
 *   404    not found: the same answer for an id out of scope and an id that does not exist
 *   405    no action: a POST to a page that takes none
 *
 * POST: every row with `post` is POSTed with a harmless body (empty unless given), same-origin (Origin = the
 * app), so the CSRF check passes and the route's own checks answer. A row without `post` belongs to a route
 * that exports no action: it is POSTed too and must answer 405 to everyone.
 */

export const ROLES = ["anon", "person", "employer", "provider", "offA", "offB", "admX", "admY", "nat"] as const;
export type Role = (typeof ROLES)[number];
export const ANSWERS = ["ok", "bad", "login", "home", "to/", "403", "404", "405"] as const;
export type Answer = (typeof ANSWERS)[number];
export type Cells = Record<Role, Answer>;

/** Roles entitled to the subject's personal details: the subject, their commune's officer, their province's admin. */
export const ENTITLED: readonly Role[] = ["person", "offA", "admX"];

export type Detail = "name" | "phone" | "citizen id";

export type Row = {
  get: string;
  /** The POST answers, and the body when an empty one would not be harmless or would not reach the check. */
  post?: string;
  body?: Record<string, string>;
  /** Route params (default: id = the subject person, grantId = their consent grant). */
  params?: (ids: SubjectIds) => Record<string, string>;
  query?: (ids: SubjectIds) => string;
  /** A literal path instead of one built from the file name (the catch-all route). */
  path?: string;
  /** POST with a session of its own (the request ends it). */
  ownSession?: true;
  /** GET cells that must show this detail of the subject: positive controls, so that the absence checks mean something. */
  shows?: Partial<Record<Role, Detail>>;
  /** GET cells that must contain this text: the positive control of a page that names nobody. */
  showsText?: Partial<Record<Role, string>>;
  /** Counts only: not even an entitled role may find the subject's details in it. */
  aggregate?: true;
};

const id = (key: keyof SubjectIds) => (ids: SubjectIds) => ({ id: ids[key] });
const REPORT = (ids: SubjectIds) => `?commune=24697&model=${ids.model}`;
const NAM_DA = { offA: "Nam Đà", admX: "Nam Đà" } as const;
const A = { offA: "name" } as const;
const AX = { offA: "name", admX: "name" } as const;

/*
 * Empty POST bodies and officer B: most officer forms validate the body before they look the record up, so
 * officer B gets the same 400 as officer A for any id (no data, and no way to tell a real id from a guessed
 * one). Those cells say `bad`; tests/reliability/id-guessing.test.ts posts bodies that pass validation and
 * checks that B then gets 404 and nothing changes. Forms that look the record up first answer B 404 here.
 */
// prettier-ignore
export const POLICY: Record<string, Row> = {
  //                                               anon  person employer provider offA  offB  admX  admY  nat
  // ── Public pages ──────────────────────────────────────────────────────────────────────────────────────────
  "_index.tsx":                            { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok" },
  // The catch-all: any unknown path is a 404 page, for everyone.
  "$.tsx":                                 { get: "404   404    404      404      404   404   404   404   404", path: "/khong-co-trang-nay" },
  "healthz.ts":                            { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok" },
  "api.communes.ts":                       { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok", query: () => "?province=68" },
  "jobs._index.tsx":                       { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok" },
  "trainings._index.tsx":                  { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok" },
  // $id is the listing; the action is the person's "save" / "ask for a referral" ("unsave" is harmless).
  "jobs.$id.tsx":                          { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok",
                                            post: "login ok     403      403      403   403   403   403   403", body: { intent: "unsave" }, params: id("job") },
  "trainings.$id.tsx":                     { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok",
                                            post: "login ok     403      403      403   403   403   403   403", body: { intent: "unsave" }, params: id("training") },
  // A logged-in user is sent home from these pages, even after posting their (empty) form.
  "login.tsx":                             { get: "ok    home   home     home     home  home  home  home  home",
                                            post: "bad   home   home     home     home  home  home  home  home" },
  "register.tsx":                          { get: "ok    home   home     home     home  home  home  home  home",
                                            post: "bad   home   home     home     home  home  home  home  home" },
  "activate.tsx":                          { get: "ok    home   home     home     home  home  home  home  home",
                                            post: "bad   home   home     home     home  home  home  home  home" },
  // A forgotten password (a code by SMS, a link by e-mail): the same, a logged-in user has no use for them.
  "forgot-password.tsx":                   { get: "ok    home   home     home     home  home  home  home  home",
                                            post: "bad   home   home     home     home  home  home  home  home" },
  "reset-password.tsx":                    { get: "ok    home   home     home     home  home  home  home  home",
                                            post: "bad   home   home     home     home  home  home  home  home" },
  // A link that names no request shows how to ask for a new one; its empty form is refused.
  "reset-password_.$token.tsx":            { get: "ok    home   home     home     home  home  home  home  home",
                                            post: "bad   home   home     home     home  home  home  home  home", params: () => ({ token: "x".repeat(43) }) },
  // Action-only routes: a GET is sent to the home page.
  "logout.tsx":                            { get: "to/   to/    to/      to/      to/   to/   to/   to/   to/",
                                            post: "to/   to/    to/      to/      to/   to/   to/   to/   to/", ownSession: true },
  "lang.tsx":                              { get: "to/   to/    to/      to/      to/   to/   to/   to/   to/",
                                            post: "to/   to/    to/      to/      to/   to/   to/   to/   to/" },
  // ── Everyone logged in ─────────────────────────────────────────────────────────────────────────────────
  "notifications.tsx":                     { get: "login ok     ok       ok       ok    ok    ok    ok    ok",
                                            post: "login bad    bad      bad      bad   bad   bad   bad   bad", shows: A },
  // Each user's own password and devices; an empty post names no intent and is refused.
  "account.tsx":                           { get: "login ok     ok       ok       ok    ok    ok    ok    ok",
                                            post: "login bad    bad      bad      bad   bad   bad   bad   bad" },
  // The subject's own notification redirects them to what it is about; anyone else's is not found.
  "notifications.$id.tsx":                 { get: "login home   404      404      404   404   404   404   404",
                                            post: "login home   404      404      404   404   404   404   404", params: (ids) => ({ id: ids.notification }) },
  // A message's short link: a code that names nothing shows the same page to everyone (revealing nothing);
  // its empty form (no stop intent) is refused.
  "n.$code.tsx":                           { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok",
                                            post: "bad   bad    bad      bad      bad   bad   bad   bad   bad", params: () => ({ code: "AbCdEf12" }) },
  // The demo's outbox (DEV_OUTBOX is on for the embedded app these tests run; a 404 in production).
  "dev.outbox.tsx":                        { get: "ok    ok     ok       ok       ok    ok    ok    ok    ok" },
  // Providers' delivery reports: without HOOKS_TOKEN (or with a wrong one) the path does not exist.
  "hooks.esms.$token.tsx":                 { get: "404   404    404      404      404   404   404   404   404", params: () => ({ token: "x".repeat(32) }) },
  "hooks.zns.$token.tsx":                  { get: "bad   bad    bad      bad      bad   bad   bad   bad   bad",
                                            post: "404   404    404      404      404   404   404   404   404", params: () => ({ token: "x".repeat(32) }) },
  // ── The released person's own pages ────────────────────────────────────────────────────────────────────
  "me._index.tsx":                         { get: "login ok     403      403      403   403   403   403   403",
                                            post: "login bad    403      403      403   403   403   403   403", shows: { person: "phone" } },
  "me.consents.tsx":                       { get: "login ok     403      403      403   403   403   403   403",
                                            post: "login bad    403      403      403   403   403   403   403" },
  "me.data.tsx":                           { get: "login ok     403      403      403   403   403   403   403",
                                            post: "login bad    403      403      403   403   403   403   403", shows: { person: "citizen id" } },
  "me.data[.]json.tsx":                    { get: "login ok     403      403      403   403   403   403   403", shows: { person: "citizen id" } },
  "me.matches.tsx":                        { get: "login ok     403      403      403   403   403   403   403" },
  "me.referrals.tsx":                      { get: "login ok     403      403      403   403   403   403   403",
                                            post: "login bad    403      403      403   403   403   403   403" },
  "me.saved.tsx":                          { get: "login ok     403      403      403   403   403   403   403",
                                            post: "login bad    403      403      403   403   403   403   403" },
  // ── Employer (its own organisation only; the subject's referral shares no name) ────────────────────────────
  "employer._index.tsx":                   { get: "login 403    ok       403      403   403   403   403   403" },
  "employer.profile.tsx":                  { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403" },
  "employer.jobs._index.tsx":              { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403" },
  "employer.jobs.new.tsx":                 { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403" },
  "employer.jobs.$id.tsx":                 { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403", params: id("job") },
  "employer.referrals._index.tsx":         { get: "login 403    ok       403      403   403   403   403   403" },
  "employer.referrals.$id.tsx":            { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403", params: id("referral") },
  "employer.placements.tsx":               { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403" },
  // Training at the business's own workplace (issue 11): the provider's course of the subject is not its own (404).
  "employer.trainings._index.tsx":         { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403" },
  "employer.trainings.new.tsx":            { get: "login 403    ok       403      403   403   403   403   403",
                                            post: "login 403    bad      403      403   403   403   403   403" },
  "employer.trainings.$id.tsx":            { get: "login 403    404      403      403   403   403   403   403",
                                            post: "login 403    404      403      403   403   403   403   403", params: id("training") },
  // ── Training provider ──────────────────────────────────────────────────────────────────────────────────
  "provider._index.tsx":                   { get: "login 403    403      ok       403   403   403   403   403" },
  "provider.profile.tsx":                  { get: "login 403    403      ok       403   403   403   403   403",
                                            post: "login 403    403      bad      403   403   403   403   403" },
  "provider.trainings._index.tsx":         { get: "login 403    403      ok       403   403   403   403   403",
                                            post: "login 403    403      bad      403   403   403   403   403" },
  "provider.trainings.new.tsx":            { get: "login 403    403      ok       403   403   403   403   403",
                                            post: "login 403    403      bad      403   403   403   403   403" },
  "provider.trainings.$id.tsx":            { get: "login 403    403      ok       403   403   403   403   403",
                                            post: "login 403    403      bad      403   403   403   403   403", params: id("training") },
  "provider.referrals._index.tsx":         { get: "login 403    403      ok       403   403   403   403   403" },
  "provider.referrals.$id.tsx":            { get: "login 403    403      ok       403   403   403   403   403",
                                            post: "login 403    403      bad      403   403   403   403   403", params: id("trainingReferral") },
  // ── Provincial admin ───────────────────────────────────────────────────────────────────────────────────
  "admin._index.tsx":                      { get: "login 403    403      403      403   403   ok    ok    403" },
  "admin.officers.tsx":                    { get: "login 403    403      403      403   403   ok    ok    403",
                                            post: "login 403    403      403      403   403   bad   bad   403" },
  // Filtered on the subject: admin Y gets the page, with only their own province's events (no subject).
  // The province's messages that left the app; an empty post names no message and is refused.
  "admin.deliveries.tsx":                  { get: "login 403    403      403      403   403   ok    ok    403",
                                            post: "login 403    403      403      403   403   bad   bad   403" },
  "admin.audit.tsx":                       { get: "login 403    403      403      403   403   ok    ok    403", query: (ids) => `?personId=${ids.person}`, shows: { admX: "name" } },
  // Officers and admins both verify organisations (of their own province); an empty decision is refused.
  "organizations.review.tsx":              { get: "login 403    403      403      ok    ok    ok    ok    403",
                                            post: "login 403    403      403      bad   bad   bad   bad   403" },
  // ── Officer: lists and homes answer each staff member with their own reach (never the subject outside it) ───
  "officer._index.tsx":                    { get: "login 403    403      403      ok    ok    403   403   403" },
  // The list is paged in name order: the subject is looked up by a part of the name (the whole name would be
  // echoed in the search box, to every role).
  "officer.persons._index.tsx":            { get: "login 403    403      403      ok    ok    ok    ok    403", query: () => `?q=${SUBJECT_NAME_PART}`, shows: AX },
  "officer.persons.new.tsx":               { get: "login 403    403      403      ok    ok    403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403" },
  "officer.expungements.tsx":              { get: "login 403    403      403      ok    ok    ok    ok    403" },
  "officer.figures.tsx":                   { get: "login 403    403      403      ok    ok    ok    ok    403" },
  "officer.candidates.tsx":                { get: "login 403    403      403      ok    ok    403   403   403", query: () => "?q=sua+xe+may", shows: A },
  "officer.transfers.tsx":                 { get: "login 403    403      403      ok    ok    403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403" },
  "officer.requests.tsx":                  { get: "login 403    403      403      ok    ok    403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", shows: A },
  "officer.referrals._index.tsx":          { get: "login 403    403      403      ok    ok    403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", shows: A },
  "officer.follow-ups._index.tsx":         { get: "login 403    403      403      ok    ok    403   403   403", shows: A },
  "officer.meetings._index.tsx":           { get: "login 403    403      403      ok    ok    403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", shows: A },
  "officer.loans._index.tsx":              { get: "login 403    403      403      ok    ok    403   403   403", shows: A },
  // Form 01 for the bank (this month's list, where the subject's loan is): commune A's list names them, B's does not.
  "officer.loans.bank-list.tsx":           { get: "login 403    403      403      ok    ok    403   403   403", shows: { offA: "citizen id" } },
  "officer.loans.bank-list[.]csv.tsx":     { get: "login 403    403      403      ok    ok    403   403   403", shows: { offA: "citizen id" } },
  // The fairs list is read by the province's admins too (view:report:commune); managing is the officer's.
  "officer.job-fairs._index.tsx":          { get: "login 403    403      403      ok    ok    ok    ok    403",
                                            post: "login 403    403      403      bad   bad   403   403   403" },
  "officer.models._index.tsx":             { get: "login 403    403      403      ok    ok    403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403" },
  // Candidates for the subject's job and course: officer B gets the page, without commune A's people.
  "officer.jobs.$id.candidates.tsx":       { get: "login 403    403      403      ok    ok    403   403   403", params: id("job"), shows: A },
  "officer.trainings.$id.candidates.tsx":  { get: "login 403    403      403      ok    ok    403   403   403", params: id("training"), shows: A },
  // ── Officer: the subject's record. The province's admin reads it; writing is the commune officer's ─────────
  // The classify intent needs edit:person:commune, checked after the scope: admin X 403, the others 404.
  "officer.persons.$id.tsx":               { get: "login 403    403      403      ok    404   ok    404   403",
                                            post: "login 403    403      403      bad   404   403   404   403", body: { intent: "classify" },
                                            shows: { offA: "citizen id", admX: "citizen id" } },
  "officer.persons.$id_.activities.tsx":   { get: "login 403    403      403      ok    404   ok    404   403",
                                            post: "login 403    403      403      bad   404   403   403   403", shows: AX },
  "officer.persons.$id_.close.tsx":        { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", shows: A },
  "officer.persons.$id_.move.tsx":         { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", shows: A },
  "officer.persons.$id_.consents.$grantId.print.tsx":
                                           { get: "login 403    403      403      ok    404   403   403   403", shows: { offA: "citizen id" } },
  "officer.persons.$id_.export.tsx":       { get: "login 403    403      403      ok    404   403   403   403", shows: { offA: "citizen id" } },
  "officer.persons.$id_.export[.]json.tsx":{ get: "login 403    403      403      ok    404   403   403   403", shows: { offA: "citizen id" } },
  // POST issues a fresh activation code (the officer's normal action; the subject keeps their account).
  "officer.persons.$id_.invite.tsx":       { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      ok    404   403   403   403", shows: A },
  "officer.persons.$id_.loans.tsx":        { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   404   403   403   403", shows: A },
  "officer.persons.$id_.matches.tsx":      { get: "login 403    403      403      ok    404   403   403   403", shows: A },
  "officer.persons.$id_.placement.tsx":    { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   404   403   403   403", shows: A },
  "officer.persons.$id_.enrolment.tsx":    { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   404   403   403   403", shows: A },
  "officer.persons.$id_.refer.tsx":        { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403",
                                            query: (ids) => `?kind=job&listing=${ids.job}`, shows: { offA: "phone" } },
  // ── Officer: the subject's referral, placement, enrolment, follow-up, loan, meeting, fair, model ───────────
  "officer.referrals.$id.tsx":             { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", params: id("referral"), shows: A },
  // The province's admin reads placements and enrolments (view:person:commune); ending one is the officer's.
  "officer.placements.$id.tsx":            { get: "login 403    403      403      ok    404   ok    404   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", params: id("placement"), shows: AX },
  "officer.enrolments.$id.tsx":            { get: "login 403    403      403      ok    404   ok    404   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", params: id("enrolment"), shows: AX },
  "officer.follow-ups.$id.tsx":            { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", params: id("followUp"), shows: A },
  "officer.loans.$id.tsx":                 { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   bad   403   403   403", params: id("loan"), shows: A },
  "officer.meetings.$id.tsx":              { get: "login 403    403      403      ok    404   403   403   403", params: id("meeting"), shows: A },
  // A fair is looked up before the body is read: officer B gets 404 even for an empty POST.
  "officer.job-fairs.$id.tsx":             { get: "login 403    403      403      ok    404   ok    404   403",
                                            post: "login 403    403      403      bad   404   403   403   403", params: id("fair"), shows: A },
  "officer.job-fairs.$id_.report.tsx":     { get: "login 403    403      403      ok    404   ok    404   403", params: id("fair"), aggregate: true, showsText: NAM_DA },
  "officer.models.$id.tsx":                { get: "login 403    403      403      ok    404   403   403   403",
                                            post: "login 403    403      403      bad   404   403   403   403", params: id("model"), shows: A },
  // ── The national view (issue 16): the national role only; figures of a commune name nobody ────────────────
  "national._index.tsx":                   { get: "login 403    403      403      403   403   403   403   ok", query: () => "?province=68&commune=24697", aggregate: true, showsText: { nat: "Nam Đà" } },
  "national.export[.]csv.tsx":             { get: "login 403    403      403      403   403   403   403   ok", query: () => "?province=68", aggregate: true, showsText: { nat: "Nam Đà" } },
  "national.export[.]xlsx.tsx":            { get: "login 403    403      403      403   403   403   403   ok", query: () => "?province=68", aggregate: true },
  // ── Reports for commune A and its model: its officer and its province's admin; B and Y: not found ──────────
  "officer.reports._index.tsx":            { get: "login 403    403      403      ok    404   ok    404   403", query: REPORT, aggregate: true, showsText: NAM_DA },
  "officer.reports.export[.]csv.tsx":      { get: "login 403    403      403      ok    404   ok    404   403", query: REPORT, aggregate: true, showsText: NAM_DA },
  "officer.reports.export[.]xlsx.tsx":     { get: "login 403    403      403      ok    404   ok    404   403", query: REPORT, aggregate: true, showsText: NAM_DA },
  "officer.reports.hcd12.tsx":             { get: "login 403    403      403      ok    404   ok    404   403", query: REPORT, aggregate: true, showsText: NAM_DA },
  "officer.reports.hcd13.tsx":             { get: "login 403    403      403      ok    404   ok    404   403", query: REPORT, aggregate: true, showsText: NAM_DA },
};
