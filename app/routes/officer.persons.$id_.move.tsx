import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { CommunePicker } from "~/components/commune-picker";
import { ErrorSummary, Field, type FormState } from "~/components/forms";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { type Commune, getCommunes, listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import { moveSchema, personHeader, requestTransfer } from "~/modules/persons/lifecycle.server";
import { type FieldErrors, type FormValues, readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.actions.move")) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "transfer:person:commune");
  const person = await personHeader(scope, idOf(params.id));
  if (!person) throw notFound();
  const [provinces, communes, pendingTo] = await Promise.all([
    listProvinces(),
    listCommunes(person.provinceCode),
    person.pendingTransfer ? getCommunes([person.pendingTransfer.toCommuneCode]) : Promise.resolve([]),
  ]);
  return json({ person, provinces, communes, pendingToName: pendingTo[0]?.name ?? null });
}

type Sent = {
  commune: string;
  recipients: { id: string; fullName: string; email: string | null; phone: string | null }[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "transfer:person:commune");
  const personId = idOf(params.id);
  const values = await readForm(request);
  const communesOf = (code: unknown) =>
    typeof code === "string" && /^\d{2}$/.test(code) ? listCommunes(code) : Promise.resolve([]);
  const answer = async (errors: FieldErrors, status = 400) =>
    json({ values, errors, communes: await communesOf(values.provinceCode), sent: null as Sent | null }, { status });
  // Without JavaScript, "load communes" posts the form: answer with the same values and the list.
  if (values.intent === "load-communes") return answer({}, 200);
  const parsed = validateForm(moveSchema, values);
  if (!parsed.ok) return answer(parsed.errors);
  const outcome = orNotFound(await requestTransfer(scope, personId, parsed.data));
  if (!outcome.ok) return answer(outcome.errors);
  return json({
    values: {} as FormValues,
    errors: {} as FieldErrors,
    communes: [] as Commune[],
    sent: { commune: outcome.toCommuneName, recipients: outcome.recipients },
  });
}

export default function MovePerson() {
  const { person, provinces, communes, pendingToName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date } = useI18n();
  const state: FormState = data ?? { values: { provinceCode: person.provinceCode } };
  const back = `/officer/persons/${person.id}`;
  return (
    <>
      <p className="listing__back">
        <Link to={back}>← {t("self.invite.back")}</Link>
      </p>
      <h1>{t("self.move.title", { name: person.fullName })}</h1>
      <p className="lead">{t("self.move.lead")}</p>
      <p>
        {t("self.move.current")}: <strong>{person.communeName}</strong>
      </p>
      {data?.sent ? (
        <div className="alert alert--success" role="status">
          <p>{t("self.move.sent", { commune: data.sent.commune })}</p>
          {data.sent.recipients.length ? (
            <>
              <p>
                <strong>{t("self.move.recipients")}:</strong>
              </p>
              <ul>
                {data.sent.recipients.map((r) => (
                  <li key={r.id}>
                    {r.fullName}
                    {r.phone || r.email ? (
                      <span className="hint"> · {[r.phone, r.email].filter(Boolean).join(" · ")}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("self.move.noRecipients", { commune: data.sent.commune })}</p>
          )}
          <p>
            <Link to="/officer/transfers">{t("self.transfers.title")}</Link>
          </p>
        </div>
      ) : person.status !== "active" ? (
        <p className="alert alert--info">{t("self.move.error.closed")}</p>
      ) : person.pendingTransfer ? (
        <p className="alert alert--info">
          {pendingToName} — {t("self.move.pending", { date: date(person.pendingTransfer.requestedAt) })}{" "}
          <Link to="/officer/transfers">{t("self.transfers.title")}</Link>
        </p>
      ) : (
        <>
          <ErrorSummary
            state={state}
            labels={{ provinceCode: "register.province", communeCode: "register.commune", note: "self.move.note" }}
          />
          <Form method="post" className="stack" noValidate>
            <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
              {t("self.move.submit")}
            </button>
            <CommunePicker
              provinces={provinces}
              communes={(data?.communes?.length ? data.communes : communes) as Commune[]}
              state={state}
            />
            <Field name="note" label="self.move.note" state={state}>
              {(control) => <textarea {...control} name="note" rows={3} maxLength={500} />}
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                {t("self.move.submit")}
              </button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
