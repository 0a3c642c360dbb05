import type { SessionUser } from "./session.server";

/** An employer's or provider's reach: its own organisation only. Services re-check every id against it. */
export type OrgScope = { actorId: string; organizationId: string; role: "employer" | "provider" };

export function orgScope(user: SessionUser): OrgScope {
  if ((user.role !== "employer" && user.role !== "provider") || !user.organizationId) {
    throw new Error(`orgScope called for a ${user.role} without an organisation`);
  }
  return { actorId: user.id, organizationId: user.organizationId, role: user.role };
}
