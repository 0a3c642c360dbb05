import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/forms";
import type { CoveredPerson, ModelPickerPerson } from "~/modules/models/persons.server";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";

/** The last refused POST of a person's form (join or leave), to show its errors beside that person. */
export type PersonFormState =
  { intent: string; personId: string | null; values: FormValues; errors: FieldErrors } | undefined;

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function DateForm({
  intent,
  personId,
  name,
  label,
  submit,
  value,
  state,
}: {
  intent: string;
  personId: string;
  name: string;
  label: string;
  submit: string;
  value: string;
  state: PersonFormState;
}) {
  const { error } = useI18n();
  const mine = state?.intent === intent && state.personId === personId ? state : undefined;
  const id = `${name}-${personId}`;
  const message = error(mine?.errors[name]) ?? error(mine?.errors.personId) ?? error(mine?.errors._form);
  return (
    <Form method="post" className="row model-person-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="personId" value={personId} />
      <div className={`field${message ? " field--invalid" : ""}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="date"
          name={name}
          defaultValue={str(mine?.values[name]) ?? value}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        {message ? (
          <p className="field-error" id={`${id}-error`}>
            {message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--secondary">
        {submit}
      </button>
    </Form>
  );
}

/** Persons of the model's commune found by name, each with the date they join. */
export function CoverPicker({
  picker,
  today,
  state,
}: {
  picker: { q: string; persons: ModelPickerPerson[] } | null;
  today: string;
  state: PersonFormState;
}) {
  const { t } = useI18n();
  const stray =
    state?.intent === "addPerson" && !picker?.persons.some((p) => p.id === state.personId) ? state : undefined;
  return (
    <div className="model-picker">
      <Form method="get" className="search-bar" action="#persons">
        <input type="hidden" name="find" value="1" />
        <label htmlFor="model-q" className="sr-only">
          {t("events.picker.label")}
        </label>
        <input
          id="model-q"
          type="search"
          name="q"
          defaultValue={picker?.q ?? ""}
          placeholder={t("events.picker.placeholder")}
        />
        <button type="submit" className="button button--secondary">
          {t("events.picker.search")}
        </button>
      </Form>
      {stray ? <ErrorSummary state={stray} /> : null}
      {picker ? (
        picker.persons.length === 0 ? (
          <p className="empty-state">{t("events.picker.none")}</p>
        ) : (
          <ul className="list">
            {picker.persons.map((p) => (
              <li key={p.id} className="card model-picker__item">
                <p>
                  <strong>{p.fullName}</strong>{" "}
                  <span className="hint">· {t("events.bornIn", { year: p.birthYear })}</span>
                </p>
                <DateForm
                  intent="addPerson"
                  personId={p.id}
                  name="joinedOn"
                  label={t("events.model.field.joinedOn")}
                  submit={t("events.model.persons.add")}
                  value={today}
                  state={state}
                />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

export function CoveredList({
  persons,
  today,
  state,
}: {
  persons: CoveredPerson[];
  today: string;
  state: PersonFormState;
}) {
  const { t, date } = useI18n();
  if (persons.length === 0) return <p className="empty-state">{t("events.model.persons.empty")}</p>;
  return (
    <ul className="list model-covered">
      {persons.map((p) => (
        <li
          key={p.personId}
          className={`card model-covered__item${p.leftOn ? " model-covered__item--left" : ""}`}
          data-person={p.personId}
        >
          <p>
            <strong>{p.fullName ?? t("events.model.persons.away")}</strong>
            {p.birthYear ? <span className="hint"> · {t("events.bornIn", { year: p.birthYear })}</span> : null}
          </p>
          <p className="hint">
            {p.leftOn
              ? t("events.model.persons.period", { from: date(p.joinedOn), to: date(p.leftOn) })
              : t("events.model.persons.since", { from: date(p.joinedOn) })}
          </p>
          {!p.leftOn && p.fullName ? (
            <details
              className="panel-form"
              open={(state?.intent === "leavePerson" && state.personId === p.personId) || undefined}
            >
              <summary>{t("events.model.persons.leave")}</summary>
              <DateForm
                intent="leavePerson"
                personId={p.personId}
                name="leftOn"
                label={t("events.model.field.leftOn")}
                submit={t("events.model.persons.leaveSubmit")}
                value={today}
                state={state}
              />
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
