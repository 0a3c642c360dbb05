import { requirePermission } from "../../auth/permissions.server";
import { staffScope } from "../../auth/scope.server";
import { requireUser } from "../../auth/session.server";
import { localeFromCookie } from "../../i18n";
import { todayIso } from "../../utils/clock.server";
import { resolveReportRequest } from "./report.server";
import { notFound } from "../../utils/http.server";

/** What every report route does first: the user, their permission, the report asked for within their reach. */
export async function requireReport(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, "view:report:commune");
  const scope = await staffScope(user);
  const report = await resolveReportRequest(scope, new URL(request.url).searchParams, todayIso());
  // Another commune, another province's model, a malformed code: the same answer as a missing page.
  if (!report) throw notFound();
  return { user, scope, report, locale: localeFromCookie(request.headers.get("Cookie")) };
}
