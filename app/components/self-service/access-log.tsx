import { formatViDateTime } from "~/i18n/format-more";

import { useLabels } from "./labels";

export type AccessEventView = {
  id: number;
  at: string;
  action: string;
  purpose: string;
  actorRole: string;
  organizationName: string | null;
  provinceName: string | null;
  communes: string | null;
};

/** Who touched the person's record: role and organisation or commune, what, why, when. A table that stacks on a phone. */
export function AccessLog({
  events,
  audience = "person",
}: {
  events: AccessEventView[];
  audience?: "person" | "staff";
}) {
  const { t, action, purpose, role } = useLabels();
  const when = (at: string) => formatViDateTime(at);
  return (
    <table className="log-table">
      <thead>
        <tr>
          <th scope="col">{t("self.access.when")}</th>
          <th scope="col">{t("self.access.who")}</th>
          <th scope="col">{t("self.access.what")}</th>
          <th scope="col">{t("self.access.why")}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => {
          const where = e.organizationName ?? e.communes ?? e.provinceName;
          return (
            <tr key={e.id}>
              <td data-label={t("self.access.when")}>
                <span>{when(e.at)}</span>
              </td>
              <td data-label={t("self.access.who")}>
                <span>
                  {role(e.actorRole)}
                  {where ? <span className="hint"> · {where}</span> : null}
                </span>
              </td>
              <td data-label={t("self.access.what")}>
                <span>{action(e.action)}</span>
              </td>
              <td data-label={t("self.access.why")}>
                <span>{purpose(e.purpose, audience)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
