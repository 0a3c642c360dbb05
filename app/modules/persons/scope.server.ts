import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";

import type { StaffScope } from "~/auth/scope.server";

import { releasedPerson } from "../../../db/schema";

/**
 * The rows of released_person a staff member may reach: an officer, the persons of their communes; a
 * provincial admin, those of the province. Anonymised records are out of everyone's reach.
 */
export function personsInScope(scope: StaffScope): SQL {
  const place =
    scope.communeCodes !== null
      ? inArray(releasedPerson.communeCode, scope.communeCodes.length ? scope.communeCodes : ["-"])
      : inArray(releasedPerson.provinceCode, scope.provinceCodes.length ? scope.provinceCodes : ["-"]);
  return and(place, isNull(releasedPerson.anonymizedAt))!;
}

export function personInScope(scope: StaffScope, personId: string): SQL {
  return and(eq(releasedPerson.id, personId), personsInScope(scope))!;
}

export function communeInScope(scope: StaffScope, communeCode: string, provinceOfCommune: string): boolean {
  return scope.communeCodes !== null
    ? scope.communeCodes.includes(communeCode)
    : scope.provinceCodes.includes(provinceOfCommune);
}
