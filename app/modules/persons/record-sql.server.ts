/**
 * A person's record as correlated subqueries, for queries that list persons and need each one's record in
 * the same round trip (the officer's list, matching's facts): index lookups by person, read as JSON, so one
 * statement replaces one per table. The shapes are the ones expungementOf and the matching rules read.
 */
import { type SQL, sql } from "drizzle-orm";

import { type PersonRef, personRefSql } from "~/modules/consent/live.server";
import type { ConvictionFact, CourtBanFact } from "~/modules/matching/rules";

import type { CLASSIFICATION_GROUPS } from "../../../db/schema";
import { classification, conviction, courtBan } from "../../../db/schema";

/** The person's convictions, `[]` when none. */
export function convictionsJson(person: PersonRef): SQL<ConvictionFact[]> {
  return sql<ConvictionFact[]>`coalesce((select json_agg(json_build_object('offenceDate', c.offence_date,
    'offenceCategory', c.offence_category, 'penalty', c.penalty, 'sentenceMonths', c.sentence_months,
    'mainCompletedOn', c.main_completed_on, 'supplementaryCompletedOn', c.supplementary_completed_on,
    'nationalSecurity', c.national_security))
    from ${conviction} c where c.person_id = ${personRefSql(person)}), '[]'::json)`;
}

/** The person's court bans, `[]` when none. */
export function courtBansJson(person: PersonRef): SQL<CourtBanFact[]> {
  return sql<CourtBanFact[]>`coalesce((select json_agg(json_build_object('kind', b.kind,
    'occupationCodes', b.occupation_codes, 'provinceCode', b.province_code, 'communeCode', b.commune_code,
    'endsOn', b.ends_on))
    from ${courtBan} b where b.person_id = ${personRefSql(person)}), '[]'::json)`;
}

export type LatestClassification = { group: (typeof CLASSIFICATION_GROUPS)[number]; quarter: string };

/** The person's latest quarterly classification as `k`, for the two readings below. */
const latestClassification = (person: PersonRef) =>
  sql`from ${classification} k where k.person_id = ${personRefSql(person)} order by k.quarter desc limit 1`;

/** The person's latest quarterly classification, null when never classified. */
export function latestClassificationJson(person: PersonRef): SQL<LatestClassification | null> {
  return sql<LatestClassification | null>`(select json_build_object('group', k."group", 'quarter', k.quarter)
    ${latestClassification(person)})`;
}

/** The group of the person's latest classification, null when never classified (a filter's operand). */
export function latestClassificationGroup(person: PersonRef): SQL<LatestClassification["group"] | null> {
  return sql<LatestClassification["group"] | null>`(select k."group" ${latestClassification(person)})`;
}
