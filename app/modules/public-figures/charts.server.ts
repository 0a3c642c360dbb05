import type { TopLevelSpec } from "vega-lite";

import { formatQuarter, type Translate, translator } from "~/i18n";
import { type Chart, configOf, narrowFit, render } from "~/modules/reports/charts.server";

import type { Locale } from "../../../db/enums";
import type { PublishedCell } from "./small-numbers";
import type { PublicIndicator, PublishedArea, PublishedFigures } from "./snapshot";

/**
 * The public figures' charts, drawn like the reports' (app/modules/reports/charts.server.ts: Vega-Lite to
 * SVG on the server, a wide and a narrow drawing, the numbers as a table): grouped bars by quarter. A
 * hidden value ("< 5" or "*") has no bar, and the chart says which are missing. Drawn once per snapshot,
 * area and language, and kept in memory until the next snapshot: a visitor never waits for Vega.
 */

const GROUPS: {
  id: string;
  title: "figures.chart.people.title" | "figures.chart.partners.title";
  keys: PublicIndicator[];
}[] = [
  {
    id: "people",
    title: "figures.chart.people.title",
    keys: ["personsSupported", "placedInJobs", "inTraining", "stableAfter12Months"],
  },
  { id: "partners", title: "figures.chart.partners.title", keys: ["employersTakingPart", "coursesOffered"] },
];
const COLOURS = ["#0b6e4f", "#a15c00", "#5b7fb5", "#b42318"];

/** How a cell reads in a chart's table and its text: the number, "< 5" or "*". */
export function cellText(cell: PublishedCell, t: Translate): string | number {
  if (cell.flag === null) return cell.value;
  return cell.flag === "lt5" ? t("figures.cell.lt5") : t("figures.cell.suppressed");
}

async function groupChart(
  figures: PublishedFigures,
  area: PublishedArea,
  group: (typeof GROUPS)[number],
  locale: Locale,
): Promise<Chart> {
  const t = translator(locale);
  const quarters = figures.quarters.map((q) => formatQuarter(q.id, locale));
  const labels = group.keys.map((k) => t(`figures.indicator.${k}`));
  const values: { quarter: string; series: string; count: number }[] = [];
  const hidden: string[] = [];
  group.keys.forEach((key, si) => {
    area.figures[key].forEach((cell, qi) => {
      if (cell.value !== null) values.push({ quarter: quarters[qi]!, series: labels[si]!, count: cell.value });
      else hidden.push(`${labels[si]} ${quarters[qi]} (${cellText(cell, t)})`);
    });
  });
  const title = t(group.title);
  const areaName = area.level === "nation" ? t("figures.nation") : area.name;
  const list = group.keys
    .map(
      (key, si) => `${labels[si]}: ${area.figures[key].map((c, qi) => `${quarters[qi]} ${cellText(c, t)}`).join(", ")}`,
    )
    .join("; ");
  const note =
    values.length === 0
      ? t("figures.chart.allHidden")
      : hidden.length
        ? t("figures.chart.hidden", { list: hidden.join("; ") })
        : t("figures.chart.noneHidden");
  const desc = `${t("figures.chart.desc", { area: areaName, list })} ${note}`;
  const color = { field: "series", title: null, sort: labels, scale: { domain: labels, range: COLOURS } };
  const count = {
    field: "count",
    type: "quantitative",
    title: t("figures.chart.count"),
    axis: { format: ",d", tickMinStep: 1 },
    scale: { domainMin: 0 },
  } as const;
  const [svg, svgNarrow] = await Promise.all([
    render(
      {
        width: Math.max(280, Math.min(560, quarters.length * 60)),
        height: 200,
        data: { values },
        mark: { type: "bar" },
        encoding: {
          x: { field: "quarter", type: "ordinal", sort: quarters, scale: { domain: quarters }, title: null },
          xOffset: { field: "series", sort: labels, scale: { domain: labels } },
          y: count,
          // One label a line: the indicators' names are long.
          color: { ...color, legend: { columns: 1, labelLimit: 480 } },
        },
        config: configOf("wide"),
      } as TopLevelSpec,
      locale,
      title,
      desc,
    ),
    render(
      {
        ...narrowFit,
        height: Math.max(88, quarters.length * 14 * group.keys.length + 40),
        data: { values },
        mark: { type: "bar" },
        encoding: {
          y: { field: "quarter", type: "ordinal", sort: quarters, scale: { domain: quarters }, title: null },
          yOffset: { field: "series", sort: labels, scale: { domain: labels } },
          x: { ...count, axis: { ...count.axis, tickCount: 4 } },
          color,
        },
        config: configOf("narrow"),
      } as TopLevelSpec,
      locale,
      title,
      desc,
    ),
  ]);
  return {
    id: group.id,
    title,
    desc: note,
    svg,
    svgNarrow,
    table: {
      head: [t("figures.table.quarter"), ...labels],
      rows: quarters.map((q, qi) => [q, ...group.keys.map((k) => cellText(area.figures[k][qi]!, t))]),
    },
  };
}

let drawnFor = "";
const drawn = new Map<string, Promise<Chart[]>>();

/** The charts of one area of a snapshot, drawn once per snapshot and language. */
export function figuresCharts(figures: PublishedFigures, area: PublishedArea, locale: Locale): Promise<Chart[]> {
  if (drawnFor !== figures.generatedAt) {
    drawn.clear();
    drawnFor = figures.generatedAt;
  }
  const key = `${area.code}|${locale}`;
  let charts = drawn.get(key);
  if (!charts) {
    charts = Promise.all(GROUPS.map((g) => groupChart(figures, area, g, locale)));
    drawn.set(key, charts);
    charts.catch(() => drawn.delete(key));
  }
  return charts;
}
