import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import type { organizationProfileLoader } from "~/http/organization-profile.server";
import type { MessageKey } from "~/i18n";
import type { Commune, Province } from "~/modules/admin-units/admin-units.server";
import { useI18n } from "~/utils/i18n-react";

import { type OrganizationKind, RECORD_STANCES } from "../../db/enums";
import { CommunePicker } from "./commune-picker";
import { ErrorSummary, Field, type FormState, TextField } from "./forms";
import { ChoiceGroup, TextAreaField, valuesOf } from "./job-form";

const LABELS = {
  name: "register.orgName",
  kind: "register.kind",
  taxCode: "org.home.taxCode",
  provinceCode: "register.province",
  communeCode: "register.commune",
  address: "register.address",
  contactName: "register.contactName",
  contactPhone: "register.contactPhone",
  description: "profile.description",
  fairChancePledge: "profile.pledge",
  acceptsUnexpunged: "profile.stance",
} as const satisfies Record<string, MessageKey>;

/** The organisation profile, for employers and training providers alike; it works without JavaScript. */
export function OrganizationProfileForm({
  state,
  kinds,
  provinces,
  communes,
  verified,
  pledgedAt,
}: {
  state: FormState;
  kinds: readonly string[];
  provinces: Province[];
  communes: Commune[];
  /** A verified organisation is told that moving province means verification again. */
  verified: boolean;
  pledgedAt: string | null;
}) {
  const { t, date } = useI18n();
  const pledged = valuesOf(state, "fairChancePledge").includes("yes");
  return (
    <div className="posting-page">
      <ErrorSummary state={state} labels={LABELS} />
      <Form method="post" className="stack posting-form" noValidate>
        <fieldset>
          <legend>{t("register.section.org")}</legend>
          <TextField name="name" label="register.orgName" state={state} required autoComplete="organization" />
          <Field name="kind" label="register.kind" state={state} required>
            {(control) => (
              <select {...control} name="kind">
                <option value="">—</option>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k as OrganizationKind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            name="taxCode"
            label="register.taxCode"
            hint="register.taxCode.hint"
            state={state}
            inputMode="numeric"
          />
          {verified ? (
            <p className="alert alert--info" role="note">
              {t("profile.province.warning")}
            </p>
          ) : null}
          <CommunePicker provinces={provinces} communes={communes} state={state} />
          <TextField name="address" label="register.address" state={state} required autoComplete="street-address" />
          <TextAreaField name="description" label="profile.description" state={state} rows={4} />
        </fieldset>
        <fieldset>
          <legend>{t("profile.section.contact")}</legend>
          <TextField name="contactName" label="register.contactName" state={state} required autoComplete="name" />
          <TextField
            name="contactPhone"
            label="register.contactPhone"
            state={state}
            required
            type="tel"
            autoComplete="tel"
            inputMode="tel"
          />
        </fieldset>
        <fieldset>
          <legend>{t("profile.section.fairChance")}</legend>
          <div className="field pledge">
            <label className="pledge__box">
              <input
                type="checkbox"
                id="f-fairChancePledge"
                name="fairChancePledge"
                value="yes"
                defaultChecked={pledged}
                aria-describedby="f-fairChancePledge-hint"
              />
              <span>{t("profile.pledge.label")}</span>
            </label>
            <p className="hint" id="f-fairChancePledge-hint">
              {pledgedAt ? `${t("profile.pledge.signed", { date: date(pledgedAt) })}. ` : null}
              {t("profile.pledge.hint")}
            </p>
          </div>
          <ChoiceGroup
            type="radio"
            name="acceptsUnexpunged"
            legend="profile.stance"
            hint="profile.stance.hint"
            state={state}
            required
            options={RECORD_STANCES.map((v) => ({ value: v, label: t(`stance.${v}`) }))}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button">
            {t("profile.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** The whole /employer/profile or /provider/profile page: the same for both, fed by one loader. */
export function OrganizationProfilePage({
  data,
  actionData,
}: {
  data: SerializeFrom<typeof organizationProfileLoader>;
  actionData: FormState;
}) {
  const { t } = useI18n();
  const status = data.verificationStatus;
  return (
    <>
      <p className="posting-back">
        <Link to={data.role === "employer" ? "/employer" : "/provider"}>{t("nav.myHome")}</Link>
      </p>
      <h1>{t("profile.title")}</h1>
      <p className="lead">{t("profile.lead")}</p>
      {data.saved === "updated" ? (
        <p className="alert alert--success" role="status">
          {t("profile.saved")}
        </p>
      ) : data.saved === "reverify" ? (
        <p className="alert alert--info" role="status">
          {t("profile.saved.reverify")}
        </p>
      ) : null}
      <p>
        <strong>{t("org.home.status")}: </strong>
        <span className={`badge badge--${status}`}>{t(`verification.${status}`)}</span>
      </p>
      <OrganizationProfileForm
        state={actionData ?? { values: data.values }}
        kinds={data.kinds}
        provinces={data.provinces}
        communes={data.communes}
        verified={status === "verified"}
        pledgedAt={data.pledgedAt}
      />
    </>
  );
}
