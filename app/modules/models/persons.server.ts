import { and, asc, eq, isNull, notExists, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate } from "~/i18n";
import { audit, auditMany } from "~/modules/audit/audit.server";
import { personNameKey, personNameOrder } from "~/modules/persons/order.server";
import { personInScope, personsInScope } from "~/modules/persons/scope.server";
import { todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";

import { db } from "../../../db/client.server";
import { modelPerson, releasedPerson } from "../../../db/schema";
import { getModel, type Model, type ModelChange } from "./models.server";
import type { CoverPersonInput, LeavePersonInput } from "./schema.server";

/**
 * The persons a model covers (from a join date, until a leave date). Only persons of the model's commune in
 * the officer's reach may join; names shown are audited, one event per person (purpose "reintegration_model").
 */

const PURPOSE = "reintegration_model";
const actorOf = (scope: StaffScope) => ({ id: scope.actorId, role: scope.role });

export type CoveredPerson = {
  personId: string;
  /** Null when the person is outside the reader's reach now (moved away, anonymised). */
  fullName: string | null;
  birthYear: number | null;
  joinedOn: string;
  leftOn: string | null;
};

export async function coveredPersons(scope: StaffScope, model: Model): Promise<CoveredPerson[]> {
  const rows = await db()
    .select({
      personId: modelPerson.personId,
      inReach: sql<boolean>`(${personsInScope(scope)})`,
      fullName: releasedPerson.fullName,
      dateOfBirth: releasedPerson.dateOfBirth,
      joinedOn: modelPerson.joinedOn,
      leftOn: modelPerson.leftOn,
    })
    .from(modelPerson)
    .innerJoin(releasedPerson, eq(releasedPerson.id, modelPerson.personId))
    .where(eq(modelPerson.modelId, model.id))
    // Those covered now first, then those who left; by name within each.
    .orderBy(sql`${modelPerson.leftOn} is not null`, personNameKey, asc(modelPerson.personId));
  const persons = rows.map((r) => ({
    personId: r.personId,
    fullName: r.inReach ? r.fullName : null,
    birthYear: r.inReach ? Number(r.dateOfBirth.slice(0, 4)) : null,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
  }));
  const named = persons.filter((p) => p.fullName !== null).map((p) => p.personId);
  await auditMany(db(), actorOf(scope), named, "view", PURPOSE, { modelId: model.id, list: "covered" });
  return persons;
}

export type ModelPickerPerson = { id: string; fullName: string; birthYear: number };

/** Active persons of the model's commune in the officer's reach, not covered now, found by name; audited. */
export async function personsToCover(
  scope: StaffScope,
  model: Model,
  q: string | undefined,
): Promise<ModelPickerPerson[]> {
  const conds = [
    personsInScope(scope),
    eq(releasedPerson.communeCode, model.communeCode),
    eq(releasedPerson.status, "active"),
  ];
  if (q)
    conds.push(
      sql`ct_fold(${releasedPerson.fullName}) like '%' || ct_fold(${q.replace(/[\\%_]/g, (c) => `\\${c}`)}) || '%'`,
    );
  const rows = await db()
    .select({ id: releasedPerson.id, fullName: releasedPerson.fullName, dateOfBirth: releasedPerson.dateOfBirth })
    .from(releasedPerson)
    .where(
      and(
        ...conds,
        notExists(
          db()
            .select({ one: sql`1` })
            .from(modelPerson)
            .where(
              and(
                eq(modelPerson.modelId, model.id),
                eq(modelPerson.personId, releasedPerson.id),
                isNull(modelPerson.leftOn),
              ),
            ),
        ),
      ),
    )
    .orderBy(...personNameOrder())
    .limit(30);
  await auditMany(
    db(),
    actorOf(scope),
    rows.map((r) => r.id),
    "view",
    PURPOSE,
    { modelId: model.id, list: "picker" },
  );
  return rows.map((r) => ({ id: r.id, fullName: r.fullName, birthYear: Number(r.dateOfBirth.slice(0, 4)) }));
}

/**
 * A person joins the model. Someone who left and comes back keeps their first join date (one row per person
 * and model): the gap then counts as covered, which is why leaving is recorded only when it is final.
 */
export async function coverPerson(scope: StaffScope, modelId: string, input: CoverPersonInput): Promise<ModelChange> {
  return db().transaction(async (tx) => {
    const model = await getModel(scope, modelId, tx);
    if (!model) return { ok: false as const, notFound: true as const };
    const [person] = await tx
      .select({ status: releasedPerson.status, communeCode: releasedPerson.communeCode })
      .from(releasedPerson)
      .where(personInScope(scope, input.personId));
    // Another commune's person (or a forged id): not found, like any id outside the officer's reach.
    if (!person || person.communeCode !== model.communeCode) return { ok: false as const, notFound: true as const };
    const errors: FieldErrors = {};
    if (person.status !== "active") errors.personId = { key: "events.model.error.personClosed" };
    if (input.joinedOn < model.launchedOn)
      errors.joinedOn = { key: "events.model.error.joinBeforeLaunch", vars: { date: formatDate(model.launchedOn) } };
    else if (input.joinedOn > todayIso()) errors.joinedOn = { key: "events.model.error.future" };
    const [existing] = await tx
      .select()
      .from(modelPerson)
      .where(and(eq(modelPerson.modelId, modelId), eq(modelPerson.personId, input.personId)))
      .for("update");
    if (existing && !existing.leftOn) errors.personId = { key: "events.model.error.alreadyCovered" };
    if (Object.keys(errors).length) return { ok: false as const, errors };
    if (existing) {
      await tx
        .update(modelPerson)
        .set({ leftOn: null })
        .where(and(eq(modelPerson.modelId, modelId), eq(modelPerson.personId, input.personId)));
    } else {
      await tx.insert(modelPerson).values({ modelId, personId: input.personId, joinedOn: input.joinedOn });
    }
    await audit(tx, actorOf(scope), input.personId, "model", PURPOSE, {
      stage: existing ? "rejoined" : "joined",
      modelId,
      joinedOn: existing?.joinedOn ?? input.joinedOn,
    });
    return { ok: true as const };
  });
}

/** A person leaves the model on a date (kept: the model's figures for earlier periods still count them). */
export async function leavePerson(scope: StaffScope, modelId: string, input: LeavePersonInput): Promise<ModelChange> {
  return db().transaction(async (tx) => {
    const model = await getModel(scope, modelId, tx);
    if (!model) return { ok: false as const, notFound: true as const };
    const [row] = await tx
      .select({ joinedOn: modelPerson.joinedOn, leftOn: modelPerson.leftOn })
      .from(modelPerson)
      .innerJoin(releasedPerson, eq(releasedPerson.id, modelPerson.personId))
      .where(and(eq(modelPerson.modelId, modelId), personInScope(scope, input.personId)))
      .for("update", { of: modelPerson });
    if (!row) return { ok: false as const, notFound: true as const };
    const errors: FieldErrors = {};
    if (row.leftOn) errors._form = { key: "events.model.error.alreadyLeft" };
    else if (input.leftOn < row.joinedOn)
      errors.leftOn = { key: "events.model.error.leaveBeforeJoin", vars: { date: formatDate(row.joinedOn) } };
    else if (input.leftOn > todayIso()) errors.leftOn = { key: "events.model.error.future" };
    if (Object.keys(errors).length) return { ok: false as const, errors };
    await tx
      .update(modelPerson)
      .set({ leftOn: input.leftOn })
      .where(and(eq(modelPerson.modelId, modelId), eq(modelPerson.personId, input.personId)));
    await audit(tx, actorOf(scope), input.personId, "model", PURPOSE, { stage: "left", modelId, leftOn: input.leftOn });
    return { ok: true as const };
  });
}
