import type { Locale } from "../../db/enums";
import { en } from "./en";
import { type MessageKey, vi } from "./vi";

export type { MessageKey };
export {
  formatClock,
  formatDate,
  formatDateTime,
  formatDayTime,
  formatNumber,
  formatPercent,
  formatViDateTime,
  formatVnd,
} from "./format";
export const LOCALES: readonly Locale[] = ["vi", "en"];
export const DEFAULT_LOCALE: Locale = "vi";
export const LOCALE_COOKIE = "ct_lang";

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  // Own keys only: "toString" or "constructor" are on every object's prototype.
  return Object.hasOwn(vi, key);
}

/**
 * Fill a template's {placeholders}. A value that already ends a sentence ("Nguyễn Văn H.", "Co., Ltd.", a
 * reason typed with its own full stop) swallows the template's "." right after it: "Đã xác minh {name}."
 * with "Nguyễn Văn H." reads "Đã xác minh Nguyễn Văn H.", not "…H..".
 */
export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}(\.(?!\.))?/g, (m, name: string, stop: string | undefined) => {
    if (!(name in vars)) return m;
    const value = String(vars[name]);
    return stop && /[.!?…]$/.test(value.trimEnd()) ? value : value + (stop ?? "");
  });
}

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale] ?? vi;
  return (key, vars) => {
    const template = messages[key] ?? vi[key] ?? key;
    return vars ? fillTemplate(template, vars) : template;
  };
}

export function parseLocale(value: string | null | undefined): Locale | undefined {
  return value === "vi" || value === "en" ? value : undefined;
}

/** Locale from our cookie, else Vietnamese: the product is Vietnamese-first whatever the browser says. */
export function localeFromCookie(cookieHeader: string | null): Locale {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(vi|en)`));
  return parseLocale(match?.[1]) ?? DEFAULT_LOCALE;
}

const ROMAN_QUARTERS = ["I", "II", "III", "IV"] as const;

/**
 * A quarter as people write it: "Quý IV/2025" in Vietnamese, "Q4 2025" in English. Takes the stored form
 * ("2025-Q4", as classifications keep it) or the year and the quarter; anything else is returned as is.
 */
export function formatQuarter(value: string | { year: number; quarter: number }, locale: Locale = "vi"): string {
  let year: number;
  let quarter: number;
  if (typeof value === "string") {
    const m = /^(\d{4})-Q([1-4])$/.exec(value);
    if (!m) return value;
    year = Number(m[1]);
    quarter = Number(m[2]);
  } else {
    ({ year, quarter } = value);
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return `${year}`;
  }
  // The wording is the catalogue's ("Quý {quarter}/{year}", "Q{quarter} {year}"); Vietnamese counts in Roman numerals.
  return translator(locale)("reports.form.quarter", {
    quarter: locale === "vi" ? ROMAN_QUARTERS[quarter - 1]! : quarter,
    year,
  });
}
