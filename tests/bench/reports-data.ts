import { inArray, sql } from "drizzle-orm";

import type { Database } from "../../db/client.server";
import { commune, occupation, reintegrationModel, trainingLevel } from "../../db/schema";

/**
 * Bulk data for the report benchmarks (issue 6, part 7: one province; issue 16: the whole country), generated
 * inside the database with generate_series: N persons over every commune of the given provinces, training
 * providers and their courses, employers, then activities, placements with their four follow-ups,
 * enrolments, training referrals, loans, classifications, monthly meetings with attendance and a model,
 * proportionate to the persons. Everything is a pure function of the row number (hashint8), so a run is
 * reproducible and no join is needed to find a person: person n has id md5('p' || n) and commune n mod C
 * (communes by code), employer e id md5('em' || e) and commune e mod C, course s id md5('ts' || s).
 */

/**
 * The day the data is generated "on": follow-ups due before it are done. A fixed day, not current_date,
 * so every run (any day) loads exactly the same rows and its figures compare with earlier runs'
 * (docs/decisions/039). It is the day of the first published run.
 */
export const GENERATED_ON = "2026-11-21";

/** Hà Nội: not the matching benchmark's province, so the two never share persons when run together. */
export const REPORT_PROVINCE = "01";

export type ReportBenchCounts = Record<
  | "communes"
  | "persons"
  | "activities"
  | "placements"
  | "followUps"
  | "enrolments"
  | "referrals"
  | "loans"
  | "classifications"
  | "meetings"
  | "attendances"
  | "modelPersons"
  | "employers"
  | "providers"
  | "trainingSlots",
  number
>;

export type ReportBenchOptions = {
  /** The provinces whose communes the persons live in (default: REPORT_PROVINCE alone). */
  provinces?: readonly string[];
  persons: number;
  /** Inserted in batches of 100,000 rows, so memory stays bounded at any size. */
  activities: number;
  /** Default: one for every two persons. Each has its four follow-ups (1, 3, 6, 12 months). */
  placements?: number;
  /**
   * Verified employers spread over the communes (default 0: placements name no organisation). With at
   * least two per commune, 80% of the placements are with an employer of the person's own commune.
   */
  employers?: number;
  /** Training providers and their courses, spread over the communes (default 1 and 1). */
  providers?: number;
  trainingSlots?: number;
  log: (s: string) => void;
};

type Exec = (query: ReturnType<typeof sql>) => Promise<unknown>;

