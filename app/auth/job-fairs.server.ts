import { can, requirePermission } from "./permissions.server";
import { requireStaff, staffScope } from "./scope.server";
import { requireUser } from "./session.server";

/**
 * Who reaches the job fair pages: the commune officer who manages them, and a provincial admin who reads
 * the province's (with the reports permission). Writing always needs manage:job_fair:commune.
 */
export async function requireFairReader(request: Request) {
  const user = await requireUser(request);
  if (!can(user, "manage:job_fair:commune")) requirePermission(user, "view:report:commune");
  return { user, scope: await staffScope(user), canManage: can(user, "manage:job_fair:commune") };
}

export const requireFairManager = (request: Request) => requireStaff(request, "manage:job_fair:commune");
