import { eq, or } from "drizzle-orm";

import { hashPassword } from "~/auth/password.server";
import { isCommuneInProvince } from "~/modules/admin-units/admin-units.server";
import type { FieldErrors } from "~/utils/forms";

import { db } from "../../../db/client.server";
import { isUniqueViolation } from "../../../db/errors";
import { appUser, organization } from "../../../db/schema";
import type { Registration } from "./schema.server";

export type RegistrationOutcome =
  { ok: true; userId: string; organizationId: string } | { ok: false; errors: FieldErrors };

/**
 * An employer or training provider registers itself: one organisation (pending verification by the
 * police of its province) and its first user, written together or not at all.
 */
export async function registerOrganization(input: Registration): Promise<RegistrationOutcome> {
  if (!(await isCommuneInProvince(input.communeCode, input.provinceCode))) {
    return { ok: false, errors: { communeCode: { key: "validation.commune" } } };
  }
  const taken = await db()
    .select({ email: appUser.email, phone: appUser.phone })
    .from(appUser)
    .where(or(eq(appUser.email, input.email), eq(appUser.phone, input.contactPhone)));
  if (taken.some((u) => u.email === input.email))
    return { ok: false, errors: { email: { key: "register.error.emailTaken" } } };

  const passwordHash = await hashPassword(input.password);
  // Two registrations racing for the same email: the loser gets the same field error, not a 500.
  return insertRegistration(input, passwordHash, taken).catch((error: unknown) => {
    if (isUniqueViolation(error))
      return { ok: false as const, errors: { email: { key: "register.error.emailTaken" as const } } };
    throw error;
  });
}

async function insertRegistration(
  input: Registration,
  passwordHash: string,
  taken: { email: string | null; phone: string | null }[],
): Promise<RegistrationOutcome> {
  return db().transaction(async (tx) => {
    const [org] = await tx
      .insert(organization)
      .values({
        role: input.role,
        kind: input.kind,
        name: input.orgName,
        taxCode: input.taxCode,
        provinceCode: input.provinceCode,
        communeCode: input.communeCode,
        address: input.address,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      })
      .returning({ id: organization.id });
    // The contact phone doubles as a login only when no other account uses it.
    const phoneFree = !taken.some((u) => u.phone === input.contactPhone);
    const [user] = await tx
      .insert(appUser)
      .values({
        email: input.email,
        phone: phoneFree ? input.contactPhone : null,
        passwordHash,
        role: input.role === "employer" ? "employer" : "provider",
        fullName: input.contactName,
        organizationId: org.id,
      })
      .returning({ id: appUser.id });
    return { ok: true as const, userId: user.id, organizationId: org.id };
  });
}
