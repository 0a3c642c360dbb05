import { formatOf, type IndicatorKey } from "../../modules/reports/indicator-keys";
import { useI18n } from "../../utils/i18n-react";

/** How a figure reads: counts with thousands separators, VND amounts, shares as percentages, "—" for none. */
export function useFigureFormat() {
  const { t, number, vnd, locale } = useI18n();
  return (key: IndicatorKey, value: number | null): string => {
    if (value === null) return t("reports.table.none");
    switch (formatOf(key)) {
      case "vnd":
        return vnd(value);
      case "share":
        return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(value);
      default:
        return number(value);
    }
  };
}
