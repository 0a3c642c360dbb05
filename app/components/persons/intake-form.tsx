import { Form, Link } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, TextAreaField } from "~/components/job-form";
import type { MessageKey } from "~/i18n";
import type { Commune, Province } from "~/modules/admin-units/admin-units.server";
import type { DuplicateCandidate } from "~/modules/persons/intake.server";
import type { Occupation } from "~/modules/reference/reference.server";
import { useI18n } from "~/utils/i18n-react";

import {
  GENDERS,
  OFFENCE_CATEGORIES,
  PENALTY_KINDS,
  PERSON_NEEDS,
  RELEASE_TYPES,
  SUPERVISOR_KINDS,
} from "../../../db/enums";
import { CheckboxField, CommuneMultiSelect, OccupationChecklist, SelectField } from "./fields";
import { FormErrors } from "./form-errors";

/** Names for the error summary, in form order. */
export const INTAKE_LABELS = {
  fullName: "persons.field.fullName",
  gender: "persons.field.gender",
  dateOfBirth: "persons.field.dateOfBirth",
  citizenId: "persons.field.citizenId",
  phone: "persons.field.phone",
  address: "persons.field.address",
  communeCode: "persons.field.communeCode",
  releaseDate: "persons.field.releaseDate",
  releaseType: "persons.field.releaseType",
  offenceDate: "persons.field.offenceDate",
  offenceCategory: "persons.field.offenceCategory",
  penalty: "persons.field.penalty",
  sentenceMonths: "persons.field.sentenceMonths",
  mainCompletedOn: "persons.field.mainCompletedOn",
  supplementaryCompletedOn: "persons.field.supplementaryCompletedOn",
  otherDecisionsCompletedOn: "persons.field.otherDecisionsCompletedOn",
  bannedOccupations: "persons.field.bannedOccupations",
  occupationBanEndsOn: "persons.field.occupationBanEndsOn",
  bannedPlaceCommunes: "persons.field.bannedPlaceCommunes",
  placeBanEndsOn: "persons.field.placeBanEndsOn",
  skills: "persons.field.skills",
  trades: "persons.field.trades",
  experience: "persons.field.experience",
  education: "persons.field.education",
  certificates: "persons.field.certificates",
  desiredOccupations: "persons.field.desiredOccupations",
  preferredProvinceCode: "persons.field.preferredProvinceCode",
  availableFrom: "persons.field.availableFrom",
  expectedWage: "persons.field.expectedWage",
  needs: "persons.field.needs",
  hardshipNote: "persons.field.hardshipNote",
  supervisorKind: "persons.field.supervisorKind",
  supervisorName: "persons.field.supervisorName",
  supervisorContact: "persons.field.supervisorContact",
  confirmNotDuplicate: "persons.duplicates.title",
} as const satisfies Record<string, MessageKey>;

type Props = {
  state: FormState;
  communes: Commune[];
  placeCommunes: Commune[];
  provinces: Province[];
  occupations: Occupation[];
  duplicates: DuplicateCandidate[] | null;
};

/** The likely duplicates the service found: open an in-scope one, or confirm it is someone else. */
function Duplicates({ duplicates, state }: { duplicates: DuplicateCandidate[]; state: FormState }) {
  const { t, date } = useI18n();
  const blocked = duplicates.some((d) => d.reason === "citizen_id");
  return (
    <section className="duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t("persons.duplicates.title")}</h2>
      <ul className="list">
        {duplicates.map((d, i) => (
          <li key={d.id ?? `elsewhere-${i}`} className="duplicates__item">
            <span className="badge badge--pending">
              {t(d.reason === "citizen_id" ? "persons.duplicates.sameCitizenId" : "persons.duplicates.sameNameBirth")}
            </span>{" "}
            {d.id ? (
              <>
                <strong>{d.fullName}</strong> · {date(d.dateOfBirth)} · {d.communeName} ·{" "}
                <Link to={`/officer/persons/${d.id}`}>{t("persons.duplicates.open")}</Link>
              </>
            ) : (
              t("persons.duplicates.elsewhere", { commune: d.communeName })
            )}
          </li>
        ))}
      </ul>
      {blocked ? (
        <p className="field-error">{t("persons.duplicates.citizenIdBlocked")}</p>
      ) : (
        <CheckboxField name="confirmNotDuplicate" label="persons.duplicates.confirm" state={state} />
      )}
    </section>
  );
}

