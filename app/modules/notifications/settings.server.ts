import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { liveConsent } from "~/modules/consent/live.server";
import { now } from "~/utils/clock.server";
import { toE164 } from "~/utils/phone";

import { db, type Executor } from "../../../db/client.server";
import { OUTSIDE_CHANNELS, type OutsideChannel, type Role } from "../../../db/enums";
import { appUser, contactSetting, releasedPerson } from "../../../db/schema";

/**
 * How each user is reached outside the app. Sensible defaults per role when they chose nothing:
 * - a person: text messages (they have a phone, not always Zalo or e-mail), still only with their consent;
 * - employers and providers: Zalo and e-mail (shop owners live on Zalo);
 * - officers: nothing one by one, a daily digest at 07:00 by e-mail (by text without an e-mail);
 * - admins: e-mail.
 */
export function defaultChannels(role: Role, has: { phone: boolean; email: boolean }): OutsideChannel[] {
  switch (role) {
    case "person":
      return ["sms"];
    case "employer":
    case "provider":
      return ["zalo", "email"];
    case "officer":
      return has.email ? ["email"] : ["sms"];
    case "admin":
    case "national":
      return ["email"];
  }
}
export const DEFAULT_DIGEST_HOUR = 7;

/** Persons' outside channels need a live consent with this purpose (decision 034). */
export const CONSENT_FOR_CHANNEL = { sms: "contact_sms", zalo: "contact_zalo" } as const;

export type Contact = {
  userId: string;
  role: Role;
  locale: "vi" | "en";
  /** E.164, when the user has a valid phone. */
  phone: string | null;
  email: string | null;
  /** The released person behind a person's login. */
  personId: string | null;
  channels: OutsideChannel[];
  /** The channels chosen explicitly (false: the role's defaults). */
  chosen: boolean;
  digestHour: number | null;
  lastDigestOn: string | null;
};

/** A user's addresses and choices (null: no such active user). */
export async function contactOf(executor: Executor, userId: string): Promise<Contact | null> {
  const [row] = await executor
    .select({
      id: appUser.id,
      role: appUser.role,
      locale: appUser.locale,
      phone: appUser.phone,
      email: appUser.email,
      personId: releasedPerson.id,
      personPhone: releasedPerson.phone,
      channels: contactSetting.channels,
      digestHour: contactSetting.digestHour,
      lastDigestOn: contactSetting.lastDigestOn,
      chosen: contactSetting.userId,
    })
    .from(appUser)
    .leftJoin(releasedPerson, eq(releasedPerson.userId, appUser.id))
    .leftJoin(contactSetting, eq(contactSetting.userId, appUser.id))
    .where(and(eq(appUser.id, userId), isNull(appUser.disabledAt)));
  if (!row) return null;
  const phone = toE164(row.phone ?? row.personPhone ?? "");
  const email = row.email?.includes("@") ? row.email : null;
  return {
    userId: row.id,
    role: row.role,
    locale: row.locale,
    phone,
    email,
    personId: row.personId,
    channels: row.chosen ? row.channels! : defaultChannels(row.role, { phone: !!phone, email: !!email }),
    chosen: !!row.chosen,
    digestHour: row.chosen ? row.digestHour : row.role === "officer" ? DEFAULT_DIGEST_HOUR : null,
    lastDigestOn: row.lastDigestOn,
  };
}

/** The address a channel reaches for this user (null: they have none for it). */
export function addressFor(contact: Contact, channel: OutsideChannel): string | null {
  return channel === "email" ? contact.email : contact.phone;
}

/**
 * The channels a notice may go out on now: chosen, with an address, and for a person with a live consent for
 * that channel (e-mail is not offered to persons). In-app is always on and needs nothing.
 */
export async function reachableChannels(executor: Executor, contact: Contact): Promise<OutsideChannel[]> {
  const reachable: OutsideChannel[] = [];
  for (const channel of contact.channels) {
    if (!addressFor(contact, channel)) continue;
    if (contact.role === "person") {
      if (channel === "email" || !contact.personId) continue;
      if (!(await hasLiveConsent(executor, contact.personId, CONSENT_FOR_CHANNEL[channel]))) continue;
    }
    reachable.push(channel);
  }
  return reachable;
}

async function hasLiveConsent(executor: Executor, personId: string, purpose: "contact_sms" | "contact_zalo") {
  const [row] = await executor
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(and(eq(releasedPerson.id, personId), liveConsent(releasedPerson.id, purpose)));
  return !!row;
}

export const contactSettingsSchema = z.object({
  channels: z.array(z.enum(OUTSIDE_CHANNELS)).default([]),
  digestHour: z
    .union([z.literal("").transform(() => null), z.coerce.number().int().min(0).max(23)])
    .optional()
    .transform((v) => v ?? null),
});
export type ContactSettingsInput = z.infer<typeof contactSettingsSchema>;

/** Save a user's choices (channels without an address for them are dropped). */
export async function saveContactSettings(userId: string, input: ContactSettingsInput): Promise<void> {
  const contact = await contactOf(db(), userId);
  if (!contact) return;
  const channels = [...new Set(input.channels)].filter(
    (c) => addressFor(contact, c) && !(contact.role === "person" && c === "email"),
  );
  const digestHour = contact.role === "officer" ? input.digestHour : null;
  await db()
    .insert(contactSetting)
    .values({ userId, channels, digestHour, updatedAt: now() })
    .onConflictDoUpdate({ target: contactSetting.userId, set: { channels, digestHour, updatedAt: now() } });
}

/** Turn one channel off for a user (the stop button of a message from an organisation or staff). */
export async function turnChannelOff(executor: Executor, userId: string, channel: OutsideChannel): Promise<void> {
  const contact = await contactOf(executor, userId);
  if (!contact) return;
  const channels = contact.channels.filter((c) => c !== channel);
  await executor
    .insert(contactSetting)
    .values({ userId, channels, digestHour: contact.digestHour, updatedAt: now() })
    .onConflictDoUpdate({ target: contactSetting.userId, set: { channels, updatedAt: now() } });
}

export type ChannelChoice = {
  channel: OutsideChannel;
  /** Where it would go (a phone or an address), null when the account has none. */
  address: string | null;
  chosen: boolean;
  /** Persons only: whether their consent for this channel is live. */
  consent: "given" | "needed" | null;
};

/** What /account shows: each channel the role may use, its address, the choice and, for a person, the consent. */
export async function contactChoices(
  userId: string,
): Promise<{ choices: ChannelChoice[]; digestHour: number | null; officer: boolean } | null> {
  const contact = await contactOf(db(), userId);
  if (!contact) return null;
  const offered = OUTSIDE_CHANNELS.filter((c) => !(contact.role === "person" && c === "email"));
  const choices: ChannelChoice[] = [];
  for (const channel of offered) {
    let consent: ChannelChoice["consent"] = null;
    if (contact.role === "person" && contact.personId && channel !== "email")
      consent = (await hasLiveConsent(db(), contact.personId, CONSENT_FOR_CHANNEL[channel])) ? "given" : "needed";
    choices.push({
      channel,
      address: addressFor(contact, channel),
      chosen: contact.channels.includes(channel),
      consent,
    });
  }
  return { choices, digestHour: contact.digestHour, officer: contact.role === "officer" };
}
