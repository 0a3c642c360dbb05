import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireNationalReport } from "~/http/national-report.server";
import { fileResponse } from "~/modules/reports/export.server";
import { nationalExport } from "~/modules/reports/national-export.server";

/** The national report (the country, a province or a commune) as CSV; audit-logged. Figures only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, national, report } = await requireNationalReport(request, { series: false });
  return fileResponse(await nationalExport(user, national, report, "csv"));
}