/** The intake form (HCD-02), in the sheet's sections; it works without JavaScript and keeps what was typed. */
export function IntakeForm({ state, communes, placeCommunes, provinces, occupations, duplicates }: Props) {
  const { t } = useI18n();
  const opts = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return (
    <>
      <FormErrors state={state} labels={INTAKE_LABELS} />
      <Form method="post" className="stack intake-form" noValidate>
        {duplicates?.length ? <Duplicates duplicates={duplicates} state={state} /> : null}
        <fieldset>
          <legend>{t("persons.section.identity")}</legend>
          <TextField name="fullName" label="persons.field.fullName" state={state} required autoComplete="off" />
          <ChoiceGroup
            name="gender"
            legend="persons.field.gender"
            state={state}
            type="radio"
            options={opts(GENDERS, "persons.gender")}
            required
          />
          <TextField
            name="dateOfBirth"
            label="persons.field.dateOfBirth"
            hint="persons.field.date.hint"
            state={state}
            required
            type="date"
          />
          <TextField
            name="citizenId"
            label="persons.field.citizenId"
            hint="persons.field.citizenId.hint"
            state={state}
            inputMode="numeric"
            autoComplete="off"
          />
          <CheckboxField name="needsNewIdCard" label="persons.field.needsNewIdCard" state={state} />
          <TextField
            name="phone"
            label="persons.field.phone"
            state={state}
            type="tel"
            inputMode="tel"
            autoComplete="off"
          />
          <TextField name="address" label="persons.field.address" state={state} required autoComplete="off" />
          <SelectField
            name="communeCode"
            label="persons.field.communeCode"
            state={
              communes.length === 1 && !state?.values?.communeCode
                ? { ...state, values: { ...state?.values, communeCode: communes[0].code } }
                : state
            }
            required
            options={communes.map((c) => ({ value: c.code, label: c.name }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t("persons.section.release")}</legend>
          <div className="row">
            <TextField name="releaseDate" label="persons.field.releaseDate" state={state} required type="date" />
            <SelectField
              name="releaseType"
              label="persons.field.releaseType"
              state={state}
              required
              options={opts(RELEASE_TYPES, "persons.releaseType")}
            />
          </div>
          <div className="row">
            <TextField name="offenceDate" label="persons.field.offenceDate" state={state} required type="date" />
            <SelectField
              name="offenceCategory"
              label="persons.field.offenceCategory"
              state={state}
              required
              options={opts(OFFENCE_CATEGORIES, "offence")}
            />
          </div>
          <CheckboxField
            name="nationalSecurity"
            label="persons.field.nationalSecurity"
            hint="persons.field.nationalSecurity.hint"
            state={state}
          />
          <div className="row">
            <SelectField
              name="penalty"
              label="persons.field.penalty"
              state={state}
              required
              options={opts(PENALTY_KINDS, "persons.penalty")}
            />
            <TextField
              name="sentenceMonths"
              label="persons.field.sentenceMonths"
              hint="persons.field.sentenceMonths.hint"
              state={state}
              inputMode="numeric"
            />
          </div>
          <TextField name="mainCompletedOn" label="persons.field.mainCompletedOn" state={state} required type="date" />
          <TextField
            name="supplementaryCompletedOn"
            label="persons.field.supplementaryCompletedOn"
            hint="persons.field.supplementaryCompletedOn.hint"
            state={state}
            type="date"
          />
          <TextField
            name="otherDecisionsCompletedOn"
            label="persons.field.otherDecisionsCompletedOn"
            hint="persons.field.otherDecisionsCompletedOn.hint"
            state={state}
            type="date"
          />
        </fieldset>
        <fieldset>
          <legend>{t("persons.section.bans")}</legend>
          <OccupationChecklist
            name="bannedOccupations"
            label="persons.field.bannedOccupations"
            hint="persons.field.bannedOccupations.hint"
            state={state}
            occupations={occupations}
          />
          <TextField name="occupationBanEndsOn" label="persons.field.occupationBanEndsOn" state={state} type="date" />
          <CommuneMultiSelect
            name="bannedPlaceCommunes"
            label="persons.field.bannedPlaceCommunes"
            hint="persons.field.bannedPlaceCommunes.hint"
            state={state}
            communes={placeCommunes}
          />
          <TextField name="placeBanEndsOn" label="persons.field.placeBanEndsOn" state={state} type="date" />
        </fieldset>
        <fieldset>
          <legend>{t("persons.section.skills")}</legend>
          <TextField
            name="skills"
            label="persons.field.skills"
            hint="persons.field.skills.hint"
            state={state}
            autoComplete="off"
          />
          <OccupationChecklist name="trades" label="persons.field.trades" state={state} occupations={occupations} />
          <TextAreaField name="experience" label="persons.field.experience" state={state} rows={3} />
          <TextField name="education" label="persons.field.education" state={state} autoComplete="off" />
          <TextAreaField name="certificates" label="persons.field.certificates" state={state} rows={2} />
          <OccupationChecklist
            name="desiredOccupations"
            label="persons.field.desiredOccupations"
            state={state}
            occupations={occupations}
          />
          <SelectField
            name="preferredProvinceCode"
            label="persons.field.preferredProvinceCode"
            state={state}
            empty={t("persons.field.anyProvince")}
            options={provinces.map((p) => ({ value: p.code, label: p.name }))}
          />
          <CheckboxField name="willingToMove" label="persons.field.willingToMove" state={state} />
          <div className="row">
            <TextField name="availableFrom" label="persons.field.availableFrom" state={state} type="date" />
            <TextField
              name="expectedWage"
              label="persons.field.expectedWage"
              hint="persons.field.expectedWage.hint"
              state={state}
              inputMode="numeric"
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("persons.section.needs")}</legend>
          <ChoiceGroup
            name="needs"
            legend="persons.field.needs"
            state={state}
            type="checkbox"
            options={opts(PERSON_NEEDS, "persons.need")}
          />
          <CheckboxField name="hardship" label="persons.field.hardship" state={state} />
          <TextAreaField name="hardshipNote" label="persons.field.hardshipNote" state={state} rows={2} />
        </fieldset>
        <fieldset>
          <legend>{t("persons.section.supervisor")}</legend>
          <ChoiceGroup
            name="supervisorKind"
            legend="persons.field.supervisorKind"
            state={
              state?.values?.supervisorKind ? state : { ...state, values: { ...state?.values, supervisorKind: "" } }
            }
            type="radio"
            options={[
              { value: "", label: t("persons.supervisorKind.none") },
              ...opts(SUPERVISOR_KINDS, "persons.supervisorKind"),
            ]}
          />
          <TextField name="supervisorName" label="persons.field.supervisorName" state={state} autoComplete="off" />
          <TextField
            name="supervisorContact"
            label="persons.field.supervisorContact"
            state={state}
            autoComplete="off"
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {t("persons.new.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
