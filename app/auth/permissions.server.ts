import { json } from "@remix-run/node";

import type { Role } from "../../db/schema";
import type { SessionUser } from "./session.server";

/**
 * One permission vocabulary: "action:entity:scope". The scope word says how far it reaches; services
 * still take the actor's scope and re-check every id against it.
 */
export const PERMISSIONS = [
  "view:home:admin",
  "view:home:officer",
  "view:home:employer",
  "view:home:provider",
  "view:home:person",
  "manage:officer:province",
  "verify:organization:province",
  "edit:organization:own",
  "post:job:own",
  "post:training:own",
  // Person accounts, self-service and data rights.
  "view:record:own",
  "request:referral:own",
  "invite:person:commune",
  "export:person:commune",
  "anonymise:person:commune",
  "handle:data_request:commune",
  "transfer:person:commune",
  "close:person:commune",
  "view:audit:province",
  // Persons: the commune officer's register (a provincial admin reads the province's).
  "view:person:commune",
  "register:person:commune",
  "edit:person:commune",
  "grant:consent:commune",
  "search:candidate:commune",
  // Matching, referrals, placements and follow-ups (issue 5).
  "match:person:commune",
  "refer:person:commune",
  "record:placement:commune",
  "follow_up:person:commune",
  "view:figures:commune",
  "respond:referral:own",
  "confirm:employment:own",
  "view:matches:own",
  "view:notifications:own",
  // Support activities, loans, job fairs, reintegration models and reports (issue 6).
  "record:activity:commune",
  "manage:loan:commune",
  "manage:job_fair:commune",
  "manage:model:commune",
  "view:report:commune",
  // Messages that leave the app (issue 13): the province's delivery list and its dead letters.
  "manage:delivery:province",
  // The country's view (issue 16): figures of every province and commune, never a person.
  "view:home:national",
  "view:report:national",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    "view:home:admin",
    "manage:officer:province",
    "verify:organization:province",
    "view:audit:province",
    "manage:delivery:province",
    "view:person:commune",
    "view:figures:commune",
    "view:notifications:own",
    "view:report:commune",
  ],
  officer: [
    "view:home:officer",
    "verify:organization:province",
    "invite:person:commune",
    "export:person:commune",
    "anonymise:person:commune",
    "handle:data_request:commune",
    "transfer:person:commune",
    "close:person:commune",
    "view:person:commune",
    "register:person:commune",
    "edit:person:commune",
    "grant:consent:commune",
    "search:candidate:commune",
    "match:person:commune",
    "refer:person:commune",
    "record:placement:commune",
    "follow_up:person:commune",
    "view:figures:commune",
    "view:notifications:own",
    "record:activity:commune",
    "manage:loan:commune",
    "manage:job_fair:commune",
    "manage:model:commune",
    "view:report:commune",
  ],
  // Employers post training slots at their own workplace too (apprenticeships; decision 027).
  employer: [
    "view:home:employer",
    "edit:organization:own",
    "post:job:own",
    "post:training:own",
    "respond:referral:own",
    "confirm:employment:own",
    "view:notifications:own",
  ],
  provider: [
    "view:home:provider",
    "edit:organization:own",
    "post:training:own",
    "respond:referral:own",
    "view:notifications:own",
  ],
  // The ministry's department that supervises reintegration work: figures only, no person-level data at
  // all (no view:person, no notifications naming anyone); the route matrix walks every person route for it.
  national: ["view:home:national", "view:report:national", "view:notifications:own"],
  person: [
    "view:home:person",
    "view:record:own",
    "request:referral:own",
    "respond:referral:own",
    "view:matches:own",
    "view:notifications:own",
  ],
};

/** Where each role lands after logging in. */
export const ROLE_HOME: Record<Role, string> = {
  admin: "/admin",
  officer: "/officer",
  employer: "/employer",
  provider: "/provider",
  person: "/me",
  national: "/national",
};

export function can(user: Pick<SessionUser, "role"> | null, permission: Permission): boolean {
  return !!user && ROLE_PERMISSIONS[user.role].includes(permission);
}

/** Throws a 403 that the error boundary renders as a clear "not allowed" page. */
export function requirePermission(user: SessionUser, permission: Permission): void {
  if (!can(user, permission)) {
    throw json({ messageKey: "error.forbidden", permission }, { status: 403 });
  }
}
