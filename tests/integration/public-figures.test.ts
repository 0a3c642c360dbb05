import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import {
  CSV_HEADER,
  publishFigures,
  publishFiguresWhenDue,
  type RawFigures,
} from "~/modules/public-figures/publish.server";
import { FIGURES_JSON_SCHEMA } from "~/modules/public-figures/schema";
import { SMALL_NUMBER } from "~/modules/public-figures/small-numbers";
import {
  completedQuarters,
  PUBLIC_INDICATORS,
  type PublishedFigures,
  quarterPeriod,
} from "~/modules/public-figures/snapshot";
import { suppressColumn } from "~/modules/public-figures/suppression";
import * as nationPage from "~/routes/figures._index";
import * as provincePage from "~/routes/figures.$province";
import * as schemaRoute from "~/routes/figures.schema[.]json";
import * as csvRoute from "~/routes/figures[.]csv";
import * as jsonRoute from "~/routes/figures[.]json";

import { job, occupation, organization, placement, releasedPerson, trainingLevel, trainingSlot } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { buildOrganization, UNITS } from "../factories";
import { generateReportData } from "../factories/report-data";
import { recoverCells, smallShownCells } from "../factories/suppression-attack";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { at, callRoute, getRequest, type RouteHandler } from "../setup/routes";

/**
 * The public figures end to end (issue 16 §2): before the first publication the pages say so; then the
 * demo data, the report tests' generated records and a province of hand-made employers and courses are
 * published, and the open data is checked against the raw counts, the small-number rule and the
 * independent attacker (tests/factories/suppression-attack.ts).
 */

const ctx = setupIntegration();
const db = () => ctx.handle.db;
const TODAY = "2026-07-15";

const get = (route: { loader: unknown }, path: string, params: Record<string, string> = {}) =>
  callRoute(route.loader as RouteHandler, getRequest(path), params);

async function pageHtml(route: typeof nationPage | typeof provincePage, path: string, params = {}) {
  const response = await get(route, path, params);
  expect(response.status, path).toBe(200);
  return { response, html: render(route.default, await response.json()) };
}

describe("before the first publication", () => {
  beforeAll(() => at(TODAY));

  it("the pages say the figures are not published yet; the files answer 404 with a sentence; the schema is there", async () => {
    for (const [route, path, params] of [
      [nationPage, "/figures", {}],
      [provincePage, `/figures/${UNITS.lamDong}`, { province: UNITS.lamDong }],
    ] as const) {
      const { html } = await pageHtml(route, path, params);
      expect(html, path).toContain("Chưa công bố số liệu");
      expect(html, path).toContain('href="/figures.csv"');
    }
    for (const route of [jsonRoute, csvRoute]) {
      const response = await get(route, "/figures.x");
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("chưa được công bố");
    }
    const schema = await get(schemaRoute, "/figures/schema.json");
    expect(schema.status).toBe(200);
    expect(await schema.json()).toEqual(JSON.parse(JSON.stringify(FIGURES_JSON_SCHEMA)));
  });

  it("an unknown province is the standard 404", async () => {
    for (const code of ["99", "abc", "6", ""]) {
      const response = await get(provincePage, `/figures/${code}`, { province: code });
      expect(response.status, code).toBe(404);
      expect(await response.json()).toEqual({ messageKey: "error.notFound.body" });
    }
  });
});

/** A province with nothing of the demo's or the generated data, and one of its communes. */
async function emptyProvince(): Promise<{ province: string; commune: string }> {
  const used = new Set(
    [
      ...(await db().select({ p: organization.provinceCode }).from(organization)),
      ...(await db().select({ p: trainingSlot.provinceCode }).from(trainingSlot)),
    ].map((r) => r.p),
  );
  const province = (await listProvinces()).map((p) => p.code).find((code) => !used.has(code))!;
  return { province, commune: (await listCommunes(province))[0]!.code };
}

const on = (day: string) => new Date(`${day}T10:00:00+07:00`);

/**
 * Employers and courses in one otherwise empty province, each case named by what it tests, with the
 * counts they must give per quarter (written by hand, not by the SQL).
 */
