import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { StatusBadge, StatusFilter, timeOf } from "~/components/referrals/status";
import type { MessageKey } from "~/i18n";
import { declineRequest, listPendingRequests } from "~/modules/referrals/requests.server";
import { declineRequestSchema, statusFilterSchema } from "~/modules/referrals/schema.server";
import { listReferralsForOfficer } from "~/modules/referrals/views.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

import { REFERRAL_STATUSES } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("referrals.officer.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "refer:person:commune");
  const url = new URL(request.url);
  const status = statusFilterSchema.parse(url.searchParams.get("status") ?? undefined);
  const [requests, { rows, counts }] = await Promise.all([
    listPendingRequests(scope),
    listReferralsForOfficer(scope, { status }),
  ]);
  return json(
    { requests, rows, counts, status: status ?? null, declined: url.searchParams.get("done") === "declined" },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "refer:person:commune");
  const parsed = declineRequestSchema.safeParse(await readForm(request));
  if (!parsed.success) return json({ error: "validation.invalid" as MessageKey }, { status: 400 });
  if (!(await declineRequest(scope, parsed.data.requestId, parsed.data.note))) {
    return json({ error: "referrals.requests.error" as MessageKey }, { status: 404 });
  }
  return redirect("/officer/referrals?done=declined");
}

export default function OfficerReferrals() {
  const { requests, rows, counts, status, declined } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t, date } = useI18n();
  // Without a filter, one group per status in the order of the flow; each group newest first.
  const groups = REFERRAL_STATUSES.map((s) => ({ status: s, rows: rows.filter((r) => r.status === s) })).filter(
    (g) => g.rows.length > 0,
  );
  return (
    <>
      <h1>{t("referrals.officer.title")}</h1>
      <p className="lead">{t("referrals.officer.lead")}</p>
      {declined ? (
        <p className="alert alert--success" role="status">
          {t("referrals.requests.declined")}
        </p>
      ) : null}
      {failed?.error ? (
        <p className="alert alert--error" role="alert">
          {t(failed.error)}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="requests-title">
        <h2 id="requests-title">{t("referrals.requests.title")}</h2>
        {requests.length === 0 ? (
          <p className="empty-state">{t("referrals.requests.none")}</p>
        ) : (
          <ul className="list">
            {requests.map((r) => (
              <li key={r.id} className="card referral-request">
                <p>
                  <Link to={`/officer/persons/${r.personId}`}>
                    <strong>{r.personName}</strong>
                  </Link>{" "}
                  <span className="hint">{t("referrals.requests.sentOn", { date: date(r.createdAt) })}</span>
                </p>
                <p>
                  <span className="badge badge--soft">{t(`self.kind.${r.kind}`)}</span>{" "}
                  {r.title || t("referrals.requests.listingGone")}
                  {r.organizationName ? <span className="hint"> · {r.organizationName}</span> : null}
                </p>
                {r.message ? <p>{t("referrals.requests.message", { message: r.message })}</p> : null}
                <div className="actions">
                  <Link
                    className="button"
                    to={`/officer/persons/${r.personId}/refer?kind=${r.kind}&listing=${r.listingId}&request=${r.id}`}
                  >
                    {t("referrals.requests.approve")}
                  </Link>
                  <Form method="post" className="stack referral-request__decline">
                    <input type="hidden" name="intent" value="decline-request" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <label htmlFor={`decline-${r.id}`}>{t("referrals.requests.declineNote")}</label>
                    <textarea id={`decline-${r.id}`} name="note" rows={2} maxLength={500} />
                    <button type="submit" className="button button--secondary">
                      {t("referrals.requests.decline")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="referrals-title">
        <h2 id="referrals-title">{t("referrals.list.title")}</h2>
        <StatusFilter counts={counts} current={status} basePath="/officer/referrals" />
        {groups.length === 0 ? (
          <p className="empty-state">{t("referrals.list.none")}</p>
        ) : (
          groups.map((g) => (
            <div key={g.status} className="referral-group">
              <h3>
                <StatusBadge status={g.status} /> <span className="hint">({g.rows.length})</span>
              </h3>
              <ul className="list referral-list">
                {g.rows.map((r) => (
                  <li key={r.id} className="result-card">
                    <h4 className="result-card__title">
                      <Link to={`/officer/referrals/${r.id}`}>{r.personName}</Link>
                    </h4>
                    <p>
                      <span className="badge badge--soft">{t(`self.kind.${r.kind}`)}</span> {r.title}{" "}
                      <span className="hint">· {r.organizationName}</span>
                    </p>
                    <p className="result-card__meta">
                      <span>{t("referrals.list.referredOn", { date: date(r.createdAt) })}</span>
                      <span>{t("referrals.list.updatedOn", { date: date(r.updatedAt) })}</span>
                      {r.status === "interview" && r.interviewAt ? (
                        <span>
                          {t("referrals.interviewAt", { date: date(r.interviewAt), time: timeOf(r.interviewAt) })}
                        </span>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </>
  );
}
