import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import type { FormValues } from "~/utils/forms";

import type { Database } from "../../db/client.server";
import { UNITS } from "../factories";
import { createOrgMember } from "../factories/marketplace";
import { createOfficerScope } from "../factories/persons";
import { type ActionCase, FC_SEED, fuzzAction, type RefusalRules } from "./fuzz";
import { nonNfcColumns } from "./fuzz-db";
import { cookieFor } from "./routes";

/*
 * What the tests/integration/bad-input-forms-*.test.ts files share: the users the cases post as, a shorthand
 * for a form on one record's page, and the runner (one test per case, then the NFC check). Each file keeps
 * its own cases, labelled by route file: bad-input-json.test.ts looks for every route with an action there.
 */

/** Generated bodies per case; FC_RUNS=<n> runs more (or fewer). */
export const RUNS = Number(process.env.FC_RUNS ?? 25);

/** A page's form: a refusal echoes what was typed. */
export const FORMS: RefusalRules = { echoes: true };

/** What a case posts (its label is the key it has in the file's list). */
export type CaseBody = Omit<ActionCase, "label">;
/** Each case is built inside its own test, so it gets a fresh record and an accepted body starves no other. */
export type Cases = Record<string, () => Promise<CaseBody>>;

/** A post to `path` as given: a button, or a form that keeps nothing of what was typed. */
export function posting(
  action: ActionCase["action"],
  path: string,
  valid: FormValues,
  more: Partial<CaseBody> = {},
): CaseBody {
  return { action, path, valid, ...more };
}

/** A page's form posted to `path`: as posting, with a form's rules unless `more` says otherwise. */
export function onPage(
  action: ActionCase["action"],
  path: string,
  valid: FormValues,
  more: Partial<CaseBody> = {},
): CaseBody {
  return posting(action, path, valid, { rules: FORMS, ...more });
}

/** A form on one record's page: as onPage, the record's id as the route param. */
export function onRecord(
  action: ActionCase["action"],
  path: string,
  id: string,
  valid: FormValues,
  more: Partial<CaseBody> = {},
): CaseBody {
  return onPage(action, path, valid, { params: { id }, ...more });
}

export type FuzzActors = {
  /** The officer of xã Nam Đà (Lâm Đồng), who may post every officer form about the commune's people. */
  officer: StaffScope;
  employer: OrgScope;
  provider: OrgScope;
  /** The Cookie header of each actor that was asked for. */
  cookies: { officer: string; employer: string; provider: string };
};

/**
 * The file's actors, made once (beforeAll) in this order: the officer, then the organisations asked for, then
 * their sessions. Read them inside tests (the object is filled before the first one runs).
 */
export function fuzzActors(orgs: { employer?: boolean; provider?: boolean } = {}): FuzzActors {
  const actors = { cookies: { officer: "", employer: "", provider: "" } } as FuzzActors;
  beforeAll(async () => {
    actors.officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
    if (orgs.employer) actors.employer = await createOrgMember("employer");
    if (orgs.provider) actors.provider = await createOrgMember("provider");
    actors.cookies.officer = await cookieFor(actors.officer.actorId);
    if (orgs.employer) actors.cookies.employer = await cookieFor(actors.employer.actorId);
    if (orgs.provider) actors.cookies.provider = await cookieFor(actors.provider.actorId);
  });
  return actors;
}

/**
 * One test per case: generated bodies posted in-process (tests/setup/fuzz.ts fuzzAction: never a 500, a
 * refusal writes nothing and says why in catalogue keys). `defaults` fills what a case leaves out (the cookie
 * most cases of a file post with). Afterwards, whatever was accepted was stored in NFC (decomposed
 * Vietnamese was generated throughout).
 */
export function describeFormCases(
  title: string,
  db: () => Database,
  cases: Cases,
  defaults: () => Partial<CaseBody> = () => ({}),
): void {
  describe(`${title} (FC_SEED=${FC_SEED})`, () => {
    it.each(Object.keys(cases))(
      "%s: never a 500, a refusal writes nothing and says why",
      async (label) => {
        const c = await cases[label]!();
        const statuses = await fuzzAction(db(), { label, ...defaults(), ...c }, RUNS);
        // Validation was exercised: some bodies were refused (a form that accepts anything tests nothing).
        if (!c.readsNoField)
          expect(
            Object.keys(statuses).some((s) => Number(s) >= 400),
            `${label}: ${JSON.stringify(statuses)}`,
          ).toBe(true);
      },
      120_000,
    );

    afterAll(async () => {
      expect(await nonNfcColumns(db())).toEqual([]);
    });
  });
}
