import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { requireStaff } from "~/auth/scope.server";
import { localeFromCookie } from "~/i18n";
import { loadReportTables, resolveReportRequest } from "~/modules/reports/report.server";
import { todayIso } from "~/utils/clock.server";

import { notFound } from "./responses.server";

/** What every report route does first: the user, their permission, the report asked for within their reach. */
export async function requireReport(request: Request) {
  const { user, scope } = await requireStaff(request, "view:report:commune");
  const report = await resolveReportRequest(scope, new URL(request.url).searchParams, todayIso());
  // Another commune, another province's model, a malformed code: the same answer as a missing page.
  if (!report) throw notFound();
  return { user, scope, report, locale: localeFromCookie(request.headers.get("Cookie")) };
}

/** The printable forms HCD-12 and HCD-13: the report asked for, its tables, and today's date for the signature. */
export async function reportFormLoader({ request }: LoaderFunctionArgs) {
  const { report } = await requireReport(request);
  const { indicators, byCommune } = await loadReportTables(report);
  return json({ report, indicators, byCommune, today: todayIso() });
}
