import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

import { formatQuarter, type Translate } from "~/i18n";

import type { Locale } from "../../../db/enums";
import { type Indicators, type MonthlyPoint, SERIES, type Series } from "./indicator-keys";
import { monthsOf } from "./periods";

/**
 * The report's charts, drawn on the server as SVG markup with Vega-Lite (compiled to Vega, rendered
 * headless with the "none" renderer: no DOM, no canvas) and embedded in the page, so they are read
 * without JavaScript. The markup carries only presentation attributes (no style attributes, no scripts)
 * as the CSP requires; each chart has a <title> and <desc> and ships its numbers as a table too.
 * Each chart is drawn twice: wide for a desktop and narrow for a phone (laid out for ~290 px, the width
 * a 360 px screen gives it, so its 13 px texts are not scaled down); the page shows one of them by CSS.
 * Why Vega-Lite: docs/decisions/016-report-indicators.md; why two drawings: 025-reports-on-a-phone.md.
 */

export type ChartTable = { head: string[]; rows: (string | number)[][] };
export type Chart = { id: string; title: string; desc: string; svg: string; svgNarrow: string; table: ChartTable };

/** The narrow drawing's whole width (axes and legend included): a 360 px screen leaves ~290 px in a card. */
export const NARROW_WIDTH = 288;

const INK = "#1b2421";
const LINE = "#d5ddd9";
const SERIES_COLOURS: Record<Series, string> = {
  counselling: "#0b6e4f",
  procedure_help: "#a15c00",
  encouragement_visit: "#5b7fb5",
  placement: "#b42318",
};
const GROUP_COLOURS = ["#0b6e4f", "#5b9a3d", "#d89a1f", "#b42318"];

const VI_NUMBER = { decimal: ",", thousands: ".", grouping: [3], currency: ["", " ₫"] as [string, string] };
const EN_NUMBER = { decimal: ".", thousands: ",", grouping: [3], currency: ["", " VND"] as [string, string] };

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Where a long period's months are grouped: by quarter past two years ("Quý IV/2025"), by year past six. */
function bucketOf(months: string[], t: Translate, locale: Locale): (month: string) => string {
  if (months.length <= 24) return (m) => t("reports.chart.month", { month: m.slice(5, 7), year: m.slice(0, 4) });
  if (months.length <= 72)
    return (m) => formatQuarter({ year: Number(m.slice(0, 4)), quarter: Math.ceil(Number(m.slice(5, 7)) / 3) }, locale);
  return (m) => m.slice(0, 4);
}

export type Size = "wide" | "narrow";

/** Text sizes in SVG units: 12 on a desktop (drawn 1:1 or larger), 13 on a phone (drawn 1:1 at 360 px). */
export function configOf(size: Size) {
  const fontSize = size === "wide" ? 12 : 13;
  return {
    background: "#ffffff",
    font: "system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
    view: { stroke: null },
    axis: {
      labelColor: INK,
      titleColor: INK,
      gridColor: LINE,
      domainColor: LINE,
      tickColor: LINE,
      labelFontSize: fontSize,
      titleFontSize: fontSize,
      aria: false,
    },
    legend: {
      labelColor: INK,
      titleColor: INK,
      labelFontSize: fontSize,
      labelLimit: size === "wide" ? 240 : NARROW_WIDTH - 40,
      orient: "bottom" as const,
      direction: "horizontal" as const,
      columns: size === "wide" ? 2 : 1,
      aria: false,
    },
    mark: { aria: false },
    title: { color: INK, fontSize: 13, anchor: "start" as const, aria: false },
  };
}

/** The narrow drawing fits its whole width, axes included, into NARROW_WIDTH. */
export const narrowFit = { width: NARROW_WIDTH, autosize: { type: "fit-x" as const, contains: "padding" as const } };

export async function render(spec: TopLevelSpec, locale: Locale, title: string, desc: string): Promise<string> {
  const localised = {
    ...spec,
    config: { ...spec.config, locale: { number: locale === "vi" ? VI_NUMBER : EN_NUMBER } },
  } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(localised).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    // Our own accessible name replaces Vega's generated (English) descriptions.
    const bare = svg.replace(/ (?:aria-[a-z]+|role)="[^"]*"/g, "");
    const head = `<title>${escapeXml(title)}</title><desc>${escapeXml(desc)}</desc>`;
    return bare.replace(/^<svg([^>]*)>/, (_m, attrs: string) => `<svg${attrs} role="img" focusable="false">${head}`);
  } finally {
    view.finalize();
  }
}

export type ChartInput = { indicators: Indicators; monthly: MonthlyPoint[]; from: string; to: string };

