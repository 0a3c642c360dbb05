import type { Actor } from "./app";
import type { SubjectIds } from "./fixtures";

/*
 * What the id-guessing tests aim at: the subject's records at addresses that carry an id, and the hostile
 * posts that would change them. Columns of `expect`, the answer to the subject's REAL id:
 *   anon  offB  admY  otherEmployer  otherPerson  national
 * (404 where the role may use the page but the record is not theirs; 403 where the role may not use the page
 * at all, whatever the id; login for anonymous.) `owners` are the roles whose own guesses of ids that do not
 * exist must also be a plain 404 (and whose junk must never be a 500): the entitled officer, admin or organisation.
 */

export const GUESSERS = ["anon", "officerB", "adminY", "otherEmployer", "otherPerson", "national"] as const;
export type Guesser = (typeof GUESSERS)[number];

export type Target = {
  /** The path with `id` in the guessed slot. */
  path: (id: string, ids: SubjectIds) => string;
  real: (ids: SubjectIds) => string;
  expect: string;
  owners: Actor[];
};

const person = (suffix = "") => (id: string) => `/officer/persons/${id}${suffix}`;
const byId = (prefix: string, suffix = "") => (id: string) => `${prefix}/${id}${suffix}`;
const A: Actor[] = ["officerA"];
const AX: Actor[] = ["officerA", "adminX"];

// prettier-ignore
export const TARGETS: Record<string, Target> = {
  //                                                                                         anon  offB admY otherEmployer otherPerson national
  // The national role (issue 16) may use none of these pages: 403 for any id; its own notifications only.
  "person record":       { path: person(),               real: (i) => i.person,           expect: "login 404 404 403 403 403", owners: AX },
  "person activities":   { path: person("/activities"),  real: (i) => i.person,           expect: "login 404 404 403 403 403", owners: AX },
  "person export":       { path: person("/export"),      real: (i) => i.person,           expect: "login 404 403 403 403 403", owners: A },
  "person export.json":  { path: person("/export.json"), real: (i) => i.person,           expect: "login 404 403 403 403 403", owners: A },
  "person matches":      { path: person("/matches"),     real: (i) => i.person,           expect: "login 404 403 403 403 403", owners: A },
  "person loans":        { path: person("/loans"),       real: (i) => i.person,           expect: "login 404 403 403 403 403", owners: A },
  "consent print (person guessed)": { path: (id, i) => `/officer/persons/${id}/consents/${i.grant}/print`, real: (i) => i.person, expect: "login 404 403 403 403 403", owners: A },
  "consent print (grant guessed)":  { path: (id, i) => `/officer/persons/${i.person}/consents/${id}/print`, real: (i) => i.grant,  expect: "login 404 403 403 403 403", owners: A },
  "officer referral":    { path: byId("/officer/referrals"),  real: (i) => i.referral,     expect: "login 404 403 403 403 403", owners: A },
  "employer referral":   { path: byId("/employer/referrals"), real: (i) => i.referral,     expect: "login 403 403 404 403 403", owners: ["employer"] },
  "provider referral":   { path: byId("/provider/referrals"), real: (i) => i.trainingReferral, expect: "login 403 403 403 403 403", owners: ["provider"] },
  "placement":           { path: byId("/officer/placements"), real: (i) => i.placement,    expect: "login 404 404 403 403 403", owners: AX },
  "enrolment":           { path: byId("/officer/enrolments"), real: (i) => i.enrolment,    expect: "login 404 404 403 403 403", owners: AX },
  "follow-up":           { path: byId("/officer/follow-ups"), real: (i) => i.followUp,     expect: "login 404 403 403 403 403", owners: A },
  "loan":                { path: byId("/officer/loans"),      real: (i) => i.loan,         expect: "login 404 403 403 403 403", owners: A },
  "meeting":             { path: byId("/officer/meetings"),   real: (i) => i.meeting,      expect: "login 404 403 403 403 403", owners: A },
  "job fair":            { path: byId("/officer/job-fairs"),  real: (i) => i.fair,         expect: "login 404 404 403 403 403", owners: AX },
  "job fair report":     { path: byId("/officer/job-fairs", "/report"), real: (i) => i.fair, expect: "login 404 404 403 403 403", owners: AX },
  "model":               { path: byId("/officer/models"),     real: (i) => i.model,        expect: "login 404 403 403 403 403", owners: A },
  "employer's job (edit)": { path: byId("/employer/jobs"),   real: (i) => i.job,          expect: "login 403 403 404 403 403", owners: ["employer"] },
  // Serial numbers: every guess, neighbours included, is someone else's (or nobody's) notification.
  "notification":        { path: byId("/notifications"),      real: (i) => i.notification, expect: "login 404 404 404 404 404", owners: [] },
};

