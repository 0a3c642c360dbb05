import { json, type LoaderFunctionArgs } from "@remix-run/node";

import type { Permission } from "~/auth/permissions.server";
import { requireUserWith } from "~/auth/session.server";
import { getOwnOrganization } from "~/modules/organizations/organizations.server";

import { found } from "./responses.server";

/** Loader of an organisation member's home page (employer or provider); a member without one is not found. */
export function organizationHomeLoader(permission: Permission) {
  return async ({ request }: LoaderFunctionArgs) => {
    const user = await requireUserWith(request, permission);
    return json({ org: found(user.organizationId ? await getOwnOrganization(user.organizationId) : undefined) });
  };
}
