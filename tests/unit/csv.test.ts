import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { csvCell, neutralise, toCsv } from "~/utils/csv.server";

describe("the CSV writer", () => {
  it("starts with the UTF-8 byte order mark and ends every row, blank ones too, with CRLF", () => {
    expect(toCsv([["Đơn vị", "Xã Nam Đà"], [], ["a"]])).toBe("\uFEFFĐơn vị,Xã Nam Đà\r\n\r\na\r\n");
  });

  it("quotes only the cells that need it by default: separator, quote, CR, LF, semicolon", () => {
    expect(toCsv([["a,b", 'say "hi"', "x\ny", "x\ry", "a;b", "plain", ""]])).toBe(
      '\uFEFF"a,b","say ""hi""","x\ny","x\ry","a;b",plain,\r\n',
    );
  });

  it("quotes every cell, empty ones too, when asked (form 01)", () => {
    expect(
      toCsv(
        [
          ["STT", "Họ và tên"],
          [1, null],
        ],
        { quoteAll: true },
      ),
    ).toBe('\uFEFF"STT","Họ và tên"\r\n"1",""\r\n');
    expect(csvCell(-5, { quoteAll: true })).toBe('"-5"');
    expect(csvCell("0900000001", { quoteAll: true })).toBe('"0900000001"');
  });

  it("neutralises formula-like text but never numbers", () => {
    for (const risky of ["=1+1", "+84", "-5", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(risky)).toBe(`'${risky}`);
    expect(neutralise("Nguyễn = Văn")).toBe("Nguyễn = Văn");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(-0.25, { formatNumber: (n) => n.toFixed(4) })).toBe("-0.2500");
  });

  it("round-trips through csv-parse, Vietnamese text and all", () => {
    const rows = [
      ["Họ và tên", "Ghi chú"],
      ["Đặng Thị Ngọc Ánh", 'Học nghề "hàn", 2 tháng;\r\nxong'],
      ["Trần Văn Bình", ""],
    ];
    expect(parse(toCsv(rows).slice(1))).toEqual(rows);
    expect(parse(toCsv(rows, { quoteAll: true }).slice(1))).toEqual(rows);
  });
});
