import { type SQL, sql } from "drizzle-orm";

import { addDays } from "~/utils/dates";

import { quarterOf } from "./periods";

/**
 * The SQL behind a report (PostgreSQL 15 and PGlite), in two statements: the persons' figures, and the
 * support given (activities, meetings, loans), which a PostgreSQL server runs at the same time on two
 * connections. Every figure group is a CTE over the records, set-based (hash joins and aggregates, no
 * per-row subqueries: docs/PERFORMANCE.md). Each answers rows of (section, key, jsonb): "figures" keyed by
 * commune code (or '' for the whole scope); "distinct" (persons counselled over the whole scope, which a
 * sum over communes would double count); "series" keyed by month. Definitions:
 * docs/decisions/016-report-indicators.md.
 */

export type StatementInput = { communeCodes: string[]; from: string; to: string; modelId?: string };
export type StatementOptions = { grouped: boolean; series: boolean };

// Vietnam keeps UTC+7 all year: a calendar day there starts at 17:00 UTC the day before.
const dayStart = (iso: string) => new Date(`${iso}T00:00:00+07:00`).toISOString();
const DISBURSED = sql.raw(`('disbursed', 'repaid', 'overdue', 'bad_debt')`);

function fragments(input: StatementInput, options: StatementOptions) {
  const from = sql`${input.from}::date`;
  const to = sql`${input.to}::date`;
  const fromTs = sql`${dayStart(input.from)}::timestamptz`;
  const toEnd = sql`${dayStart(addDays(input.to, 1))}::timestamptz`;
  const inPeriod = (col: SQL) => sql`${col} between ${from} and ${to}`;
  const inPeriodTs = (col: SQL) => sql`(${col} >= ${fromTs} and ${col} < ${toEnd})`;
  const codes = input.communeCodes;
  const key = (col: SQL) => (options.grouped ? col : sql`''::text`);
  // A model narrows everything to the persons it covered at some time in the period.
  const covered = input.modelId
    ? sql`select mp.person_id from model_person mp where mp.model_id = ${input.modelId}::uuid
          and mp.joined_on <= ${to} and (mp.left_on is null or mp.left_on >= ${from})`
    : undefined;
  const personFilter = (col: SQL) => (covered ? sql`and ${col} in (${covered})` : sql``);
  return { from, to, fromTs, toEnd, inPeriod, inPeriodTs, codes, key, covered, personFilter };
}

