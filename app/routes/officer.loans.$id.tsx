import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Fragment } from "react";

import { requireStaff } from "~/auth/scope.server";
import type { FormState } from "~/components/forms";
import { LoanStatusBadge, monthLabel } from "~/components/loans/loan-table";
import { LoanStatusForm } from "~/components/loans/status-form";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { changeLoanStatus, getLoan } from "~/modules/loans/loans.server";
import { loanStatusSchema } from "~/modules/loans/schema.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("support.loan.detail.pageTitle")) },
];

/** One loan: its facts, its history and the next status (approved, rejected, disbursed, repaid…). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:loan:commune");
  const page = await getLoan(scope, idOf(params.id));
  if (!page) throw notFound();
  return json({ ...page, saved: new URL(request.url).searchParams.get("done") === "saved" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:loan:commune");
  const loanId = idOf(params.id);
  const values = await readForm(request);
  const parsed = validateForm(loanStatusSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = orNotFound(await changeLoanStatus(scope, loanId, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/loans/${loanId}?done=saved`);
}

export default function LoanPage() {
  const { loan, next, history, saved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, word, vnd, date } = useLabels();
  const formKey = useLocation().key;
  const state: FormState = data;
  const facts: [string, string][] = [
    [t("support.loan.fact.purpose"), word("support.loan.purpose", loan.purpose)],
    [t("support.loan.fact.amount"), vnd(loan.amountVnd)],
    ...(loan.purpose === "training" && loan.trainingMonths
      ? ([[t("support.loan.fact.trainingMonths"), String(loan.trainingMonths)]] as [string, string][])
      : []),
    [t("support.loan.fact.term"), t("support.loan.months", { months: loan.termMonths })],
    [t("support.loan.fact.bankBranch"), loan.bankBranch],
    [t("support.loan.fact.listMonth"), monthLabel(loan.listMonth)],
    [t("support.loan.fact.appliedOn"), date(loan.appliedOn)],
    [t("support.loan.fact.decidedOn"), loan.decidedOn ? date(loan.decidedOn) : "—"],
    [t("support.loan.fact.disbursedOn"), loan.disbursedOn ? date(loan.disbursedOn) : "—"],
    [t("support.loan.fact.commune"), loan.communeName],
    [t("support.loan.fact.recordedBy"), loan.recordedByName ?? "—"],
    [t("support.loan.fact.note"), loan.note || "—"],
  ];
  return (
    <div className="support-page">
      <p className="breadcrumb persons-back">
        <Link to={`/officer/persons/${loan.personId}/loans`}>{t("support.back.person", { name: loan.fullName })}</Link>
      </p>
      <h1>
        {t("support.loan.detail.title", { name: loan.fullName })} <LoanStatusBadge status={loan.status} />
      </h1>
      {saved ? (
        <p className="alert alert--success" role="status">
          {t("support.loan.change.saved")}
        </p>
      ) : null}
      <section className="card panel">
        <dl className="facts">
          {facts.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
      <section className="card panel" aria-labelledby="change-title">
        <h2 id="change-title">{t("support.loan.change.title")}</h2>
        {next.length === 0 ? (
          <p className="hint">{t("support.loan.change.final")}</p>
        ) : (
          <LoanStatusForm key={formKey} state={state} next={next} />
        )}
      </section>
      {history.length ? (
        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title">{t("support.loan.history.title")}</h2>
          <ol className="loan-history">
            {history.map((h, i) => (
              <li key={i}>
                {t("support.loan.history.entry", { date: date(h.at), actor: h.actorName ?? "—" })}:{" "}
                <strong>{word("support.loan.status", h.stage)}</strong>
                {h.on ? ` (${date(h.on)})` : null}
                {h.note ? ` — ${h.note}` : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        <Link to="/officer/loans">{t("support.loan.back.list")}</Link>
      </p>
    </div>
  );
}
