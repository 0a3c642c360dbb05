import { Form } from "@remix-run/react";

import { Field, type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, TextAreaField, valuesOf } from "~/components/job-form";
import { FormErrors } from "~/components/persons/form-errors";
import { useLabels } from "~/components/self-service/labels";

import { ACTIVITY_KINDS, COUNSELLING_MODES, COUNSELLING_TOPICS, PROCEDURE_KINDS } from "../../../db/enums";

export const ACTIVITY_LABELS = {
  kind: "support.activity.field.kind",
  topic: "support.activity.field.topic",
  mode: "support.activity.field.mode",
  occurredOn: "support.activity.field.occurredOn",
  note: "support.activity.field.note",
} as const;

/**
 * One form for every kind: without JavaScript nothing can appear or hide, so the topic (counselling topics
 * and procedures, in two groups of one select) and the mode are always there, with a hint saying when to use them.
 */
export function ActivityForm({ state }: { state: FormState }) {
  const { t, word } = useLabels();
  const chosenTopic = valuesOf(state, "topic")[0] ?? "";
  const chosenMode = valuesOf(state, "mode")[0] ?? "";
  return (
    <>
      <FormErrors state={state} labels={ACTIVITY_LABELS} />
      <Form method="post" className="stack activity-form" noValidate>
        <ChoiceGroup
          name="kind"
          legend="support.activity.field.kind"
          state={state}
          type="radio"
          required
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: word("support.activity.kind", k) }))}
        />
        <Field name="topic" label="support.activity.field.topic" hint="support.activity.field.topic.hint" state={state}>
          {(control) => (
            <select {...control} name="topic" defaultValue={chosenTopic}>
              <option value="">—</option>
              <optgroup label={t("support.activity.field.topic.counselling")}>
                {COUNSELLING_TOPICS.map((v) => (
                  <option key={v} value={v}>
                    {word("support.activity.topic", v)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("support.activity.field.topic.procedure")}>
                {PROCEDURE_KINDS.map((v) => (
                  <option key={v} value={v}>
                    {word("support.activity.topic", v)}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field name="mode" label="support.activity.field.mode" hint="support.activity.field.mode.hint" state={state}>
          {(control) => (
            <select {...control} name="mode" defaultValue={chosenMode}>
              <option value="">—</option>
              {COUNSELLING_MODES.map((v) => (
                <option key={v} value={v}>
                  {word("support.activity.mode", v)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          name="occurredOn"
          label="support.activity.field.occurredOn"
          hint="support.activity.field.occurredOn.hint"
          state={state}
          type="date"
          required
        />
        <TextAreaField name="note" label="support.activity.field.note" state={state} rows={3} />
        <div className="actions">
          <button type="submit" className="button">
            {t("support.activity.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
