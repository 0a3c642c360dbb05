import { Form } from "@remix-run/react";

import type { FormState } from "~/components/forms";
import type { MessageKey } from "~/i18n";
import type { ReferralMove } from "~/modules/referrals/transitions";
import { MOVE_RULES } from "~/modules/referrals/transitions";
import { useI18n } from "~/utils/i18n-react";

import { OFFICER_ANSWER_CHANNELS, type ReferralStatus } from "../../../db/enums";
import { dateTimeLocal } from "./status";

const HINTS: Partial<Record<ReferralMove, MessageKey>> = {
  offer: "referrals.move.hint.offer",
  decline: "referrals.move.hint.decline",
  withdraw: "referrals.move.hint.withdraw",
  person_declined: "referrals.move.hint.person_declined",
  person_accepted: "referrals.move.hint.person_accepted",
};

type Props = {
  moves: ReferralMove[];
  status: ReferralStatus;
  /** The refused form's answer (400), shown on the form of that move only. */
  state: (FormState & { intent?: string }) | undefined;
  interview: { at: string | null; place: string };
};

/**
 * One small form per move the actor may make now (the same list the server accepts). Ids carry the move
 * name, so several forms on one page never share a label target.
 */
export function MoveForms({ moves, status, state, interview }: Props) {
  const { t, error } = useI18n();
  if (moves.length === 0) return <p className="hint">{t("referrals.detail.final")}</p>;
  return (
    <div className="referral-moves">
      {moves.map((move) => {
        const mine = state?.intent === move ? state : undefined;
        const value = (name: string) => {
          const v = mine?.values?.[name];
          return Array.isArray(v) ? v[0] : v;
        };
        const err = (name: string) => error(mine?.errors?.[name]);
        const id = (name: string) => `f-${move}-${name}`;
        const needsReason = MOVE_RULES[move].needsReason;
        const title =
          move === "interview" && status === "interview"
            ? t("referrals.move.interview.again")
            : t(`referrals.move.${move}`);
        const hint = HINTS[move];
        return (
          <Form key={move} method="post" className={`stack referral-move referral-move--${move}`} noValidate>
            <h3>{title}</h3>
            {hint ? <p className="hint">{t(hint)}</p> : null}
            <input type="hidden" name="intent" value={move} />
            {err("_form") ? (
              <p className="alert alert--error" role="alert">
                {err("_form")}
              </p>
            ) : null}
            {move === "interview" ? (
              <>
                <div className={`field${err("interviewAt") ? " field--invalid" : ""}`}>
                  <label htmlFor={id("interviewAt")}>
                    {t("referrals.move.interviewAt")}
                    <span className="required"> {t("form.required")}</span>
                  </label>
                  <input
                    id={id("interviewAt")}
                    type="datetime-local"
                    name="interviewAt"
                    required
                    defaultValue={value("interviewAt") ?? dateTimeLocal(interview.at)}
                    aria-invalid={err("interviewAt") ? true : undefined}
                  />
                  {err("interviewAt") ? <p className="field-error">{err("interviewAt")}</p> : null}
                </div>
                <div className={`field${err("interviewPlace") ? " field--invalid" : ""}`}>
                  <label htmlFor={id("interviewPlace")}>
                    {t("referrals.move.interviewPlace")}
                    <span className="required"> {t("form.required")}</span>
                  </label>
                  <input
                    id={id("interviewPlace")}
                    name="interviewPlace"
                    maxLength={300}
                    required
                    defaultValue={value("interviewPlace") ?? interview.place}
                    aria-invalid={err("interviewPlace") ? true : undefined}
                  />
                  {err("interviewPlace") ? <p className="field-error">{err("interviewPlace")}</p> : null}
                </div>
              </>
            ) : null}
            {MOVE_RULES[move].personAnswer ? (
              <fieldset
                className={`choice-group${err("channel") ? " field--invalid" : ""}`}
                role="radiogroup"
                aria-invalid={err("channel") ? true : undefined}
                aria-describedby={err("channel") ? id("channel-error") : undefined}
              >
                <legend>
                  {t("referrals.move.channel")}
                  <span className="required"> {t("form.required")}</span>
                </legend>
                <div className="radio-group">
                  {OFFICER_ANSWER_CHANNELS.map((c, i) => (
                    <label key={c}>
                      <input
                        type="radio"
                        name="channel"
                        value={c}
                        id={i === 0 ? id("channel") : undefined}
                        defaultChecked={value("channel") === c}
                      />
                      {t(`referrals.channel.${c}`)}
                    </label>
                  ))}
                </div>
                {err("channel") ? (
                  <p className="field-error" id={id("channel-error")}>
                    {err("channel")}
                  </p>
                ) : null}
              </fieldset>
            ) : null}
            <div className={`field${err("note") ? " field--invalid" : ""}`}>
              <label htmlFor={id("note")}>
                {t(needsReason ? "referrals.move.reason" : "referrals.move.note")}
                {needsReason ? <span className="required"> {t("form.required")}</span> : null}
              </label>
              <textarea
                id={id("note")}
                name="note"
                rows={2}
                maxLength={1000}
                required={needsReason}
                defaultValue={value("note")}
                aria-invalid={err("note") ? true : undefined}
              />
              {err("note") ? <p className="field-error">{err("note")}</p> : null}
            </div>
            <div className="actions">
              <button
                type="submit"
                className={`button${move === "decline" || move === "withdraw" || move === "person_declined" ? " button--secondary" : ""}`}
              >
                {title}
              </button>
            </div>
          </Form>
        );
      })}
    </div>
  );
}