/** The support and placements per month (or quarter, or year) of the period. */
async function supportChart(input: ChartInput, t: Translate, locale: Locale): Promise<Chart> {
  const months = monthsOf(input.from, input.to);
  const bucket = bucketOf(months, t, locale);
  const buckets = [...new Set(months.map(bucket))];
  const label = (s: Series) => t(`reports.series.${s}`);
  const counts = new Map<string, number>();
  for (const p of input.monthly)
    counts.set(`${bucket(p.month)}|${p.series}`, (counts.get(`${bucket(p.month)}|${p.series}`) ?? 0) + p.count);
  const values = buckets.flatMap((b) =>
    SERIES.map((s) => ({ bucket: b, series: label(s), count: counts.get(`${b}|${s}`) ?? 0 })),
  );
  const title = t("reports.chart.support.title");
  const totals = SERIES.map(
    (s) => `${label(s)}: ${values.filter((v) => v.series === label(s)).reduce((n, v) => n + v.count, 0)}`,
  ).join("; ");
  const desc = t("reports.chart.support.desc", { totals });
  const seriesLabels = SERIES.map(label);
  const color = {
    field: "series",
    title: null,
    sort: seriesLabels,
    scale: { domain: seriesLabels, range: SERIES.map((s) => SERIES_COLOURS[s]) },
  };
  const count = {
    field: "count",
    type: "quantitative",
    title: t("reports.chart.count"),
    axis: { format: ",d", tickMinStep: 1 },
  } as const;
  // Wide: columns along the time axis. Narrow: the periods down the page, bars across, so every label
  // stays horizontal and readable however long the period.
  const [svg, svgNarrow] = await Promise.all([
    render(
      {
        width: Math.max(280, Math.min(560, buckets.length * 48)),
        height: 200,
        data: { values },
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "bucket",
            type: "ordinal",
            sort: buckets,
            title: null,
            axis: { labelAngle: buckets.length > 8 ? -45 : 0 },
          },
          xOffset: { field: "series", sort: seriesLabels },
          y: count,
          color,
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
        height: Math.max(88, buckets.length * 44),
        data: { values },
        mark: { type: "bar" },
        encoding: {
          y: { field: "bucket", type: "ordinal", sort: buckets, title: null },
          yOffset: { field: "series", sort: seriesLabels },
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
  const table: ChartTable = {
    head: [t("reports.chart.period"), ...seriesLabels],
    rows: buckets.map((b) => [b, ...SERIES.map((s) => counts.get(`${b}|${s}`) ?? 0)]),
  };
  return { id: "support", title, desc, svg, svgNarrow, table };
}

/** Both drawings of a simple chart: the same encoding, wide at `width` or narrow at the phone's width. */
function bothSizes(
  spec: Record<string, unknown>,
  width: number,
  locale: Locale,
  title: string,
  desc: string,
): Promise<[string, string]> {
  return Promise.all([
    render({ ...spec, width, config: configOf("wide") } as TopLevelSpec, locale, title, desc),
    render({ ...spec, ...narrowFit, config: configOf("narrow") } as TopLevelSpec, locale, title, desc),
  ]);
}

/** Groups A–D among the persons resident at the end of the period. */
async function groupsChart(input: ChartInput, t: Translate, locale: Locale): Promise<Chart> {
  const groups = (["A", "B", "C", "D"] as const).map((g) => ({
    group: t(`reports.chart.group`, { group: g }),
    count: input.indicators[`group${g}`],
  }));
  const title = t("reports.chart.groups.title");
  const desc = t("reports.chart.groups.desc", { list: groups.map((g) => `${g.group}: ${g.count}`).join("; ") });
  const [svg, svgNarrow] = await bothSizes(
    {
      height: 180,
      data: { values: groups },
      mark: { type: "bar" },
      encoding: {
        x: { field: "group", type: "nominal", sort: null, title: null, axis: { labelAngle: 0 } },
        y: {
          field: "count",
          type: "quantitative",
          title: t("reports.chart.persons"),
          axis: { format: ",d", tickMinStep: 1 },
        },
        color: { field: "group", legend: null, sort: null, scale: { range: GROUP_COLOURS } },
      },
    },
    280,
    locale,
    title,
    desc,
  );
  return {
    id: "groups",
    title,
    desc,
    svg,
    svgNarrow,
    table: {
      head: [t("reports.chart.groupHead"), t("reports.chart.persons")],
      rows: groups.map((g) => [g.group, g.count]),
    },
  };
}

/** Employment of the persons resident at the end of the period: stable, unstable, without a job. */
async function employmentChart(input: ChartInput, t: Translate, locale: Locale): Promise<Chart> {
  const i = input.indicators;
  const rows = [
    { state: t("reports.chart.employment.stable"), count: i.employedStable },
    { state: t("reports.chart.employment.unstable"), count: i.employedUnstable },
    {
      state: t("reports.chart.employment.none"),
      count: Math.max(0, i.residentNow - i.employedStable - i.employedUnstable),
    },
  ];
  const title = t("reports.chart.employment.title");
  const desc = t("reports.chart.employment.desc", { list: rows.map((r) => `${r.state}: ${r.count}`).join("; ") });
  const [svg, svgNarrow] = await bothSizes(
    {
      height: 120,
      data: { values: rows },
      mark: { type: "bar" },
      encoding: {
        y: { field: "state", type: "nominal", sort: null, title: null },
        x: {
          field: "count",
          type: "quantitative",
          title: t("reports.chart.persons"),
          axis: { format: ",d", tickMinStep: 1, tickCount: 4 },
        },
        color: { field: "state", legend: null, sort: null, scale: { range: ["#0b6e4f", "#d89a1f", "#9aa7a1"] } },
      },
    },
    280,
    locale,
    title,
    desc,
  );
  return {
    id: "employment",
    title,
    desc,
    svg,
    svgNarrow,
    table: {
      head: [t("reports.chart.employment.head"), t("reports.chart.persons")],
      rows: rows.map((r) => [r.state, r.count]),
    },
  };
}

export async function renderReportCharts(input: ChartInput, t: Translate, locale: Locale): Promise<Chart[]> {
  return Promise.all([
    supportChart(input, t, locale),
    groupsChart(input, t, locale),
    employmentChart(input, t, locale),
  ]);
}
