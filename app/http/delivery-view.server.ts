import type { DeliveryView } from "~/components/deliveries/delivery-list";
import { formatDayTime } from "~/i18n/format-more";
import { foldForSms, smsSegments } from "~/modules/notifications/channels/sms-text";
import type { DeliveryLine } from "~/modules/notifications/delivery-admin.server";
import { now } from "~/utils/clock.server";

/**
 * What a text message costs: the parts it is sent in (160 characters, 153 when split; 70 and 67 when it keeps
 * Vietnamese letters), as the gateway will count them (SMS_FOLD_DIACRITICS, on unless "false").
 */
function smsSize(body: string) {
  const sent = process.env.SMS_FOLD_DIACRITICS === "false" ? body : foldForSms(body);
  const size = smsSegments(sent);
  return { parts: size.segments, characters: size.characters };
}

/** A delivery for a page: times in Vietnam's clock, "leaves at" for a message waiting past now, an SMS's parts. */
export function deliveryView(line: DeliveryLine): DeliveryView {
  const waiting = line.status === "queued" && line.nextAttemptAt > now();
  return {
    id: line.id,
    channel: line.channel,
    kind: line.kind,
    to: line.to,
    recipientName: line.recipientName,
    subject: line.subject,
    body: line.body,
    status: line.status,
    attempts: line.attempts,
    lastError: line.lastError,
    createdAt: formatDayTime(line.createdAt),
    waitsUntil: waiting ? formatDayTime(line.nextAttemptAt) : null,
    sms: line.channel === "sms" ? smsSize(line.body) : null,
  };
}
