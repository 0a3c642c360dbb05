import type { MetaFunction } from "@remix-run/node";

import { ReportFormPage } from "~/components/reports/report-form";
import { reportFormLoader } from "~/http/report-request.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("reports.form.pageTitle12")) },
];

/** The report printed on the HCD-12 form (monthly statistics): same figures as the report page. */
export const loader = reportFormLoader;

export default function Hcd12Page() {
  return <ReportFormPage form="hcd12" />;
}
