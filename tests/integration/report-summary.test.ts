import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import { type AreaPeriod, type AreaRef, liveAreaReport, loadAreaReport } from "~/modules/reports/area-report.server";
import { computeReport } from "~/modules/reports/indicators.server";
import { loadReportFigures } from "~/modules/reports/report.server";
import { refreshReportSummary, summaryPeriods, summaryState } from "~/modules/reports/summary.server";
import { setClock } from "~/utils/clock.server";
import { WORKER_TASKS } from "~/worker/tasks.server";

import { activity, placement, releasedPerson, reportSummary } from "../../db/schema";
import { UNITS } from "../factories";
import { generateReportData, OUTSIDE_COMMUNE } from "../factories/report-data";
import { setupIntegration } from "../setup/integration";

/**
 * The report summary equals the live query (issue 16 §4, docs/decisions/043): random report data over two
 * provinces, the summary refreshed, then for the country and each province and several periods the report
 * served from the summary deep-equals the report computed live. Then records change: the summary is stale
 * but says when it was computed, until the worker's task runs; then equal again.
 */

const ctx = setupIntegration();
const db = () => ctx.handle.db;

// 10:00 on 20 May 2025 in Vietnam.
const T0 = new Date("2025-05-20T03:00:00Z");
const NATION: AreaRef = { level: "nation", code: "" };
const LAM_DONG: AreaRef = { level: "province", code: UNITS.lamDong };
const PHU_THO: AreaRef = { level: "province", code: UNITS.phuTho };
const AREAS = [NATION, LAM_DONG, PHU_THO];

const PERIODS: AreaPeriod[] = [
  { from: "2024-03-01", to: "2024-03-31" }, // a month
  { from: "2024-04-01", to: "2024-06-30" }, // a quarter
  { from: "2024-07-01", to: "2024-12-31" }, // a half-year
  { from: "2024-01-01", to: "2024-12-31" }, // a year
  { from: "2025-05-01", to: "2025-05-31" }, // the current month
];
const MAY_2025 = PERIODS[4]!;
const MARCH_2024 = PERIODS[0]!;

async function expectSummaryEqualsLive(area: AreaRef, period: AreaPeriod) {
  const served = await loadAreaReport(area, period, { series: true }, db());
  const live = await liveAreaReport(area, period, { series: true }, db());
  const label = `${area.level} ${area.code} ${period.from}–${period.to}`;
  expect(served.computedAt, label).not.toBeNull();
  expect({ indicators: served.indicators, rows: served.rows, monthly: served.monthly }, label).toEqual(live);
  return { served, live };
}

const summaryTask = WORKER_TASKS.find((t) => t.name === "reports.summary")!;

/** Runs the worker's task, tick after tick, until `done` (bounded, so a bug cannot hang the test). */
async function runTaskUntil(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 5_000; i++) {
    await summaryTask.run(db(), { search: ctx.search, stopped: () => false });
    if (await done()) return;
  }
  throw new Error("the reports.summary task did not get there");
}
const computedSince = (at: Date, periods: AreaPeriod[]) => async () => {
  const state = await summaryState(db());
  return periods.every((p) =>
    state.some((s) => s.from === p.from && s.to === p.to && s.computedAt.getTime() >= at.getTime()),
  );
};

beforeAll(async () => {
  setClock({ at: T0 });
  await generateReportData(db());
  // A second province: the factory's distractor commune moves to Phú Thọ, its records with it. Persons
  // are supported in other communes than their own, so some are counselled in both provinces: the
  // country's "persons counselled" is then less than the sum of its provinces'.
  const ptCommune = UNITS.luongSon;
  await db().execute(
    sql`update released_person set commune_code = ${ptCommune}, province_code = ${UNITS.phuTho} where commune_code = ${OUTSIDE_COMMUNE}`,
  );
  await db().execute(
    sql`update organization set commune_code = ${ptCommune}, province_code = ${UNITS.phuTho} where commune_code = ${OUTSIDE_COMMUNE}`,
  );
  for (const table of ["activity", "loan", "meeting"]) {
    await db().execute(
      sql`update ${sql.identifier(table)} set commune_code = ${ptCommune} where commune_code = ${OUTSIDE_COMMUNE}`,
    );
  }
}, 120_000);