/** Persons received, resident, classified, employed, placed, trained, reoffending; follow-ups. */
export function personsStatement(input: StatementInput, options: StatementOptions): SQL {
  const { to, fromTs, toEnd, inPeriod, inPeriodTs, codes, key, personFilter } = fragments(input, options);
  return sql`
with p as (
  select rp.id, ${key(sql`rp.commune_code`)} as k, rp.commune_code, rp.release_date, rp.release_type,
    rp.closed_at, rp.closed_reason, rp.record_expunged_on, rp.created_at,
    (rp.created_at < ${toEnd} and (rp.closed_at is null or rp.closed_at >= ${toEnd})) as resident
  from released_person rp
  where rp.commune_code in ${codes} ${personFilter(sql`rp.id`)}
),
-- The latest classification up to the quarter of 'to'. Quarters are fixed-width 'YYYY-Qn' (a check
-- constraint), so max(quarter || group) is the latest quarter's row: one hash aggregate, no sort. Only
-- resident persons' groups are counted, so only theirs are read (a fifth fewer rows on a province).
latest_class as (
  select p.k, right(max(c.quarter || c."group"), 1) as grp
  from classification c join p on p.id = c.person_id and p.resident
  where c.quarter <= ${quarterOf(input.to)}
  group by c.person_id, p.k
),
-- Counted per commune straight from the per-person rows (no second join back to the persons).
groups as (
  select lc.k, jsonb_build_object(
    'groupA', count(*) filter (where lc.grp = 'A'),
    'groupB', count(*) filter (where lc.grp = 'B'),
    'groupC', count(*) filter (where lc.grp = 'C'),
    'groupD', count(*) filter (where lc.grp = 'D')
  ) as v
  from latest_class lc group by lc.k
),
-- Placements running at 'to' (counted for resident persons only, so only theirs are read), each stable by
-- its latest follow-up done by then, or by the contract kind before any follow-up.
running as (
  select pl.id, pl.person_id, p.k, pl.contract_kind from placement pl join p on p.id = pl.person_id and p.resident
  where pl.start_date <= ${to} and (pl.end_date is null or pl.end_date > ${to})
),
latest_follow_up as (
  select distinct on (f.placement_id) f.placement_id, coalesce(f.stable, false) as stable
  from follow_up f join running r on r.id = f.placement_id
  where f.done_at < ${toEnd}
  order by f.placement_id, f.done_at desc, f.month_offset desc
),
employment as (
  select r.k, bool_or(coalesce(lf.stable, r.contract_kind = 'labour_contract')) as stable
  from running r left join latest_follow_up lf on lf.placement_id = r.id
  group by r.person_id, r.k
),
employed as (
  select em.k, jsonb_build_object(
    'employedStable', count(*) filter (where em.stable),
    'employedUnstable', count(*) filter (where not em.stable)
  ) as v
  from employment em group by em.k
),
placed_rows as (
  select pl.person_id, pl.contract_kind, pl.wage, pl.organization_id, pl.start_date, p.k, p.commune_code
  from placement pl join p on p.id = pl.person_id
  where ${inPeriod(sql`pl.start_date`)}
),
reoffending as (
  select pl.person_id from placement pl
  where ((pl.end_reason = 'reoffended' and ${inPeriod(sql`pl.end_date`)}) or (pl.outcome = 'reoffended' and ${inPeriodTs(sql`pl.outcome_at`)}))
),
training as (
  select r.person_id from referral r where r.kind = 'training' and ${inPeriodTs(sql`r.created_at`)}
  union
  select e.person_id from enrolment e where ${inPeriod(sql`e.enrolled_on`)}
),
persons as (
  select p.k, jsonb_build_object(
    'received', count(*) filter (where ${inPeriod(sql`p.release_date`)}),
    'receivedCompleted', count(*) filter (where ${inPeriod(sql`p.release_date`)} and p.release_type = 'completed'),
    'receivedAmnesty', count(*) filter (where ${inPeriod(sql`p.release_date`)} and p.release_type = 'amnesty'),
    'receivedConditionalRelease', count(*) filter (where ${inPeriod(sql`p.release_date`)} and p.release_type = 'conditional_release'),
    'residentNow', count(*) filter (where p.resident),
    'notExpunged', count(*) filter (where p.resident and (p.record_expunged_on is null or p.record_expunged_on > ${to})),
    'placedPersons', count(*) filter (where p.id in (select person_id from placed_rows)),
    'referredToTraining', count(*) filter (where p.id in (select person_id from training)),
    'expungedOrClosed', count(*) filter (where ${inPeriod(sql`p.record_expunged_on`)} or ${inPeriodTs(sql`p.closed_at`)}),
    'reoffended', count(*) filter (where (p.closed_reason = 're_imprisoned' and ${inPeriodTs(sql`p.closed_at`)})
                                      or p.id in (select person_id from reoffending)),
    'supervised', count(*) filter (where p.created_at < ${toEnd} and (p.closed_at is null or p.closed_at >= ${fromTs}))
  ) as v
  from p
  group by p.k
),
placed as (
  select pr.k, jsonb_build_object(
    'placed', count(*),
    'apprenticeships', count(*) filter (where pr.contract_kind = 'apprenticeship'),
    'localBusiness', count(*) filter (where o.commune_code = pr.commune_code),
    '_wageSum', coalesce(sum(pr.wage), 0)
  ) as v
  from placed_rows pr left join organization o on o.id = pr.organization_id
  group by pr.k
),
follow_ups as (
  select p.k, jsonb_build_object(
    'followUps6m', count(*) filter (where f.month_offset = 6),
    'stillEmployed6mCount', count(*) filter (where f.month_offset = 6 and f.still_employed),
    'followUps12m', count(*) filter (where f.month_offset = 12),
    'stillEmployed12mCount', count(*) filter (where f.month_offset = 12 and f.still_employed)
  ) as v
  from follow_up f join p on p.id = f.person_id
  where f.month_offset in (6, 12) and ${inPeriodTs(sql`f.done_at`)}
  group by p.k
),
completed as (
  select p.k, jsonb_build_object('trainingCompleted', count(*)) as v
  from enrolment e join p on p.id = e.person_id
  where e.status = 'completed' and ${inPeriod(sql`e.completed_on`)}
  group by p.k
)
select 'figures' as section, k, v::text as v from persons
union all select 'figures', k, v::text from groups
union all select 'figures', k, v::text from employed
union all select 'figures', k, v::text from placed
union all select 'figures', k, v::text from follow_ups
union all select 'figures', k, v::text from completed
${
  options.series
    ? sql`union all select 'series', to_char(pr.start_date, 'YYYY-MM'), jsonb_build_object('placement', count(*))::text from placed_rows pr group by 2`
    : sql``
}`;
}

