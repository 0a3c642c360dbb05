import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireFairReader } from "~/auth/job-fairs.server";
import { FairReportTable } from "~/components/job-fairs/report";
import { idOf, notFound } from "~/http/responses.server";
import { fairReport } from "~/modules/job-fairs/report.server";
import { todayIso } from "~/utils/clock.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("events.report.title")) },
];

/** The session's report, counted from the rows on every read; no names, so a provincial admin reads it too. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireFairReader(request);
  const report = await fairReport(scope, idOf(params.id));
  if (!report) throw notFound();
  return json({ report, printedOn: todayIso() });
}

export default function JobFairReport() {
  const { report, printedOn } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const { fair } = report;
  return (
    <div className="fair-report-page">
      <div className="no-print print-toolbar">
        <Link to={`/officer/job-fairs/${fair.id}`}>{t("events.report.back")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("events.report.print")}
        </button>
        <p className="hint">{t("events.report.printHint")}</p>
      </div>
      <article className="fair-report">
        <p className="fair-report__unit">{t("events.report.unit", { commune: fair.communeName })}</p>
        <h1>{t("events.report.heading")}</h1>
        <p className="fair-report__title">{fair.title}</p>
        <p className="fair-report__when">
          {t("events.report.when", { date: date(fair.heldOn), place: `${fair.place}, ${fair.communeName}` })}
        </p>
        <FairReportTable report={report} />
        <p className="fair-report__foot hint">{t("events.report.foot", { date: date(printedOn) })}</p>
      </article>
    </div>
  );
}
