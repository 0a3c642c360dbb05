import { describe, expect, it } from "vitest";

import { type PublishedCell, SMALL_NUMBER } from "~/modules/public-figures/small-numbers";
import { suppressColumn,type SuppressedColumn } from "~/modules/public-figures/suppression";

import { seededRandom } from "../factories/report-data";
import { type AttackInput, recoverCells, smallShownCells } from "../factories/suppression-attack";

/**
 * Secondary suppression holds against an attacker written independently of it
 * (tests/factories/suppression-attack.ts): on many seeded random tables, including the shapes that
 * break naive suppression, the attacker pins no hidden value; and on primary-only suppression it does.
 */

/** Columns → the published JSON's shape: one indicator, one "quarter" per column, area i = cell i. */
function publishedJson(columns: SuppressedColumn[], width: number): AttackInput {
  const quarters = columns.map((_, i) => ({ id: `q${i}` }));
  const area = (level: string, code: string, cellOf: (c: SuppressedColumn) => PublishedCell) => ({
    level,
    code,
    figures: { count: columns.map(cellOf) },
  });
  return {
    quarters,
    indicators: ["count"],
    smallNumber: SMALL_NUMBER,
    areas: [
      area("nation", "", (c) => c.total),
      ...Array.from({ length: width }, (_, i) => area("province", String(i).padStart(2, "0"), (c) => c.cells[i]!)),
    ],
  };
}

/** Primary suppression only: what a naive publisher does. */
function naive(values: number[]): SuppressedColumn {
  const hide = (v: number): PublishedCell =>
    v < SMALL_NUMBER ? { value: null, flag: "lt5" } : { value: v, flag: null };
  return { cells: values.map(hide), total: hide(values.reduce((a, b) => a + b, 0)) };
}

type Shape = (r: ReturnType<typeof seededRandom>, width: number) => number[];
const count = (r: ReturnType<typeof seededRandom>) => {
  const roll = r.next();
  if (roll < 0.3) return 0;
  if (roll < 0.55) return r.int(1, 4);
  if (roll < 0.7) return r.int(5, 9);
  return r.int(10, 300);
};
const SHAPES: Record<string, Shape> = {
  mixed: (r, w) => Array.from({ length: w }, () => count(r)),
  "zeros with one province": (r, w) => {
    const out = Array.from({ length: w }, () => 0);
    out[r.int(0, w - 1)] = r.int(0, 60);
    return out;
  },
  "a single small cell among large ones": (r, w) => {
    const out = Array.from({ length: w }, () => r.int(5, 500));
    out[r.int(0, w - 1)] = r.int(0, 4);
    return out;
  },
  "a small total": (r, w) => {
    const out = Array.from({ length: w }, () => 0);
    for (let i = 0; i < r.int(0, 4); i++) out[r.int(0, w - 1)]! += 1;
    return out;
  },
  "a total just above the small number": (r, w) => {
    const out = Array.from({ length: w }, () => 0);
    for (let i = 0; i < r.int(5, 9); i++) out[r.int(0, w - 1)]! += 1;
    return out;
  },
  "two small cells summing to the remainder": (r, w) => {
    const out = Array.from({ length: w }, () => r.int(5, 40));
    const a = r.int(0, w - 1);
    const b = (a + 1 + r.int(0, w - 2)) % w;
    out[a] = r.int(0, 4);
    out[b] = r.int(0, 4);
    return out;
  },
  "exactly five in one hidden place": (r, w) => {
    const out = Array.from({ length: w }, () => (r.chance(0.5) ? 0 : r.int(5, 9)));
    out[r.int(0, w - 1)] = 5;
    return out;
  },
  "all ties": (r, w) => {
    const v = r.int(0, 8);
    return Array.from({ length: w }, () => v);
  },
};

