import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { ReportForm } from "~/components/reports/report-form";
import { requireReport } from "~/http/report-request.server";
import { loadReportTables } from "~/modules/reports/report.server";
import { todayIso } from "~/utils/clock.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("reports.form.pageTitle12")) },
];

/** The report printed on the HCD-12 form (monthly statistics): same figures as the report page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { report } = await requireReport(request);
  const { indicators, byCommune } = await loadReportTables(report);
  return json({ report, indicators, byCommune, today: todayIso() });
}

export default function Hcd12Page() {
  const { report, indicators, byCommune, today } = useLoaderData<typeof loader>();
  return (
    <ReportForm
      form="hcd12"
      unit={report.unit}
      period={report.period}
      model={report.model}
      indicators={indicators}
      byCommune={byCommune}
      today={today}
      backQuery={report.query}
    />
  );
}
