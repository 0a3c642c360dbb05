import { formatDateTime } from "~/i18n/format-more";
import { getProvince } from "~/modules/admin-units/admin-units.server";
import type { Chart } from "~/modules/reports/charts.server";

import type { Locale } from "../../../db/enums";
import { figuresCharts } from "./charts.server";
import { loadPublishedFigures } from "./publish.server";
import type { PublishedCell } from "./small-numbers";
import type { PublicIndicator, PublishedArea } from "./snapshot";

/**
 * What the public figures pages show, read from the stored snapshot only (publish.server.ts): the
 * country, or one province, by quarter; for the country, the provinces of the latest quarter too.
 */

export type FiguresArea = { level: "nation" | "province"; code: string; name: string };
export type ProvinceRow = { code: string; name: string; cells: Record<PublicIndicator, PublishedCell> };
export type FiguresPage =
  | { published: false; area: FiguresArea }
  | {
      published: true;
      area: FiguresArea;
      generatedAt: string;
      /** "21/11/2026 14:05", Vietnam time. */
      generatedLabel: string;
      quarters: string[];
      series: Record<PublicIndicator, PublishedCell[]>;
      /** The country's page: every province in the latest quarter, by name. */
      provinces: ProvinceRow[] | null;
      charts: Chart[];
    };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");

/**
 * The page of the country (`provinceCode` null) or of a province; null when the province does not exist
 * (the route answers the standard 404).
 */
export async function figuresPage(provinceCode: string | null, locale: Locale): Promise<FiguresPage | null> {
  let area: FiguresArea = { level: "nation", code: "", name: "" };
  if (provinceCode !== null) {
    const province = /^[0-9]{2}$/.test(provinceCode) ? await getProvince(provinceCode) : undefined;
    if (!province) return null;
    area = { level: "province", code: province.code, name: province.name };
  }
  const snapshot = await loadPublishedFigures();
  const published: PublishedArea | undefined = snapshot?.figures.areas.find(
    (a) => a.level === area.level && a.code === area.code,
  );
  if (!snapshot || !published) return { published: false, area };
  const { figures } = snapshot;
  const latest = figures.quarters.length - 1;
  const provinces =
    area.level === "nation"
      ? figures.areas
          .filter((a) => a.level === "province")
          .map((a) => ({
            code: a.code,
            name: a.name,
            cells: Object.fromEntries(
              figures.indicators.map((k) => [k, a.figures[k][latest]!]),
            ) as ProvinceRow["cells"],
          }))
          .sort(byName)
      : null;
  return {
    published: true,
    area,
    generatedAt: figures.generatedAt,
    generatedLabel: formatDateTime(figures.generatedAt),
    quarters: figures.quarters.map((q) => q.id),
    series: published.figures,
    provinces,
    charts: await figuresCharts(figures, published, locale),
  };
}
