import type { Permission } from "./permissions.server";
import { requireUserWith, type SessionUser } from "./session.server";

/** An employer's or provider's reach: its own organisation only. Services re-check every id against it. */
export type OrgScope = { actorId: string; organizationId: string; role: "employer" | "provider" };

export function orgScope(user: SessionUser): OrgScope {
  if ((user.role !== "employer" && user.role !== "provider") || !user.organizationId) {
    throw new Error(`orgScope called for a ${user.role} without an organisation`);
  }
  return { actorId: user.id, organizationId: user.organizationId, role: user.role };
}

/** The scope of a logged-in employer or provider holding every given permission (else login or 403). */
export async function requireOrganizationScope(request: Request, ...permissions: Permission[]): Promise<OrgScope> {
  return orgScope(await requireUserWith(request, ...permissions));
}
