import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireStaff } from "~/auth/scope.server";
import { notFound } from "~/http/responses.server";
import { decideOrganization, listPendingOrganizations } from "~/modules/organizations/organizations.server";
import { type FieldErrors, type FormValues, readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("review.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "verify:organization:province");
  return json({ pending: await listPendingOrganizations(scope) });
}

export async function action({ request }: ActionFunctionArgs) {
  const decisionSchema = z.discriminatedUnion("decision", [
    z.object({ decision: z.literal("verify"), organizationId: z.uuid() }),
    z.object({
      decision: z.literal("reject"),
      organizationId: z.uuid(),
      reason: z
        .string({ error: "validation.required" })
        .transform((s) => s.normalize("NFC").trim())
        .pipe(z.string().min(1, { error: "validation.required" }).max(500)),
    }),
  ]);
  const { scope } = await requireStaff(request, "verify:organization:province");
  const values = await readForm(request);
  const parsed = validateForm(decisionSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors as FieldErrors, done: null }, { status: 400 });
  const { organizationId } = parsed.data;
  const outcome = await decideOrganization(
    scope,
    organizationId,
    parsed.data.decision === "verify" ? { decision: "verify" } : { decision: "reject", reason: parsed.data.reason },
  );
  // Outside the actor's province, or already decided: the same answer as an id that does not exist.
  if (!outcome.ok) throw notFound();
  return json({
    values: {} as FormValues,
    errors: {} as FieldErrors,
    done: { decision: parsed.data.decision, name: outcome.name },
  });
}

export default function ReviewOrganizations() {
  const { pending } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, error } = useI18n();
  return (
    <>
      <h1>{t("review.title")}</h1>
      <p className="lead">{t("review.lead")}</p>
      {data?.done ? (
        <p className="alert alert--success" role="status">
          {t(data.done.decision === "verify" ? "review.verified" : "review.rejected", { name: data.done.name })}
        </p>
      ) : null}
      {pending.length === 0 ? <p>{t("review.none")}</p> : null}
      <ul className="list">
        {pending.map((org) => {
          const failed = data?.values?.organizationId === org.id ? data.errors : undefined;
          return (
            <li key={org.id} className="card">
              <h2>{org.name}</h2>
              <dl className="facts">
                <dt>{t("register.kind")}</dt>
                <dd>{t(`kind.${org.kind}`)}</dd>
                {org.taxCode ? (
                  <>
                    <dt>{t("org.home.taxCode")}</dt>
                    <dd>{org.taxCode}</dd>
                  </>
                ) : null}
                <dt>{t("org.home.address")}</dt>
                <dd>
                  {org.address}, {org.communeName}, {org.provinceName}
                </dd>
                <dt>{t("org.home.contact")}</dt>
                <dd>
                  {org.contactName} · {org.contactPhone}
                </dd>
                <dt>{t("review.registeredBy")}</dt>
                <dd>
                  {org.registeredBy} · {date(org.createdAt)}
                </dd>
              </dl>
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="organizationId" value={org.id} />
                  <button type="submit" name="decision" value="verify" className="button">
                    {t("review.verify")}
                  </button>
                </Form>
                <Form method="post" className="row">
                  <input type="hidden" name="organizationId" value={org.id} />
                  <div className={`field${failed?.reason ? " field--invalid" : ""}`}>
                    <label htmlFor={`reason-${org.id}`}>{t("review.reason")}</label>
                    <input
                      id={`reason-${org.id}`}
                      name="reason"
                      defaultValue={failed ? String(data?.values?.reason ?? "") : ""}
                      aria-invalid={failed?.reason ? true : undefined}
                      aria-describedby={failed?.reason ? `reason-${org.id}-error` : undefined}
                    />
                    {failed?.reason ? (
                      <p className="field-error" id={`reason-${org.id}-error`}>
                        {error(failed.reason)}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" name="decision" value="reject" className="button button--danger">
                    {t("review.reject")}
                  </button>
                </Form>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
