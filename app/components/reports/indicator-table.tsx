import { Link } from "@remix-run/react";

import { TableScroll } from "~/components/table-scroll";
import { COMMUNE_TABLE_KEYS, type HeadlineKey, type Indicators, numberedLines } from "~/modules/reports/indicator-keys";
import { useI18n } from "~/utils/i18n-react";

import { useFigureFormat } from "./format";

/** The numbered indicator table, in the order of the HCD-12/13 forms. */
export function IndicatorTable({ indicators, caption }: { indicators: Indicators; caption: string }) {
  const { t } = useI18n();
  const format = useFigureFormat();
  return (
    <TableScroll label={caption}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.table.number")}</th>
            <th scope="col">{t("reports.table.indicator")}</th>
            <th scope="col" className="num">
              {t("reports.table.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {numberedLines().map((line) =>
            line.kind === "section" ? (
              <tr key={line.id} className="report-table__section">
                <th scope="rowgroup">{line.number}</th>
                <th scope="rowgroup" colSpan={2}>
                  {t(`reports.section.${line.id}`)}
                </th>
              </tr>
            ) : (
              <tr key={line.key} className={line.sub ? "report-table__sub" : undefined} data-indicator={line.key}>
                <td>{line.number}</td>
                <th scope="row">{t(`reports.indicator.${line.key}`)}</th>
                <td className="num">{format(line.key, indicators[line.key])}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

export type CommuneRow = { code: string; name: string; indicators: Indicators };

/**
 * The province's drill-down: one row per commune with figures, the name linking to that commune's own
 * report and staying in view (sticky) while the figures scroll sideways inside the table's own box. The
 * communes with nothing to show are folded into a <details> (works without JavaScript) as a list of links.
 */
export function CommuneTable({ rows, total, linkQuery }: { rows: CommuneRow[]; total: Indicators; linkQuery: string }) {
  const { t } = useI18n();
  const format = useFigureFormat();
  const href = (code: string) => `/officer/reports?${linkQuery}${linkQuery ? "&" : ""}commune=${code}`;
  const active = rows.filter((r) => hasFigures(r.indicators));
  const empty = rows.filter((r) => !hasFigures(r.indicators));
  return (
    <>
      <p className="hint report-communes__scroll no-print">{t("reports.byCommune.scrollHint")}</p>
      <div
        className="table-scroll report-communes__scroll-box"
        tabIndex={0}
        role="region"
        aria-labelledby="report-communes-caption"
      >
        <table className="report-table report-table--communes">
          <caption id="report-communes-caption">{t("reports.byCommune.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.byCommune.commune")}</th>
              {COMMUNE_TABLE_KEYS.map((k) => (
                <th scope="col" key={k} className="num">
                  {t(`reports.indicator.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {active.map((row) => (
              <tr key={row.code} data-commune={row.code}>
                <th scope="row">
                  <Link to={href(row.code)}>{row.name}</Link>
                </th>
                {COMMUNE_TABLE_KEYS.map((k) => (
                  <td key={k} className="num">
                    {format(k, row.indicators[k])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("reports.byCommune.total")}</th>
              {COMMUNE_TABLE_KEYS.map((k) => (
                <td key={k} className="num">
                  {format(k, total[k])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {empty.length ? (
        <details className="report-communes__empty">
          <summary>{t("reports.byCommune.empty", { count: empty.length })}</summary>
          <p className="hint">{t("reports.byCommune.emptyHint")}</p>
          <ul className="report-communes__empty-list">
            {empty.map((row) => (
              <li key={row.code} data-commune-empty={row.code}>
                <Link to={href(row.code)}>{row.name}</Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** Whether a commune has anything to show: a count above 0 or a share computed. */
export function hasFigures(indicators: Indicators): boolean {
  return Object.values(indicators).some((v) => v !== null && v !== 0);
}

/**
 * The headline figures as cards, first on the page (two to a row on a phone, one row on a desktop): the
 * value in large type, what it counts, and a line of context from the neighbouring indicators.
 */
export function IndicatorCards({ indicators }: { indicators: Indicators }) {
  const { t, vnd, number } = useI18n();
  const format = useFigureFormat();
  const i = indicators;
  const cards: { key: HeadlineKey; hint: string }[] = [
    { key: "residentNow", hint: t("reports.card.residentNow.hint", { notExpunged: number(i.notExpunged) }) },
    { key: "received", hint: t("reports.card.received.hint") },
    { key: "placed", hint: t("reports.card.placed.hint", { persons: number(i.placedPersons) }) },
    {
      key: "referredToTraining",
      hint: t("reports.card.referredToTraining.hint", { completed: number(i.trainingCompleted) }),
    },
    { key: "employedStable", hint: t("reports.card.employedStable.hint", { unstable: number(i.employedUnstable) }) },
    {
      key: "stillEmployed12m",
      hint: t("reports.card.stillEmployed12m.hint", {
        count: number(i.stillEmployed12mCount),
        total: number(i.followUps12m),
      }),
    },
    { key: "loans", hint: t("reports.card.loans.hint", { amount: vnd(i.loanAmount) }) },
    {
      key: "reoffended",
      hint: t("reports.card.reoffended.hint", { rate: format("reoffendingRate", i.reoffendingRate) }),
    },
  ];
  return (
    <section className="report-cards" aria-labelledby="report-cards-title">
      <h2 id="report-cards-title">{t("reports.cards.title")}</h2>
      <ul className="report-cards__list">
        {cards.map(({ key, hint }) => (
          <li key={key} className="report-card" data-card={key}>
            <span className="report-card__label">{t(`reports.card.${key}`)}</span>
            <strong className="report-card__value">{format(key, i[key])}</strong>
            <span className="report-card__hint">{hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
