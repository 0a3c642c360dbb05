import { Form } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import type { Commune, Province } from "~/modules/admin-units/admin-units.server";
import { OCCUPATION_GROUPS } from "~/modules/reference/occupation-groups";
import type { Occupation } from "~/modules/reference/reference.server";
import { useI18n } from "~/utils/i18n-react";

import { EMPLOYMENT_TYPES, JOB_BENEFITS, OFFENCE_CATEGORIES } from "../../db/enums";
import { CommunePicker } from "./commune-picker";
import { ErrorSummary, Field, type FormState, TextField } from "./forms";

type BaseFieldProps = { name: string; label: MessageKey; hint?: MessageKey; state: FormState; required?: boolean };

/** Every value a repeated field (checkboxes, multi-select) was sent with. */
export function valuesOf(state: FormState, name: string): string[] {
  const v = state?.values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function TextAreaField({ rows = 4, ...field }: BaseFieldProps & { rows?: number }) {
  return (
    <Field {...field}>
      {(control) => <textarea {...control} name={field.name} rows={rows} required={field.required} />}
    </Field>
  );
}

/**
 * Radios or checkboxes under one legend, with the hint and the error read out with the group. The first
 * box carries the field id, so the error summary's link lands on it.
 */
export function ChoiceGroup({
  name,
  legend,
  hint,
  state,
  type,
  options,
  required,
}: {
  name: string;
  legend: MessageKey;
  hint?: MessageKey;
  state: FormState;
  type: "radio" | "checkbox";
  options: readonly { value: string; label: string }[];
  required?: boolean;
}) {
  const { t, error } = useI18n();
  const id = `f-${name}`;
  const message = error(state?.errors?.[name]);
  const chosen = new Set(valuesOf(state, name));
  const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`choice-group${message ? " field--invalid" : ""}`}
      aria-describedby={described || undefined}
      // aria-invalid is defined for a radiogroup, not for a plain group of checkboxes.
      aria-invalid={message && type === "radio" ? true : undefined}
      role={type === "radio" ? "radiogroup" : undefined}
    >
      <legend>
        {t(legend)}
        {required ? <span className="required"> {t("form.required")}</span> : null}
      </legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      <div className="radio-group">
        {options.map((option, i) => (
          <label key={option.value}>
            <input
              type={type}
              name={name}
              value={option.value}
              id={i === 0 ? id : undefined}
              defaultChecked={chosen.has(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessage id={id} message={message} />
    </fieldset>
  );
}

/** The error under a group of choices, read out with the group (aria-describedby `${id}-error`). */
export function FieldMessage({ id, message }: { id: string; message: string | undefined | null }) {
  return message ? (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

/** Occupations grouped by the 10 major groups, named in the reader's language. */
export function OccupationSelect({ occupations, ...field }: BaseFieldProps & { occupations: Occupation[] }) {
  const { locale } = useI18n();
  const nameOf = (o: Occupation) => (locale === "en" ? o.nameEn : o.nameVi);
  const groups = OCCUPATION_GROUPS.map((g) => ({
    code: g.code,
    name: g[locale],
    items: occupations
      .filter((o) => o.majorGroup === g.code)
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale)),
  })).filter((g) => g.items.length > 0);
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} name={field.name}>
          <option value="">—</option>
          {groups.map((g) => (
            <optgroup key={g.code} label={g.name}>
              {g.items.map((o) => (
                <option key={o.code} value={o.code}>
                  {nameOf(o)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The save buttons: a new posting is saved as a draft or published; an existing one is saved. */
export function PostingButtons({
  mode,
  canPublish,
  publishLabel,
  draftOnlyNotice,
}: {
  mode: "new" | "edit";
  canPublish: boolean;
  publishLabel: MessageKey;
  draftOnlyNotice: MessageKey;
}) {
  const { t } = useI18n();
  if (mode === "edit") {
    return (
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button">
          {t("jobs.form.save")}
        </button>
      </div>
    );
  }
  return (
    <>
      {canPublish ? null : (
        <p className="alert alert--info" role="note">
          {t(draftOnlyNotice)}
        </p>
      )}
      <div className="actions">
        {/* The draft button comes first: Enter in a text box saves a draft, never publishes by accident. */}
        <button type="submit" name="intent" value="draft" className="button button--secondary">
          {t("jobs.form.saveDraft")}
        </button>
        {canPublish ? (
          <button type="submit" name="intent" value="publish" className="button">
            {t(publishLabel)}
          </button>
        ) : null}
      </div>
    </>
  );
}

export const JOB_FORM_LABELS = {
  title: "jobs.form.title",
  occupationCode: "jobs.form.occupation",
  description: "jobs.form.description",
  employmentType: "jobs.form.employmentType",
  openings: "jobs.form.openings",
  skills: "jobs.form.skills",
  experience: "jobs.form.experience",
  provinceCode: "register.province",
  communeCode: "register.commune",
  workplaceAddress: "jobs.form.workplaceAddress",
  wageMin: "jobs.form.wageMin",
  wageMax: "jobs.form.wageMax",
  benefits: "jobs.form.benefits",
  closesAt: "jobs.form.closesAt",
  startsAt: "jobs.form.startsAt",
  excludedOffenceCategories: "jobs.form.excluded",
  exclusionReason: "jobs.form.exclusionReason",
} as const satisfies Record<string, MessageKey>;

export type JobFormProps = {
  state: FormState;
  occupations: Occupation[];
  provinces: Province[];
  communes: Commune[];
  mode: "new" | "edit";
  canPublish: boolean;
};

/** The employer's job form, for a new job and for editing one; it works without JavaScript. */
export function JobForm({ state, occupations, provinces, communes, mode, canPublish }: JobFormProps) {
  const { t } = useI18n();
  return (
    <div className="posting-page">
      <ErrorSummary state={state} labels={JOB_FORM_LABELS} />
      <Form method="post" className="stack posting-form" noValidate>
        <fieldset>
          <legend>{t("jobs.form.section.job")}</legend>
          <TextField name="title" label="jobs.form.title" hint="jobs.form.title.hint" state={state} required />
          <OccupationSelect
            name="occupationCode"
            label="jobs.form.occupation"
            state={state}
            occupations={occupations}
            required
          />
          <TextAreaField name="description" label="jobs.form.description" state={state} rows={5} />
          <ChoiceGroup
            type="radio"
            name="employmentType"
            legend="jobs.form.employmentType"
            state={state}
            required
            options={EMPLOYMENT_TYPES.map((v) => ({ value: v, label: t(`employmentType.${v}`) }))}
          />
          <TextField name="openings" label="jobs.form.openings" state={state} required inputMode="numeric" />
          <TextAreaField name="skills" label="jobs.form.skills" hint="jobs.form.skills.hint" state={state} rows={2} />
          <TextAreaField name="experience" label="jobs.form.experience" state={state} rows={2} />
        </fieldset>
        <fieldset>
          <legend>{t("jobs.form.section.place")}</legend>
          <CommunePicker provinces={provinces} communes={communes} state={state} />
          <TextField
            name="workplaceAddress"
            label="jobs.form.workplaceAddress"
            state={state}
            required
            autoComplete="street-address"
          />
        </fieldset>
        <fieldset>
          <legend>{t("jobs.form.section.pay")}</legend>
          {/* One under the other: side by side, the hint or an error under one box would misalign the pair. */}
          <TextField
            name="wageMin"
            label="jobs.form.wageMin"
            hint="jobs.form.wage.hint"
            state={state}
            required
            inputMode="numeric"
          />
          <TextField name="wageMax" label="jobs.form.wageMax" state={state} required inputMode="numeric" />
          <ChoiceGroup
            type="checkbox"
            name="benefits"
            legend="jobs.form.benefits"
            state={state}
            options={JOB_BENEFITS.map((v) => ({ value: v, label: t(`benefit.${v}`) }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t("jobs.form.section.dates")}</legend>
          <div className="row row--top">
            <TextField name="closesAt" label="jobs.form.closesAt" state={state} required type="date" />
            <TextField name="startsAt" label="jobs.form.startsAt" state={state} type="date" />
          </div>
        </fieldset>
        <fieldset className="officer-only">
          <legend>{t("jobs.form.officerOnly")}</legend>
          <p className="hint">{t("jobs.form.officerOnly.hint")}</p>
          <ChoiceGroup
            type="checkbox"
            name="excludedOffenceCategories"
            legend="jobs.form.excluded"
            state={state}
            options={OFFENCE_CATEGORIES.map((v) => ({ value: v, label: t(`offence.${v}`) }))}
          />
          <TextAreaField name="exclusionReason" label="jobs.form.exclusionReason" state={state} rows={2} />
        </fieldset>
        <PostingButtons
          mode={mode}
          canPublish={canPublish}
          publishLabel="jobs.form.publish"
          draftOnlyNotice="jobs.form.draftOnly"
        />
      </Form>
    </div>
  );
}