export async function loadReportBench(
  db: Database,
  options: ReportBenchOptions,
): Promise<{ counts: ReportBenchCounts; communes: string[]; modelId: string; ms: number }> {
  const started = performance.now();
  const exec: Exec = (q) => db.execute(q);
  const provinces = [...(options.provinces ?? [REPORT_PROVINCE])];
  const rows = await db
    .select({ code: commune.code, provinceCode: commune.provinceCode })
    .from(commune)
    .where(inArray(commune.provinceCode, provinces))
    .orderBy(commune.code);
  const codes = rows.map((c) => c.code);
  const N = options.persons;
  const C = codes.length;
  const P = Math.max(1, options.providers ?? 1);
  const S = Math.max(1, options.trainingSlots ?? 1);
  const E = options.employers ?? 0;
  const arr = (xs: readonly string[]) => sql`${`{${xs.join(",")}}`}::text[]`;
  const communes = arr(codes);
  const communeProvinces = arr(rows.map((c) => c.provinceCode));
  const inScope = sql`(${arr(provinces)})`;
  // A pseudo-random non-negative integer below m for row g and a salt.
  const h = (g: ReturnType<typeof sql>, salt: number, m: number) =>
    sql`(abs(hashint8((${g})::bigint * 1000 + ${sql.raw(String(salt))})) % ${sql.raw(String(m))})`;
  const personId = (n: ReturnType<typeof sql>) => sql`md5('p' || (${n}))::uuid`;
  // Row n (a person, an employer, a provider) lives in commune n mod C, in that commune's province.
  const communeOf = (n: ReturnType<typeof sql>) => sql`(${communes})[1 + ((${n}) % ${sql.raw(String(C))})]`;
  const provinceOf = (n: ReturnType<typeof sql>) => sql`(${communeProvinces})[1 + ((${n}) % ${sql.raw(String(C))})]`;
  const providerId = (n: ReturnType<typeof sql>) => sql`md5('tp' || (${n}))::uuid`;
  const slotId = (n: ReturnType<typeof sql>) => sql`md5('ts' || (${n}))::uuid`;
  // Course s is given by provider 1 + (s mod P).
  const providerOfSlot = (s: ReturnType<typeof sql>) => sql`(1 + ((${s}) % ${sql.raw(String(P))}))`;
  const g = sql`g`;
  const pick = (salt: number) => sql`(1 + ${h(g, salt, N)})`;

  const occupations = (await db.select({ code: occupation.code }).from(occupation).orderBy(occupation.code)).map(
    (o) => o.code,
  );
  const levels = (await db.select({ code: trainingLevel.code }).from(trainingLevel).orderBy(trainingLevel.code)).map(
    (l) => l.code,
  );
  options.log(`reports: ${P} training providers with ${S} courses, ${E} employers`);
  await exec(sql`
    insert into organization (id, role, kind, name, province_code, commune_code, verification_status, verified_at)
    select ${providerId(g)}, 'training_provider', 'training_centre', 'Trường nghề (bench) ' || g, ${provinceOf(g)}, ${communeOf(g)},
      'verified', timestamptz '2023-01-01 00:00:00+07'
    from generate_series(1, ${P}::int) g`);
  await exec(sql`
    insert into training_slot (id, organization_id, title, occupation_code, level_code, duration_weeks, starts_at,
      application_deadline, seats, province_code, commune_code, status)
    select ${slotId(g)}, ${providerId(providerOfSlot(g))}, 'Khoá (bench) ' || g,
      (${arr(occupations)})[1 + ${h(g, 91, occupations.length)}], (${arr(levels)})[1 + ${h(g, 92, levels.length)}],
      12, st.d, st.d - 30, 30, ${provinceOf(providerOfSlot(g))}, ${communeOf(providerOfSlot(g))},
      case when st.d > ${GENERATED_ON}::date then 'open' else 'closed' end
    from generate_series(1, ${S}::int) g
    cross join lateral (select date '2023-03-01' + ${h(g, 93, 1400)}::int as d) st`);
  if (E > 0)
    await exec(sql`
      insert into organization (id, role, kind, name, province_code, commune_code, verification_status, verified_at,
        fair_chance_pledged_at, directory_listed_at)
      select md5('em' || g)::uuid, 'employer', (array['company','cooperative','household_business'])[1 + ${h(g, 94, 3)}],
        'Cơ sở (bench) ' || g, ${provinceOf(g)}, ${communeOf(g)}, 'verified', timestamptz '2023-01-01 00:00:00+07',
        case when ${h(g, 95, 100)} < 50 then timestamptz '2023-06-01 00:00:00+07' end,
        case when ${h(g, 96, 100)} < 30 then timestamptz '2024-01-01 00:00:00+07' end
      from generate_series(1, ${E}::int) g`);

  options.log(`reports: ${N} persons over ${C} communes of ${provinces.length} province(s)`);
  await exec(sql`
    insert into released_person (id, full_name, gender, date_of_birth, province_code, commune_code, release_date, release_type,
      status, closed_reason, closed_at, record_expunged_on, created_at, updated_at)
    select ${personId(g)}, 'Người ' || g, case when ${h(g, 1, 10)} < 9 then 'male' else 'female' end, date '1985-01-01', ${provinceOf(g)},
      ${communeOf(g)}, r.released, (array['completed','amnesty','conditional_release'])[1 + ${h(g, 2, 3)}],
      case when c.closed then 'closed' else 'active' end,
      case when c.closed then (array['expunged','moved_away','emigrated','died','missing','re_imprisoned'])[1 + ${h(g, 3, 6)}] end,
      case when c.closed then (r.released + 20 + ${h(g, 4, 900)})::timestamptz end,
      case when ${h(g, 5, 100)} < 15 then r.released + 730 + ${h(g, 6, 300)} end,
      (r.released + ${h(g, 7, 20)})::timestamptz, now()
    from generate_series(1, ${N}::int) g
    cross join lateral (select date '2019-01-01' + ${h(g, 8, 2700)}::int as released) r
    cross join lateral (select ${h(g, 9, 100)} < 20 as closed) c`);

  options.log(`reports: ${options.activities} activities`);
  const BATCH = 100_000;
  for (let from = 1; from <= options.activities; from += BATCH) {
    const to = Math.min(options.activities, from + BATCH - 1);
    await exec(sql`
      insert into activity (person_id, kind, topic, mode, occurred_on, commune_code)
      select ${personId(sql`p.n`)}, k.kind,
        case k.kind when 'counselling' then (array['psychological','career'])[1 + ${h(g, 12, 2)}]
                    when 'procedure_help' then (array['id_card','health_insurance','residence','civil_status','criminal_record_extract','expungement'])[1 + ${h(g, 13, 6)}]
                    else '' end,
        case when k.kind = 'counselling' then 'individual' end,
        date '2023-01-01' + ${h(g, 14, 1280)}::int, ${communeOf(sql`p.n`)}
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select ${pick(11)} as n) p
      cross join lateral (select (array['encouragement_visit','education_review','counselling','procedure_help'])[1 + ${h(g, 15, 4)}] as kind) k`);
    if (to % 1_000_000 === 0 && to < options.activities) options.log(`reports:   ${to} activities`);
  }

  const placements = options.placements ?? Math.round(N / 2);
  // With K ≥ 1 employers per commune beyond the first C, employer n mod C + C·k (k in 1..K) is in person n's commune.
  const K = Math.floor(E / C) - 1;
  const employer =
    K >= 1
      ? sql`case when ${h(g, 20, 100)} < 80 then md5('em' || ((p.n % ${sql.raw(String(C))}) + ${sql.raw(String(C))} * (1 + ${h(g, 19, K)})))::uuid end`
      : sql`null::uuid`;
  options.log(`reports: ${placements} placements with 4 follow-ups each`);
  await exec(sql`
    insert into placement (id, person_id, organization_id, employer_name, position, wage, contract_kind, start_date, end_date, end_reason, outcome, outcome_at)
    select md5('pl' || g)::uuid, ${personId(sql`p.n`)}, ${employer}, 'Cơ sở ' || g, 'Thợ', 3000000 + ${h(g, 22, 60)} * 100000,
      (array['labour_contract','verbal_agreement','apprenticeship'])[1 + ${h(g, 23, 3)}], s.start,
      case when e.ended then s.start + 30 + ${h(g, 24, 400)} end,
      case when e.ended then (array['quit','dismissed','laid_off','moved','contract_ended','reoffended'])[1 + ${h(g, 25, 6)}] end,
      case when ${h(g, 26, 100)} < 30 then (array['stable','unstable','left_work','reoffended'])[1 + ${h(g, 27, 4)}] end,
      case when ${h(g, 26, 100)} < 30 then (s.start + 365)::timestamptz end
    from generate_series(1, ${placements}::int) g
    cross join lateral (select ${pick(21)} as n) p
    cross join lateral (select date '2023-01-01' + ${h(g, 28, 1280)}::int as start) s
    cross join lateral (select ${h(g, 29, 100)} < 40 as ended) e`);
  await exec(sql`
    insert into follow_up (placement_id, person_id, month_offset, due_on, done_at, still_employed, stable)
    select pl.id, pl.person_id, m.months, (pl.start_date + make_interval(months => m.months))::date,
      case when d.done then (pl.start_date + make_interval(months => m.months) + make_interval(days => ${h(sql`hashtext(pl.id::text)`, 31, 20)}::int))::timestamptz end,
      case when d.done then ${h(sql`hashtext(pl.id::text) + m.months`, 32, 10)} < 8 end,
      case when d.done then ${h(sql`hashtext(pl.id::text) + m.months`, 33, 10)} < 6 end
    from placement pl
    cross join (values (1), (3), (6), (12)) m(months)
    cross join lateral (select (pl.start_date + make_interval(months => m.months))::date < ${GENERATED_ON}::date and ${h(sql`hashtext(pl.id::text) + m.months`, 34, 10)} < 7 as done) d
    where pl.person_id in (select id from released_person where province_code = any${inScope})`);

  const enrolments = Math.round(N / 6);
  options.log(`reports: ${enrolments} enrolments and as many training referrals, ${Math.round(N / 5)} loans`);
  await exec(sql`
    insert into enrolment (person_id, training_slot_id, organization_id, status, enrolled_on, completed_on)
    select ${personId(pick(41))}, ${slotId(sql`c.s`)}, ${providerId(providerOfSlot(sql`c.s`))}, st.status, en.d,
      case when st.status = 'completed' then en.d + 90 end
    from generate_series(1, ${enrolments}::int) g
    cross join lateral (select 1 + ${h(g, 45, S)} as s) c
    cross join lateral (select date '2023-01-01' + ${h(g, 42, 1280)}::int as d) en
    cross join lateral (select (array['enrolled','completed','dropped_out'])[1 + ${h(g, 43, 3)}] as status) st`);
  // Distinct persons (6g) keep the one-live-referral-per-course rule.
  await exec(sql`
    insert into referral (person_id, kind, training_slot_id, organization_id, status, created_at)
    select ${personId(sql`((g * 6) % ${sql.raw(String(N))}) + 1`)}, 'training', ${slotId(sql`c.s`)}, ${providerId(providerOfSlot(sql`c.s`))},
      'referred', (date '2023-01-01' + ${h(g, 44, 1280)}::int)::timestamptz
    from generate_series(1, ${Math.min(enrolments, Math.floor(N / 6))}::int) g
    cross join lateral (select 1 + ${h(g, 46, S)} as s) c`);
  await exec(sql`
    insert into loan (person_id, commune_code, purpose, amount_vnd, bank_branch, list_month, applied_on, disbursed_on, term_months, status)
    select ${personId(sql`p.n`)}, ${communeOf(sql`p.n`)}, (array['business','training'])[1 + ${h(g, 52, 2)}], (1 + ${h(g, 53, 100)}) * 1000000, 'NHCSXH',
      date_trunc('month', a.d)::date, a.d, case when st.status in ('disbursed','repaid','overdue','bad_debt') then a.d + 20 end, 36, st.status
    from generate_series(1, ${Math.round(N / 5)}::int) g
    cross join lateral (select ${pick(51)} as n) p
    cross join lateral (select date '2023-01-01' + ${h(g, 54, 1280)}::int as d) a
    cross join lateral (select (array['listed','approved','rejected','disbursed','repaid','overdue','bad_debt','cancelled'])[1 + ${h(g, 55, 8)}] as status) st`);

  options.log("reports: classifications (6 quarters), monthly meetings with attendance, a model");
  await exec(sql`
    insert into classification (person_id, quarter, "group")
    select ${personId(g)}, q.quarter, (array['A','B','C','D'])[1 + ${h(sql`g * 10 + q.i`, 61, 4)}]
    from generate_series(1, ${N}::int) g
    cross join (values (1, '2025-Q1'), (2, '2025-Q2'), (3, '2025-Q3'), (4, '2025-Q4'), (5, '2026-Q1'), (6, '2026-Q2')) q(i, quarter)
    where ${h(sql`g * 10 + q.i`, 62, 100)} < 70`);
  await exec(sql`
    insert into meeting (id, commune_code, held_on, title, guest_count)
    select md5('m' || c.i || '-' || m.i)::uuid, (${communes})[c.i], (date '2023-01-10' + make_interval(months => m.i))::date, 'Sinh hoạt định kỳ', ${h(sql`c.i * 100 + m.i`, 71, 6)}
    from generate_series(1, ${C}::int) c(i) cross join generate_series(0, 41) m(i)`);
  // About 20 persons of the meeting's own commune each time (person n lives in commune n mod C), fewer
  // where a commune has fewer than 400 persons (one in 20 of them), so attendances stay proportionate.
  const perCommune = Math.max(1, Math.floor(N / C));
  const attendees = Math.min(20, Math.max(1, Math.round(perCommune / 20)));
  await exec(sql`
    insert into meeting_attendance (meeting_id, person_id)
    select md5('m' || c.i || '-' || m.i)::uuid, ${personId(sql`((c.i - 1) + ${sql.raw(String(C))} * ${h(sql`c.i * 10000 + m.i * 100 + k`, 72, perCommune)})`)}
    from generate_series(1, ${C}::int) c(i) cross join generate_series(0, 41) m(i) cross join generate_series(1, ${attendees}::int) k
    where ((c.i - 1) + ${sql.raw(String(C))} * ${h(sql`c.i * 10000 + m.i * 100 + k`, 72, perCommune)}) between 1 and ${N}::int
    on conflict do nothing`);
  const [model] = await db
    .insert(reintegrationModel)
    .values({
      name: "Mô hình (bench)",
      provinceCode: rows[1 % C]!.provinceCode,
      communeCode: codes[1 % C]!,
      launchedOn: "2023-06-01",
    })
    .returning({ id: reintegrationModel.id });
  await exec(sql`
    insert into model_person (model_id, person_id, joined_on)
    select ${model!.id}::uuid, ${personId(sql`1 + (${sql.raw(String(C))} * g)`)}, date '2023-06-01' + ${h(g, 81, 600)}::int
    from generate_series(0, ${Math.max(0, perCommune - 1)}::int) g where 1 + ${sql.raw(String(C))} * g <= ${N}::int`);
  await exec(sql`analyze`);

  const count = async (table: string, where = sql``) => {
    const result = (await db.execute(sql`select count(*)::int as n from ${sql.raw(table)} ${where}`)) as unknown as
      { n: number }[] | { rows: { n: number }[] };
    return Number((Array.isArray(result) ? result : result.rows)[0]!.n);
  };
  const inProvince = sql`where person_id in (select id from released_person where province_code = any${inScope})`;
  const counts: ReportBenchCounts = {
    communes: C,
    persons: await count("released_person", sql`where province_code = any${inScope}`),
    activities: await count("activity", inProvince),
    placements: await count("placement", inProvince),
    followUps: await count("follow_up", inProvince),
    enrolments: await count("enrolment", inProvince),
    referrals: await count("referral", inProvince),
    loans: await count("loan", inProvince),
    classifications: await count("classification", inProvince),
    meetings: await count(
      "meeting",
      sql`where commune_code in (select code from commune where province_code = any${inScope})`,
    ),
    attendances: await count("meeting_attendance", inProvince),
    modelPersons: await count("model_person", sql`where model_id = ${model!.id}::uuid`),
    employers: await count("organization", sql`where role = 'employer' and province_code = any${inScope}`),
    providers: await count("organization", sql`where role = 'training_provider' and province_code = any${inScope}`),
    trainingSlots: await count("training_slot", sql`where province_code = any${inScope}`),
  };
  return { counts, communes: codes, modelId: model!.id, ms: Math.round(performance.now() - started) };
}
