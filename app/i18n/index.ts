import type { Locale } from "../../db/enums";
import { ALL_MESSAGES } from "./all.server";
import type { MessageKey } from "./vi";

export type { MessageKey };
export { formatDate, formatNumber, formatVnd } from "./format";
export const LOCALES: readonly Locale[] = ["vi", "en"];
export const DEFAULT_LOCALE: Locale = "vi";
export const LOCALE_COOKIE = "ct_lang";

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

type Messages = Partial<Record<string, string>>;

/**
 * The strings this process can translate. On the server, both languages' whole catalogues (all.server.ts).
 * In the browser that module is empty (the classic compiler empties `.server` modules there), and the
 * catalogue fills area by area as pages load them (client.ts, decision 035).
 */
const available = ALL_MESSAGES as Partial<typeof ALL_MESSAGES> | undefined;
const messages: Record<Locale, Messages> = available?.vi ? { vi: available.vi, en: available.en! } : { vi: {}, en: {} };
/** True on the server and in tests: every key is there, nothing is ever loaded. */
export const HAS_ALL_MESSAGES = !!available?.vi;

/** Add an area's strings (the browser, once its chunk has arrived). */
export function addMessages(locale: Locale, strings: Readonly<Record<string, string>>): void {
  Object.assign(messages[locale], strings);
}

const reported = new Set<string>();

/**
 * A key asked for in the browser whose area the page did not load: a defect in app/i18n/route-areas.ts.
 * It is said loudly (the browser crawl fails on console errors) and shown as the key, never silently.
 */
function missing(locale: Locale, key: string): string {
  if (HAS_ALL_MESSAGES) return key; // not a key at all: shown as given, as always
  if (!reported.has(`${locale}:${key}`)) {
    reported.add(`${locale}:${key}`);
    console.error(
      `i18n: "${key}" is not loaded in "${locale}": add its area to this page's routes in app/i18n/route-areas.ts`,
    );
  }
  return key;
}

export function isMessageKey(key: string): key is MessageKey {
  // Own keys only: "toString" or "constructor" are on every object's prototype. In the browser, the keys
  // of the areas loaded so far (a page loads the areas of the keys it may be given).
  return Object.hasOwn(messages.vi, key) || Object.hasOwn(messages.en, key);
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
  const own = messages[locale] ?? messages.vi;
  return (key, vars) => {
    const template = own[key] ?? messages.vi[key] ?? missing(locale, key);
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