describe("secondary suppression against an independent attacker", () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`${name}: nothing small is shown, nothing hidden is recovered, everything shown is true`, () => {
      const r = seededRandom(name.length * 7919 + 16);
      let hiddenSeen = 0;
      for (let table = 0; table < 150; table++) {
        const width = r.pick([2, 3, 4, 7, 34]);
        const truth = Array.from({ length: 6 }, () => shape(r, width));
        const columns = truth.map((values) => suppressColumn(values));
        const json = publishedJson(columns, width);
        expect(smallShownCells(json)).toEqual([]);
        expect(recoverCells(json), JSON.stringify(truth)).toEqual([]);
        columns.forEach((column, ci) => {
          const values = truth[ci]!;
          const sum = values.reduce((a, b) => a + b, 0);
          [...column.cells, column.total].forEach((cell, i) => {
            const real = i < values.length ? values[i]! : sum;
            if (cell.flag === null) expect(cell.value).toBe(real);
            else {
              hiddenSeen += 1;
              expect(cell.flag).toBe(real < SMALL_NUMBER ? "lt5" : "suppressed");
            }
          });
        });
      }
      expect(hiddenSeen).toBeGreaterThan(0);
    });
  }

  it("is deterministic, and leaves a column with nothing small untouched", () => {
    const values = [12, 3, 40, 7, 0, 9, 5, 5];
    expect(suppressColumn(values)).toEqual(suppressColumn([...values]));
    expect(suppressColumn([12, 40, 7]).cells.every((c) => c.flag === null)).toBe(true);
    expect(suppressColumn([12, 40, 7]).total).toEqual({ value: 59, flag: null });
  });

  it("hides the smallest shown cell first (the first of equals), then the total when nothing else is left", () => {
    // 3 alone would be total − 12 − 40 − 7: the 7 goes with it.
    expect(suppressColumn([12, 3, 40, 7]).cells.map((c) => c.flag)).toEqual([null, "lt5", null, "suppressed"]);
    // Two equal smallest: the first.
    expect(suppressColumn([9, 2, 9, 30]).cells.map((c) => c.flag)).toEqual(["suppressed", "lt5", null, null]);
    // 4 + 4 = 8: published, the total would pin both; hiding it leaves 1..4 each.
    expect(suppressColumn([4, 4])).toEqual({
      cells: [
        { value: null, flag: "lt5" },
        { value: null, flag: "lt5" },
      ],
      total: { value: null, flag: "suppressed" },
    });
  });

  it("refuses what is not a count", () => {
    expect(() => suppressColumn([1, -1])).toThrow();
    expect(() => suppressColumn([1.5])).toThrow();
  });
});

describe("the attacker is not toothless", () => {
  it("recovers a small cell from a naively suppressed column, with its true value", () => {
    const json = publishedJson([naive([12, 3, 40, 7])], 4);
    expect(recoverCells(json)).toEqual([{ indicator: "count", quarter: "q0", area: "01", flag: "lt5", value: 3 }]);
  });

  it("recovers zeros beside a lone province, and a suppressed cell left alone with the total", () => {
    expect(recoverCells(publishedJson([naive([0, 0, 30])], 3)).map((c) => [c.area, c.value])).toEqual([
      ["00", 0],
      ["01", 0],
    ]);
    const json = publishedJson(
      [
        {
          cells: [
            { value: 20, flag: null },
            { value: null, flag: "suppressed" },
          ],
          total: { value: 26, flag: null },
        },
      ],
      2,
    );
    expect(recoverCells(json)).toEqual([
      { indicator: "count", quarter: "q0", area: "01", flag: "suppressed", value: 6 },
    ]);
  });

  it("breaks naive suppression on a large share of the same random tables", () => {
    const r = seededRandom(44);
    let broken = 0;
    for (let table = 0; table < 200; table++) {
      const values = SHAPES["mixed"]!(r, 7);
      if (recoverCells(publishedJson([naive(values)], 7)).length > 0) broken += 1;
    }
    expect(broken).toBeGreaterThan(20);
  });
});
