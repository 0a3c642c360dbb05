import { Form } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, TextAreaField } from "~/components/job-form";
import { FormErrors } from "~/components/persons/form-errors";
import { useLabels } from "~/components/self-service/labels";

import { LOAN_PURPOSES } from "../../../db/enums";

export const LOAN_LABELS = {
  purpose: "support.loan.field.purpose",
  amountVnd: "support.loan.field.amountVnd",
  trainingMonths: "support.loan.field.trainingMonths",
  termMonths: "support.loan.field.termMonths",
  bankBranch: "support.loan.field.bankBranch",
  listMonth: "support.loan.field.listMonth",
  appliedOn: "support.loan.field.appliedOn",
  note: "support.loan.field.note",
} as const;

/** A new application for the monthly list; the rules (caps, 5 years, term) are checked on the server. */
export function LoanForm({ state }: { state: FormState }) {
  const { t, word } = useLabels();
  return (
    <>
      <FormErrors state={state} labels={LOAN_LABELS} />
      <Form method="post" className="stack loan-form" noValidate>
        <ChoiceGroup
          name="purpose"
          legend="support.loan.field.purpose"
          state={state}
          type="radio"
          required
          options={LOAN_PURPOSES.map((p) => ({ value: p, label: word("support.loan.purpose", p) }))}
        />
        <TextField
          name="amountVnd"
          label="support.loan.field.amountVnd"
          hint="support.loan.field.amountVnd.hint"
          state={state}
          inputMode="numeric"
          required
          autoComplete="off"
        />
        <TextField
          name="trainingMonths"
          label="support.loan.field.trainingMonths"
          hint="support.loan.field.trainingMonths.hint"
          state={state}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          name="termMonths"
          label="support.loan.field.termMonths"
          hint="support.loan.field.termMonths.hint"
          state={state}
          inputMode="numeric"
          required
          autoComplete="off"
        />
        <TextField name="bankBranch" label="support.loan.field.bankBranch" state={state} required />
        <TextField name="appliedOn" label="support.loan.field.appliedOn" state={state} type="date" required />
        <TextField
          name="listMonth"
          label="support.loan.field.listMonth"
          hint="support.loan.field.listMonth.hint"
          state={state}
          type="month"
          required
        />
        <TextAreaField name="note" label="support.loan.field.note" state={state} rows={2} />
        <div className="actions">
          <button type="submit" className="button">
            {t("support.loan.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