async function handMadeProvince(place: { province: string; commune: string }) {
  const [occ] = await db().select({ code: occupation.code }).from(occupation).limit(1);
  const [level] = await db().select({ code: trainingLevel.code }).from(trainingLevel).limit(1);
  const [person] = await db().select({ id: releasedPerson.id }).from(releasedPerson).limit(1);
  const org = async (verified: boolean, role: "employer" | "training_provider" = "employer") =>
    (
      await db()
        .insert(organization)
        .values(
          buildOrganization({
            role,
            kind: role === "employer" ? "company" : "training_centre",
            provinceCode: place.province,
            communeCode: place.commune,
            verificationStatus: verified ? "verified" : "pending",
          }),
        )
        .returning()
    )[0]!;
  const addJob = (organizationId: string, values: Partial<typeof job.$inferInsert>) =>
    db()
      .insert(job)
      .values({
        organizationId,
        title: "Thợ phụ",
        occupationCode: occ!.code,
        provinceCode: place.province,
        communeCode: place.commune,
        wageMin: 5_000_000,
        wageMax: 6_000_000,
        employmentType: "full_time",
        closesAt: "2026-12-31",
        ...values,
      });
  // Open from mid-December to February: 2025-Q4 and 2026-Q1.
  const e1 = await org(true);
  await addJob(e1.id, { status: "open", publishedAt: on("2025-12-15"), closesAt: "2026-02-10" });
  // Filled in December although it was to close in June: 2025-Q4 only.
  const e2 = await org(true);
  await addJob(e2.id, {
    status: "filled",
    closedReason: "filled",
    publishedAt: on("2025-10-01"),
    closesAt: "2026-06-30",
    updatedAt: on("2025-12-20"),
  });
  // No job, one placement starting in May: 2026-Q2.
  const e3 = await org(true);
  const placementOf = (organizationId: string, startDate: string) =>
    db().insert(placement).values({
      personId: person!.id,
      organizationId,
      employerName: "Công ty",
      position: "Thợ phụ",
      wage: 5_000_000,
      contractKind: "labour_contract",
      startDate,
    });
  await placementOf(e3.id, "2026-05-03");
  // Not verified: never counted. A draft: never counted.
  const e4 = await org(false);
  await addJob(e4.id, { status: "open", publishedAt: on("2026-01-05"), closesAt: "2026-03-01" });
  await placementOf(e4.id, "2026-02-01");
  const e5 = await org(true);
  await addJob(e5.id, { status: "draft" });
  // A job and a placement in the same quarter: counted once.
  const e6 = await org(true);
  await addJob(e6.id, { status: "open", publishedAt: on("2026-01-10"), closesAt: "2026-03-20" });
  await placementOf(e6.id, "2026-02-14");

  const provider = await org(true, "training_provider");
  const slot = (values: Partial<typeof trainingSlot.$inferInsert>) =>
    db()
      .insert(trainingSlot)
      .values({
        organizationId: provider.id,
        title: "Khoá",
        occupationCode: occ!.code,
        levelCode: level!.code,
        durationWeeks: 8,
        startsAt: "2026-09-01",
        applicationDeadline: "2026-08-01",
        seats: 10,
        provinceCode: place.province,
        communeCode: place.commune,
        ...values,
      });
  await slot({ status: "open", publishedAt: on("2026-01-05"), applicationDeadline: "2026-04-10" }); // Q1, Q2
  await slot({
    status: "closed",
    closedReason: "closed",
    publishedAt: on("2025-11-01"),
    applicationDeadline: "2026-06-01",
    updatedAt: on("2026-02-01"),
  }); // 2025-Q4, 2026-Q1
  await slot({ status: "draft" }); // never
  await slot({
    status: "closed",
    closedReason: "expired",
    publishedAt: on("2025-08-01"),
    applicationDeadline: "2025-09-30",
    startsAt: "2025-10-01",
  }); // 2025-Q3
  return {
    employersTakingPart: { "2025-Q4": 2, "2026-Q1": 2, "2026-Q2": 1 } as Record<string, number>,
    coursesOffered: { "2025-Q3": 1, "2025-Q4": 1, "2026-Q1": 2, "2026-Q2": 1 } as Record<string, number>,
  };
}

