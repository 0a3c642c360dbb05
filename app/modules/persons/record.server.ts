import { and, asc, desc, eq, isNull } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { listGrants } from "~/modules/consent/consent.server";
import { todayIso } from "~/utils/clock.server";

import { db } from "../../../db/client.server";
import { appUser, classification, commune, conviction, courtBan, province, releasedPerson } from "../../../db/schema";
import { completionOf, computeExpungement, type Conviction, type ExpungementResult } from "./expungement";
import { personInScope } from "./scope.server";

export type PersonRecord = Awaited<ReturnType<typeof loadRecord>>;

async function loadRecord(personId: string) {
  const [person] = await db()
    .select({ person: releasedPerson, communeName: commune.name, provinceName: province.name })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .innerJoin(province, eq(province.code, releasedPerson.provinceCode))
    .where(eq(releasedPerson.id, personId));
  if (!person) return undefined;
  const [convictions, bans, classifications, grants] = await Promise.all([
    db().select().from(conviction).where(eq(conviction.personId, personId)).orderBy(asc(conviction.offenceDate)),
    db().select().from(courtBan).where(eq(courtBan.personId, personId)),
    db()
      .select({
        id: classification.id,
        quarter: classification.quarter,
        group: classification.group,
        note: classification.note,
        classifiedAt: classification.classifiedAt,
        by: appUser.fullName,
      })
      .from(classification)
      .leftJoin(appUser, eq(appUser.id, classification.classifiedBy))
      .where(eq(classification.personId, personId))
      .orderBy(desc(classification.quarter)),
    listGrants(personId),
  ]);
  return {
    ...person.person,
    communeName: person.communeName,
    provinceName: person.provinceName,
    convictions,
    bans,
    classifications,
    grants,
    expungement: expungementOf(person.person, convictions, bans),
  };
}

/**
 * The record's expungement: recorded by an officer, or computed (arts. 70–73) from the convictions, the court
 * bans' end dates and the day the judgment's other decisions were completed. Every page and list that says
 * "due" (the record, /officer/expungements, the persons list, the officer's home) goes through here.
 */
export function expungementOf(
  person: { dateOfBirth: string; recordExpungedOn: string | null; otherDecisionsCompletedOn: string | null },
  convictions: (Pick<
    Conviction,
    "offenceDate" | "penalty" | "mainCompletedOn" | "supplementaryCompletedOn" | "nationalSecurity"
  > & {
    sentenceMonths: number | null;
  })[],
  bans: readonly { endsOn: string | null }[],
): { recordedOn: string | null; computed: ExpungementResult | null; eligibleNow: boolean } {
  const computed = computeExpungement(
    convictions.map((c) => ({ ...c, sentenceMonths: c.sentenceMonths ?? undefined })),
    person.dateOfBirth,
    completionOf(person, bans),
  );
  const eligibleNow =
    !person.recordExpungedOn && computed !== null && computed.kind !== "no_record" && computed.date <= todayIso();
  return { recordedOn: person.recordExpungedOn, computed, eligibleNow };
}

/**
 * A person's whole record for a staff member within scope, audit-logged with the purpose; a person
 * outside the scope (or a guessed id) is undefined, and the caller answers 404.
 */
export async function getPersonForStaff(
  scope: StaffScope,
  personId: string,
  purpose: string,
): Promise<PersonRecord | undefined> {
  const [inScope] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(personInScope(scope, personId));
  if (!inScope) return undefined;
  await audit(db(), { id: scope.actorId, role: scope.role }, personId, "view", purpose);
  return loadRecord(personId);
}

/** The person's own record (their account), audit-logged as a self view. */
export async function getOwnRecord(actor: { id: string }): Promise<PersonRecord | undefined> {
  const [own] = await db()
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(and(eq(releasedPerson.userId, actor.id), isNull(releasedPerson.anonymizedAt)));
  if (!own) return undefined;
  await audit(db(), { id: actor.id, role: "person" }, own.id, "view", "self_access");
  return loadRecord(own.id);
}