/** Support given in the period: loans, activities by kind and topic, persons counselled, meetings. */
export function supportStatement(input: StatementInput, options: StatementOptions): SQL {
  const { inPeriod, codes, key, covered, personFilter } = fragments(input, options);
  return sql`
with loans as (
  select ${key(sql`l.commune_code`)} as k, jsonb_build_object(
    'loans', count(*) filter (where l.status in ${DISBURSED} and ${inPeriod(sql`l.disbursed_on`)}),
    'loanAmount', coalesce(sum(l.amount_vnd) filter (where l.status in ${DISBURSED} and ${inPeriod(sql`l.disbursed_on`)}), 0),
    'badDebt', count(*) filter (where l.status = 'bad_debt' and ${inPeriod(sql`l.disbursed_on`)}),
    'badDebtAmount', coalesce(sum(l.amount_vnd) filter (where l.status = 'bad_debt' and ${inPeriod(sql`l.disbursed_on`)}), 0),
    'listedForBank', count(*) filter (where ${inPeriod(sql`l.list_month`)})
  ) as v
  from loan l
  where l.commune_code in ${codes} and (${inPeriod(sql`l.disbursed_on`)} or ${inPeriod(sql`l.list_month`)}) ${personFilter(sql`l.person_id`)}
  group by 1
),
-- Activities counted in one scan with two grouping sets: by (commune, kind, topic) for the indicators,
-- and by (kind, day) for the charts' series (a per-row month computation costs more than the scan).
activity_counts as (
  select ${key(sql`a.commune_code`)} as k, a.kind, a.topic,
    ${options.series ? sql`a.occurred_on as d, grouping(a.occurred_on) as totals` : sql`null::date as d, 1 as totals`}, count(*) as n
  from activity a
  where a.commune_code in ${codes} and ${inPeriod(sql`a.occurred_on`)} ${personFilter(sql`a.person_id`)}
  group by ${options.series ? sql`grouping sets ((1, 2, 3), (2, 4))` : sql`1, 2, 3`}
),
activities as (
  select ac.k, jsonb_build_object(
    'encouragementVisits', coalesce(sum(ac.n) filter (where ac.kind = 'encouragement_visit'), 0),
    'educationReviews', coalesce(sum(ac.n) filter (where ac.kind = 'education_review'), 0),
    'counselling', coalesce(sum(ac.n) filter (where ac.kind = 'counselling'), 0),
    'counsellingPsychological', coalesce(sum(ac.n) filter (where ac.kind = 'counselling' and ac.topic = 'psychological'), 0),
    'counsellingCareer', coalesce(sum(ac.n) filter (where ac.kind = 'counselling' and ac.topic = 'career'), 0),
    'procedureHelps', coalesce(sum(ac.n) filter (where ac.kind = 'procedure_help'), 0),
    'procedureIdCard', coalesce(sum(ac.n) filter (where ac.kind = 'procedure_help' and ac.topic = 'id_card'), 0),
    'procedureHealthInsurance', coalesce(sum(ac.n) filter (where ac.kind = 'procedure_help' and ac.topic = 'health_insurance'), 0),
    'procedureResidence', coalesce(sum(ac.n) filter (where ac.kind = 'procedure_help' and ac.topic = 'residence'), 0),
    'procedureCivilStatus', coalesce(sum(ac.n) filter (where ac.kind = 'procedure_help' and ac.topic = 'civil_status'), 0),
    'procedureCriminalRecordExtract', coalesce(sum(ac.n) filter (where ac.kind = 'procedure_help' and ac.topic = 'criminal_record_extract'), 0),
    'procedureExpungement', coalesce(sum(ac.n) filter (where ac.kind = 'procedure_help' and ac.topic = 'expungement'), 0)
  ) as v
  from activity_counts ac
  where ac.totals = 1
  group by ac.k
),
-- Persons counselled: distinct per commune, and (grouped) distinct over the whole scope, from one scan.
counselled_pairs as (
  select distinct ${key(sql`a.commune_code`)} as k, a.person_id from activity a
  where a.commune_code in ${codes} and a.kind = 'counselling' and ${inPeriod(sql`a.occurred_on`)} ${personFilter(sql`a.person_id`)}
),
counselled as (
  select cp.k, count(*) as n from counselled_pairs cp group by cp.k
),
${options.grouped ? sql`counselled_all as (select count(distinct cp.person_id) as n from counselled_pairs cp),` : sql``}
-- With a model: the meetings a covered person attended, and only the covered persons' attendances.
held as (
  select m.id, ${key(sql`m.commune_code`)} as k, m.guest_count from meeting m
  where m.commune_code in ${codes} and ${inPeriod(sql`m.held_on`)}
    ${covered ? sql`and exists (select 1 from meeting_attendance ma where ma.meeting_id = m.id and ma.person_id in (${covered}))` : sql``}
),
meetings as (
  select h.k, jsonb_build_object('meetings', count(*), 'meetingGuests', coalesce(sum(h.guest_count), 0)) as v
  from held h group by h.k
),
attendances as (
  select h.k, jsonb_build_object('meetingAttendances', count(*)) as v
  from held h join meeting_attendance ma on ma.meeting_id = h.id ${personFilter(sql`ma.person_id`)}
  group by h.k
)
select 'figures' as section, k, v::text as v from loans
union all select 'figures', k, v::text from activities
union all select 'figures', k, jsonb_build_object('counselledPersons', n)::text from counselled
union all select 'figures', k, v::text from meetings
union all select 'figures', k, v::text from attendances
${options.grouped ? sql`union all select 'distinct', '', jsonb_build_object('counselledPersons', n)::text from counselled_all` : sql``}
${
  options.series
    ? sql`union all select 'series', to_char(ac.m, 'YYYY-MM'), jsonb_object_agg(ac.kind, ac.n)::text
  from (select date_trunc('month', d::timestamp) as m, kind, sum(n) as n from activity_counts
        where totals = 0 and kind in ('counselling', 'procedure_help', 'encouragement_visit') group by 1, 2) ac group by ac.m`
    : sql``
}`;
}
