import type { DeliveryView } from "~/components/deliveries/delivery-list";
import type { DeliveryLine } from "~/modules/notifications/delivery-admin.server";
import { now } from "~/utils/clock.server";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** A delivery for a page: times in Vietnam's clock, "leaves at" for a message waiting past now. */
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
    createdAt: dateTime.format(line.createdAt).replace(",", ""),
    waitsUntil: waiting ? dateTime.format(line.nextAttemptAt).replace(",", "") : null,
  };
}
