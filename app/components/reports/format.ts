import { formatDate, formatQuarter, translator } from "~/i18n";
import { formatPercent } from "~/i18n/format-more";
import { formatOf, type IndicatorKey } from "~/modules/reports/indicator-keys";
import { type Period, periodTitle } from "~/modules/reports/periods";
import { useI18n } from "~/utils/i18n-react";

import type { Locale } from "../../../db/enums";

/** How a figure reads: counts with thousands separators, VND amounts, shares as percentages, "—" for none. */
export function useFigureFormat() {
  const { t, number, vnd, locale } = useI18n();
  return (key: IndicatorKey, value: number | null): string => {
    if (value === null) return t("reports.table.none");
    switch (formatOf(key)) {
      case "vnd":
        return vnd(value);
      case "share":
        return formatPercent(value, locale === "vi" ? "vi" : "en");
      default:
        return number(value);
    }
  };
}

/**
 * How a period is named for people: "Tháng 12 năm 2025", "Quý IV/2025" (English "Q4 2025"), "Năm 2025"…,
 * or its two dates. The report page, the HCD-12/13 forms (always Vietnamese) and the charts agree.
 */
export function periodName(period: Pick<Period, "from" | "to">, locale: Locale): string {
  const title = periodTitle(period);
  const t = translator(locale);
  switch (title.key) {
    case "reports.form.quarter":
      return formatQuarter(title.vars, locale);
    case "reports.form.range":
      return t(title.key, { from: formatDate(title.vars.from, locale), to: formatDate(title.vars.to, locale) });
    default:
      return t(title.key, title.vars);
  }
}
