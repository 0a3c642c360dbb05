import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { audit } from "~/modules/audit/audit.server";
import { todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import { foldWords } from "~/utils/text";

import { db } from "../../../db/client.server";
import { commune, conviction, courtBan, occupation, province, releasedPerson } from "../../../db/schema";
import { ageOn } from "./expungement";
import type { IntakeInput } from "./schema.server";
import { communeInScope } from "./scope.server";

export type DuplicateCandidate = {
  id: string | null;
  fullName: string;
  dateOfBirth: string;
  communeName: string;
  reason: "citizen_id" | "name_birth";
};

export type IntakeOutcome =
  { ok: true; personId: string } | { ok: false; errors: FieldErrors } | { ok: false; duplicates: DuplicateCandidate[] };

/**
 * Likely duplicates: the same citizen ID anywhere, or the same name and birth date in the province. Ids
 * are given only for records inside the officer's scope; elsewhere, only that one exists and where.
 */
export async function findDuplicates(
  scope: StaffScope,
  input: Pick<IntakeInput, "citizenId" | "fullName" | "dateOfBirth">,
  provinceCode: string,
  excludeId?: string,
) {
  const found: DuplicateCandidate[] = [];
  const rows = await db()
    .select({
      id: releasedPerson.id,
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      citizenId: releasedPerson.citizenId,
      communeCode: releasedPerson.communeCode,
      provinceCode: releasedPerson.provinceCode,
      communeName: commune.name,
    })
    .from(releasedPerson)
    .innerJoin(commune, eq(commune.code, releasedPerson.communeCode))
    .where(
      and(
        isNull(releasedPerson.anonymizedAt),
        excludeId ? ne(releasedPerson.id, excludeId) : undefined,
        input.citizenId
          ? sql`(${releasedPerson.citizenId} = ${input.citizenId} or (${releasedPerson.provinceCode} = ${provinceCode} and ${releasedPerson.dateOfBirth} = ${input.dateOfBirth}))`
          : and(eq(releasedPerson.provinceCode, provinceCode), eq(releasedPerson.dateOfBirth, input.dateOfBirth!)),
      ),
    );
  for (const r of rows) {
    const reason =
      input.citizenId && r.citizenId === input.citizenId
        ? "citizen_id"
        : foldWords(r.fullName) === foldWords(input.fullName)
          ? "name_birth"
          : null;
    if (!reason) continue;
    const visible = communeInScope(scope, r.communeCode, r.provinceCode);
    found.push({
      id: visible ? r.id : null,
      fullName: visible ? r.fullName : "",
      dateOfBirth: r.dateOfBirth,
      communeName: r.communeName,
      reason,
    });
  }
  return found;
}

/**
 * Register a person in one of the officer's communes. Eligibility: released (release date not in the
 * future), 15 or older, resident in the actor's scope. Likely duplicates are shown, not silently created.
 */
export async function registerPerson(scope: StaffScope, input: IntakeInput): Promise<IntakeOutcome> {
  const today = todayIso();
  const errors: FieldErrors = {};
  const [place] = await db()
    .select({ provinceCode: commune.provinceCode })
    .from(commune)
    .where(eq(commune.code, input.communeCode));
  if (!place || !communeInScope(scope, input.communeCode, place.provinceCode))
    errors.communeCode = { key: "persons.error.communeOutOfScope" };
  if (input.dateOfBirth && ageOn(input.dateOfBirth, today) < 15) errors.dateOfBirth = { key: "persons.error.tooYoung" };
  if (input.releaseDate && input.releaseDate > today) errors.releaseDate = { key: "persons.error.notReleased" };
  if (input.mainCompletedOn && input.mainCompletedOn > today && input.releaseType === "completed") {
    errors.mainCompletedOn = { key: "persons.error.notReleased" };
  }
  if (input.otherDecisionsCompletedOn && input.otherDecisionsCompletedOn > today) {
    errors.otherDecisionsCompletedOn = { key: "persons.error.otherDecisionsInFuture" };
  }
  // A code the form never offered (a forged or stale post) would fail a foreign key with a 500: refuse it here.
  if (place && input.bannedPlaceCommunes.length) {
    const known = await db()
      .select({ code: commune.code })
      .from(commune)
      .where(and(inArray(commune.code, input.bannedPlaceCommunes), eq(commune.provinceCode, place.provinceCode)));
    if (known.length !== input.bannedPlaceCommunes.length) errors.bannedPlaceCommunes = { key: "validation.choose" };
  }
  if (input.preferredProvinceCode) {
    const [known] = await db()
      .select({ code: province.code })
      .from(province)
      .where(eq(province.code, input.preferredProvinceCode));
    if (!known) errors.preferredProvinceCode = { key: "validation.choose" };
  }
  // Occupation codes (trades, wishes, bans) must be on the shipped list, or matching would silently ignore them.
  for (const field of ["trades", "desiredOccupations", "bannedOccupations"] as const) {
    const codes = input[field];
    if (!codes.length) continue;
    const known = await db().select({ code: occupation.code }).from(occupation).where(inArray(occupation.code, codes));
    if (known.length !== codes.length) errors[field] = { key: "validation.choose" };
  }
  if (Object.keys(errors).length || !place) return { ok: false, errors };

  const duplicates = await findDuplicates(scope, input, place.provinceCode);
  if (duplicates.some((d) => d.reason === "citizen_id")) return { ok: false, duplicates };
  if (duplicates.length && !input.confirmNotDuplicate) return { ok: false, duplicates };

  const personId = await db().transaction(async (tx) => {
    const [person] = await tx
      .insert(releasedPerson)
      .values({
        fullName: input.fullName,
        gender: input.gender,
        dateOfBirth: input.dateOfBirth!,
        citizenId: input.citizenId,
        needsNewIdCard: input.needsNewIdCard,
        phone: input.phone,
        address: input.address,
        provinceCode: place.provinceCode,
        communeCode: input.communeCode,
        releaseDate: input.releaseDate!,
        releaseType: input.releaseType,
        skills: input.skills,
        trades: input.trades,
        experience: input.experience,
        education: input.education,
        certificates: input.certificates,
        desiredOccupations: input.desiredOccupations,
        preferredProvinceCode: input.preferredProvinceCode,
        willingToMove: input.willingToMove,
        availableFrom: input.availableFrom,
        expectedWage: input.expectedWage || null,
        needs: input.needs,
        hardship: input.hardship,
        hardshipNote: input.hardshipNote,
        supervisorKind: input.supervisorKind,
        supervisorName: input.supervisorName,
        supervisorContact: input.supervisorContact,
        otherDecisionsCompletedOn: input.otherDecisionsCompletedOn,
        createdBy: scope.actorId,
      })
      .returning({ id: releasedPerson.id });
    await tx.insert(conviction).values({
      personId: person.id,
      offenceDate: input.offenceDate!,
      offenceCategory: input.offenceCategory,
      nationalSecurity: input.nationalSecurity,
      penalty: input.penalty,
      sentenceMonths: input.penalty === "prison" ? input.sentenceMonths : null,
      mainCompletedOn: input.mainCompletedOn!,
      supplementaryCompletedOn: input.supplementaryCompletedOn,
    });
    if (input.bannedOccupations.length) {
      await tx.insert(courtBan).values({
        personId: person.id,
        kind: "occupation",
        occupationCodes: input.bannedOccupations,
        endsOn: input.occupationBanEndsOn,
      });
    }
    for (const code of input.bannedPlaceCommunes) {
      await tx.insert(courtBan).values({
        personId: person.id,
        kind: "place",
        provinceCode: place.provinceCode,
        communeCode: code,
        endsOn: input.placeBanEndsOn,
      });
    }
    await audit(tx, { id: scope.actorId, role: scope.role }, person.id, "create", "intake");
    return person.id;
  });
  return { ok: true, personId };
}
