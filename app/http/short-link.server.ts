import { stopSavedSearch } from "~/modules/alerts/saved-searches.server";
import { withdrawConsent } from "~/modules/consent/consent.server";
import { liveGrants } from "~/modules/consent/live.server";
import { CONSENT_FOR_CHANNEL, contactOf, turnChannelOff } from "~/modules/notifications/settings.server";
import { findShortLink, type OpenedLink, type StopKey } from "~/modules/notifications/short-links.server";

import { db } from "../../db/client.server";
import type { OutsideChannel } from "../../db/enums";

/**
 * The one-tap stop of a message (/n/<code>): what the link's stop key names ends, for the link's recipient
 * only, whoever holds the phone. A person's channel is a consent purpose, so stopping it is a withdrawal,
 * recorded like any other ("message_link"); a staff or organisation user's channel is a setting. A saved
 * search is stopped by the alerts module. Returns false for an unknown code.
 */
export async function stopFromLink(code: string): Promise<{ ok: boolean; stopKey?: StopKey }> {
  const link = await findShortLink(db(), code);
  if (!link?.stopKey) return { ok: false };
  const [what, rest] = link.stopKey.split(":", 2) as ["channel" | "saved-search", string];
  if (what === "channel") await stopChannel(link.userId, rest as OutsideChannel);
  else await stopSavedSearch(db(), link.userId, rest);
  return { ok: true, stopKey: link.stopKey };
}

async function stopChannel(userId: string, channel: OutsideChannel): Promise<void> {
  const contact = await contactOf(db(), userId);
  if (!contact) return;
  if (contact.role === "person" && contact.personId && channel !== "email") {
    const purpose = CONSENT_FOR_CHANNEL[channel];
    for (const grant of await liveGrants(contact.personId)) {
      if (!grant.purposes.includes(purpose)) continue;
      await withdrawConsent(
        { id: userId, role: "person" },
        { personId: contact.personId, grantId: grant.id, ownPersonId: contact.personId, purposes: [purpose] },
        "",
        "message_link",
      );
    }
    return;
  }
  await turnChannelOff(db(), userId, channel);
}

/** The link behind a message's code (null: no such code), for its page. */
export function openShortLink(code: string): Promise<OpenedLink | null> {
  return findShortLink(db(), code);
}
