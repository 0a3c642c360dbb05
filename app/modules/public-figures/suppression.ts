import { type CellFlag, type PublishedCell, SMALL_NUMBER } from "./small-numbers";

/**
 * Small-number suppression of a published table whose columns each add up to a published total (issue 16,
 * docs/decisions/044-small-number-suppression.md). Pure and client-safe; deterministic (same input, same
 * output).
 *
 * A column is its cells (here: the 34 provinces of one indicator in one quarter) and their total (the
 * country), which is exactly the sum of the cells. A reader knows, for every hidden value:
 * - "lt5": it is between 0 and SMALL_NUMBER - 1;
 * - "suppressed": it is SMALL_NUMBER or more;
 * and that the cells add up to the total. From these alone, a hidden value has a feasible range; when the
 * range is one number, the value is disclosed.
 *
 * 1. Primary suppression: every cell and total below SMALL_NUMBER (0 included) is "lt5".
 * 2. Secondary suppression: while some hidden value of the column is pinned to one number, hide the
 *    smallest published cell (ties: the first in column order), or the total once no cell is left.
 *    Hiding a value only widens every range, and a column with everything hidden pins nothing (two or
 *    more cells), so the loop ends.
 */

export type SuppressedColumn = { cells: PublishedCell[]; total: PublishedCell };

/** What a reader knows of a cell: [lo, hi], hi = Infinity when unbounded. */
export type Bounds = { lo: number; hi: number };

export function boundsOf(cell: PublishedCell): Bounds {
  if (cell.flag === null) return { lo: cell.value, hi: cell.value };
  return cell.flag === "lt5" ? { lo: 0, hi: SMALL_NUMBER - 1 } : { lo: SMALL_NUMBER, hi: Infinity };
}

/** A sum of upper bounds that stays exact with Infinity among them (Infinity - Infinity would be NaN). */
type UpperSum = { finite: number; infinite: number };
const upperSum = (bounds: Bounds[]): UpperSum =>
  bounds.reduce<UpperSum>(
    (s, b) => (b.hi === Infinity ? { ...s, infinite: s.infinite + 1 } : { ...s, finite: s.finite + b.hi }),
    { finite: 0, infinite: 0 },
  );
const upperWithout = (sum: UpperSum, b: Bounds): number => {
  const infinite = sum.infinite - (b.hi === Infinity ? 1 : 0);
  return infinite > 0 ? Infinity : sum.finite - (b.hi === Infinity ? 0 : b.hi);
};

/**
 * The feasible range of every hidden value of a column (cells by index, then the total as index -1), from
 * the published values, the flags' bounds and "the cells add up to the total". With one equation and
 * unit coefficients, these ranges are exact: every integer in a range is reached by some table.
 */
export function hiddenRanges(column: SuppressedColumn): { index: number; range: Bounds }[] {
  const bounds = column.cells.map(boundsOf);
  const total = boundsOf(column.total);
  const lowSum = bounds.reduce((n, b) => n + b.lo, 0);
  const highSum = upperSum(bounds);
  const out: { index: number; range: Bounds }[] = [];
  column.cells.forEach((cell, i) => {
    if (cell.flag === null) return;
    const b = bounds[i]!;
    const othersHigh = upperWithout(highSum, b);
    const lo = Math.max(b.lo, total.lo - othersHigh);
    const hi = Math.min(b.hi, total.hi - (lowSum - b.lo));
    out.push({ index: i, range: { lo, hi } });
  });
  if (column.total.flag !== null) {
    const hi = highSum.infinite > 0 ? total.hi : Math.min(total.hi, highSum.finite);
    out.push({ index: -1, range: { lo: Math.max(total.lo, lowSum), hi } });
  }
  return out;
}

/** Whether some hidden value of the column can be worked out exactly. */
export function discloses(column: SuppressedColumn): boolean {
  return hiddenRanges(column).some(({ range }) => range.lo === range.hi);
}

const shown = (value: number): PublishedCell => ({ value, flag: null });
const hidden = (flag: CellFlag): PublishedCell => ({ value: null, flag });
const primary = (value: number): PublishedCell => (value < SMALL_NUMBER ? hidden("lt5") : shown(value));

/** One column: its cells' counts (non-negative integers); the total is their sum. */
export function suppressColumn(values: readonly number[]): SuppressedColumn {
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`suppressColumn: a count must be a whole number ≥ 0, not ${v}`);
  }
  const sum = values.reduce((n, v) => n + v, 0);
  const column: SuppressedColumn = { cells: values.map(primary), total: primary(sum) };
  // At most one more value is hidden per turn, so cells + 1 turns always suffice.
  for (let turn = 0; turn <= values.length && discloses(column); turn++) {
    let next = -1;
    column.cells.forEach((cell, i) => {
      if (cell.flag !== null) return;
      const best = next === -1 ? null : column.cells[next]!;
      if (best === null || (best.flag === null && cell.value < best.value)) next = i;
    });
    if (next !== -1) column.cells[next] = hidden("suppressed");
    else if (column.total.flag === null) column.total = hidden("suppressed");
    else break;
  }
  return column;
}

/** Several columns (each with its own total), each suppressed on its own. */
export function suppressColumns(columns: readonly (readonly number[])[]): SuppressedColumn[] {
  return columns.map(suppressColumn);
}
