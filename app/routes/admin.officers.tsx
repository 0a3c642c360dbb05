import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { ErrorSummary, Field, type FormState, TextField } from "~/components/forms";
import { createOfficer, listOfficers } from "~/modules/accounts/officers.server";
import { officerSchema } from "~/modules/accounts/schema.server";
import { listCommunes } from "~/modules/admin-units/admin-units.server";
import { type FieldErrors, type FormValues, readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("officers.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:officer:province");
  const [officers, communes] = await Promise.all([listOfficers(scope), listCommunes(scope.provinceCodes[0] ?? "")]);
  return json({ officers, communes });
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:officer:province");
  const values = await readForm(request);
  const parsed = validateForm(officerSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors as FieldErrors, created: null }, { status: 400 });
  const outcome = await createOfficer(scope, parsed.data);
  if (!outcome.ok) return json({ values, errors: outcome.errors, created: null }, { status: 400 });
  return json({
    values: {} as FormValues,
    errors: {} as FieldErrors,
    created: { name: parsed.data.fullName, password: outcome.temporaryPassword },
  });
}

export default function AdminOfficers() {
  const { officers, communes } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const state = data as FormState;
  const { t } = useI18n();
  const chosen = new Set([data?.values?.communeCodes ?? []].flat());
  return (
    <>
      <h1>{t("officers.title")}</h1>
      <p className="lead">{t("officers.lead")}</p>
      {data?.created ? (
        <p className="alert alert--success" role="status">
          {t("officers.created", { name: data.created.name, password: data.created.password })}
        </p>
      ) : null}
      <div className="grid grid--2">
        <section>
          <h2>{t("officers.list")}</h2>
          {officers.length === 0 ? (
            <p>{t("officers.none")}</p>
          ) : (
            <ul className="list">
              {officers.map((o) => (
                <li key={o.id} className="card">
                  <h3>{o.fullName}</h3>
                  <p className="hint">{[o.email, o.phone].filter(Boolean).join(" · ")}</p>
                  <p>{o.communes.map((c) => c.name).join(", ")}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>{t("officers.create")}</h2>
          <ErrorSummary
            state={state}
            labels={{
              fullName: "officers.fullName",
              email: "officers.email",
              phone: "officers.phone",
              communeCodes: "officers.communes",
            }}
          />
          <Form method="post" className="stack" noValidate key={data?.created ? data.created.password : "form"}>
            <TextField name="fullName" label="officers.fullName" state={state} required autoComplete="off" />
            <TextField name="email" label="officers.email" state={state} required type="email" autoComplete="off" />
            <TextField name="phone" label="officers.phone" state={state} type="tel" autoComplete="off" />
            <Field name="communeCodes" label="officers.communes" hint="officers.communes.hint" state={state} required>
              {({ defaultValue: _ignored, ...control }) => (
                <select {...control} name="communeCodes" multiple defaultValue={[...chosen]}>
                  {communes.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name} ({c.code})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                {t("officers.submit")}
              </button>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
