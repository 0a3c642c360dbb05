import { Form } from "@remix-run/react";

import { ErrorSummary, Field, type FormState } from "~/components/forms";
import { isMessageKey, type MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import type { AnswerChannel, ReferralStatus } from "../../../db/enums";
import { StatusBadge, timeOf } from "./status";

type Event = {
  id: number;
  status: ReferralStatus;
  actorRole: string;
  actorName: string | null;
  note: string;
  channel?: AnswerChannel | null;
  at: string;
};
type Message = { id: number; authorRole: string; authorName: string | null; body: string; at: string };

function useActor() {
  const { t } = useI18n();
  return (role: string, name: string | null) => {
    if (role === "system") return t("referrals.actor.system");
    const roleWord = isMessageKey(`role.${role}`) ? t(`role.${role}` as MessageKey) : role;
    return name ? `${name} (${roleWord})` : roleWord;
  };
}

/** The status history, oldest first; automatic withdrawals say why in words. */
export function ReferralHistory({ events }: { events: Event[] }) {
  const { t, date } = useI18n();
  const actor = useActor();
  return (
    <ol className="referral-history">
      {events.map((e) => {
        const coded = `referrals.detail.closeReason.${e.note}`;
        return (
          <li key={e.id}>
            <p>
              <StatusBadge status={e.status} /> <span className="hint">{`${date(e.at)} ${timeOf(e.at)}`}</span>
            </p>
            <p className="hint">{actor(e.actorRole, e.actorName)}</p>
            {e.channel ? (
              <p className="referral-history__channel">
                {t("referrals.history.answer", { channel: t(`referrals.channel.${e.channel}`) })}
              </p>
            ) : null}
            {e.note ? (
              <p className="referral-history__note">{isMessageKey(coded) ? t(coded as MessageKey) : e.note}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The officer–organisation thread with a form to add to it (plain post, works without JavaScript). */
export function MessageThread({
  messages,
  state,
  canPost,
}: {
  messages: Message[];
  state: FormState;
  canPost: boolean;
}) {
  const { t, date } = useI18n();
  const actor = useActor();
  return (
    <section id="messages" className="card panel" aria-labelledby="messages-title">
      <h2 id="messages-title">{t("referrals.messages.title")}</h2>
      <p className="hint">{t("referrals.messages.lead")}</p>
      {messages.length === 0 ? (
        <p className="empty-state">{t("referrals.messages.none")}</p>
      ) : (
        <ol className="referral-messages">
          {messages.map((m) => (
            <li key={m.id}>
              <p className="hint">
                {actor(m.authorRole, m.authorName)} · {`${date(m.at)} ${timeOf(m.at)}`}
              </p>
              <p className="referral-messages__body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canPost ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="message" />
          <ErrorSummary state={state} />
          <Field name="body" label="referrals.messages.body" state={state} required>
            {(control) => <textarea {...control} name="body" rows={3} maxLength={2000} required />}
          </Field>
          <div className="actions">
            <button type="submit" className="button">
              {t("referrals.messages.send")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
