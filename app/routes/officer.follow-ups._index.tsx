import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { FollowUpStateBadge } from "~/components/placements/follow-ups";
import { useLabels } from "~/components/self-service/labels";
import { followUpTasks } from "~/modules/placements/follow-ups.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.tasks.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "follow_up:person:commune");
  return json(await followUpTasks(scope));
}

export default function FollowUpTasks() {
  const { items, counts } = useLoaderData<typeof loader>();
  const { t, date } = useLabels();
  return (
    <>
      <h1>{t("outcomes.tasks.title")}</h1>
      <p className="lead">{t("outcomes.tasks.lead")}</p>
      <p className="follow-up-counts" data-due={counts.due} data-overdue={counts.overdue}>
        <strong>{t("outcomes.tasks.counts", { due: counts.due, overdue: counts.overdue })}</strong>
      </p>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>{t("outcomes.tasks.empty")}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="log-table follow-up-tasks">
            <thead>
              <tr>
                <th scope="col">{t("outcomes.tasks.person")}</th>
                <th scope="col">{t("outcomes.tasks.employer")}</th>
                <th scope="col">{t("outcomes.tasks.month")}</th>
                <th scope="col">{t("outcomes.tasks.due")}</th>
                <th scope="col">{t("outcomes.tasks.state")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-state={item.state}>
                  <th scope="row">
                    <Link to={`/officer/follow-ups/${item.id}`}>{item.personName}</Link>
                  </th>
                  {/* One child per cell: on a phone each cell is a two-column grid (label, value). */}
                  <td data-label={t("outcomes.tasks.employer")}>
                    <span>
                      {item.employerName}
                      <span className="hint"> · {item.position}</span>
                    </span>
                  </td>
                  <td data-label={t("outcomes.tasks.month")}>
                    {t("outcomes.tasks.monthShort", { month: item.monthOffset })}
                  </td>
                  <td data-label={t("outcomes.tasks.due")}>{date(item.dueOn)}</td>
                  <td data-label={t("outcomes.tasks.state")}>
                    <span>
                      <FollowUpStateBadge state={item.state} />
                      {item.employerConfirmedAt ? (
                        <span className="hint"> · {t("outcomes.tasks.employerConfirmed")}</span>
                      ) : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
