import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";
import { formatDate } from "~/i18n";
import { now, todayIso } from "~/utils/clock.server";
import type { FieldErrors } from "~/utils/forms";
import type { Outcome } from "~/utils/outcome";

import { db, type Executor } from "../../../db/client.server";
import { commune, modelPerson, modelSteeringMember, reintegrationModel } from "../../../db/schema";
import type { EditModelInput, MemberInput, ModelInput } from "./schema.server";

/**
 * Reintegration models (mô hình "5+1", "Chung tay giúp người lầm lỗi"…): run by a commune, with a steering
 * committee (organisations and people by name, not accounts) and the persons it covers. The commune officer
 * manages them. Persons covered live in persons.server.ts, the figures in figures.server.ts.
 */

/** The models a staff member reaches: those of an officer's communes (an admin's province). */
export function modelsInScope(scope: StaffScope): SQL {
  return scope.communeCodes !== null
    ? inArray(reintegrationModel.communeCode, scope.communeCodes.length ? scope.communeCodes : ["-"])
    : inArray(reintegrationModel.provinceCode, scope.provinceCodes.length ? scope.provinceCodes : ["-"]);
}

export type Model = {
  id: string;
  name: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  launchedOn: string;
  description: string;
};

const modelColumns = {
  id: reintegrationModel.id,
  name: reintegrationModel.name,
  communeCode: reintegrationModel.communeCode,
  communeName: commune.name,
  provinceCode: reintegrationModel.provinceCode,
  launchedOn: reintegrationModel.launchedOn,
  description: reintegrationModel.description,
};

export async function getModel(
  scope: StaffScope,
  modelId: string,
  executor: Executor = db(),
): Promise<Model | undefined> {
  const [row] = await executor
    .select(modelColumns)
    .from(reintegrationModel)
    .innerJoin(commune, eq(commune.code, reintegrationModel.communeCode))
    .where(and(eq(reintegrationModel.id, modelId), modelsInScope(scope)));
  return row;
}

export type ModelListRow = Model & { members: number; coveredNow: number };

export async function listModels(scope: StaffScope): Promise<ModelListRow[]> {
  return db()
    .select({
      ...modelColumns,
      members:
        sql<number>`(select count(*) from ${modelSteeringMember} m where m.model_id = ${reintegrationModel.id})`.mapWith(
          Number,
        ),
      coveredNow:
        sql<number>`(select count(*) from ${modelPerson} mp where mp.model_id = ${reintegrationModel.id} and mp.left_on is null)`.mapWith(
          Number,
        ),
    })
    .from(reintegrationModel)
    .innerJoin(commune, eq(commune.code, reintegrationModel.communeCode))
    .where(modelsInScope(scope))
    .orderBy(desc(reintegrationModel.launchedOn), asc(reintegrationModel.name))
    .limit(300);
}

export type ModelChange = Outcome;

function launchErrors(launchedOn: string): FieldErrors {
  return launchedOn > todayIso() ? { launchedOn: { key: "events.model.error.launchFuture" } } : {};
}

/** A new model in one of the officer's communes. */
export async function createModel(
  scope: StaffScope,
  input: ModelInput,
): Promise<{ ok: true; modelId: string } | { ok: false; errors: FieldErrors }> {
  const errors = launchErrors(input.launchedOn);
  const [place] =
    scope.communeCodes !== null && scope.communeCodes.includes(input.communeCode)
      ? await db()
          .select({ provinceCode: commune.provinceCode })
          .from(commune)
          .where(eq(commune.code, input.communeCode))
      : [];
  if (!place) errors.communeCode = { key: "events.model.error.commune" };
  if (!place || Object.keys(errors).length) return { ok: false, errors };
  const [row] = await db()
    .insert(reintegrationModel)
    .values({ ...input, provinceCode: place.provinceCode, createdBy: scope.actorId, createdAt: now() })
    .returning({ id: reintegrationModel.id });
  return { ok: true, modelId: row.id };
}

/** Name, launch date and description; a launch date after someone joined would make the history wrong. */
export async function updateModel(scope: StaffScope, modelId: string, input: EditModelInput): Promise<ModelChange> {
  return db().transaction(async (tx) => {
    const model = await getModel(scope, modelId, tx);
    if (!model) return { ok: false as const, notFound: true as const };
    const errors = launchErrors(input.launchedOn);
    const [earliest] = await tx
      .select({ joinedOn: sql<string | null>`min(${modelPerson.joinedOn})` })
      .from(modelPerson)
      .where(eq(modelPerson.modelId, modelId));
    if (!errors.launchedOn && earliest?.joinedOn && input.launchedOn > earliest.joinedOn) {
      errors.launchedOn = { key: "events.model.error.launchAfterJoin", vars: { date: formatDate(earliest.joinedOn) } };
    }
    if (Object.keys(errors).length) return { ok: false as const, errors };
    await tx.update(reintegrationModel).set(input).where(eq(reintegrationModel.id, modelId));
    return { ok: true as const };
  });
}

export type SteeringMember = { id: string; organizationName: string; personName: string; role: string };

export async function steeringMembers(modelId: string): Promise<SteeringMember[]> {
  return db()
    .select({
      id: modelSteeringMember.id,
      organizationName: modelSteeringMember.organizationName,
      personName: modelSteeringMember.personName,
      role: modelSteeringMember.role,
    })
    .from(modelSteeringMember)
    .where(eq(modelSteeringMember.modelId, modelId))
    .orderBy(asc(modelSteeringMember.organizationName), asc(modelSteeringMember.personName));
}

export async function addSteeringMember(scope: StaffScope, modelId: string, input: MemberInput): Promise<ModelChange> {
  if (!(await getModel(scope, modelId))) return { ok: false, notFound: true };
  await db()
    .insert(modelSteeringMember)
    .values({ modelId, ...input });
  return { ok: true };
}

export async function removeSteeringMember(scope: StaffScope, modelId: string, memberId: string): Promise<ModelChange> {
  if (!(await getModel(scope, modelId))) return { ok: false, notFound: true };
  const removed = await db()
    .delete(modelSteeringMember)
    .where(and(eq(modelSteeringMember.id, memberId), eq(modelSteeringMember.modelId, modelId)))
    .returning({ id: modelSteeringMember.id });
  return removed.length ? { ok: true } : { ok: false, notFound: true };
}
