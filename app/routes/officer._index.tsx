import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { staffScope } from "../auth/scope.server";
import { requireUser } from "../auth/session.server";
import { getCommunes } from "../modules/admin-units/admin-units.server";
import { countPendingOrganizations } from "../modules/organizations/organizations.server";
import { useI18n } from "../utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Cán bộ công an xã · Chung Tay" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "view:home:officer");
  const scope = await staffScope(user);
  const [communes, pending] = await Promise.all([getCommunes(user.communeCodes), countPendingOrganizations(scope)]);
  return json({ communes, pending });
}

export default function OfficerHome() {
  const { communes, pending } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  return (
    <>
      <h1>{t("officer.home.title")}</h1>
      <div className="grid grid--2">
        <section className="card">
          <h2>{t("officer.home.communes")}</h2>
          <ul>
            {communes.map((c) => (
              <li key={c.code}>
                {c.name} <span className="hint">({c.code})</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t("officer.home.pendingOrgs")}</h2>
          <p className="stat">{number(pending)}</p>
          <Link to="/organizations/review">{t("officer.home.review")}</Link>
        </section>
      </div>
    </>
  );
}
