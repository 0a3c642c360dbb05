import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission, type Permission } from "../../auth/permissions.server";
import { requireUser, type SessionUser } from "../../auth/session.server";
import { getOwnOrganization } from "./organizations.server";

/** The organisation of the logged-in employer or provider; a member without one is a data error. */
export async function requireOwnOrganization(user: SessionUser) {
  const org = user.organizationId ? await getOwnOrganization(user.organizationId) : undefined;
  if (!org) throw json({ messageKey: "error.notFound.body" }, { status: 404 });
  return org;
}

/** Loader of an organisation member's home page (employer or provider). */
export function organizationHomeLoader(permission: Permission) {
  return async ({ request }: LoaderFunctionArgs) => {
    const user = await requireUser(request);
    requirePermission(user, permission);
    return json({ org: await requireOwnOrganization(user) });
  };
}
