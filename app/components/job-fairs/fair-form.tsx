import { Form } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { TextAreaField } from "~/components/job-form";
import { SelectField } from "~/components/persons/fields";
import { FormErrors } from "~/components/persons/form-errors";
import type { Commune } from "~/modules/admin-units/admin-units.server";
import { useI18n } from "~/utils/i18n-react";

export const FAIR_LABELS = {
  title: "events.fair.field.title",
  heldOn: "events.fair.field.heldOn",
  communeCode: "events.fair.field.commune",
  place: "events.fair.field.place",
  note: "events.fair.field.note",
} as const;

/** The "new job fair" form: held in one of the officer's communes. Works without JavaScript. */
export function FairForm({ state, communes }: { state: FormState; communes: Commune[] }) {
  const { t } = useI18n();
  return (
    <>
      <FormErrors state={state} labels={FAIR_LABELS} />
      <Form method="post" className="stack" noValidate>
        <TextField
          name="title"
          label={FAIR_LABELS.title}
          hint="events.fair.field.title.hint"
          state={state}
          required
          autoComplete="off"
        />
        <TextField name="heldOn" label={FAIR_LABELS.heldOn} state={state} required type="date" />
        <SelectField
          name="communeCode"
          label={FAIR_LABELS.communeCode}
          state={state}
          required
          options={communes.map((c) => ({ value: c.code, label: c.name }))}
        />
        <TextField
          name="place"
          label={FAIR_LABELS.place}
          hint="events.fair.field.place.hint"
          state={state}
          required
          autoComplete="off"
        />
        <TextAreaField name="note" label={FAIR_LABELS.note} state={state} rows={3} />
        <div className="actions">
          <button type="submit" className="button">
            {t("events.fair.create")}
          </button>
        </div>
      </Form>
    </>
  );
}
