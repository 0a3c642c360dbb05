import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { LoanTable, LoanTotals } from "~/components/loans/loan-table";
import { useLabels } from "~/components/self-service/labels";
import { listLoans } from "~/modules/loans/loans.server";
import { loanFiltersSchema } from "~/modules/loans/schema.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

import { LOAN_STATUSES } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("support.loan.list.title")) },
];

/** The commune's loans, filtered by status and list month, with count and amount by status. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:loan:commune");
  const query = new URL(request.url).searchParams;
  const filters = loanFiltersSchema.parse({
    status: query.get("status") ?? undefined,
    month: query.get("month") ?? undefined,
  });
  const list = await listLoans(scope, filters);
  return json({
    ...list,
    filters: { status: filters.status ?? "", month: filters.month ? filters.month.slice(0, 7) : "" },
  });
}

export default function Loans() {
  const { loans, totals, all, filters } = useLoaderData<typeof loader>();
  const { t, word } = useLabels();
  const bankListHref = filters.month ? `/officer/loans/bank-list?month=${filters.month}` : "/officer/loans/bank-list";
  return (
    <div className="support-page">
      <div className="page-head">
        <h1>{t("support.loan.list.title")}</h1>
        <Link className="button button--secondary" to={bankListHref}>
          {t("support.loan.bankListLink")}
        </Link>
      </div>
      <p className="lead">{t("support.loan.list.lead")}</p>
      <Form method="get" className="loan-filters">
        <div className="field">
          <label htmlFor="f-status">{t("support.loan.filter.status")}</label>
          <select id="f-status" name="status" defaultValue={filters.status}>
            <option value="">{t("support.loan.filter.all")}</option>
            {LOAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {word("support.loan.status", s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-month">{t("support.loan.filter.month")}</label>
          <input id="f-month" name="month" type="month" defaultValue={filters.month} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("support.loan.filter.submit")}
          </button>
        </div>
      </Form>
      <section className="panel" aria-labelledby="totals-title">
        <h2 id="totals-title">{t("support.loan.totals.title")}</h2>
        <LoanTotals totals={totals} all={all} />
      </section>
      <section className="panel" aria-label={t("support.loan.list.title")}>
        <LoanTable loans={loans} showPerson />
      </section>
    </div>
  );
}
