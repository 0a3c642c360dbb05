import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireReport } from "~/http/report-request.server";
import { fileResponse, reportExport } from "~/modules/reports/export.server";

/** The report as an Excel workbook (indicators; a sheet per commune for a province); the export is audit-logged. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, report } = await requireReport(request);
  return fileResponse(await reportExport(user, report, "xlsx"));
}
