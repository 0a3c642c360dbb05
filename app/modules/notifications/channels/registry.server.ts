import { getEnv } from "~/env.server";

import { emailAdapterFromEnv } from "./email.server";
import { outboxAdapter } from "./outbox.server";
import { smsAdapterFromEnv } from "./sms-config.server";
import { type ChannelAdapter, OUTSIDE_CHANNELS, type OutsideChannel } from "./types";
import { znsAdapterFromEnv } from "./zns.server";

export type ChannelAdapters = Partial<Record<OutsideChannel, ChannelAdapter>>;

/** Each channel's provider adapter from the environment (null: not configured). */
const FROM_ENV: Record<OutsideChannel, (source: Record<string, string | undefined>) => ChannelAdapter | null> = {
  sms: (source) => smsAdapterFromEnv(source, { callbackUrl: hookUrl("esms") }),
  zalo: (source) => znsAdapterFromEnv(source),
  email: (source) => emailAdapterFromEnv(source),
};

/** Where a provider sends its delivery reports (undefined: HOOKS_TOKEN unset, none asked for). */
function hookUrl(provider: string): string | undefined {
  const env = getEnv();
  return env.HOOKS_TOKEN ? `${env.publicUrl}/hooks/${provider}/${env.HOOKS_TOKEN}` : undefined;
}

let current: ChannelAdapters | undefined;

/**
 * The channels this instance can send on: a configured provider, else the dev outbox when it is on (the demo),
 * else none (the channel is off: nothing is queued for it). Read once; tests replace it with `useChannelAdapters`.
 */
export function channelAdapters(): ChannelAdapters {
  if (!current) {
    const env = getEnv();
    current = {};
    for (const channel of OUTSIDE_CHANNELS) {
      const adapter = FROM_ENV[channel](process.env) ?? (env.devOutbox ? outboxAdapter(channel) : null);
      if (adapter) current[channel] = adapter;
    }
  }
  return current;
}

/** Tests and scripts: send through these adapters (undefined: read the environment again). */
export function useChannelAdapters(adapters: ChannelAdapters | undefined): void {
  current = adapters;
}

/** Check the providers' variables at boot, so a half-configured channel fails the start with a clear message. */
export function checkChannelConfiguration(): OutsideChannel[] {
  return Object.keys(channelAdapters()) as OutsideChannel[];
}
