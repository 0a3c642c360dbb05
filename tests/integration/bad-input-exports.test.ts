import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { toCsv } from "~/modules/reports/export.server";
import { loader as ownJson } from "~/routes/me.data[.]json";
import { loader as bankListCsv } from "~/routes/officer.loans.bank-list[.]csv";
import { loader as staffJson } from "~/routes/officer.persons.$id_.export[.]json";
import { loader as reportCsv } from "~/routes/officer.reports.export[.]csv";
import { loader as reportXlsx } from "~/routes/officer.reports.export[.]xlsx";
import { todayIso } from "~/utils/clock.server";
import { csvCell as writeCell, neutralise } from "~/utils/csv.server";

import { UNITS } from "../factories";
import { createOfficerScope, createPerson } from "../factories/persons";
import { listLoan, modelCovering } from "../factories/support";
import { FC_SEED, fuzz } from "../setup/fuzz";
import { activatedPerson } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, routeRequest } from "../setup/routes";

/** A cell of form 01, the bank's list, which quotes every cell. */
const csvCell = (value: string | number) => writeCell(value, { quoteAll: true });

/*
 * Spreadsheet formulas in exports (issue 7, OWASP "CSV injection"). Text a user typed that reaches a CSV or
 * XLSX export (a reintegration model's name in the reports; a person's name and address, a loan's note in
 * form 01 for the bank) is generated to start like a formula; each export route is called and parsed back:
 * no cell may start with = + - @ tab or CR unless it carries the leading apostrophe, the value is otherwise
 * intact, numbers stay numbers, and IDs with leading zeros stay as typed.
 */

setupIntegration();

let officer: StaffScope;
let cookie: string;

beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  cookie = await cookieFor(officer.actorId);
});

/** What a user may type that a spreadsheet would run: a formula start, then anything (forms trim the ends). */
const formulaText = fc
  .tuple(
    fc.constantFrom("=", "+", "-", "@", "=HYPERLINK(", "=cmd|' /C calc'!", "-2+3+", "@SUM(", "+84 "),
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "grapheme", maxLength: 15 }),
      fc.constantFrom('"http://x","y")', "1+1", "A1", ";=1+1", ",=2", '"\r\n=3'),
    ),
  )
  .map(([start, rest]) => `${start}${rest}`.trim())
  .filter((s) => s.length > 0 && s.length <= 100);

/** RFC 4180: quoted cells, doubled quotes, CRLF rows; the BOM dropped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cell), (cell = ""));
    else if (c === "\r" && s[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += c;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

/** No cell a spreadsheet would evaluate: a risky first character always follows the apostrophe. */
function expectNoFormula(cells: string[], where: string) {
  for (const cell of cells)
    expect(/^[=+\-@\t\r]/.test(cell), `${where}: the cell ${JSON.stringify(cell)} would run as a formula`).toBe(false);
}

const get = (
  handler: Parameters<typeof callRoute>[0],
  path: string,
  params: Record<string, string> = {},
  as = cookie,
) => callRoute(handler, routeRequest(path, { cookie: as }), params);

