import { provincesOfCommunes } from "~/modules/admin-units/admin-units.server";

import type { Permission } from "./permissions.server";
import { requireUserWith, type SessionUser } from "./session.server";

/**
 * How far a staff member reaches. Every service that reads persons or organisations takes one, and
 * re-checks user-supplied ids against it.
 */
export type StaffScope = {
  actorId: string;
  role: "admin" | "officer";
  /** Provinces the actor may act in: the admin's province, or those of the officer's communes. */
  provinceCodes: string[];
  /** Communes an officer serves; `null` for a provincial admin (every commune of the province). */
  communeCodes: string[] | null;
};

export async function staffScope(user: SessionUser): Promise<StaffScope> {
  if (user.role === "admin") {
    return {
      actorId: user.id,
      role: "admin",
      provinceCodes: user.provinceCode ? [user.provinceCode] : [],
      communeCodes: null,
    };
  }
  if (user.role === "officer") {
    return {
      actorId: user.id,
      role: "officer",
      provinceCodes: await provincesOfCommunes(user.communeCodes),
      communeCodes: user.communeCodes,
    };
  }
  throw new Error(`staffScope called for role ${user.role}`);
}

/** A logged-in user with every given permission, and their staff scope: the start of every officer and admin route. */
export async function requireStaff(request: Request, permission: Permission, ...more: Permission[]) {
  const user = await requireUserWith(request, permission, ...more);
  return { user, scope: await staffScope(user) };
}
