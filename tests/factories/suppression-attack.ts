/**
 * An attacker on the published figures, written without app/modules/public-figures/suppression.ts (it
 * imports nothing of the app): it reads the published JSON as any outsider would and, for every equation
 * the figures promise (for each indicator and quarter: the country = the sum of the provinces), works out
 * the feasible range of every hidden value from what is published:
 * - a shown cell is its value;
 * - "lt5" is 0, 1, 2, 3 or 4;
 * - "suppressed" is at least 5 (and at most the total, which the equation implies).
 *
 * Written as the general equation Σ a_k·x_k = 0 with a_k = +1 for a province and -1 for the country: for
 * each hidden x_j, a_j·x_j = -Σ_{k≠j} a_k·x_k, and the extremes of the right side are taken term by term
 * (each term independent within its box). With coefficients ±1 the extremes are reached by whole numbers,
 * so a range of one number means the value is worked out exactly: a disclosure. Used by the unit and
 * integration tests and by the national benchmark (`recoverCells`).
 */

export type AttackCell = { value: number | null; flag: string | null };
export type AttackArea = { level: string; code: string; name?: string; figures: Record<string, AttackCell[]> };
export type AttackInput = {
  quarters: { id: string }[];
  indicators: string[];
  smallNumber?: number;
  areas: AttackArea[];
};

export type Recovered = {
  indicator: string;
  quarter: string;
  /** '' for the country. */
  area: string;
  flag: string;
  value: number;
};

type Term = { coefficient: 1 | -1; min: number; max: number; hidden: boolean; area: string; flag: string };

function boxOf(cell: AttackCell, small: number): { min: number; max: number } {
  if (cell.value !== null && cell.value !== undefined) return { min: cell.value, max: cell.value };
  if (cell.flag === "lt5") return { min: 0, max: small - 1 };
  if (cell.flag === "suppressed") return { min: small, max: Number.POSITIVE_INFINITY };
  throw new Error(`a hidden cell without a known flag: ${JSON.stringify(cell)}`);
}

/** The range of Σ coefficient·x over the terms, each x anywhere in its box. */
function rangeOfSum(terms: Term[]): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (const t of terms) {
    if (t.coefficient === 1) {
      low += t.min;
      high += t.max;
    } else {
      low -= t.max;
      high -= t.min;
    }
  }
  return { low, high };
}

/** Every range of one equation's hidden values, in the order of `terms`. */
export function attackEquation(terms: Term[]): { term: Term; min: number; max: number }[] {
  const out: { term: Term; min: number; max: number }[] = [];
  terms.forEach((term, j) => {
    if (!term.hidden) return;
    const others = terms.filter((_, k) => k !== j);
    const { low, high } = rangeOfSum(others);
    // a_j·x_j = -(Σ others) ∈ [-high, -low]; divide by a_j = ±1.
    const [lo, hi] = term.coefficient === 1 ? [-high, -low] : [low, high];
    out.push({ term, min: Math.max(term.min, lo), max: Math.min(term.max, hi) });
  });
  return out;
}

/** Every hidden cell of the published figures that the published figures pin to one number. */
export function recoverCells(json: unknown): Recovered[] {
  const data = json as AttackInput;
  const small = data.smallNumber ?? 5;
  const nation = data.areas.find((a) => a.level === "nation");
  const provinces = data.areas.filter((a) => a.level === "province");
  if (!nation) throw new Error("no country in the published figures");
  const recovered: Recovered[] = [];
  for (const indicator of data.indicators) {
    data.quarters.forEach((quarter, qi) => {
      const terms: Term[] = [nation, ...provinces].map((area) => {
        const cell = area.figures[indicator]![qi]!;
        return {
          coefficient: area.level === "nation" ? -1 : 1,
          ...boxOf(cell, small),
          hidden: cell.value === null,
          area: area.code,
          flag: cell.flag ?? "",
        };
      });
      for (const { term, min, max } of attackEquation(terms)) {
        if (min > max) throw new Error(`inconsistent figures: ${indicator} ${quarter.id} ${term.area}`);
        if (min === max)
          recovered.push({ indicator, quarter: quarter.id, area: term.area, flag: term.flag, value: min });
      }
    });
  }
  return recovered;
}

/** The published cells whose value is shown although it is below the small number (must be none). */
export function smallShownCells(json: unknown): { indicator: string; quarter: string; area: string; value: number }[] {
  const data = json as AttackInput;
  const small = data.smallNumber ?? 5;
  const out: { indicator: string; quarter: string; area: string; value: number }[] = [];
  for (const area of data.areas) {
    for (const indicator of data.indicators) {
      data.quarters.forEach((quarter, qi) => {
        const value = area.figures[indicator]![qi]!.value;
        if (value !== null && value < small) out.push({ indicator, quarter: quarter.id, area: area.code, value });
      });
    }
  }
  return out;
}
