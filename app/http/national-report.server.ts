import { requireUserWith } from "~/auth/session.server";
import { localeFromCookie } from "~/i18n";
import { loadAreaReport } from "~/modules/reports/area-report.server";
import { resolveNationalRequest } from "~/modules/reports/national.server";
import { todayIso } from "~/utils/clock.server";

import { notFound } from "./responses.server";

/**
 * What every national route does first (issue 16): the national role's permission, then the area and period
 * asked for. A code that names no province, or a commune of another province: the same answer as a missing
 * page. Only figures are loaded: nothing here reads a person.
 */
export async function requireNationalReport(request: Request, options: { series: boolean }) {
  const user = await requireUserWith(request, "view:report:national");
  const national = await resolveNationalRequest(new URL(request.url).searchParams, todayIso());
  if (!national) throw notFound();
  const report = await loadAreaReport(national.area, national.period, options);
  return { user, national, report, locale: localeFromCookie(request.headers.get("Cookie")) };
}
