import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import type { ownListingsAction, ownListingsLoader } from "~/http/listings.server";
import type { MessageKey } from "~/i18n";
import { LISTING_KINDS, type PostingArea, postingAreaWords } from "~/modules/listings/kinds";
import { useI18n } from "~/utils/i18n-react";

/*
 * /employer/jobs, /employer/trainings and /provider/trainings: the organisation's own postings, with
 * the words of who posts (app/modules/listings/kinds.ts) and the facts of each kind (FACTS below).
 */

type JobListData = SerializeFrom<typeof ownListingsLoader<"job">>;
type TrainingListData = SerializeFrom<typeof ownListingsLoader<"training">>;
type ListResult = SerializeFrom<typeof ownListingsAction> | undefined;
type Row = (JobListData["jobs"] | TrainingListData["trainings"])[number];
type Formats = ReturnType<typeof useI18n>;

/** The key facts each kind's list shows of a posting. */
const FACTS = {
  job: (job: JobListData["jobs"][number], { t, vnd, date }: Formats) => [
    { label: t("jobs.wage"), value: t("jobs.wageRange", { min: vnd(job.wageMin), max: vnd(job.wageMax) }) },
    { label: t("jobs.closesAt"), value: date(job.closesAt) },
    { label: t("jobs.openings"), value: String(job.openings) },
  ],
  training: (training: TrainingListData["trainings"][number], { t, date }: Formats) => [
    { label: t("trainings.startsAt"), value: date(training.startsAt) },
    { label: t("trainings.deadline"), value: date(training.applicationDeadline) },
    { label: t("trainings.seats"), value: String(training.seats) },
  ],
};

export function OwnListingsPage({ data, result }: { data: JobListData | TrainingListData; result: ListResult }) {
  const { verification, saved } = data;
  const area = { kind: data.kind, role: data.area } as PostingArea;
  const words = postingAreaWords(area);
  const config = LISTING_KINDS[data.kind];
  const rows: Row[] = "jobs" in data ? data.jobs : data.trainings;
  const facts = FACTS[data.kind] as (row: Row, formats: Formats) => { label: string; value: string }[];
  const formats = useI18n();
  const { t } = formats;
  const verified = verification.status === "verified";
  const statusLabel = (status: string) =>
    t((status === "expired" ? "jobStatus.expired" : `${config.own.statuses}.${status}`) as MessageKey);
  // The service's refusal in the words of who posts ("Doanh nghiệp chưa được xác minh…").
  const failure = (key: MessageKey) => t(key === config.own.failures.not_verified ? words.notVerified : key);
  return (
    <>
      <p className="posting-back">
        <Link to={words.home}>{t("nav.myHome")}</Link>
      </p>
      <div className="posting-head">
        <h1>{t(words.title)}</h1>
        <Link to="new" className="button">
          {t(words.new)}
        </Link>
      </div>
      <p className="lead">{t(words.lead)}</p>
      <UnverifiedNotice status={verification.status} reason={verification.reason} />
      {saved ? (
        <p className={`alert ${saved === "draftUnverified" ? "alert--info" : "alert--success"}`} role="status">
          {t(words.saved[saved])}
        </p>
      ) : null}
      {result?.status ? (
        <p className="alert alert--success" role="status">
          {t(config.own.statusChanged, { status: statusLabel(result.status) })}
        </p>
      ) : result?.error && !result.id ? (
        <p className="alert alert--error" role="alert">
          {failure(result.error)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="card">{t(words.none)}</p>
      ) : (
        <ul className="list posting-list">
          {rows.map((row) => {
            const expired = row.expired || row.closedReason === "expired";
            // "Hết hạn" for an open posting past its date, or one the expiry job closed; a draft stays a draft.
            const shown = (row.status === "open" && expired) || row.closedReason === "expired" ? "expired" : row.status;
            const next: readonly string[] = (config.next as Record<string, readonly string[]>)[row.status];
            // Opening again needs a verified organisation and a date that has not passed.
            const blocked = next.some((a) => a === "publish" || a === "reopen") && expired;
            const allowed = next.filter((a) => (a !== "publish" && a !== "reopen") || (verified && !expired));
            return (
              <PostingListItem
                key={row.id}
                id={row.id}
                title={row.title}
                badge={{ status: shown, label: statusLabel(shown) }}
                facts={facts(row, formats)}
                hint={blocked ? t(config.own.expiredHint) : null}
                error={result?.id === row.id && result.error ? failure(result.error) : null}
                editLabel={t("jobs.action.edit")}
                actions={allowed.map((a) => ({
                  intent: a,
                  label: t(`${config.own.actionLabels}.${a}` as MessageKey),
                  primary: a === "publish" || a === "reopen",
                }))}
              />
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Drafts only until the police verify the organisation: say so above the list. */
export function UnverifiedNotice({
  status,
  reason,
}: {
  status: "pending" | "verified" | "rejected";
  reason: string | null;
}) {
  const { t } = useI18n();
  if (status === "verified") return null;
  return (
    <div className={`alert ${status === "rejected" ? "alert--error" : "alert--info"}`} role="note">
      <p>
        <strong>{t("org.home.status")}: </strong>
        <span className={`badge badge--${status}`}>{t(`verification.${status}`)}</span>
      </p>
      <p>{status === "rejected" ? t("org.home.rejected", { reason: reason ?? "" }) : t("org.home.pending")}</p>
    </div>
  );
}

/**
 * One job or course in its owner's list: status, key facts, "edit", and a small POST form whose buttons
 * move it to the statuses allowed next (`intent` = publish, close, fill or reopen).
 */
export function PostingListItem({
  id,
  title,
  badge,
  facts,
  hint,
  error,
  editLabel,
  actions,
}: {
  id: string;
  title: string;
  badge: { status: string; label: string };
  facts: { label: string; value: string }[];
  hint: string | null;
  error: string | null;
  editLabel: string;
  actions: { intent: string; label: string; primary: boolean }[];
}) {
  const titleId = `posting-${id}`;
  return (
    <li className="card posting">
      <div className="posting__head">
        <h2 className="posting__title" id={titleId}>
          {title}
        </h2>
        <span className={`badge badge--${badge.status}`}>{badge.label}</span>
      </div>
      <dl className="posting__facts">
        {facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {hint ? <p className="hint">{hint}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {/* "?index": post to this list route itself, and drop a ?saved= notice from the address. */}
      <Form method="post" action="?index" className="posting__actions">
        <input type="hidden" name="id" value={id} />
        <Link to={id} className="button button--secondary button--small" aria-describedby={titleId}>
          {editLabel}
        </Link>
        {actions.map((a) => (
          <button
            key={a.intent}
            type="submit"
            name="intent"
            value={a.intent}
            className={`button button--small${a.primary ? "" : " button--secondary"}`}
            aria-describedby={titleId}
          >
            {a.label}
          </button>
        ))}
      </Form>
    </li>
  );
}
