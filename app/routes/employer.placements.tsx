import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireOrganizationScope } from "~/auth/org-scope.server";
import { useLabels } from "~/components/self-service/labels";
import { orNotFound } from "~/http/responses.server";
import { confirmEmployment, employerPlacements } from "~/modules/placements/employer.server";
import { confirmEmploymentSchema } from "~/modules/placements/schema.server";
import { readForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.employer.pageTitle")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireOrganizationScope(request, "confirm:employment:own");
  const done = z
    .literal("confirmed")
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("done") ?? undefined);
  return json({ placements: await employerPlacements(scope), done });
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requireOrganizationScope(request, "confirm:employment:own");
  const parsed = confirmEmploymentSchema.safeParse(await readForm(request));
  if (!parsed.success)
    return json(
      { error: "invalid" as "invalid" | "not_due" | "already" | "ended", followUpId: null as string | null },
      { status: 400 },
    );
  // Another organisation's follow-up, or an unknown id: the same answer.
  const outcome = orNotFound(await confirmEmployment(scope, parsed.data.followUpId, parsed.data.note));
  if (!outcome.ok)
    return json(
      {
        error: outcome.error as "invalid" | "not_due" | "already" | "ended",
        followUpId: parsed.data.followUpId as string | null,
      },
      { status: 400 },
    );
  return redirect("/employer/placements?done=confirmed");
}

export default function EmployerPlacements() {
  const { placements, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date } = useLabels();
  return (
    <>
      <h1>{t("outcomes.employer.title")}</h1>
      <p className="lead">{t("outcomes.employer.lead")}</p>
      {done ? (
        <p className="alert alert--success" role="status">
          {t("outcomes.employer.done")}
        </p>
      ) : null}
      {data?.error === "invalid" ? (
        <p className="alert alert--error" role="alert">
          {t("outcomes.employer.error.invalid")}
        </p>
      ) : null}
      {placements.length === 0 ? (
        <div className="empty-state">
          <p>{t("outcomes.employer.empty")}</p>
        </div>
      ) : (
        <ul className="list employer-placements">
          {placements.map((p) => (
            <li key={p.id} className="card employer-placement">
              <h2>{p.personName ?? t("outcomes.employer.candidate", { date: date(p.referredAt) })}</h2>
              <p>
                <strong>{p.position}</strong> · {t("outcomes.employer.started", { date: date(p.startDate) })} ·{" "}
                <span className={`badge ${p.endDate ? "badge--closed" : "badge--verified"}`}>
                  {p.endDate ? t("outcomes.employer.ended", { date: date(p.endDate) }) : t("outcomes.running")}
                </span>
              </p>
              {p.followUps
                .filter((f) => f.open || f.employerConfirmedAt)
                .map((f) => (
                  <div key={f.id} className="employer-follow-up">
                    <p>{t("outcomes.employer.confirmDue", { month: f.monthOffset, date: date(f.dueOn) })}</p>
                    {f.employerConfirmedAt ? (
                      <p className="hint">{t("outcomes.employer.confirmed", { date: date(f.employerConfirmedAt) })}</p>
                    ) : f.confirmable ? (
                      <Form method="post" className="stack">
                        {data?.followUpId === f.id && data.error !== "invalid" ? (
                          <p className="alert alert--error" role="alert">
                            {t(`outcomes.employer.error.${data.error}`)}
                          </p>
                        ) : null}
                        <input type="hidden" name="followUpId" value={f.id} />
                        <div className="field">
                          <label htmlFor={`note-${f.id}`}>{t("outcomes.employer.confirmNote")}</label>
                          <input id={`note-${f.id}`} name="note" maxLength={500} autoComplete="off" />
                        </div>
                        <div className="actions">
                          <button type="submit" className="button">
                            {t("outcomes.employer.confirm")}
                          </button>
                        </div>
                      </Form>
                    ) : null}
                  </div>
                ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
