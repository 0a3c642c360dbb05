import { Form } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { TextAreaField } from "~/components/job-form";
import { SelectField } from "~/components/persons/fields";
import { FormErrors } from "~/components/persons/form-errors";
import type { Commune } from "~/modules/admin-units/admin-units.server";
import { useI18n } from "~/utils/i18n-react";

export const MODEL_LABELS = {
  name: "events.model.field.name",
  communeCode: "events.model.field.commune",
  launchedOn: "events.model.field.launchedOn",
  description: "events.model.field.description",
} as const;

/**
 * A model's form: new (with the commune, among the officer's) or edited (the commune stays: the persons
 * covered are that commune's).
 */
export function ModelForm({
  state,
  communes,
  mode,
}: {
  state: FormState;
  communes: Commune[];
  mode: "create" | "edit";
}) {
  const { t } = useI18n();
  return (
    <>
      <FormErrors state={state} labels={MODEL_LABELS} />
      <Form method="post" className="stack" noValidate>
        {mode === "edit" ? <input type="hidden" name="intent" value="edit" /> : null}
        <TextField
          name="name"
          label={MODEL_LABELS.name}
          hint="events.model.field.name.hint"
          state={state}
          required
          autoComplete="off"
        />
        {mode === "create" ? (
          <SelectField
            name="communeCode"
            label={MODEL_LABELS.communeCode}
            state={state}
            required
            options={communes.map((c) => ({ value: c.code, label: c.name }))}
          />
        ) : null}
        <TextField name="launchedOn" label={MODEL_LABELS.launchedOn} state={state} required type="date" />
        <TextAreaField
          name="description"
          label={MODEL_LABELS.description}
          hint="events.model.field.description.hint"
          state={state}
          rows={4}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t(mode === "create" ? "events.model.create" : "events.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
