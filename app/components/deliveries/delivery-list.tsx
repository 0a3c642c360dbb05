import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import type { DeliveryStatus, OutsideChannel } from "../../../db/enums";

/** A delivery as a page shows it (dates already formatted on the server, in Vietnam's time). */
export type DeliveryView = {
  id: number;
  channel: OutsideChannel;
  kind: string;
  to: string;
  recipientName: string;
  subject: string | null;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  waitsUntil: string | null;
  /** A text message: how many parts the gateway sends (and charges), and its length. */
  sms: { parts: number; characters: number } | null;
};

/**
 * Messages as their recipients read them, newest first: the dev outbox and the admin's delivery list.
 * `action` renders a control per message (the admin's "send again").
 */
export function DeliveryList({
  deliveries,
  action,
}: {
  deliveries: DeliveryView[];
  action?: (d: DeliveryView) => React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ol className="delivery-list">
      {deliveries.map((d) => (
        <li
          key={d.id}
          className={`card delivery delivery--${d.status}`}
          data-channel={d.channel}
          data-status={d.status}
        >
          <p className="delivery__meta">
            <strong>{t(`channel.${d.channel}` as MessageKey)}</strong> · {t("outbox.to")} {d.recipientName} (
            <span className="delivery__to">{d.to}</span>) · {d.createdAt}
          </p>
          <p className="delivery__status">
            <span className={`badge badge--${d.status}`}>{t(`delivery.status.${d.status}` as MessageKey)}</span>
            {d.waitsUntil ? <> · {t("delivery.waitsUntil", { time: d.waitsUntil })}</> : null}
            {d.sms ? <> · {t("delivery.smsParts", { parts: d.sms.parts, characters: d.sms.characters })}</> : null}
            {d.attempts > 1 ? <> · {t("delivery.attempts", { count: d.attempts })}</> : null}
            {d.lastError ? (
              <>
                {" "}
                · <span className="delivery__error">{d.lastError}</span>
              </>
            ) : null}
          </p>
          {d.subject ? <p className="delivery__subject">{d.subject}</p> : null}
          <pre className="delivery__body">{d.body}</pre>
          {action ? action(d) : null}
        </li>
      ))}
    </ol>
  );
}
