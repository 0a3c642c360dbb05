import { eq, inArray } from "drizzle-orm";

import { LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import { ageOn, completionOf, computeExpungement } from "~/modules/persons/expungement";
import { todayIso } from "~/utils/clock.server";

import type { Executor } from "../../../db/client.server";
import { type ConsentPurpose, type ReferralKind, SHAREABLE_FIELDS } from "../../../db/enums";
import { commune, conviction, courtBan, occupation, releasedPerson } from "../../../db/schema";

export type ShareableField = (typeof SHAREABLE_FIELDS)[number];
export type SharedSnapshot = Record<string, string | number | string[]>;

type Grant = { id: string; purposes: ConsentPurpose[]; shareableFields: ShareableField[] };

/**
 * What a referral may share, following the consent form's own rule (consent/schema.server.ts): the fields
 * the newest live grant for the purpose lists, with the phone only under a live "share_contact" grant and
 * the record status only under a live "share_record_status" grant. `grant` is the one the referral relies
 * on (withdrawing it withdraws the referral); null when there is no live grant for the purpose.
 */
export function sharingAllowed(
  liveGrants: readonly Grant[],
  kind: ReferralKind,
): { grant: Grant | null; fields: ShareableField[] } {
  const grant = liveGrants.find((g) => g.purposes.includes(LISTING_PURPOSE[kind])) ?? null;
  if (!grant) return { grant: null, fields: [] };
  const hasPurpose = (p: ConsentPurpose) => liveGrants.some((g) => g.purposes.includes(p));
  const fields = SHAREABLE_FIELDS.filter(
    (f) =>
      grant.shareableFields.includes(f) &&
      (f !== "phone" || hasPurpose("share_contact")) &&
      (f !== "record_status" || hasPurpose("share_record_status")),
  );
  return { grant, fields };
}

/**
 * The person's values for the chosen fields as of today, frozen into the referral: the organisation reads
 * this and never the record. Empty values are left out (nothing to show).
 */
export async function buildSnapshot(
  executor: Executor,
  personId: string,
  fields: readonly ShareableField[],
): Promise<SharedSnapshot> {
  const [person] = await executor
    .select({
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      gender: releasedPerson.gender,
      communeName: commune.name,
      skills: releasedPerson.skills,
      trades: releasedPerson.trades,
      experience: releasedPerson.experience,
      education: releasedPerson.education,
      certificates: releasedPerson.certificates,
      phone: releasedPerson.phone,
      recordExpungedOn: releasedPerson.recordExpungedOn,
      otherDecisionsCompletedOn: releasedPerson.otherDecisionsCompletedOn,
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(eq(releasedPerson.id, personId));
  if (!person) return {};
  const today = todayIso();
  const trades =
    fields.includes("trades") && person.trades.length
      ? await executor
          .select({ code: occupation.code, name: occupation.nameVi })
          .from(occupation)
          .where(inArray(occupation.code, person.trades))
      : [];
  const tradeNames = person.trades.map((code) => trades.find((t) => t.code === code)?.name ?? code);
  const values: Record<ShareableField, string | number | string[]> = {
    full_name: person.fullName,
    age: ageOn(person.dateOfBirth, today),
    gender: person.gender,
    commune: person.communeName,
    skills: person.skills,
    trades: tradeNames,
    experience: person.experience,
    education: person.education,
    certificates: person.certificates,
    phone: person.phone ?? "",
    record_status: fields.includes("record_status") ? await recordStatus(executor, personId, person, today) : "",
  };
  const snapshot: SharedSnapshot = {};
  for (const field of SHAREABLE_FIELDS) {
    if (!fields.includes(field)) continue;
    const value = values[field];
    if (value === "" || (Array.isArray(value) && value.length === 0)) continue;
    snapshot[field] = value;
  }
  return snapshot;
}

/**
 * "expunged" when an officer recorded it, when there is no record (offences under 16), or when the
 * automatic expungement date has come (Penal Code art. 70: by law, recorded or not), as matching reads it.
 */
async function recordStatus(
  executor: Executor,
  personId: string,
  person: { dateOfBirth: string; recordExpungedOn: string | null; otherDecisionsCompletedOn: string | null },
  today: string,
) {
  if (person.recordExpungedOn && person.recordExpungedOn <= today) return "expunged";
  const rows = await executor.select().from(conviction).where(eq(conviction.personId, personId));
  const bans = await executor.select({ endsOn: courtBan.endsOn }).from(courtBan).where(eq(courtBan.personId, personId));
  const computed = computeExpungement(
    rows.map((c) => ({ ...c, sentenceMonths: c.sentenceMonths ?? undefined })),
    person.dateOfBirth,
    completionOf(person, bans),
  );
  if (!computed || computed.kind === "no_record") return "expunged";
  return computed.kind === "automatic" && computed.date <= today ? "expunged" : "not_expunged";
}
