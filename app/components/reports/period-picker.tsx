import { Form } from "@remix-run/react";
import { PERIOD_PRESETS, type Period } from "../../modules/reports/periods";
import { useI18n } from "../../utils/i18n-react";

/**
 * The period picker: a plain GET form (works without JavaScript). A preset wins; "Custom" uses the two
 * dates. The commune and model being looked at are carried along.
 */
export function PeriodPicker({ period, commune, model }: { period: Period; commune?: string | null; model?: string | null }) {
  const { t } = useI18n();
  return (
    <Form method="get" className="card report-picker no-print">
      <fieldset>
        <legend>{t("reports.picker.legend")}</legend>
        {commune ? <input type="hidden" name="commune" value={commune} /> : null}
        {model ? <input type="hidden" name="model" value={model} /> : null}
        <div className="report-picker__fields">
          <div className="field">
            <label htmlFor="report-period">{t("reports.picker.preset")}</label>
            <select id="report-period" name="period" defaultValue={period.preset}>
              {PERIOD_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`reports.period.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="report-from">{t("reports.picker.from")}</label>
            <input id="report-from" type="date" name="from" defaultValue={period.from} />
          </div>
          <div className="field">
            <label htmlFor="report-to">{t("reports.picker.to")}</label>
            <input id="report-to" type="date" name="to" defaultValue={period.to} />
          </div>
          <button type="submit" className="button">
            {t("reports.picker.submit")}
          </button>
        </div>
        <p className="hint">{t("reports.picker.customHint")}</p>
      </fieldset>
    </Form>
  );
}