describe(`formula-like text in every CSV and XLSX export (FC_SEED=${FC_SEED})`, () => {
  it("form 01 for the bank (CSV): names, addresses and notes neutralised, amounts and IDs as typed", async () => {
    let n = 0;
    await fuzz(
      fc.record({ fullName: formulaText, address: formulaText, note: formulaText, bankBranch: formulaText }),
      async (typed) => {
        const citizenId = `0680900${String(++n).padStart(5, "0")}`;
        const personId = await createPerson(officer, {
          fullName: typed.fullName,
          address: typed.address,
          citizenId,
          confirmNotDuplicate: "on",
        });
        await listLoan(officer, personId, { note: typed.note, bankBranch: typed.bankBranch, amountVnd: "30.000.000" });
        const res = await get(bankListCsv, `/officer/loans/bank-list.csv?month=${todayIso().slice(0, 7)}`);
        expect(res.status).toBe(200);
        const rows = parseCsv(await res.text());
        rows.forEach((r, i) => expectNoFormula(r, `row ${i}`));
        const row = rows.find((r) => r[3] === citizenId);
        expect(row, `the loan of ${citizenId} is on the list`).toBeDefined();
        // The typed value is intact behind the apostrophe; the ID keeps its leading zero; the amount is a plain integer.
        expect(row![1]).toBe(neutralise(typed.fullName.normalize("NFC")));
        expect(row![9]).toBe(neutralise(typed.note.normalize("NFC")));
        expect(row![4]!.startsWith(neutralise(typed.address.normalize("NFC")))).toBe(true);
        expect(row![7]).toBe("30000000");
      },
      8,
    );
  }, 120_000);

  it("the report (CSV and XLSX): a model's name neutralised, figures as numbers, no formula anywhere", async () => {
    await fuzz(
      formulaText,
      async (name) => {
        const modelId = await modelCovering(officer, UNITS.namDa, [], { name });
        const query = `?commune=${UNITS.namDa}&model=${modelId}`;
        const csv = await get(reportCsv, `/officer/reports/export.csv${query}`);
        expect(csv.status).toBe(200);
        const rows = parseCsv(await csv.text());
        rows.forEach((r, i) => expectNoFormula(r, `CSV row ${i}`));
        expect(rows.some((r) => r[1] === neutralise(name.normalize("NFC")))).toBe(true);

        const xlsx = await get(reportXlsx, `/officer/reports/export.xlsx${query}`);
        expect(xlsx.status).toBe(200);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await xlsx.arrayBuffer());
        let numbers = 0;
        let found = false;
        book.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type, `${sheet.name}!${cell.address} holds a formula`).not.toBe(ExcelJS.ValueType.Formula);
              if (cell.type === ExcelJS.ValueType.Number) numbers++;
              if (cell.type === ExcelJS.ValueType.String)
                expectNoFormula([String(cell.value)], `${sheet.name}!${cell.address}`);
              // XML turns CRLF into LF when the workbook is read back: compare line breaks alike.
              if (
                String(cell.value).replace(/\r\n?/g, "\n") === neutralise(name.normalize("NFC")).replace(/\r\n?/g, "\n")
              )
                found = true;
            }),
          ),
        );
        expect(found, "the model's name is in the workbook").toBe(true);
        expect(numbers, "the figures are numbers, not text").toBeGreaterThan(10);
      },
      8,
    );
  }, 120_000);

  it("legitimate values stay usable: negative numbers are numbers, text with a leading zero is untouched", () => {
    expect(csvCell(-5)).toBe('"-5"');
    expect(csvCell("0900000001")).toBe('"0900000001"');
    expect(csvCell("-5")).toBe(`"'-5"`);
    const csv = toCsv({
      meta: [],
      head: ["Số", "Chỉ tiêu", "Giá trị"],
      rows: [
        [1, "Chênh lệch", -3],
        [2, "Tỉ lệ", -0.25],
      ],
      communeHead: [],
      communeRows: [],
      formats: [null, null],
    });
    // The blank line after the (empty) unit and period, then the header.
    expect(parseCsv(csv).slice(2)).toEqual([
      ["1", "Chênh lệch", "-3"],
      ["2", "Tỉ lệ", "-0.2500"],
    ]);
  });

  it("the person exports are JSON files: the formula-like name is data, exactly as stored", async () => {
    const name = '=HYPERLINK("http://x","Nguyễn")';
    const p = await activatedPerson(officer, { fullName: name });
    for (const res of [
      await get(staffJson, `/officer/persons/${p.personId}/export.json`, { id: p.personId }),
      await get(ownJson, "/me/data.json", {}, await cookieFor(p.userId)),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[\w.-]+\.json"$/);
      expect(JSON.stringify(await res.json())).toContain(JSON.stringify(name).slice(1, -1));
    }
  });
});
