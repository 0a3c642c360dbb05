import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { can, requirePermission } from "~/auth/permissions.server";
import { requireStaff, staffScope } from "~/auth/scope.server";
import { requireUser } from "~/auth/session.server";
import { ErrorSummary, Field, type FormState } from "~/components/forms";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { anonymisePerson } from "~/modules/persons/data-rights.server";
import { closePerson, closeSchema, personHeader } from "~/modules/persons/lifecycle.server";
import { type FieldErrors, type FormValues, readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";
import { optionalText } from "~/utils/zod-fields.server";

import { CLOSURE_REASONS } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.actions.close")) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "close:person:commune");
  const person = await personHeader(scope, idOf(params.id));
  if (!person) throw notFound();
  const closed = new URL(request.url).searchParams.get("done") === "closed";
  return json({ person, closed, canAnonymise: can(user, "anonymise:person:commune") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const anonymiseSchema = z.object({
    intent: z.literal("anonymise"),
    confirm: z.literal("on", { error: "self.anonymise.error.confirm" }),
    reason: optionalText(200),
  });
  const user = await requireUser(request);
  const personId = idOf(params.id);
  const values = await readForm(request);
  const fail = (errors: FieldErrors, status = 400) =>
    json({ values, errors, intent: String(values.intent ?? "") }, { status });
  if (values.intent === "anonymise") {
    requirePermission(user, "anonymise:person:commune");
    const parsed = validateForm(anonymiseSchema, values);
    if (!parsed.ok) return fail(parsed.errors);
    const outcome = await anonymisePerson(await staffScope(user), personId, parsed.data.reason || "officer");
    if (!outcome.ok) throw notFound();
    // The record is out of everyone's reach now: go where the officer came from for data requests.
    return redirect("/officer/requests?done=anonymised");
  }
  requirePermission(user, "close:person:commune");
  const parsed = validateForm(closeSchema, values);
  if (!parsed.ok) return fail(parsed.errors);
  const outcome = orNotFound(await closePerson(await staffScope(user), personId, parsed.data));
  if (!outcome.ok) return fail(outcome.errors);
  return redirect(`/officer/persons/${personId}/close?done=closed`);
}

export default function ClosePerson() {
  const { person, closed, canAnonymise } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, word } = useLabels();
  const closeState: FormState = data?.intent !== "anonymise" ? data : undefined;
  const anonState: FormState = data?.intent === "anonymise" ? data : undefined;
  const chosen = (closeState?.values as FormValues | undefined)?.reason;
  return (
    <>
      <p className="listing__back">
        <Link to={`/officer/persons/${person.id}`}>← {t("self.invite.back")}</Link>
      </p>
      <h1>{t("self.close.title", { name: person.fullName })}</h1>
      {closed ? (
        <p className="alert alert--success" role="status">
          {t("self.close.done")}
        </p>
      ) : null}
      {person.status === "closed" ? (
        <p className="alert alert--info">
          {t("self.close.already", {
            date: date(person.closedAt),
            reason: word("self.closure", person.closedReason) || "—",
          })}
        </p>
      ) : (
        <section>
          <p className="lead">{t("self.close.lead")}</p>
          <ErrorSummary state={closeState} labels={{ reason: "self.close.reason", note: "self.close.note" }} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="close" />
            <Field name="reason" label="self.close.reason" state={closeState} required>
              {(control) => (
                <div
                  className="radio-group"
                  role="radiogroup"
                  id={control.id}
                  aria-describedby={control["aria-describedby"]}
                >
                  {CLOSURE_REASONS.map((r) => (
                    <label key={r}>
                      <input type="radio" name="reason" value={r} defaultChecked={chosen === r} />
                      {word("self.closure", r)}
                    </label>
                  ))}
                </div>
              )}
            </Field>
            <Field name="note" label="self.close.note" state={closeState}>
              {(control) => <textarea {...control} name="note" rows={3} maxLength={1000} />}
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                {t("self.close.submit")}
              </button>
            </div>
          </Form>
        </section>
      )}
      {canAnonymise ? (
        <section id="anonymise" className="danger-zone" aria-labelledby="anonymise-title">
          <h2 id="anonymise-title">{t("self.anonymise.title")}</h2>
          <p>{t("self.anonymise.body")}</p>
          <ErrorSummary state={anonState} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="anonymise" />
            <label className="check">
              <input type="checkbox" id="f-confirm" name="confirm" value="on" required />
              <span>
                {t("self.anonymise.confirm")}
                <span className="required"> {t("form.required")}</span>
              </span>
            </label>
            <div className="actions">
              <button type="submit" className="button button--danger">
                {t("self.anonymise.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
