import crypto from "node:crypto";

import { and, asc, eq, inArray } from "drizzle-orm";

import { hashPassword } from "~/auth/password.server";
import type { StaffScope } from "~/auth/scope.server";
import type { FieldErrors } from "~/utils/forms";

import { db } from "../../../db/client.server";
import { isUniqueViolation } from "../../../db/errors";
import { appUser, commune, officerCommune } from "../../../db/schema";
import type { OfficerInput } from "./schema.server";

export type OfficerSummary = {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  communes: { code: string; name: string }[];
};

/** Officers serving at least one commune of the admin's province. */
export async function listOfficers(scope: StaffScope): Promise<OfficerSummary[]> {
  if (scope.provinceCodes.length === 0) return [];
  const rows = await db()
    .select({
      id: appUser.id,
      fullName: appUser.fullName,
      email: appUser.email,
      phone: appUser.phone,
      communeCode: commune.code,
      communeName: commune.name,
    })
    .from(appUser)
    .innerJoin(officerCommune, eq(officerCommune.userId, appUser.id))
    .innerJoin(commune, eq(commune.code, officerCommune.communeCode))
    .where(and(eq(appUser.role, "officer"), inArray(commune.provinceCode, scope.provinceCodes)))
    .orderBy(asc(appUser.fullName), asc(commune.code));
  const byId = new Map<string, OfficerSummary>();
  for (const r of rows) {
    const officer = byId.get(r.id) ?? { id: r.id, fullName: r.fullName, email: r.email, phone: r.phone, communes: [] };
    officer.communes.push({ code: r.communeCode, name: r.communeName });
    byId.set(r.id, officer);
  }
  return [...byId.values()];
}

/** A readable temporary password the admin passes on (letters and digits, no look-alikes). */
export function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(12);
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}7`;
}

export type CreateOfficerOutcome =
  { ok: true; userId: string; temporaryPassword: string } | { ok: false; errors: FieldErrors };

/** An admin creates an officer for communes of their own province only. */
export async function createOfficer(scope: StaffScope, input: OfficerInput): Promise<CreateOfficerOutcome> {
  if (scope.role !== "admin") throw new Error("Only provincial admins create officers");
  const communes = await db()
    .select({ code: commune.code })
    .from(commune)
    .where(and(inArray(commune.code, input.communeCodes), inArray(commune.provinceCode, scope.provinceCodes)));
  if (communes.length !== new Set(input.communeCodes).size) {
    return { ok: false, errors: { communeCodes: { key: "validation.communeOutOfProvince" } } };
  }
  const [emailTaken] = await db().select({ id: appUser.id }).from(appUser).where(eq(appUser.email, input.email));
  if (emailTaken) return { ok: false, errors: { email: { key: "register.error.emailTaken" } } };
  if (input.phone) {
    const [phoneTaken] = await db().select({ id: appUser.id }).from(appUser).where(eq(appUser.phone, input.phone));
    if (phoneTaken) return { ok: false, errors: { phone: { key: "register.error.phoneTaken" } } };
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  let userId: string;
  try {
    userId = await db().transaction(async (tx) => {
      const [user] = await tx
        .insert(appUser)
        .values({ email: input.email, phone: input.phone, passwordHash, role: "officer", fullName: input.fullName })
        .returning({ id: appUser.id });
      await tx.insert(officerCommune).values(communes.map((c) => ({ userId: user.id, communeCode: c.code })));
      return user.id;
    });
  } catch (error) {
    // Two admins creating the same officer at once: the loser sees the field error, not a 500.
    if (isUniqueViolation(error)) return { ok: false, errors: { email: { key: "register.error.emailTaken" } } };
    throw error;
  }
  return { ok: true, userId, temporaryPassword: password };
}
