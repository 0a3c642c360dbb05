import { Form } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import type { Commune, Province } from "~/modules/admin-units/admin-units.server";
import type { Occupation, TrainingLevel } from "~/modules/reference/reference.server";
import type { PartnerJob } from "~/modules/trainings/partner-jobs.server";
import { useI18n } from "~/utils/i18n-react";

import { TRAINING_SUPPORT } from "../../db/enums";
import { CommunePicker } from "./commune-picker";
import { ErrorSummary, Field, type FormState, TextField } from "./forms";
import { ChoiceGroup, FieldMessage, OccupationSelect, PostingButtons, TextAreaField, valuesOf } from "./job-form";
import { useWage } from "./search/cards";

export const TRAINING_FORM_LABELS = {
  title: "trainings.form.title",
  occupationCode: "trainings.form.trade",
  levelCode: "trainings.form.level",
  description: "trainings.form.description",
  startsAt: "trainings.form.startsAt",
  applicationDeadline: "trainings.form.deadline",
  durationWeeks: "trainings.form.durationWeeks",
  schedule: "trainings.form.schedule",
  seats: "trainings.form.seats",
  costVnd: "trainings.form.cost",
  stipendVnd: "businessTraining.form.stipend",
  support: "trainings.form.support",
  provinceCode: "register.province",
  communeCode: "register.commune",
  address: "trainings.form.address",
  leadsToJobIds: "trainings.form.leadsTo",
} as const satisfies Record<string, MessageKey>;

/** Who posts: a training provider (a course intake) or an employer (training at its own workplace). */
export type TrainingArea = "provider" | "employer";

/** The words that change with who posts; everything else is the same form. */
const WORDS = {
  provider: {
    title: "trainings.form.title",
    titleHint: "trainings.form.title.hint",
    description: "trainings.form.description",
    sectionCourse: "trainings.form.section.course",
    sectionCost: "trainings.form.section.cost",
    sectionPlace: "trainings.form.section.place",
    cost: "trainings.form.cost",
    leadsTo: "trainings.form.leadsTo",
    leadsToHint: "posting.leadsToHint",
    leadsToNone: "trainings.form.leadsTo.none",
    draftOnly: "trainings.form.draftOnly",
    publish: "trainings.action.publish",
  },
  employer: {
    title: "businessTraining.form.title",
    titleHint: "businessTraining.form.title.hint",
    description: "businessTraining.form.description",
    sectionCourse: "businessTraining.form.section.course",
    sectionCost: "businessTraining.form.section.cost",
    sectionPlace: "businessTraining.form.section.place",
    cost: "businessTraining.form.cost",
    leadsTo: "businessTraining.form.leadsTo",
    leadsToHint: "businessTraining.form.leadsTo.hint",
    leadsToNone: "businessTraining.form.leadsTo.none",
    draftOnly: "businessTraining.form.draftOnly",
    publish: "businessTraining.action.publish",
  },
} as const satisfies Record<TrainingArea, Record<string, MessageKey>>;

export type TrainingFormProps = {
  area: TrainingArea;
  state: FormState;
  occupations: Occupation[];
  levels: TrainingLevel[];
  provinces: Province[];
  communes: Commune[];
  partnerJobs: PartnerJob[];
  mode: "new" | "edit";
  canPublish: boolean;
};

/**
 * The jobs a slot leads to, as a list of checkboxes (a provider: partner jobs) or radio buttons (a
 * business: one of its own jobs, or none). Each line wraps on a phone and says what tells two postings
 * with the same title apart: wage and closing date.
 */
