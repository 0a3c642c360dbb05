import { Form } from "@remix-run/react";
import { TRAINING_SUPPORT } from "../../db/enums";
import type { MessageKey } from "../i18n";
import type { Commune, Province } from "../modules/admin-units/admin-units.server";
import type { Occupation, TrainingLevel } from "../modules/reference/reference.server";
import type { PartnerJob } from "../modules/trainings/partner-jobs.server";
import { useI18n } from "../utils/i18n-react";
import { CommunePicker } from "./commune-picker";
import { ErrorSummary, Field, TextField, type FormState } from "./forms";
import { ChoiceGroup, OccupationSelect, PostingButtons, TextAreaField, valuesOf } from "./job-form";

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
  support: "trainings.form.support",
  provinceCode: "register.province",
  communeCode: "register.commune",
  address: "trainings.form.address",
  leadsToJobIds: "trainings.form.leadsTo",
} as const satisfies Record<string, MessageKey>;

export type TrainingFormProps = {
  state: FormState;
  occupations: Occupation[];
  levels: TrainingLevel[];
  provinces: Province[];
  communes: Commune[];
  partnerJobs: PartnerJob[];
  mode: "new" | "edit";
  canPublish: boolean;
};

/** The provider's course form, for a new intake and for editing one; it works without JavaScript. */
export function TrainingForm({ state, occupations, levels, provinces, communes, partnerJobs, mode, canPublish }: TrainingFormProps) {
  const { t, locale } = useI18n();
  const chosenJobs = valuesOf(state, "leadsToJobIds");
  return (
    <div className="posting-page">
      <ErrorSummary state={state} labels={TRAINING_FORM_LABELS} />
      <Form method="post" className="stack posting-form" noValidate>
        <fieldset>
          <legend>{t("trainings.form.section.course")}</legend>
          <TextField name="title" label="trainings.form.title" hint="trainings.form.title.hint" state={state} required />
          <OccupationSelect name="occupationCode" label="trainings.form.trade" state={state} occupations={occupations} required />
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
          <TextAreaField name="description" label="trainings.form.description" state={state} rows={5} />
        </fieldset>
        <fieldset>
          <legend>{t("trainings.form.section.dates")}</legend>
          <div className="row row--top">
            <TextField name="startsAt" label="trainings.form.startsAt" state={state} required type="date" />
            <TextField name="applicationDeadline" label="trainings.form.deadline" state={state} required type="date" />
          </div>
          <div className="row row--top">
            <TextField name="durationWeeks" label="trainings.form.durationWeeks" state={state} required inputMode="numeric" />
            <TextField name="seats" label="trainings.form.seats" state={state} required inputMode="numeric" />
          </div>
          <TextField name="schedule" label="trainings.form.schedule" hint="trainings.form.schedule.hint" state={state} />
        </fieldset>
        <fieldset>
          <legend>{t("trainings.form.section.cost")}</legend>
          <TextField name="costVnd" label="trainings.form.cost" state={state} inputMode="numeric" />
          <ChoiceGroup
            type="checkbox"
            name="support"
            legend="trainings.form.support"
            state={state}
            options={TRAINING_SUPPORT.map((v) => ({ value: v, label: t(`support.${v}`) }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t("trainings.form.section.place")}</legend>
          <CommunePicker provinces={provinces} communes={communes} state={state} />
          <TextField name="address" label="trainings.form.address" state={state} required autoComplete="street-address" />
        </fieldset>
        <div className="posting-panel">
          {partnerJobs.length === 0 ? (
            <p className="hint">
              <strong>{t("trainings.leadsTo")}: </strong>
              {t("trainings.form.leadsTo.none")}
            </p>
          ) : (
            <Field name="leadsToJobIds" label="trainings.form.leadsTo" hint="posting.leadsToHint" state={state}>
              {({ defaultValue: _single, ...control }) => (
                <select {...control} name="leadsToJobIds" multiple defaultValue={chosenJobs} size={Math.min(8, Math.max(4, partnerJobs.length))}>
                  {partnerJobs.map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.title} · {j.organizationName} · {j.communeName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <PostingButtons
          mode={mode}
          canPublish={canPublish}
          publishLabel="trainings.action.publish"
          draftOnlyNotice="trainings.form.draftOnly"
        />
      </Form>
    </div>
  );
}
