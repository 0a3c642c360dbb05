import { foldText } from "~/utils/text";

import { queryTokens } from "./filters";

/**
 * What counts as a match for a short word with a typo (pure, unit-tested; docs/decisions/026).
 *
 * Meilisearch and the PostgreSQL fallback forgive one typo only in words of 4 letters or more: Vietnamese
 * syllables of 3 letters lie one letter apart by the hundred once accents are folded ("phi", "phu", "chi",
 * "may", "mai"), so forgiving them everywhere would turn "phi công" into "phụ … công". A 3-letter word is
 * corrected only when a listing has a word one letter away from it standing right next to the query's
 * neighbouring word, in the same order: "sua xe mai" → "sua xe máy" because a title reads "… xe máy".
 */

/** True when b is a and one edit (substitution, insertion, deletion, swap of neighbours) after its first letter. */
export function oneEditAfterFirst(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/** Words that may carry an uncorrected typo: 3 letters, not digits (Meilisearch's floor is 4). */
export const isShortWord = (word: string) => foldText(word).length === 3 && !/^\d+$/.test(word);

/**
 * The query with its `index`-th word replaced by a listing's word one letter away, when that word stands
 * beside the query's neighbouring words in one of the texts (titles, trades, skills…). Undefined otherwise.
 */
export function correctShortWord(query: string, index: number, texts: readonly string[]): string | undefined {
  const words = queryTokens(query);
  const target = foldText(words[index] ?? "");
  if (target.length !== 3 || words.length < 2) return undefined;
  const before = index > 0 ? foldText(words[index - 1]) : undefined;
  const after = index < words.length - 1 ? foldText(words[index + 1]) : undefined;
  const afterIsLast = index + 1 === words.length - 1;
  for (const text of texts) {
    const original = text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
    const folded = original.map(foldText);
    for (let j = 0; j < folded.length; j++) {
      if (!oneEditAfterFirst(target, folded[j])) continue;
      if (before !== undefined && folded[j - 1] !== before) continue;
      // The query's last word is matched as a prefix, as Meilisearch does.
      if (after !== undefined && !(afterIsLast ? folded[j + 1]?.startsWith(after) : folded[j + 1] === after)) continue;
      return words.map((w, k) => (k === index ? original[j].toLowerCase() : w)).join(" ");
    }
  }
  return undefined;
}

/**
 * Try the query's short words (at most `maxTries`): fetch, in one batch, the listings that match the other
 * words of each (strictly), and look in their texts for a correction.
 */
export async function correctQuery(
  query: string,
  textsMatching: (otherWords: string[]) => Promise<string[][]>,
  maxTries = 2,
): Promise<string | undefined> {
  const words = queryTokens(query);
  if (words.length < 2) return undefined;
  const tries = words.flatMap((w, i) => (isShortWord(w) ? [i] : [])).slice(0, maxTries);
  if (tries.length === 0) return undefined;
  const texts = await textsMatching(tries.map((i) => words.filter((_, k) => k !== i).join(" ")));
  for (const [n, i] of tries.entries()) {
    const corrected = correctShortWord(query, i, texts[n] ?? []);
    if (corrected) return corrected;
  }
  return undefined;
}
