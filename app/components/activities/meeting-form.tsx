import { Form } from "@remix-run/react";

import { Field, type FormState, TextField } from "~/components/forms";
import { TextAreaField, valuesOf } from "~/components/job-form";
import { FormErrors } from "~/components/persons/form-errors";
import { useLabels } from "~/components/self-service/labels";

export const MEETING_LABELS = {
  communeCode: "support.meeting.field.communeCode",
  title: "support.meeting.field.title",
  heldOn: "support.meeting.field.heldOn",
  place: "support.meeting.field.place",
  guestCount: "support.meeting.field.guestCount",
  attendees: "support.meeting.field.attendees",
  note: "support.meeting.field.note",
} as const;

type Commune = { code: string; name: string };
type Person = { id: string; fullName: string; communeCode: string };

/**
 * A new meeting with its attendance: the commune's active persons as checkboxes (grouped by commune when
 * the officer serves several), and a count of family members and guests. Works without JavaScript.
 */
export function MeetingForm({
  state,
  communes,
  persons,
}: {
  state: FormState;
  communes: Commune[];
  persons: Person[];
}) {
  const { t, error } = useLabels();
  const ticked = new Set(valuesOf(state, "attendees"));
  const chosenCommune = valuesOf(state, "communeCode")[0] ?? (communes.length === 1 ? communes[0].code : "");
  const attendeesError = error(state?.errors?.attendees);
  return (
    <>
      <FormErrors state={state} labels={MEETING_LABELS} />
      <Form method="post" className="stack meeting-form" noValidate>
        {communes.length === 1 ? (
          <input type="hidden" name="communeCode" value={communes[0].code} />
        ) : (
          <Field name="communeCode" label="support.meeting.field.communeCode" state={state} required>
            {(control) => (
              <select {...control} name="communeCode" defaultValue={chosenCommune}>
                <option value="">—</option>
                {communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <TextField name="title" label="support.meeting.field.title" state={state} required />
        <TextField name="heldOn" label="support.meeting.field.heldOn" state={state} type="date" required />
        <TextField name="place" label="support.meeting.field.place" state={state} />
        <fieldset
          className={`choice-group attendance${attendeesError ? " field--invalid" : ""}`}
          aria-describedby={`f-attendees-hint${attendeesError ? " f-attendees-error" : ""}`}
        >
          <legend>{t("support.meeting.field.attendees")}</legend>
          <p className="hint" id="f-attendees-hint">
            {t("support.meeting.field.attendees.hint")}
          </p>
          {persons.length === 0 ? <p className="empty-state">{t("support.meeting.noPersons")}</p> : null}
          {communes.map((c) => {
            const own = persons.filter((p) => p.communeCode === c.code);
            if (own.length === 0) return null;
            return (
              <div key={c.code} className="attendance__group">
                {communes.length > 1 ? <h3>{c.name}</h3> : null}
                <div className="attendance__list">
                  {own.map((p, i) => (
                    <label key={p.id} className="check">
                      <input
                        type="checkbox"
                        name="attendees"
                        value={p.id}
                        id={i === 0 && c.code === communes[0].code ? "f-attendees" : undefined}
                        defaultChecked={ticked.has(p.id)}
                      />
                      <span>{p.fullName}</span>
                    </label>
                  ))}
                </div>
              </div>
            );
          })}
          {attendeesError ? (
            <p className="field-error" id="f-attendees-error">
              {attendeesError}
            </p>
          ) : null}
        </fieldset>
        <TextField
          name="guestCount"
          label="support.meeting.field.guestCount"
          hint="support.meeting.field.guestCount.hint"
          state={state}
          inputMode="numeric"
        />
        <TextAreaField name="note" label="support.meeting.field.note" state={state} rows={3} />
        <div className="actions">
          <button type="submit" className="button">
            {t("support.meeting.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
