import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { ADMIN_UNITS_CSV, parseAdminUnitsCsv } from "../../db/admin-units";

const HEADER = "province_code,province_name,province_type,commune_code,commune_name,commune_type";
const rows = parseAdminUnitsCsv(fs.readFileSync(ADMIN_UNITS_CSV, "utf8"));

describe("parseAdminUnitsCsv on the shipped catalogue", () => {
  it("has the 34 provinces and 3,321 communes in force since 1/7/2025", () => {
    expect(new Set(rows.map((r) => r.provinceCode)).size).toBe(34);
    expect(rows).toHaveLength(3321);
    expect(new Set(rows.map((r) => r.communeCode)).size).toBe(3321);
  });

  it("has 2,621 xã, 687 phường and 13 đặc khu", () => {
    const byType: Record<string, number> = {};
    for (const r of rows) byType[r.communeType] = (byType[r.communeType] ?? 0) + 1;
    expect(byType).toEqual({ xã: 2621, phường: 687, "đặc khu": 13 });
  });

  it("places the demo communes in their provinces", () => {
    expect(rows.find((r) => r.communeCode === "04924")).toMatchObject({
      communeName: "Xã Lương Sơn",
      provinceCode: "25",
      provinceName: "Tỉnh Phú Thọ",
    });
    expect(rows.find((r) => r.communeCode === "24697")).toMatchObject({
      communeName: "Xã Nam Đà",
      provinceCode: "68",
      provinceName: "Tỉnh Lâm Đồng",
    });
  });

  it("gives each province one name and type, and well-formed codes in NFC", () => {
    const provinces = new Map<string, string>();
    for (const r of rows) {
      expect(r.provinceCode).toMatch(/^\d{2}$/);
      expect(r.communeCode).toMatch(/^\d{5}$/);
      expect(r.communeName.normalize("NFC")).toBe(r.communeName);
      const seen = provinces.get(r.provinceCode);
      const name = `${r.provinceName}|${r.provinceType}`;
      if (seen) expect(name).toBe(seen);
      else provinces.set(r.provinceCode, name);
    }
    expect(new Set([...provinces.values()].map((v) => v.split("|")[1]))).toEqual(
      new Set(["tỉnh", "thành phố trung ương"]),
    );
  });
});

describe("parseAdminUnitsCsv on other input", () => {
  it("rejects a file with a different header", () => {
    expect(() => parseAdminUnitsCsv("code,name\n01,Hà Nội\n")).toThrow(/header/);
    expect(() => parseAdminUnitsCsv("")).toThrow(/header/);
  });

  it("accepts a byte-order mark, CRLF line ends and blank lines, and composes to NFC", () => {
    const decomposed = "Xã Lương Sơn".normalize("NFD");
    const text = `\uFEFF${HEADER}\r\n25,Tỉnh Phú Thọ,tỉnh,04924, ${decomposed} ,xã\r\n\r\n`;
    expect(parseAdminUnitsCsv(text)).toEqual([
      {
        provinceCode: "25",
        provinceName: "Tỉnh Phú Thọ",
        provinceType: "tỉnh",
        communeCode: "04924",
        communeName: "Xã Lương Sơn",
        communeType: "xã",
      },
    ]);
  });

  it("rejects a row with the wrong number of cells or a quoted field, naming the line", () => {
    expect(() => parseAdminUnitsCsv(`${HEADER}\n25,Tỉnh Phú Thọ,tỉnh,04924,Xã Lương Sơn\n`)).toThrow(/row 2/);
    expect(() =>
      parseAdminUnitsCsv(
        `${HEADER}\n25,Tỉnh Phú Thọ,tỉnh,04924,Xã Lương Sơn,xã\n25,"Tỉnh, Phú Thọ",tỉnh,04925,Xã A,xã\n`,
      ),
    ).toThrow(/row 3/);
  });
});