afterAll(() => setClock(undefined));

describe("the report summary equals the live report", () => {
  it("before any refresh, reports are live (computedAt null)", async () => {
    const report = await loadAreaReport(NATION, MARCH_2024, { series: true }, db());
    expect(report.computedAt).toBeNull();
    expect(report.area).toMatchObject({ level: "nation", code: "" });
  });

  it("after a refresh: the country and each province, for a month, a quarter, a half, a year, equal the live query", async () => {
    expect(await refreshReportSummary(db(), { today: "2025-05-20", periods: PERIODS })).toBe(PERIODS.length);
    let crossProvince = false;
    for (const period of PERIODS) {
      for (const area of AREAS) await expectSummaryEqualsLive(area, period);
      const nation = (await loadAreaReport(NATION, period, { series: true }, db())).rows;
      const counselledSum = nation.reduce((sum, row) => sum + row.indicators.counselledPersons, 0);
      const country = (await loadAreaReport(NATION, period, { series: true }, db())).indicators.counselledPersons;
      expect(country).toBeLessThanOrEqual(counselledSum);
      if (country < counselledSum) crossProvince = true;
    }
    // The comparison means something: both provinces have figures, and distinct counting matters.
    expect(crossProvince).toBe(true);
    const year = PERIODS[3]!;
    for (const area of [LAM_DONG, PHU_THO]) {
      const { served } = await expectSummaryEqualsLive(area, year);
      expect(served.indicators.received, area.code).toBeGreaterThan(0);
      expect(served.indicators.counselling, area.code).toBeGreaterThan(0);
      expect(served.rows.length, area.code).toBe((await listCommunes(area.code)).length);
      expect(served.monthly.length).toBeGreaterThan(0);
    }
    const nation = await loadAreaReport(NATION, year, { series: true }, db());
    expect(nation.rows).toHaveLength((await listProvinces()).length);
    expect(nation.indicators.placed).toBeGreaterThan(0);
    // Without series, the same figures and no points.
    const noSeries = await loadAreaReport(LAM_DONG, year, { series: false }, db());
    expect(noSeries.computedAt).not.toBeNull();
    expect(noSeries.monthly).toEqual([]);
    expect(noSeries.indicators).toEqual((await liveAreaReport(LAM_DONG, year, { series: false }, db())).indicators);
  }, 120_000);

  it("the summary is what is served: a tampered row shows (so the equality above is not the live query twice)", async () => {
    const period = PERIODS[1]!;
    await db()
      .update(reportSummary)
      .set({ figures: sql`${reportSummary.figures} || '{"placed": 9999}'::jsonb` })
      .where(
        and(
          eq(reportSummary.level, "province"),
          eq(reportSummary.unitCode, UNITS.phuTho),
          eq(reportSummary.periodFrom, period.from),
        ),
      );
    const served = await loadAreaReport(NATION, period, { series: true }, db());
    expect(served.rows.find((r) => r.code === UNITS.phuTho)!.indicators.placed).toBe(9999);
    await refreshReportSummary(db(), { today: "2025-05-20", periods: [period] });
    await expectSummaryEqualsLive(NATION, period);
  }, 60_000);

  it("custom periods, missing rows and communes are live", async () => {
    // A custom range, and a month never refreshed.
    for (const period of [
      { from: "2024-03-01", to: "2024-04-15" },
      { from: "2024-08-01", to: "2024-08-31" },
    ]) {
      const report = await loadAreaReport(LAM_DONG, period, { series: true }, db());
      expect(report.computedAt).toBeNull();
      expect({ indicators: report.indicators, rows: report.rows, monthly: report.monthly }).toEqual(
        await liveAreaReport(LAM_DONG, period, { series: true }, db()),
      );
    }
    // A commune's report stays live.
    const commune = await loadAreaReport({ level: "commune", code: UNITS.namDa }, MARCH_2024, { series: true }, db());
    expect(commune.computedAt).toBeNull();
    expect(commune.rows).toEqual([]);
    // A period with one commune row missing is live, not a report with a hole.
    await db()
      .delete(reportSummary)
      .where(
        and(
          eq(reportSummary.level, "commune"),
          eq(reportSummary.unitCode, UNITS.krongNo),
          eq(reportSummary.periodFrom, MARCH_2024.from),
          eq(reportSummary.periodTo, MARCH_2024.to),
        ),
      );
    expect((await loadAreaReport(LAM_DONG, MARCH_2024, { series: true }, db())).computedAt).toBeNull();
    expect((await loadAreaReport(NATION, MARCH_2024, { series: true }, db())).computedAt).not.toBeNull();
    await refreshReportSummary(db(), { today: "2025-05-20", periods: [MARCH_2024] });
  }, 60_000);

  it("the provincial admin's report reads the summary for a summarised period, live otherwise", async () => {
    const communeCodes = (await listCommunes(UNITS.lamDong)).map((c) => c.code);
    const request = (period: AreaPeriod, model?: { id: string; name: string; launchedOn: string }) => ({
      unit: { level: "province" as const, name: "Tỉnh Lâm Đồng", provinceName: "Tỉnh Lâm Đồng", communeCodes },
      period: { preset: "custom" as const, ...period },
      drillDown: true,
      ...(model ? { model } : {}),
    });
    for (const period of PERIODS) {
      const served = await loadReportFigures(request(period), { series: true }, db());
      expect(served.computedAt).not.toBeNull();
      const live = await computeReport(db(), { communeCodes, ...period }, { byCommune: true, series: true });
      expect(served.indicators).toEqual(live.total);
      expect(served.monthly).toEqual(live.monthly);
      // Row for row (order included) what the live path answers.
      expect(served.byCommune).toEqual((await liveAreaReport(LAM_DONG, period, { series: true }, db())).rows);
      expect(served.byCommune.map((r) => r.code).sort()).toEqual([...communeCodes].sort());
    }
    // A model, or a custom period: live.
    const model = { id: "00000000-0000-4000-8000-000000000000", name: "5+1", launchedOn: "2023-06-01" };
    expect((await loadReportFigures(request(MARCH_2024, model), { series: true }, db())).computedAt).toBeNull();
    const custom = await loadReportFigures(request({ from: "2024-03-02", to: "2024-03-31" }), { series: true }, db());
    expect(custom.computedAt).toBeNull();
  }, 60_000);
});

