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
export function AccessLog({ events }: { events: AccessEventView[] }) {
  const { t, action, purpose, role } = useLabels();
  const when = (at: string) =>
    new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(at));
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
              <td data-label={t("self.access.when")}>{when(e.at)}</td>
              <td data-label={t("self.access.who")}>
                {role(e.actorRole)}
                {where ? <span className="hint"> · {where}</span> : null}
              </td>
              <td data-label={t("self.access.what")}>{action(e.action)}</td>
              <td data-label={t("self.access.why")}>{purpose(e.purpose)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
