/**
 * Dates, money and numbers for readers in both languages. The one place that formats with Intl.
 */
import type { Locale } from "../../db/enums";

const INTL: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

/** dd/MM/yyyy in both languages, in Vietnam's time zone. */
export function formatDate(value: Date | string | null | undefined, locale: Locale = "vi"): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(INTL[locale], {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(date);
}

/** "5.500.000 ₫" for Vietnamese readers, "5,500,000 VND" in English. */
export function formatVnd(amount: number, locale: Locale = "vi"): string {
  if (locale === "vi") {
    return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 }).format(amount)} ₫`;
  }
  return `${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }).format(amount)} VND`;
}

export function formatNumber(value: number, locale: Locale = "vi"): string {
  return new Intl.NumberFormat(INTL[locale]).format(value);
}
