import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { requireUserWith } from "~/auth/session.server";
import { ErrorSummary, Field, type FormState } from "~/components/forms";
import { AccessLog } from "~/components/self-service/access-log";
import { useLabels } from "~/components/self-service/labels";
import { PersonData } from "~/components/self-service/person-data";
import { PersonNav } from "~/components/self-service/person-nav";
import { notFound } from "~/http/responses.server";
import { collectPersonData } from "~/modules/persons/data-rights.server";
import { getOwnRecord } from "~/modules/persons/record.server";
import {
  createDataRequest,
  dataRequestSchema,
  listAccessEvents,
  listOwnDataRequests,
  namesFor,
} from "~/modules/persons/self-service.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("self.data.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  // The gate and the audit entry (self access); then everything held, straight from the tables.
  const record = await getOwnRecord(user);
  const sent = new URL(request.url).searchParams.get("done") === "request";
  const headers = { "Cache-Control": "private, no-store" };
  if (!record) return json({ linked: false as const, sent }, { headers });
  const data = await collectPersonData(record.id);
  if (!data) throw notFound();
  const [names, requests, access] = await Promise.all([
    namesFor(data),
    listOwnDataRequests(record.id),
    listAccessEvents(record.id, user.id),
  ]);
  return json({ linked: true as const, sent, data, names, requests, access }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  const values = await readForm(request);
  const parsed = validateForm(dataRequestSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = await createDataRequest(user.id, parsed.data);
  if (!outcome.ok) throw notFound();
  return redirect("/me/data?done=request#requests");
}

export default function MyData() {
  const loaded = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState;
  const { t, date, word } = useLabels();
  if (!loaded.linked) {
    return (
      <>
        <PersonNav />
        <h1>{t("self.data.title")}</h1>
        <p className="alert alert--info">{t("self.home.notLinked")}</p>
      </>
    );
  }
  const { data, names, requests, access, sent } = loaded;
  const kind = (state?.values?.kind as string | undefined) ?? "correction";
  return (
    <>
      <PersonNav />
      <h1>{t("self.data.title")}</h1>
      <p className="lead">{t("self.data.lead")}</p>
      <p>
        <a href="/me/data.json" className="button button--secondary" download>
          {t("self.data.download")}
        </a>
      </p>

      <PersonData data={data} names={names} />

      <section id="requests" aria-labelledby="request-title" className="data-request">
        <h2 id="request-title">{t("self.data.request.title")}</h2>
        <p className="lead">{t("self.data.request.lead")}</p>
        {sent ? (
          <p className="alert alert--success" role="status">
            {t("self.data.request.sent")}
          </p>
        ) : null}
        <ErrorSummary state={state} labels={{ kind: "self.data.request.kind", message: "self.data.request.message" }} />
        <Form method="post" className="stack" noValidate>
          <fieldset>
            <legend>{t("self.data.request.kind")}</legend>
            <div className="radio-group">
              {(["correction", "deletion"] as const).map((k) => (
                <label key={k}>
                  <input type="radio" name="kind" value={k} defaultChecked={kind === k} />
                  {t(`self.data.request.kind.${k}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <Field
            name="message"
            label="self.data.request.message"
            hint="self.data.request.message.hint"
            state={state}
            required
          >
            {(control) => <textarea {...control} name="message" rows={4} maxLength={2000} />}
          </Field>
          <div className="actions">
            <button type="submit" className="button">
              {t("self.data.request.submit")}
            </button>
          </div>
        </Form>
        {requests.length ? (
          <>
            <h3>{t("self.data.requests")}</h3>
            <ul className="list">
              {requests.map((r) => (
                <li key={r.id} className="card">
                  <p>
                    <strong>{t(`self.data.request.kind.${r.kind}`)}</strong> ·{" "}
                    <span
                      className={`badge badge--${r.status === "open" ? "pending" : r.status === "done" ? "verified" : "rejected"}`}
                    >
                      {word("self.dataRequest.status", r.status)}
                    </span>{" "}
                    <span className="hint">{date(r.createdAt)}</span>
                  </p>
                  <p className="prose">{r.message}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="access-title">
        <h2 id="access-title">{t("self.data.access.title")}</h2>
        <p className="lead">{t("self.data.access.lead")}</p>
        {access.length === 0 ? (
          <p className="empty-state">{t("self.data.access.none")}</p>
        ) : (
          <AccessLog events={access} />
        )}
      </section>
    </>
  );
}
