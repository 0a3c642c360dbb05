import type { ChannelAdapter, OutsideChannel } from "./types";

/**
 * The dev outbox: in the demo and in development no message leaves the machine. The delivery row already
 * holds exactly what would be sent, so "sending" is marking it; /dev/outbox shows the rows this adapter
 * sent, as each person would read them. Never used when a real provider is configured for the channel.
 */
export function outboxAdapter(channel: OutsideChannel): ChannelAdapter {
  return {
    channel,
    provider: "outbox",
    async send(message) {
      return { ok: true, providerId: `outbox-${message.deliveryId}` };
    },
  };
}
