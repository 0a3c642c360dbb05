import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { BankListTable } from "~/components/loans/bank-list";
import { monthLabel } from "~/components/loans/loan-table";
import { formatDate, translator } from "~/i18n";
import { bankList, bankListMonth } from "~/modules/loans/bank-list.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("support.bank.pageTitle")) },
];

/** Form 01 for a month (?month=YYYY-MM, default this month): printable; each person on it is audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:loan:commune");
  const month = bankListMonth(new URL(request.url).searchParams.get("month"));
  const list = await bankList(scope, month, "page");
  return json(list, { headers: { "Cache-Control": "private, no-store" } });
}

export default function BankListPage() {
  const list = useLoaderData<typeof loader>();
  const ui = useI18n().t;
  // The document itself is in Vietnamese, for the bank; the toolbar speaks the reader's language.
  const t = translator("vi");
  const month = list.month.slice(0, 7);
  return (
    <div className="bank-list">
      <div className="no-print print-toolbar">
        <Link to="/officer/loans">{ui("support.bank.back")}</Link>
        <Form method="get" className="bank-list__pick">
          <label htmlFor="f-month">{ui("support.bank.pick")}</label>
          <input id="f-month" name="month" type="month" defaultValue={month} />
          <button type="submit" className="button button--secondary">
            {ui("support.bank.show")}
          </button>
        </Form>
        <button type="button" className="button" onClick={() => window.print()}>
          {ui("support.bank.print")}
        </button>
        <a className="button button--secondary" href={`/officer/loans/bank-list.csv?month=${month}`} download>
          {ui("support.bank.csv")}
        </a>
        <p className="hint">{ui("support.bank.audit")}</p>
      </div>
      <article className="bank-list__doc" lang="vi">
        <p className="bank-list__form">{t("support.bank.form")}</p>
        <h1>{t("support.bank.title")}</h1>
        <p className="bank-list__month">{t("support.bank.month", { month: monthLabel(list.month) })}</p>
        <p className="bank-list__due" data-due={list.dueDate}>
          {t("support.bank.due", { date: formatDate(list.dueDate) })}
        </p>
        {list.communes.length ? (
          <p>{t("support.bank.communes", { names: list.communes.map((c) => c.name).join(", ") })}</p>
        ) : null}
        {list.rows.length === 0 ? (
          <p className="empty-state">{t("support.bank.empty")}</p>
        ) : (
          <BankListTable rows={list.rows} />
        )}
        <p className="bank-list__place">{t("support.bank.datePlace")}</p>
        <div className="bank-list__signatures">
          <div>
            <p>
              <strong>{t("support.bank.signMaker")}</strong>
            </p>
            <p className="hint">{t("support.bank.signNote")}</p>
          </div>
          <div>
            <p>
              <strong>{t("support.bank.signHead")}</strong>
            </p>
            <p className="hint">{t("support.bank.signNote")}</p>
          </div>
        </div>
      </article>
    </div>
  );
}
