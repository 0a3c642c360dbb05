import { Form } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { SelectField } from "~/components/persons/fields";
import { FormErrors } from "~/components/persons/form-errors";
import type { FairEmployer } from "~/modules/job-fairs/job-fairs.server";
import { useI18n } from "~/utils/i18n-react";

type Option = { id: string; name: string; communeName: string };

/** The fair's employers with their openings; the officer adds (or updates) and removes them. */
export function FairEmployers({
  employers,
  options,
  canManage,
  addState,
  removeState,
}: {
  employers: FairEmployer[];
  options: Option[];
  canManage: boolean;
  addState: FormState;
  removeState: FormState;
}) {
  const { t, number } = useI18n();
  return (
    <section className="panel fair-employers" id="employers" aria-labelledby="employers-title">
      <h2 id="employers-title">{t("events.fair.employers.title")}</h2>
      <FormErrors state={removeState} />
      {employers.length === 0 ? (
        <p className="empty-state">{t("events.fair.employers.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="log-table fair-table">
            <thead>
              <tr>
                <th scope="col">{t("events.fair.employer")}</th>
                <th scope="col">{t("events.fair.openings")}</th>
                {canManage ? <th scope="col">{t("events.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {employers.map((e) => (
                <tr key={e.organizationId} data-organization={e.organizationId}>
                  <td data-label={t("events.fair.employer")}>
                    {e.name} <span className="hint">· {e.communeName}</span>
                  </td>
                  <td data-label={t("events.fair.openings")}>{number(e.openings)}</td>
                  {canManage ? (
                    <td data-label={t("events.actions")}>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="removeEmployer" />
                        <input type="hidden" name="organizationId" value={e.organizationId} />
                        <button type="submit" className="button button--ghost">
                          {t("events.remove")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <details className="panel-form" open={!!addState?.errors || undefined}>
          <summary>{t("events.fair.employers.add")}</summary>
          <p className="hint">{t("events.fair.employers.addHint")}</p>
          <FormErrors
            state={addState}
            labels={{ organizationId: "events.fair.employer", openings: "events.fair.openings" }}
          />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="addEmployer" />
            <SelectField
              name="organizationId"
              label="events.fair.employer"
              state={addState}
              required
              options={[
                ...options.map((o) => ({ value: o.id, label: `${o.name} (${o.communeName})` })),
                ...employers.map((e) => ({
                  value: e.organizationId,
                  label: `${e.name} (${t("events.fair.employers.updateOpenings")})`,
                })),
              ]}
            />
            <TextField
              name="openings"
              label="events.fair.openings"
              hint="events.fair.openings.hint"
              state={addState}
              inputMode="numeric"
              autoComplete="off"
            />
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t("events.fair.employers.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