/**
 * Posts with bodies that pass validation and would work on the poster's own records, aimed at the subject's.
 * Each must be refused (`expect`: 404 for a role that may use the form, 403 for one that may not), and the
 * subject's record must be unchanged afterwards.
 */
export type HostilePost = { actor: Actor; path: (ids: SubjectIds) => string; body: (ids: SubjectIds, today: string) => Record<string, string>; expect: "404" | "403" };

// prettier-ignore
export const HOSTILE_POSTS: Record<string, HostilePost> = {
  "officer B closes the subject":            { actor: "officerB", path: (i) => `/officer/persons/${i.person}/close`, body: () => ({ intent: "close", reason: "moved_away", note: "" }), expect: "404" },
  "officer B anonymises the subject":        { actor: "officerB", path: (i) => `/officer/persons/${i.person}/close`, body: () => ({ intent: "anonymise", confirm: "on", reason: "" }), expect: "404" },
  "officer B moves the subject":             { actor: "officerB", path: (i) => `/officer/persons/${i.person}/move`, body: () => ({ provinceCode: "25", communeCode: "04924", note: "" }), expect: "404" },
  "officer B classifies the subject":        { actor: "officerB", path: (i) => `/officer/persons/${i.person}`, body: () => ({ intent: "classify", group: "A", note: "" }), expect: "404" },
  "officer B withdraws the consent":         { actor: "officerB", path: (i) => `/officer/persons/${i.person}`, body: (i) => ({ intent: "withdraw-consent", grantId: i.grant, note: "" }), expect: "404" },
  "admin Y withdraws the consent":           { actor: "adminY",   path: (i) => `/officer/persons/${i.person}`, body: (i) => ({ intent: "withdraw-consent", grantId: i.grant, note: "" }), expect: "404" },
  "officer B invites the subject":           { actor: "officerB", path: (i) => `/officer/persons/${i.person}/invite`, body: () => ({}), expect: "404" },
  "officer B logs a visit":                  { actor: "officerB", path: (i) => `/officer/persons/${i.person}/activities`, body: (_, d) => ({ kind: "encouragement_visit", occurredOn: d, note: "" }), expect: "404" },
  "officer B approves the loan":             { actor: "officerB", path: (i) => `/officer/loans/${i.loan}`, body: (_, d) => ({ status: "approved", on: d, note: "" }), expect: "404" },
  "officer B writes on the referral":        { actor: "officerB", path: (i) => `/officer/referrals/${i.referral}`, body: () => ({ intent: "message", body: "Còn làm không?" }), expect: "404" },
  "officer B ends the placement":            { actor: "officerB", path: (i) => `/officer/placements/${i.placement}`, body: (_, d) => ({ endDate: d, endReason: "quit", endNote: "" }), expect: "404" },
  "officer B records the follow-up":         { actor: "officerB", path: (i) => `/officer/follow-ups/${i.followUp}`, body: () => ({ stillEmployed: "yes", currentWage: "5.500.000", stable: "yes", livingSituation: "with_family", violation: "no" }), expect: "404" },
  "officer B completes the enrolment":       { actor: "officerB", path: (i) => `/officer/enrolments/${i.enrolment}`, body: (_, d) => ({ intent: "complete", completedOn: d, certificate: "Chứng chỉ" }), expect: "404" },
  "officer B unregisters from the fair":     { actor: "officerB", path: (i) => `/officer/job-fairs/${i.fair}`, body: (i) => ({ intent: "unregister", personId: i.person }), expect: "404" },
  "officer B takes the subject off the model": { actor: "officerB", path: (i) => `/officer/models/${i.model}`, body: (i, d) => ({ intent: "leavePerson", personId: i.person, leftOn: d }), expect: "404" },
  "officer B declines the data request":     { actor: "officerB", path: () => "/officer/requests", body: (i) => ({ requestId: i.dataRequest, outcome: "declined" }), expect: "404" },
  "another employer declines the referral":  { actor: "otherEmployer", path: (i) => `/employer/referrals/${i.referral}`, body: () => ({ intent: "decline", note: "Hết chỗ" }), expect: "404" },
  "another employer writes on the referral": { actor: "otherEmployer", path: (i) => `/employer/referrals/${i.referral}`, body: () => ({ intent: "message", body: "Xin chào" }), expect: "404" },
  "another employer confirms the follow-up": { actor: "otherEmployer", path: () => "/employer/placements", body: (i) => ({ followUpId: i.followUp, note: "" }), expect: "404" },
  "another employer closes the job":         { actor: "otherEmployer", path: () => "/employer/jobs?index", body: (i) => ({ id: i.job, intent: "close" }), expect: "404" },
  "another person withdraws the consent":    { actor: "otherPerson", path: () => "/me/consents", body: (i) => ({ intent: "withdraw", grantId: i.grant, note: "" }), expect: "404" },
};
