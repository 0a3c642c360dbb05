import { Form } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, TextAreaField } from "~/components/job-form";
import { formatQuarter } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import { CLASSIFICATION_GROUPS } from "../../../db/enums";
import { FormErrors } from "./form-errors";
import type { PersonView } from "./types";

/**
 * The record's expungement: recorded, or computed (automatic date or court application, art. 72 date), what
 * decided the date (the period, a supplementary penalty or the other decisions ending later), and the day the
 * judgment's other decisions were completed, with its form.
 */
export function ExpungementPanel({
  person,
  today,
  state,
  otherDecisionsState,
  canEdit,
}: {
  person: Pick<PersonView, "expungement" | "recordExpungedOn" | "expungementEvidence" | "otherDecisionsCompletedOn">;
  today: string;
  state: FormState;
  otherDecisionsState?: FormState;
  canEdit: boolean;
}) {
  const { t, date } = useI18n();
  const { computed } = person.expungement;
  if (person.recordExpungedOn) {
    return (
      <div className="expungement expungement--done">
        <p>
          <span className="badge badge--verified">
            {t("persons.exp.recorded", { date: date(person.recordExpungedOn) })}
          </span>
        </p>
        {person.expungementEvidence ? (
          <p>{t("persons.exp.evidence", { evidence: person.expungementEvidence })}</p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="expungement">
      {computed === null ? (
        <p>{t("persons.exp.unknown")}</p>
      ) : computed.kind === "no_record" ? (
        <p>{t("persons.exp.noRecord")}</p>
      ) : (
        <>
          <p className="expungement__date">
            {t(computed.kind === "automatic" ? "persons.exp.automatic" : "persons.exp.court", {
              date: date(computed.date),
            })}
          </p>
          <p className="hint">
            {t("persons.exp.period", { months: computed.periodMonths, from: date(computed.countedFrom) })}
          </p>
          {computed.decidedBy !== "period" ? (
            <p className="expungement__decided">
              {t(`persons.exp.decidedBy.${computed.decidedBy}`, {
                months: computed.periodMonths,
                periodEnd: date(computed.periodEndsOn),
              })}
            </p>
          ) : null}
          <p className={person.otherDecisionsCompletedOn ? "hint" : "hint expungement__unknown"}>
            {person.otherDecisionsCompletedOn
              ? t("persons.exp.otherDecisions", { date: date(person.otherDecisionsCompletedOn) })
              : t("persons.exp.otherDecisionsUnknown")}
          </p>
          {computed.date <= today ? (
            <p className="alert alert--info">
              {t(computed.kind === "automatic" ? "persons.exp.dueNow" : "persons.exp.canApply")}
            </p>
          ) : computed.earlyProposalFrom < computed.date ? (
            <p>{t("persons.exp.early", { date: date(computed.earlyProposalFrom) })}</p>
          ) : null}
        </>
      )}
      {canEdit && computed && computed.kind !== "no_record" ? (
        <details
          className="panel-form"
          open={otherDecisionsState?.errors && Object.keys(otherDecisionsState.errors).length ? true : undefined}
        >
          <summary>{t("persons.exp.otherDecisionsEdit")}</summary>
          <FormErrors
            state={otherDecisionsState}
            labels={{ otherDecisionsCompletedOn: "persons.field.otherDecisionsCompletedOn" }}
          />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="other-decisions" />
            <TextField
              name="otherDecisionsCompletedOn"
              label="persons.field.otherDecisionsCompletedOn"
              hint="persons.field.otherDecisionsCompletedOn.hint"
              state={
                otherDecisionsState ?? { values: { otherDecisionsCompletedOn: person.otherDecisionsCompletedOn ?? "" } }
              }
              type="date"
            />
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t("persons.exp.otherDecisionsSubmit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
      {canEdit ? (
        <details className="panel-form" open={state?.errors && Object.keys(state.errors).length ? true : undefined}>
          <summary>{t("persons.exp.mark")}</summary>
          <FormErrors
            state={state}
            labels={{ expungedOn: "persons.exp.expungedOn", evidence: "persons.exp.evidenceField" }}
          />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="mark-expunged" />
            <TextField name="expungedOn" label="persons.exp.expungedOn" state={state} required type="date" />
            <TextField
              name="evidence"
              label="persons.exp.evidenceField"
              hint="persons.exp.evidenceField.hint"
              state={state}
              required
              autoComplete="off"
            />
            <div className="actions">
              <button type="submit" className="button">
                {t("persons.exp.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

/** The classification history, newest quarter first, and this quarter's form (a second save corrects it). */
export function ClassificationPanel({
  classifications,
  quarter,
  state,
  canEdit,
}: {
  classifications: PersonView["classifications"];
  quarter: string;
  state: FormState;
  canEdit: boolean;
}) {
  const { t, date, locale } = useI18n();
  const current = classifications.find((c) => c.quarter === quarter);
  const formState: FormState = state ?? { values: current ? { group: current.group, note: current.note } : {} };
  return (
    <>
      {classifications.length === 0 ? (
        <p>{t("persons.class.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="classifications">
            <thead>
              <tr>
                <th scope="col">{t("persons.class.quarter")}</th>
                <th scope="col">{t("persons.class.group")}</th>
                <th scope="col">{t("persons.class.note")}</th>
                <th scope="col">{t("persons.class.by")}</th>
              </tr>
            </thead>
            <tbody>
              {classifications.map((c) => (
                <tr key={c.id}>
                  <td data-label={t("persons.class.quarter")}>{formatQuarter(c.quarter, locale)}</td>
                  <td data-label={t("persons.class.group")}>
                    <span className={`group-badge group-badge--${c.group}`} title={t(`persons.group.${c.group}`)}>
                      {c.group}
                    </span>
                  </td>
                  <td data-label={t("persons.class.note")}>{c.note || "—"}</td>
                  <td data-label={t("persons.class.by")}>
                    <span>
                      {c.by ?? ""} <span className="hint">{date(c.classifiedAt)}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <details
          className="panel-form"
          open={!current || (state?.errors && Object.keys(state.errors).length) ? true : undefined}
        >
          <summary>
            {t(current ? "persons.class.update" : "persons.class.add", { quarter: formatQuarter(quarter, locale) })}
          </summary>
          <FormErrors state={state} labels={{ group: "persons.class.group", note: "persons.class.note" }} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="classify" />
            <ChoiceGroup
              name="group"
              legend="persons.class.group"
              state={formState}
              type="radio"
              required
              options={CLASSIFICATION_GROUPS.map((g) => ({ value: g, label: t(`persons.group.${g}`) }))}
            />
            <TextAreaField name="note" label="persons.class.note" state={formState} rows={2} />
            <div className="actions">
              <button type="submit" className="button">
                {t("persons.class.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </>
  );
}
