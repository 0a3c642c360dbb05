import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireReport } from "~/http/report-request.server";
import { fileResponse, reportExport } from "~/modules/reports/export.server";

/** The report's indicators as CSV (UTF-8 with BOM, Vietnamese headers); the export is audit-logged. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, report } = await requireReport(request);
  return fileResponse(await reportExport(user, report, "csv"));
}
