import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import type { FormState } from "~/components/forms";
import type { organizationReferralLoader, organizationReferralsLoader } from "~/http/organization-referrals.server";
import { useI18n } from "~/utils/i18n-react";

import { MessageThread, ReferralHistory } from "./history";
import { MoveForms } from "./move-forms";
import { EndedSharingSummary, SharedSnapshot } from "./snapshot";
import { StatusBadge, StatusFilter, timeOf } from "./status";

type ListData = SerializeFrom<typeof organizationReferralsLoader>;
type DetailData = SerializeFrom<typeof organizationReferralLoader>;

/** /employer/referrals and /provider/referrals: the organisation's referrals, newest first. */
export function OrganizationReferralList({ data }: { data: ListData }) {
  const { t, date } = useI18n();
  const base = `/${data.role}/referrals`;
  return (
    <>
      <h1>{t("referrals.org.title")}</h1>
      <p className="lead">
        {t(data.role === "employer" ? "referrals.org.lead.employer" : "referrals.org.lead.provider")}
      </p>
      <StatusFilter counts={data.counts} current={data.status} basePath={base} />
      {data.rows.length === 0 ? (
        <p className="empty-state">{t("referrals.org.none")}</p>
      ) : (
        <ul className="list referral-list">
          {data.rows.map((r) => (
            <li key={r.id} className="result-card">
              <p>
                <StatusBadge status={r.status} />{" "}
                {r.status === "referred" ? <span className="badge badge--soft">{t("referrals.list.new")}</span> : null}
              </p>
              <h2 className="result-card__title">
                <Link to={`${base}/${r.id}`}>{r.sharedName ?? t("referrals.list.candidate")}</Link>
              </h2>
              <p className="result-card__org">{r.title}</p>
              {r.consentEnded ? (
                <p className="result-card__meta consent-ended">
                  {r.consentEnded.reason === "ended" || !r.consentEnded.at
                    ? t("consent.withdrawal.org.list.ended")
                    : t(`consent.withdrawal.org.list.${r.consentEnded.reason}`, { date: date(r.consentEnded.at) })}
                </p>
              ) : null}
              <p className="result-card__meta">
                <span>{t("referrals.list.referredOn", { date: date(r.createdAt) })}</span>
                {r.status === "interview" && r.interviewAt ? (
                  <span>{t("referrals.interviewAt", { date: date(r.interviewAt), time: timeOf(r.interviewAt) })}</span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One referral as the organisation sees it: the shared snapshot only, the history, its moves, the thread. */
export function OrganizationReferralDetail({
  data,
  actionData,
}: {
  data: DetailData;
  actionData: (FormState & { intent?: string }) | undefined;
}) {
  const { t, date } = useI18n();
  const r = data.referral;
  const base = `/${data.role}/referrals`;
  return (
    <div className="referral-page">
      <p className="breadcrumb">
        <Link to={base}>{t("referrals.detail.back")}</Link>
      </p>
      <h1>
        {typeof r.sharedSnapshot.full_name === "string" ? r.sharedSnapshot.full_name : t("referrals.list.candidate")}{" "}
        <StatusBadge status={r.status} />
      </h1>
      <p className="lead">{r.title}</p>
      {data.done ? (
        <p className="alert alert--success" role="status">
          {t(data.done === "message" ? "referrals.messages.sent" : "referrals.detail.done")}
        </p>
      ) : null}
      <section className="card panel" aria-labelledby="shared-title">
        <h2 id="shared-title">{t("referrals.detail.shared")}</h2>
        {r.sharingEnded ? (
          <>
            <p className="empty-state">{t("referrals.detail.shared.ended")}</p>
            <EndedSharingSummary ended={r.consentEnded} />
          </>
        ) : (
          <>
            <p className="hint">{t("referrals.detail.shared.lead")}</p>
            <EndedSharingSummary ended={r.consentEnded} />
            <SharedSnapshot fields={r.sharedFields} snapshot={r.sharedSnapshot} ended={r.consentEnded} />
          </>
        )}
        <dl className="facts facts--compact facts--block">
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
          {r.note ? (
            <>
              <dt>{t("referrals.detail.note")}</dt>
              <dd>{r.note}</dd>
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
              <dd>{r.closeReason}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card panel" aria-labelledby="actions-title">
        <h2 id="actions-title">{t("referrals.detail.actions")}</h2>
        {r.status === "offered" ? (
          <p className="alert alert--info" role="status">
            {t("referrals.detail.awaitingPerson")}
          </p>
        ) : null}
        <MoveForms
          moves={data.moves}
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