function LeadsToJobs({ area, state, jobs }: { area: TrainingArea; state: FormState; jobs: PartnerJob[] }) {
  const { t, error, date } = useI18n();
  const wage = useWage();
  const words = WORDS[area];
  const id = "f-leadsToJobIds";
  const message = error(state?.errors?.leadsToJobIds);
  const chosen = new Set(valuesOf(state, "leadsToJobIds"));
  const type = area === "employer" ? "radio" : "checkbox";
  if (jobs.length === 0) {
    return (
      <p className="hint">
        <strong>{t(words.leadsTo)}: </strong>
        {t(words.leadsToNone)}
      </p>
    );
  }
  const described = [`${id}-hint`, message ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`choice-group job-choices${message ? " field--invalid" : ""}`}
      aria-describedby={described}
      role={type === "radio" ? "radiogroup" : undefined}
    >
      <legend>{t(words.leadsTo)}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t(words.leadsToHint)}
      </p>
      <div className="radio-group">
        {type === "radio" ? (
          <label>
            <input type="radio" name="leadsToJobIds" value="" defaultChecked={chosen.size === 0} />
            <span>{t("businessTraining.form.leadsTo.noJob")}</span>
          </label>
        ) : null}
        {jobs.map((j, i) => (
          <label key={j.id}>
            <input
              type={type}
              name="leadsToJobIds"
              value={j.id}
              id={i === 0 ? id : undefined}
              defaultChecked={chosen.has(j.id)}
            />
            <span className="job-choice">
              <strong>{j.title}</strong>
              <span className="job-choice__facts">
                {t("trainings.form.jobFacts", {
                  organization: j.organizationName,
                  commune: j.communeName,
                  wage: wage(j.wageMin, j.wageMax),
                  date: date(j.closesAt),
                })}
              </span>
            </span>
          </label>
        ))}
      </div>
      <FieldMessage id={id} message={message} />
    </fieldset>
  );
}

/** One form for a provider's course intake and a business's training slot, new or edited; it works without JavaScript. */
export function TrainingForm({
  area,
  state,
  occupations,
  levels,
  provinces,
  communes,
  partnerJobs,
  mode,
  canPublish,
}: TrainingFormProps) {
  const { t, locale } = useI18n();
  const words = WORDS[area];
  const labels = { ...TRAINING_FORM_LABELS, title: words.title, costVnd: words.cost, leadsToJobIds: words.leadsTo };
  return (
    <div className="posting-page">
      <ErrorSummary state={state} labels={labels} />
      <Form method="post" className="stack posting-form" noValidate>
        <fieldset>
          <legend>{t(words.sectionCourse)}</legend>
          <TextField name="title" label={words.title} hint={words.titleHint} state={state} required />
          <OccupationSelect
            name="occupationCode"
            label="trainings.form.trade"
            state={state}
            occupations={occupations}
            required
          />
          <Field name="levelCode" label="trainings.form.level" state={state} required>
            {(control) => (
              <select {...control} name="levelCode">
                <option value="">—</option>
                {levels.map((l) => (
                  <option key={l.code} value={l.code}>
                    {locale === "en" ? l.nameEn : l.nameVi}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextAreaField name="description" label={words.description} state={state} rows={5} />
        </fieldset>
        <fieldset>
          <legend>{t("trainings.form.section.dates")}</legend>
          <div className="row row--top">
            <TextField name="startsAt" label="trainings.form.startsAt" state={state} required type="date" />
            <TextField name="applicationDeadline" label="trainings.form.deadline" state={state} required type="date" />
          </div>
          <div className="row row--top">
            <TextField
              name="durationWeeks"
              label="trainings.form.durationWeeks"
              state={state}
              required
              inputMode="numeric"
            />
            <TextField name="seats" label="trainings.form.seats" state={state} required inputMode="numeric" />
          </div>
          <TextField
            name="schedule"
            label="trainings.form.schedule"
            hint="trainings.form.schedule.hint"
            state={state}
          />
        </fieldset>
        <fieldset>
          <legend>{t(words.sectionCost)}</legend>
          {area === "employer" ? (
            <TextField name="stipendVnd" label="businessTraining.form.stipend" state={state} inputMode="numeric" />
          ) : null}
          <TextField name="costVnd" label={words.cost} state={state} inputMode="numeric" />
          <ChoiceGroup
            type="checkbox"
            name="support"
            legend="trainings.form.support"
            state={state}
            options={TRAINING_SUPPORT.map((v) => ({ value: v, label: t(`support.${v}`) }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t(words.sectionPlace)}</legend>
          <CommunePicker provinces={provinces} communes={communes} state={state} />
          <TextField
            name="address"
            label="trainings.form.address"
            state={state}
            required
            autoComplete="street-address"
          />
        </fieldset>
        <div className="posting-panel">
          <LeadsToJobs area={area} state={state} jobs={partnerJobs} />
        </div>
        <PostingButtons
          mode={mode}
          canPublish={canPublish}
          publishLabel={words.publish}
          draftOnlyNotice={words.draftOnly}
        />
      </Form>
    </div>
  );
}
