import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import type { FormState } from "~/components/forms";
import { MessageThread, ReferralHistory } from "~/components/referrals/history";
import { MoveForms } from "~/components/referrals/move-forms";
import { SharedSnapshot } from "~/components/referrals/snapshot";
import { StatusBadge, timeOf } from "~/components/referrals/status";
import { referralAction } from "~/http/referral-action.server";
import { doneParam, found, idOf } from "~/http/responses.server";
import { isMessageKey, type MessageKey } from "~/i18n";
import { postMessageAsOfficer } from "~/modules/referrals/messages.server";
import { officerMoveSchema } from "~/modules/referrals/schema.server";
import { moveReferralAsOfficer } from "~/modules/referrals/status.server";
import { allowedMoves } from "~/modules/referrals/transitions";
import { getReferralForOfficer } from "~/modules/referrals/views.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("referrals.detail.pageTitle")) },
];

const DONE = ["referred", "message", "withdraw", "person_declined", "person_accepted"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "refer:person:commune");
  const detail = found(await getReferralForOfficer(scope, idOf(params.id)));
  return json(
    {
      referral: detail,
      moves: allowedMoves("officer", detail.status),
      done: doneParam(request, DONE),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "refer:person:commune");
  const id = idOf(params.id);
  return referralAction(request, {
    page: `/officer/referrals/${id}`,
    schema: officerMoveSchema,
    postMessage: (body) => postMessageAsOfficer(scope, id, body),
    move: (input) => moveReferralAsOfficer(scope, id, input),
  });
}

export default function OfficerReferral() {
  const { referral: r, moves, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as (FormState & { intent?: string }) | undefined;
  const { t, date } = useI18n();
  const closeReasonKey = `referrals.detail.closeReason.${r.closeReason}`;
  const followUp =
    r.status === "accepted"
      ? r.kind === "job"
        ? {
            to: `/officer/persons/${r.personId}/placement?referral=${r.id}`,
            label: t("referrals.detail.recordPlacement"),
          }
        : {
            to: `/officer/persons/${r.personId}/enrolment?referral=${r.id}`,
            label: t("referrals.detail.recordEnrolment"),
          }
      : null;
  return (
    <div className="referral-page">
      <p className="breadcrumb">
        <Link to="/officer/referrals">{t("referrals.detail.back")}</Link>
      </p>
      <h1>
        {r.personName} <StatusBadge status={r.status} />
      </h1>
      <p className="lead">
        <span className="badge badge--soft">{t(`self.kind.${r.kind}`)}</span> {r.title} · {r.organizationName}
      </p>
      {done ? (
        <p className="alert alert--success" role="status">
          {t(
            done === "referred"
              ? "referrals.refer.done"
              : done === "message"
                ? "referrals.messages.sent"
                : "referrals.detail.done",
          )}
        </p>
      ) : null}
      {followUp ? (
        <p className="actions">
          <Link className="button" to={followUp.to}>
            {followUp.label}
          </Link>
        </p>
      ) : null}
      <section className="card panel" aria-labelledby="facts-title">
        <h2 id="facts-title" className="sr-only">
          {t("referrals.detail.status")}
        </h2>
        <dl className="facts facts--compact">
          <dt>{t("referrals.detail.person")}</dt>
          <dd>
            <Link to={`/officer/persons/${r.personId}`}>{r.personName}</Link>
          </dd>
          <dt>{t("referrals.detail.listing")}</dt>
          <dd>
            <Link to={`/${r.kind === "job" ? "jobs" : "trainings"}/${r.listingId}`}>{r.title}</Link>
          </dd>
          <dt>{t("referrals.detail.referredOn")}</dt>
          <dd>{date(r.createdAt)}</dd>
          {r.interviewAt && (r.status === "interview" || r.status === "offered") ? (
            <>
              <dt>{t("referrals.detail.interview")}</dt>
              <dd>
                {t("referrals.interviewAt", { date: date(r.interviewAt), time: timeOf(r.interviewAt) })},{" "}
                {r.interviewPlace}
              </dd>
            </>
          ) : null}
          {r.declinedBy ? (
            <>
              <dt>{t("referrals.detail.status")}</dt>
              <dd>{t(`referrals.detail.declinedBy.${r.declinedBy}`)}</dd>
            </>
          ) : null}
          {r.closeReason ? (
            <>
              <dt>{t("referrals.detail.reason")}</dt>
              <dd>{isMessageKey(closeReasonKey) ? t(closeReasonKey as MessageKey) : r.closeReason}</dd>
            </>
          ) : null}
          {r.note ? (
            <>
              <dt>{t("referrals.detail.note")}</dt>
              <dd>{r.note}</dd>
            </>
          ) : null}
          {r.matchScore !== null ? (
            <>
              <dt>{t("referrals.detail.match")}</dt>
              <dd>{t("referrals.refer.score", { score: r.matchScore })}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card panel" aria-labelledby="shared-title">
        <h2 id="shared-title">{t("referrals.detail.shared")}</h2>
        <p className="hint">{t("referrals.detail.shared.officer")}</p>
        <SharedSnapshot fields={r.sharedFields} snapshot={r.sharedSnapshot} />
      </section>
      <section className="card panel" aria-labelledby="actions-title">
        <h2 id="actions-title">{t("referrals.detail.actions")}</h2>
        {r.status === "offered" ? (
          <p className="alert alert--info" role="status">
            {t("referrals.detail.awaitingPerson.officer")}
          </p>
        ) : null}
        <MoveForms
          moves={moves}
          status={r.status}
          state={actionData?.intent !== "message" ? actionData : undefined}
          interview={{ at: r.interviewAt, place: r.interviewPlace }}
        />
      </section>
      <section className="card panel" aria-labelledby="history-title">
        <h2 id="history-title">{t("referrals.detail.history")}</h2>
        <ReferralHistory events={r.events} />
      </section>
      <MessageThread messages={r.messages} state={actionData?.intent === "message" ? actionData : undefined} canPost />
    </div>
  );
}
