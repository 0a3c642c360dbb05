import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { useLabels } from "~/components/self-service/labels";
import { dueFrom, type FollowUpState } from "~/modules/placements/schedule";
import type { FollowUpView } from "~/modules/placements/views.server";

import type { Outcome12m } from "../../../db/enums";

export type FollowUpItem = SerializeFrom<FollowUpView>;

const STATE_BADGE: Record<FollowUpState, string> = {
  upcoming: "badge--soft",
  due: "badge--pending",
  overdue: "badge--rejected",
  done: "badge--verified",
  cancelled: "badge--closed",
};

export function FollowUpStateBadge({ state }: { state: FollowUpState }) {
  const { word } = useLabels();
  return (
    <span className={`badge ${STATE_BADGE[state]} follow-up-state follow-up-state--${state}`}>
      {word("outcomes.state", state)}
    </span>
  );
}

const OUTCOME_BADGE: Record<Outcome12m, string> = {
  stable: "badge--verified",
  unstable: "badge--pending",
  left_work: "badge--pending",
  reoffended: "badge--rejected",
};

/** The 12-month outcome as a clear badge ("Ổn định sau 12 tháng"). */
export function OutcomeBadge({ outcome }: { outcome: Outcome12m | null }) {
  const { t, word } = useLabels();
  if (!outcome) return <span className="hint">{t("outcomes.outcome.none")}</span>;
  return (
    <span className={`badge outcome-badge outcome-badge--${outcome} ${OUTCOME_BADGE[outcome]}`}>
      {word("outcomes.outcome", outcome)}
    </span>
  );
}

/** What a recorded follow-up found, in one line. */
function Findings({ f }: { f: FollowUpItem }) {
  const { t, vnd, word } = useLabels();
  const parts = [
    f.stillEmployed
      ? t("outcomes.followUp.found.employed", { wage: vnd(f.currentWage ?? 0) })
      : t("outcomes.followUp.found.notEmployed"),
    t(f.stable ? "outcomes.followUp.found.stable" : "outcomes.followUp.found.unstable"),
    f.livingSituation ? word("outcomes.living", f.livingSituation) : null,
    f.violation
      ? t("outcomes.followUp.found.violation", { note: f.violationNote })
      : t("outcomes.followUp.found.noViolation"),
  ].filter(Boolean);
  return <p className="follow-up__findings">{parts.join(" · ")}</p>;
}

/** The four follow-ups of a placement for its officer: state, due date, findings, the employer's word. */
export function FollowUpList({ followUps, canRecord }: { followUps: FollowUpItem[]; canRecord: boolean }) {
  const { t, date } = useLabels();
  return (
    <ol className="follow-ups">
      {followUps.map((f) => (
        <li key={f.id} className={`follow-up follow-up--${f.state}`} data-month={f.monthOffset}>
          <div className="follow-up__head">
            <strong>{t("outcomes.month", { month: f.monthOffset })}</strong> <FollowUpStateBadge state={f.state} />{" "}
            <span className="hint">{t("outcomes.followUp.dueOn", { date: date(f.dueOn) })}</span>
          </div>
          {f.state === "done" ? (
            <>
              <Findings f={f} />
              {f.note ? <p className="follow-up__note">{f.note}</p> : null}
              <p className="hint">{t("outcomes.followUp.by", { date: date(f.doneAt), name: f.doneByName ?? "—" })}</p>
            </>
          ) : null}
          {f.state === "upcoming" ? (
            <p className="hint">{t("outcomes.followUp.upcomingWhy", { date: date(dueFrom(f.dueOn)) })}</p>
          ) : null}
          {f.employerConfirmedAt ? (
            <p className="follow-up__employer">
              {t("outcomes.followUp.employerConfirmed", { date: date(f.employerConfirmedAt) })}
              {f.employerNote ? ` — ${t("outcomes.followUp.employerNote", { note: f.employerNote })}` : null}
            </p>
          ) : null}
          {canRecord && f.recordable ? (
            <p>
              <Link to={`/officer/follow-ups/${f.id}`} className="button button--small">
                {t("outcomes.followUp.record")}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