describe("after publication", () => {
  let published: PublishedFigures;
  let raw: RawFigures;
  let place: { province: string; commune: string };
  let expected: Awaited<ReturnType<typeof handMadeProvince>>;
  let provinceCodes: string[];

  beforeAll(async () => {
    at(TODAY);
    await seedDemoData(db());
    await generateReportData(db());
    place = await emptyProvince();
    expected = await handMadeProvince(place);
    provinceCodes = (await listProvinces()).map((p) => p.code).sort();
    ({ figures: published, raw } = await publishFigures(db()));
  }, 600_000);

  it("covers the last eight completed quarters, the country and every province", () => {
    expect(published.quarters.map((q) => q.id)).toEqual([
      "2024-Q3",
      "2024-Q4",
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
    ]);
    expect(published.quarters.at(-1)).toEqual(quarterPeriod(2026, 2));
    expect(completedQuarters("2026-01-01", 1)).toEqual([{ id: "2025-Q4", from: "2025-10-01", to: "2025-12-31" }]);
    expect(published.areas[0]).toMatchObject({ level: "nation", code: "" });
    expect(published.areas.slice(1).map((a) => a.code)).toEqual(provinceCodes);
    expect(provinceCodes).toHaveLength(34);
    expect(() => z.fromJSONSchema(FIGURES_JSON_SCHEMA as never).parse(published)).not.toThrow();
  });

  it("counts employers taking part and courses offered by the hand-made cases", () => {
    const pi = provinceCodes.indexOf(place.province);
    for (const key of ["employersTakingPart", "coursesOffered"] as const) {
      const got = Object.fromEntries(
        published.quarters.map((q, qi) => [q.id, raw[key][qi]![pi]!] as const).filter(([, n]) => n > 0),
      );
      expect(got, key).toEqual(expected[key]);
    }
  });

  it("publishes the true counts where it shows them, the suppression of the raw counts, and hides every value below 5", () => {
    let shown = 0;
    const flags = new Set<string>();
    for (const key of PUBLIC_INDICATORS) {
      published.quarters.forEach((q, qi) => {
        const values = raw[key][qi]!;
        const column = suppressColumn(values);
        expect(published.areas[0]!.figures[key][qi], `${key} ${q.id}`).toEqual(column.total);
        published.areas.slice(1).forEach((area, pi) => {
          const cell = area.figures[key][qi]!;
          expect(cell, `${key} ${q.id} ${area.code}`).toEqual(column.cells[pi]);
          if (cell.flag === null) {
            shown += 1;
            expect(cell.value).toBe(values[pi]);
            expect(cell.value).toBeGreaterThanOrEqual(SMALL_NUMBER);
          } else flags.add(cell.flag);
        });
      });
    }
    // The data is varied enough for the checks to mean something: values shown, small ones hidden, others
    // hidden for their sake.
    expect(shown).toBeGreaterThan(0);
    expect([...flags].sort()).toEqual(["lt5", "suppressed"]);
    expect(raw.personsSupported.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(smallShownCells(published)).toEqual([]);
  });

  it("the attacker recovers nothing from the open data", async () => {
    const body = await (await get(jsonRoute, "/figures.json")).json();
    expect(recoverCells(body)).toEqual([]);
  });

  it("the JSON and CSV files agree, cell by cell, and are cached like the public pages", async () => {
    const jsonResponse = await get(jsonRoute, "/figures.json");
    expect(jsonResponse.status).toBe(200);
    expect(jsonResponse.headers.get("Cache-Control")).toBe("public, max-age=30");
    const jsonText = await jsonResponse.text();
    // In the documented order, although the database keeps its keys in its own.
    expect(jsonText.startsWith('{\n "$schema": "/figures/schema.json",\n "version": 1,')).toBe(true);
    const body = JSON.parse(jsonText) as PublishedFigures;
    expect(body).toEqual(JSON.parse(JSON.stringify(published)));

    const csvResponse = await get(csvRoute, "/figures.csv");
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get("Content-Type")).toContain("text/csv");
    const text = await csvResponse.text();
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const records = rows.slice(1);
    expect(records).toHaveLength(body.areas.length * body.quarters.length * body.indicators.length);
    const byKey = new Map(records.map((r) => [`${r[1]}|${r[3]}|${r[6]}`, r]));
    for (const area of body.areas) {
      for (const [qi, q] of body.quarters.entries()) {
        for (const key of body.indicators) {
          const row = byKey.get(`${area.code}|${q.id}|${key}`)!;
          const cell = area.figures[key][qi]!;
          expect(row, `${area.code} ${q.id} ${key}`).toEqual([
            area.level,
            area.code,
            area.name,
            q.id,
            q.from,
            q.to,
            key,
            cell.value === null ? "" : String(cell.value),
            cell.flag ?? "",
          ]);
        }
      }
    }
  });

  it("the country's page shows the quarters, the marks explained, the charts and a province table of links", async () => {
    const { response, html } = await pageHtml(nationPage, "/figures");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=30");
    expect(html).toContain("Số liệu được tổng hợp lúc");
    expect(html).toContain("“&lt; 5”: ít hơn 5");
    expect(html).toContain("Quý II/2026");
    expect(html).toContain('data-flag="lt5"');
    expect(html).toContain(`href="/figures/${place.province}"`);
    expect(html).toContain(`href="/figures/${UNITS.lamDong}"`);
    expect((html.match(/<svg/g) ?? []).length).toBe(4); // two charts, wide and narrow
    expect(html).not.toMatch(/tù|án phạt|tội/);
  });

  it("a province's page shows its own series, the same cells as the open data", async () => {
    const { html } = await pageHtml(provincePage, `/figures/${UNITS.lamDong}`, { province: UNITS.lamDong });
    expect(html).toContain("Số liệu công khai: Tỉnh Lâm Đồng");
    const lamDong = published.areas.find((a) => a.code === UNITS.lamDong)!;
    const hidden = PUBLIC_INDICATORS.flatMap((k) => lamDong.figures[k]).filter((c) => c.flag !== null).length;
    expect((html.match(/<td class="num" data-flag=/g) ?? []).length).toBe(hidden);
    for (const k of PUBLIC_INDICATORS)
      for (const cell of lamDong.figures[k])
        if (cell.value !== null) expect(html).toContain(`>${cell.value.toLocaleString("vi-VN")}<`);
  });

  it("the worker publishes again the next day, not twice the same day", async () => {
    expect(await publishFiguresWhenDue(db())).toBe(0);
    at("2026-07-16");
    expect(await publishFiguresWhenDue(db())).toBe(1);
    const rows = await db().execute(sql`select count(*)::int as n from published_figures`);
    const n = Array.isArray(rows) ? rows[0].n : (rows as unknown as { rows: { n: number }[] }).rows[0]!.n;
    expect(n).toBe(1);
    at(TODAY);
  }, 600_000);
});
