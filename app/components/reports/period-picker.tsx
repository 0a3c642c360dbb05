import { Form } from "@remix-run/react";
import type { ChangeEvent } from "react";

import {
  type Period,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
  SHOWN_FROM,
  SHOWN_TO,
} from "~/modules/reports/periods";
import { useI18n } from "~/utils/i18n-react";

/** Set a field of the picker's form by name (a hidden input, a date, the select). */
function setField(form: HTMLFormElement | null, name: string, value: string) {
  const field = form?.elements.namedItem(name);
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
}

/**
 * The period picker: a plain GET form (works without JavaScript). Typed dates choose a custom period by
 * themselves: the form carries the dates it showed (hidden), and the server takes dates that differ
 * from them over the preset (parsePeriod). With JavaScript, typing a date also switches the select to
 * "Custom", and choosing a preset fills in its dates. The commune and model being looked at are carried
 * along. Keyed by the period, so the fields show the new period after a client-side navigation.
 */
export function PeriodPicker({
  period,
  commune,
  model,
  province,
  today,
  action,
}: {
  period: Period;
  commune?: string | null;
  model?: string | null;
  /** The national view's province (issue 16), carried like the commune. */
  province?: string | null;
  today: string;
  /** Where the form goes (the page's own route unless told). */
  action?: string;
}) {
  const { t } = useI18n();
  const onDate = (e: ChangeEvent<HTMLInputElement>) => setField(e.currentTarget.form, "period", "custom");
  const onPreset = (e: ChangeEvent<HTMLSelectElement>) => {
    const preset = e.currentTarget.value as PeriodPreset;
    if (preset === "custom" || !(PERIOD_PRESETS as readonly string[]).includes(preset)) return;
    const range = presetPeriod(preset, today);
    // The preset's dates, shown and marked as untouched: the server keeps the preset.
    for (const [name, value] of [
      ["from", range.from],
      ["to", range.to],
      [SHOWN_FROM, range.from],
      [SHOWN_TO, range.to],
    ] as const) {
      setField(e.currentTarget.form, name, value);
    }
  };
  return (
    <Form
      method="get"
      action={action}
      className="card report-picker no-print"
      key={`${period.preset}|${period.from}|${period.to}`}
    >
      <fieldset>
        <legend>{t("reports.picker.legend")}</legend>
        {province ? <input type="hidden" name="province" value={province} /> : null}
        {commune ? <input type="hidden" name="commune" value={commune} /> : null}
        {model ? <input type="hidden" name="model" value={model} /> : null}
        <input type="hidden" name={SHOWN_FROM} defaultValue={period.from} />
        <input type="hidden" name={SHOWN_TO} defaultValue={period.to} />
        <div className="report-picker__fields">
          <div className="field">
            <label htmlFor="report-period">{t("reports.picker.preset")}</label>
            <select id="report-period" name="period" defaultValue={period.preset} onChange={onPreset}>
              {PERIOD_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`reports.period.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="report-from">{t("reports.picker.from")}</label>
            <input id="report-from" type="date" name="from" defaultValue={period.from} onChange={onDate} />
          </div>
          <div className="field">
            <label htmlFor="report-to">{t("reports.picker.to")}</label>
            <input id="report-to" type="date" name="to" defaultValue={period.to} onChange={onDate} />
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
