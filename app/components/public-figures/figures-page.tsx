import { Link } from "@remix-run/react";

import { ChartFigure, type ChartView } from "~/components/reports/charts";
import { TableScroll } from "~/components/table-scroll";
import { formatQuarter } from "~/i18n";
import type { PublishedCell } from "~/modules/public-figures/small-numbers";
import { PUBLIC_INDICATORS } from "~/modules/public-figures/snapshot";
import { useI18n } from "~/utils/i18n-react";

/**
 * The public figures of the country or a province (routes figures._index and figures.$province): what
 * the stored snapshot holds, with every hidden value marked ("< 5", "*") and explained in words. Works
 * without JavaScript (links only) and prints (app.css: .pub-figures-page under @media print).
 */

type Area = { level: "nation" | "province"; code: string; name: string };
type Indicator = (typeof PUBLIC_INDICATORS)[number];
export type FiguresPageView =
  | { published: false; area: Area }
  | {
      published: true;
      area: Area;
      generatedAt: string;
      generatedLabel: string;
      quarters: string[];
      series: Record<Indicator, PublishedCell[]>;
      provinces: { code: string; name: string; cells: Record<Indicator, PublishedCell> }[] | null;
      charts: ChartView[];
    };

/** A published value: the number, or its mark with the words a screen reader says. */
function Cell({ cell }: { cell: PublishedCell }) {
  const { t, number } = useI18n();
  if (cell.flag === null) return <>{number(cell.value)}</>;
  return (
    <>
      <span aria-hidden="true">{t(`figures.cell.${cell.flag}`)}</span>
      <span className="sr-only">{t(`figures.cell.${cell.flag}Long`)}</span>
    </>
  );
}

function FigureTd({ cell }: { cell: PublishedCell }) {
  return (
    <td className="num" data-flag={cell.flag ?? undefined}>
      <Cell cell={cell} />
    </td>
  );
}

function Marks() {
  const { t } = useI18n();
  return (
    <section className="card pub-figures-marks">
      <h2>{t("figures.marks.title")}</h2>
      <ul>
        <li>{t("figures.marks.lt5")}</li>
        <li>{t("figures.marks.suppressed")}</li>
        <li>{t("figures.marks.sum")}</li>
      </ul>
    </section>
  );
}

function ChartCard({ chart }: { chart: ChartView }) {
  const { t } = useI18n();
  return <ChartFigure chart={chart} dataLabel={t("figures.charts.data")} note={chart.desc} />;
}

export function FiguresPage({ page }: { page: FiguresPageView }) {
  const { t, locale } = useI18n();
  const areaName = page.area.level === "nation" ? t("figures.nation") : page.area.name;
  const heading =
    page.area.level === "nation" ? t("figures.title") : t("figures.provinceTitle", { province: page.area.name });
  const provincesTitle = page.published
    ? t("figures.provinces.title", { quarter: formatQuarter(page.quarters[page.quarters.length - 1] ?? "", locale) })
    : "";
  return (
    <div className="pub-figures-page">
      {page.area.level === "province" ? (
        <p className="persons-back no-print">
          <Link to="/figures">{t("figures.backToNation")}</Link>
        </p>
      ) : null}
      <h1>{heading}</h1>
      <p className="lead">{t("figures.lead")}</p>
      {!page.published ? (
        <section className="alert alert--info" role="status">
          <h2>{t("figures.notPublished.title")}</h2>
          <p>{t("figures.notPublished.body")}</p>
        </section>
      ) : (
        <>
          <p className="hint pub-figures-generated">
            <time dateTime={page.generatedAt}>
              {t("figures.generatedAt", { time: page.generatedLabel, count: page.quarters.length })}
            </time>
          </p>
          <Marks />

          <section className="pub-figures-quarters">
            <TableScroll label={t("figures.table.caption", { area: areaName })}>
              <table className="report-table pub-figures-table">
                <caption>{t("figures.table.caption", { area: areaName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("figures.table.quarter")}</th>
                    {PUBLIC_INDICATORS.map((k) => (
                      <th scope="col" className="num" key={k}>
                        {t(`figures.indicator.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.quarters.map((q, qi) => (
                    <tr key={q} data-quarter={q}>
                      <th scope="row">{formatQuarter(q, locale)}</th>
                      {PUBLIC_INDICATORS.map((k) => (
                        <FigureTd key={k} cell={page.series[k][qi]!} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>

          <section className="report-charts">
            <h2>{t("figures.charts.title")}</h2>
            <div className="report-charts__grid pub-figures-charts">
              {page.charts.map((chart) => (
                <ChartCard key={chart.id} chart={chart} />
              ))}
            </div>
          </section>

          {page.provinces ? (
            <section className="pub-figures-provinces">
              <h2 id="pub-figures-provinces-title">{provincesTitle}</h2>
              <p className="hint no-print">{t("figures.provinces.hint")}</p>
              <TableScroll label={provincesTitle}>
                <table className="report-table pub-figures-table pub-figures-table--provinces">
                  <thead>
                    <tr>
                      <th scope="col">{t("figures.table.province")}</th>
                      {PUBLIC_INDICATORS.map((k) => (
                        <th scope="col" className="num" key={k}>
                          {t(`figures.indicator.${k}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {page.provinces.map((p) => (
                      <tr key={p.code} data-province={p.code}>
                        <th scope="row">
                          <Link to={`/figures/${p.code}`}>{p.name}</Link>
                        </th>
                        {PUBLIC_INDICATORS.map((k) => (
                          <FigureTd key={k} cell={p.cells[k]} />
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ) : null}

          <section className="card pub-figures-define">
            <h2>{t("figures.define.title")}</h2>
            <dl>
              {PUBLIC_INDICATORS.map((k) => (
                <div key={k}>
                  <dt>{t(`figures.indicator.${k}`)}</dt>
                  <dd>{t(`figures.define.${k}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
      <section className="card pub-figures-open no-print">
        <h2>{t("figures.download.title")}</h2>
        <p>{t("figures.download.lead")}</p>
        <ul className="list">
          <li>
            <a href="/figures.csv" download>
              {t("figures.download.csv")}
            </a>
          </li>
          <li>
            <a href="/figures.json">{t("figures.download.json")}</a>
          </li>
          <li>
            <a href="/figures/schema.json">{t("figures.download.schema")}</a>
          </li>
        </ul>
      </section>
    </div>
  );
}
