/**
 * The small-number rule of everything published outside the app's logged-in pages (issue 16): a count
 * below SMALL_NUMBER is never shown, only "< 5", because a handful of people in a commune or at one shop
 * can be recognised by their neighbours. Client-safe (pure).
 *
 * A published cell is its value, or null with a flag saying why it is hidden:
 * - "lt5": the count is below 5 (primary suppression);
 * - "suppressed": the count is 5 or more but hidden so a hidden small count cannot be worked out from a
 *   total and the other cells (secondary suppression, app/modules/public-figures/suppression.ts).
 */
export const SMALL_NUMBER = 5;

export type CellFlag = "lt5" | "suppressed";
export type PublishedCell = { value: number; flag: null } | { value: null; flag: CellFlag };

/** A count on its own (no total published beside it): hidden below SMALL_NUMBER. */
export function publishCount(count: number): PublishedCell {
  return count < SMALL_NUMBER ? { value: null, flag: "lt5" } : { value: count, flag: null };
}
