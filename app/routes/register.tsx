import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";

import { ROLE_HOME } from "~/auth/permissions.server";
import { getOptionalUser, startSession } from "~/auth/session.server";
import { CommunePicker } from "~/components/commune-picker";
import { ErrorSummary, Field, type FormState, TextField } from "~/components/forms";
import { EMPLOYER_KINDS, PROVIDER_KINDS } from "~/modules/accounts/constants";
import { registerOrganization } from "~/modules/accounts/registration.server";
import { registrationSchema } from "~/modules/accounts/schema.server";
import { type Commune, listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import { readForm, validateForm, withoutSecrets } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("register.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  return json({ provinces: await listProvinces() });
}

async function communesFor(provinceCode: unknown) {
  return typeof provinceCode === "string" && /^\d{2}$/.test(provinceCode) ? listCommunes(provinceCode) : [];
}

export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const echo = withoutSecrets(values);
  // Without JavaScript, "load communes" posts the form: answer with the same values and the list.
  if (values.intent === "load-communes") {
    return json({ values: echo, errors: {}, communes: await communesFor(values.provinceCode) });
  }
  const parsed = validateForm(registrationSchema, values);
  if (!parsed.ok) {
    return json(
      { values: echo, errors: parsed.errors, communes: await communesFor(values.provinceCode) },
      { status: 400 },
    );
  }
  const outcome = await registerOrganization(parsed.data);
  if (!outcome.ok) {
    return json(
      { values: echo, errors: outcome.errors, communes: await communesFor(values.provinceCode) },
      { status: 400 },
    );
  }
  const home = parsed.data.role === "employer" ? ROLE_HOME.employer : ROLE_HOME.provider;
  return redirect(home, { headers: { "Set-Cookie": await startSession(outcome.userId, request) } });
}

// Names for the error summary, in form order.
const LABELS = {
  role: "register.role",
  kind: "register.kind",
  orgName: "register.orgName",
  taxCode: "org.home.taxCode",
  provinceCode: "register.province",
  communeCode: "register.commune",
  address: "register.address",
  contactName: "register.contactName",
  contactPhone: "register.contactPhone",
  email: "register.email",
  password: "register.password",
  passwordConfirm: "register.passwordConfirm",
} as const;

export default function Register() {
  const { provinces } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const state = data as FormState;
  const { t } = useI18n();
  const [role, setRole] = useState((data?.values?.role as string | undefined) ?? "employer");
  return (
    <section>
      <h1>{t("register.title")}</h1>
      <p className="lead">{t("register.lead")}</p>
      <ErrorSummary state={state} labels={LABELS} />
      <Form method="post" className="stack" noValidate>
        {/* Enter submits the form's first submit button: make it "register", not "load communes". */}
        <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
          {t("register.submit")}
        </button>
        <fieldset>
          <legend>{t("register.section.org")}</legend>
          <Field name="role" label="register.role" state={state} required>
            {() => (
              <div className="radio-group" role="radiogroup" id="f-role">
                {(["employer", "training_provider"] as const).map((r) => (
                  <label key={r}>
                    <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                    {t(`register.role.${r}`)}
                  </label>
                ))}
              </div>
            )}
          </Field>
          <Field name="kind" label="register.kind" state={state} required>
            {(control) => (
              <select {...control} name="kind">
                <option value="">—</option>
                {[...new Set([...EMPLOYER_KINDS, ...PROVIDER_KINDS])].map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField name="orgName" label="register.orgName" state={state} required autoComplete="organization" />
          <TextField
            name="taxCode"
            label="register.taxCode"
            hint="register.taxCode.hint"
            state={state}
            inputMode="numeric"
          />
          <CommunePicker provinces={provinces} communes={(data?.communes ?? []) as Commune[]} state={state} />
          <TextField name="address" label="register.address" state={state} required autoComplete="street-address" />
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
          <legend>{t("register.section.account")}</legend>
          <TextField
            name="email"
            label="register.email"
            state={state}
            required
            type="email"
            autoComplete="email"
            inputMode="email"
          />
          <TextField
            name="password"
            label="register.password"
            hint="register.password.hint"
            state={state}
            required
            type="password"
            autoComplete="new-password"
          />
          <TextField
            name="passwordConfirm"
            label="register.passwordConfirm"
            state={state}
            required
            type="password"
            autoComplete="new-password"
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {t("register.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
