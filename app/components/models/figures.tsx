import { Form } from "@remix-run/react";

import type { ModelFigureKey } from "~/modules/models/figures.server";
import { useI18n } from "~/utils/i18n-react";

export type ModelFigure = { key: ModelFigureKey; value: number | null; format: "count" | "vnd" };

/** The model's activity figures over a period (GET form: works without JavaScript; the URL can be shared). */
export function ModelFigures({
  figures,
  period,
}: {
  figures: ModelFigure[];
  period: { from: string; to: string; adjusted: boolean };
}) {
  const { t, number, vnd, date } = useI18n();
  return (
    <section className="panel model-figures" id="figures" aria-labelledby="figures-title">
      <h2 id="figures-title">{t("events.model.figures.title")}</h2>
      <Form method="get" className="row model-period" action="#figures">
        <div className="field">
          <label htmlFor="period-from">{t("events.model.figures.from")}</label>
          <input id="period-from" type="date" name="from" defaultValue={period.from} />
        </div>
        <div className="field">
          <label htmlFor="period-to">{t("events.model.figures.to")}</label>
          <input id="period-to" type="date" name="to" defaultValue={period.to} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("events.model.figures.show")}
        </button>
      </Form>
      {period.adjusted ? <p className="alert alert--info">{t("events.model.figures.adjusted")}</p> : null}
      <table className="figures-table">
        <caption>{t("events.model.figures.caption", { from: date(period.from), to: date(period.to) })}</caption>
        <tbody>
          {figures.map((f) => (
            <tr key={f.key} data-figure={f.key}>
              <th scope="row">{t(`events.model.figure.${f.key}`)}</th>
              <td>{f.value === null ? "—" : f.format === "vnd" ? vnd(f.value) : number(f.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t("events.model.figures.hint")}</p>
    </section>
  );
}
