import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { requireUserWith } from "~/auth/session.server";
import { timeOf } from "~/components/referrals/status";
import { ListingLine } from "~/components/self-service/listing-list";
import { PersonNav } from "~/components/self-service/person-nav";
import { doneParam } from "~/http/responses.server";
import type { MessageKey } from "~/i18n";
import { listReferralRequests, ownPerson } from "~/modules/persons/self-service.server";
import { personAnswerSchema } from "~/modules/referrals/schema.server";
import { answerReferralAsPerson } from "~/modules/referrals/status.server";
import { allowedMoves, awaitsPersonAnswer } from "~/modules/referrals/transitions";
import { listOwnReferrals } from "~/modules/referrals/views.server";
import { type FieldErrors, readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("referrals.me.title")) },
];

const DONE = ["person_accepted", "person_declined"] as const;

/**
 * The person's own referrals and requests: statuses in plain words, interview details; no notes, no
 * messages. An organisation's offer waits here for the person's yes or no (decision 023).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  const person = await ownPerson(user.id);
  const done = doneParam(request, DONE);
  if (!person)
    return json({ referrals: null, requests: null, done }, { headers: { "Cache-Control": "private, no-store" } });
  const [rows, requests] = await Promise.all([listOwnReferrals(person.id), listReferralRequests(person.id)]);
  // The answers the person may give now: the same rule the server applies (none on a closed record).
  const referrals = rows.map((r) => ({
    ...r,
    answers: person.status === "active" ? allowedMoves("person", r.status) : [],
  }));
  return json({ referrals, requests, done }, { headers: { "Cache-Control": "private, no-store" } });
}

/** The person answers an organisation's offer: yes, or no (with an optional word for the officer only). */
export async function action({ request }: ActionFunctionArgs) {
  // The person's own answer: a person's account (organisations answer on their own pages).
  const user = await requireUserWith(request, "view:record:own", "respond:referral:own");
  const values = await readForm(request);
  const referralId = typeof values.referralId === "string" ? values.referralId : "";
  const invalid = (errors: FieldErrors) => json({ referralId, values, errors }, { status: 400 });
  const parsed = validateForm(personAnswerSchema, values);
  if (!parsed.ok) return invalid(parsed.errors);
  const person = await ownPerson(user.id);
  if (!person || person.status !== "active") return invalid({ _form: { key: "referrals.me.answer.gone" } });
  const outcome = await answerReferralAsPerson(user.id, parsed.data);
  // Not theirs, or no longer waiting for this answer: the same plain sentence, never a 500.
  if (!outcome.ok) return invalid({ _form: { key: "referrals.me.answer.gone" } });
  return redirect(`/me/referrals?done=${parsed.data.intent}#referral-${parsed.data.referralId}`);
}

export default function MyReferrals() {
  const { referrals, requests, done } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t, date, error } = useI18n();
  return (
    <>
      <PersonNav />
      <h1>{t("referrals.me.title")}</h1>
      <p className="lead">{t("referrals.me.lead")}</p>
      {done ? (
        <p className="alert alert--success" role="status">
          {t(`referrals.me.done.${done}`)}
        </p>
      ) : null}
      {referrals === null || requests === null ? (
        <p className="alert alert--info">{t("self.home.notLinked")}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="my-referrals">
            <h2 id="my-referrals">{t("referrals.me.referrals")}</h2>
            {referrals.length === 0 ? (
              <p className="empty-state">{t("referrals.me.referrals.none")}</p>
            ) : (
              <ul className="list">
                {referrals.map((r) => {
                  const status = r.status === "declined" && r.declinedBy === "person" ? "declinedByPerson" : r.status;
                  return (
                    <ListingLine
                      key={r.id}
                      item={{
                        kind: r.kind,
                        listingId: r.listingId,
                        title: r.title,
                        organizationName: r.organizationName,
                        open: true,
                      }}
                    >
                      <p className={`referral-me__status referral-me__status--${r.status}`}>
                        <strong>{t(`referrals.me.status.${status}` as MessageKey)}</strong>
                      </p>
                      {(r.status === "interview" || r.status === "offered") && r.interviewAt ? (
                        <p>
                          {t("referrals.me.interview", {
                            date: date(r.interviewAt),
                            time: timeOf(r.interviewAt),
                            place: r.interviewPlace,
                          })}
                        </p>
                      ) : null}
                      <p className="hint">{t("referrals.me.referredOn", { date: date(r.createdAt) })}</p>
                      {failed && failed.referralId === r.id && failed.errors._form ? (
                        <p className="alert alert--error" role="alert">
                          {error(failed.errors._form)}
                        </p>
                      ) : null}
                      <Answers
                        id={r.id}
                        answers={r.answers}
                        offered={awaitsPersonAnswer(r.status)}
                        note={failed && failed.referralId === r.id ? failed.values.note : undefined}
                      />
                    </ListingLine>
                  );
                })}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="my-requests">
            <h2 id="my-requests">{t("referrals.me.requests")}</h2>
            {requests.length === 0 ? (
              <p className="empty-state">{t("referrals.me.requests.none")}</p>
            ) : (
              <ul className="list">
                {requests.map((r) => (
                  <ListingLine key={r.id} item={r}>
                    <p>
                      <strong>{t(`self.request.status.${r.status}`)}</strong>
                    </p>
                    <p className="hint">{t("self.request.sentOn", { date: date(r.createdAt) })}</p>
                    {r.status === "declined" && r.decisionNote ? (
                      <p>{t("referrals.me.requests.officerNote", { note: r.decisionNote })}</p>
                    ) : null}
                  </ListingLine>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

/**
 * The person's answer, as plain forms (no JavaScript needed): to an offer, "I agree" and "I decline";
 * earlier, only a way to stop, folded away so it is not pressed by mistake.
 */
function Answers({ id, answers, offered, note }: { id: string; answers: string[]; offered: boolean; note: unknown }) {
  const { t } = useI18n();
  if (answers.length === 0) return null;
  const typed = typeof note === "string" ? note : undefined;
  const decline = (
    <Form method="post" className="stack referral-answer referral-answer--no" noValidate>
      <input type="hidden" name="referralId" value={id} />
      <input type="hidden" name="intent" value="person_declined" />
      <div className="field">
        <label htmlFor={`f-note-${id}`}>{t("referrals.me.answer.note")}</label>
        <p className="hint" id={`f-note-${id}-hint`}>
          {t("referrals.me.answer.noteHint")}
        </p>
        <textarea
          id={`f-note-${id}`}
          name="note"
          rows={2}
          maxLength={500}
          defaultValue={typed}
          aria-describedby={`f-note-${id}-hint`}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button--secondary">
          {t(offered ? "referrals.me.answer.no" : "referrals.me.answer.stop")}
        </button>
      </div>
    </Form>
  );
  if (!offered) {
    return (
      <details className="referral-answer__more">
        <summary>{t("referrals.me.answer.stop")}</summary>
        {decline}
      </details>
    );
  }
  return (
    <div id={`referral-${id}`} className="referral-answer">
      {answers.includes("person_accepted") ? (
        <Form method="post" className="referral-answer--yes" noValidate>
          <input type="hidden" name="referralId" value={id} />
          <input type="hidden" name="intent" value="person_accepted" />
          <button type="submit" className="button">
            {t("referrals.me.answer.yes")}
          </button>
        </Form>
      ) : null}
      <details className="referral-answer__more">
        <summary>{t("referrals.me.answer.no")}</summary>
        {decline}
      </details>
    </div>
  );
}