describe("the worker keeps the summary fresh", () => {
  it("first round: every kept period; then a change is stale-but-labelled until the next round, and equal after", async () => {
    // The first round computes every kept period (none has all its rows yet, or they are older).
    await runTaskUntil(computedSince(T0, summaryPeriods("2025-05-20")));
    for (const area of AREAS) {
      for (const period of [MAY_2025, MARCH_2024]) await expectSummaryEqualsLive(area, period);
    }

    // New records: a placement this month in Lâm Đồng, an activity this month in Phú Thọ, and one back-dated
    // into March 2024.
    const [person] = await db()
      .select({ id: releasedPerson.id })
      .from(releasedPerson)
      .where(eq(releasedPerson.communeCode, UNITS.namDa))
      .limit(1);
    const [ptPerson] = await db()
      .select({ id: releasedPerson.id })
      .from(releasedPerson)
      .where(eq(releasedPerson.communeCode, UNITS.luongSon))
      .limit(1);
    await db().insert(placement).values({
      personId: person!.id,
      employerName: "Xưởng mộc",
      position: "Thợ mộc",
      wage: 6_500_000,
      contractKind: "labour_contract",
      startDate: "2025-05-12",
    });
    await db()
      .insert(activity)
      .values([
        {
          personId: ptPerson!.id,
          kind: "counselling",
          topic: "career",
          mode: "individual",
          occurredOn: "2025-05-15",
          communeCode: UNITS.luongSon,
        },
        {
          personId: ptPerson!.id,
          kind: "encouragement_visit",
          topic: "",
          occurredOn: "2024-03-15",
          communeCode: UNITS.luongSon,
        },
      ]);

    // Stale but labelled: the served figures are those of T0, and say so.
    for (const area of AREAS) {
      const served = await loadAreaReport(area, MAY_2025, { series: true }, db());
      const live = await liveAreaReport(area, MAY_2025, { series: true }, db());
      expect(served.computedAt).toEqual(T0);
      expect(served.indicators, area.code).not.toEqual(live.indicators);
    }
    const servedMay = await loadAreaReport(LAM_DONG, MAY_2025, { series: true }, db());
    const liveMay = await liveAreaReport(LAM_DONG, MAY_2025, { series: true }, db());
    expect(liveMay.indicators.placed).toBe(servedMay.indicators.placed + 1);

    // Nothing happens before 10 minutes have passed.
    setClock({ at: new Date(T0.getTime() + 9 * 60_000) });
    expect(await summaryTask.run(db(), { search: ctx.search, stopped: () => false })).toBe(0);
    expect((await loadAreaReport(LAM_DONG, MAY_2025, { series: true }, db())).computedAt).toEqual(T0);

    // Ten minutes on: the next round refreshes the current periods, and they equal the live query again.
    const T1 = new Date(T0.getTime() + 10 * 60_000);
    setClock({ at: T1 });
    const current = summaryPeriods("2025-05-20").filter((p) => p.to >= "2025-05-20");
    await runTaskUntil(computedSince(T1, current));
    for (const area of AREAS) {
      const { served } = await expectSummaryEqualsLive(area, MAY_2025);
      expect(served.computedAt).toEqual(T1);
    }
    // The back-dated visit waits for the night: March 2024 is still as computed at T0.
    const march = await loadAreaReport(PHU_THO, MARCH_2024, { series: true }, db());
    expect(march.computedAt).toEqual(T0);
    expect(march.indicators.encouragementVisits + 1).toBe(
      (await liveAreaReport(PHU_THO, MARCH_2024, { series: true }, db())).indicators.encouragementVisits,
    );

    // A new day in Vietnam (00:05 on the 21st): every kept period is recomputed, the back-dated one too.
    const T2 = new Date("2025-05-20T17:05:00Z");
    setClock({ at: T2 });
    // (Until the two periods compared are done: the rest of the round is the same work.)
    await runTaskUntil(computedSince(T2, [MARCH_2024, MAY_2025]));
    for (const area of AREAS) {
      for (const period of [MARCH_2024, MAY_2025]) {
        const { served } = await expectSummaryEqualsLive(area, period);
        expect(served.computedAt).toEqual(T2);
      }
    }
  }, 600_000);

  it("a stopped worker stops between steps and writes no half period", async () => {
    const before = await summaryState(db());
    // A new round (ten minutes on), stopped at once.
    setClock({ at: new Date("2025-05-20T17:30:00Z") });
    expect(await summaryTask.run(db(), { search: ctx.search, stopped: () => true })).toBe(0);
    expect(await summaryState(db())).toEqual(before);
    const stoppedAfterOne = (() => {
      let calls = 0;
      return () => calls++ > 0;
    })();
    expect(
      await refreshReportSummary(db(), { today: "2025-05-21", periods: [MAY_2025], stopped: stoppedAfterOne }),
    ).toBe(0);
    expect(await summaryState(db())).toEqual(before);
  }, 120_000);
});
