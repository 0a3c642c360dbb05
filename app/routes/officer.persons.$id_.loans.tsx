import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import type { FormState } from "~/components/forms";
import { LoanForm } from "~/components/loans/loan-form";
import { LoanTable } from "~/components/loans/loan-table";
import { useLabels } from "~/components/self-service/labels";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { supportPerson } from "~/modules/activities/activities.server";
import { createLoan, personLoans } from "~/modules/loans/loans.server";
import { loanSchema } from "~/modules/loans/schema.server";
import { readForm, validateForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("support.loan.pageTitle")) },
];

/** A person's loans under Decision 22/2023 and a new application for the bank's monthly list. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:loan:commune");
  const page = await personLoans(scope, idOf(params.id));
  if (!page) throw notFound();
  return json({ ...page, saved: new URL(request.url).searchParams.get("done") === "saved" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:loan:commune");
  const personId = idOf(params.id);
  // Another commune's person is not found, whatever is posted.
  if (!(await supportPerson(scope, personId))) throw notFound();
  const values = await readForm(request);
  const parsed = validateForm(loanSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  const outcome = orNotFound(await createLoan(scope, personId, parsed.data));
  if (!outcome.ok) return json({ values, errors: outcome.errors }, { status: 400 });
  return redirect(`/officer/persons/${personId}/loans?done=saved`);
}

export default function PersonLoans() {
  const { person, loans, today, deadline, defaults, saved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date } = useLabels();
  const formKey = useLocation().key;
  const state: FormState = data ?? { values: defaults };
  const expired = today > deadline;
  return (
    <div className="support-page">
      <p className="breadcrumb persons-back">
        <Link to={`/officer/persons/${person.id}#support`}>{t("support.back.person", { name: person.fullName })}</Link>
      </p>
      <h1>{t("support.loan.person.title", { name: person.fullName })}</h1>
      <p className="lead">{t("support.loan.rules")}</p>
      <p className={expired ? "alert alert--info" : undefined}>
        {expired
          ? t("support.loan.person.expired", { release: date(person.releaseDate) })
          : t("support.loan.person.deadline", { release: date(person.releaseDate), deadline: date(deadline) })}
      </p>
      {saved ? (
        <p className="alert alert--success" role="status">
          {t("support.loan.saved")}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="loans-title">
        <h2 id="loans-title">{t("support.loan.person.list")}</h2>
        <LoanTable loans={loans} showPerson={false} />
      </section>

      {person.status === "active" ? (
        <section className="card panel" aria-labelledby="new-loan-title" id="new-loan">
          <h2 id="new-loan-title">{t("support.loan.new")}</h2>
          <LoanForm key={formKey} state={state} />
        </section>
      ) : null}
      <p>
        <Link to="/officer/loans">{t("support.loan.back.list")}</Link> ·{" "}
        <Link to="/officer/loans/bank-list">{t("support.loan.bankListLink")}</Link>
      </p>
    </div>
  );
}
