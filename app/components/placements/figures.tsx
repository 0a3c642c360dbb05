import { TableScroll } from "~/components/table-scroll";
import { FIGURE_KEYS, type FigureKey, figureLabel, type Figures } from "~/modules/reports/indicator-keys";
import { useI18n } from "~/utils/i18n-react";

/** The few figures the officer's home shows at a glance. */
const COMPACT: readonly FigureKey[] = ["personsActive", "referralsOpen", "employedNow", "outcomeStable"];

export function FiguresBlock({ figures }: { figures: Figures }) {
  const { t, number } = useI18n();
  return (
    <dl className="figures-block">
      {COMPACT.map((k) => (
        <div key={k} data-figure={k}>
          <dt>{t(figureLabel(k))}</dt>
          <dd className="stat">{number(figures[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every figure of the reach as a two-column table (works on a phone). */
export function FiguresTable({ figures, caption }: { figures: Figures; caption: string }) {
  const { t, number } = useI18n();
  return (
    <table className="figures-table">
      <caption>{caption}</caption>
      <tbody>
        {FIGURE_KEYS.map((k) => (
          <tr key={k} data-figure={k}>
            <th scope="row">{t(figureLabel(k))}</th>
            <td>{number(figures[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A few key figures per commune (a provincial admin's view of the province). */
const PER_COMMUNE: readonly FigureKey[] = [
  "personsActive",
  "referralsTotal",
  "placementsStarted",
  "employedNow",
  "followUpsOverdue",
  "outcomeStable",
];

export function FiguresByCommune({ rows }: { rows: { code: string; name: string; figures: Figures }[] }) {
  const { t, number } = useI18n();
  return (
    <TableScroll label={t("outcomes.figures.byCommune")}>
      <table className="figures-table figures-table--communes">
        <caption>{t("outcomes.figures.byCommune")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("outcomes.figures.commune")}</th>
            {PER_COMMUNE.map((k) => (
              <th key={k} scope="col">
                {t(figureLabel(k))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              {PER_COMMUNE.map((k) => (
                <td key={k}>{number(r.figures[k])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
