import { Link, useRouteLoaderData } from "@remix-run/react";

import { useI18n } from "~/utils/i18n-react";

import type { Role } from "../../../db/enums";

/**
 * "Tìm ứng viên phù hợp" on a public job or course page, for a commune officer only (the role that holds
 * match:person:commune). Read from the root loader's user, so the public page's loader stays as it is;
 * the candidates page checks the permission again.
 */
export function OfficerCandidatesLink({ kind, id }: { kind: "job" | "training"; id: string }) {
  const root = useRouteLoaderData("root") as { user?: { role: Role } | null } | undefined;
  const { t } = useI18n();
  if (root?.user?.role !== "officer") return null;
  return (
    <p className="listing__officer">
      <Link
        className="button button--secondary"
        to={`/officer/${kind === "job" ? "jobs" : "trainings"}/${id}/candidates`}
      >
        {t("match.link.listing")}
      </Link>
    </p>
  );
}
