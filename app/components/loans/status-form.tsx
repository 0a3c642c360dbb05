import { Form } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, TextAreaField } from "~/components/job-form";
import { FormErrors } from "~/components/persons/form-errors";
import { useLabels } from "~/components/self-service/labels";

import type { LoanStatus } from "../../../db/enums";

const LABELS = {
  status: "support.loan.change.status",
  on: "support.loan.change.on",
  note: "support.loan.change.note",
} as const;

/** The next statuses a loan may take (from rules.ts), a date for the bank's decision or the payout, a note. */
export function LoanStatusForm({ state, next }: { state: FormState; next: readonly LoanStatus[] }) {
  const { t, word } = useLabels();
  return (
    <>
      <FormErrors state={state} labels={LABELS} />
      <Form method="post" className="stack loan-status-form" noValidate>
        <ChoiceGroup
          name="status"
          legend="support.loan.change.status"
          state={state}
          type="radio"
          required
          options={next.map((s) => ({ value: s, label: word("support.loan.status", s) }))}
        />
        <TextField
          name="on"
          label="support.loan.change.on"
          hint="support.loan.change.on.hint"
          state={state}
          type="date"
        />
        <TextAreaField name="note" label="support.loan.change.note" state={state} rows={2} />
        <div className="actions">
          <button type="submit" className="button">
            {t("support.loan.change.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
