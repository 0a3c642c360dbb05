import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { listOfficers } from "~/modules/accounts/officers.server";
import { getProvince, listCommunes } from "~/modules/admin-units/admin-units.server";
import { countPendingOrganizations } from "~/modules/organizations/organizations.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("admin.home.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "view:home:admin");
  const provinceCode = scope.provinceCodes[0] ?? "";
  const [province, communes, officers, pending] = await Promise.all([
    getProvince(provinceCode),
    listCommunes(provinceCode),
    listOfficers(scope),
    countPendingOrganizations(scope),
  ]);
  return json({ province, communes: communes.length, officers: officers.length, pending });
}

export default function AdminHome() {
  const { province, communes, officers, pending } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  const stats = [
    ["admin.home.communes", communes],
    ["admin.home.officers", officers],
    ["admin.home.pendingOrgs", pending],
  ] as const;
  return (
    <>
      <h1>{t("admin.home.title")}</h1>
      <p className="lead">
        {t("admin.home.province")}: <strong>{province?.name}</strong>
      </p>
      <div className="grid grid--3">
        {stats.map(([label, value]) => (
          <section key={label} className="card">
            <p className="stat">{number(value)}</p>
            <p className="stat-label">{t(label)}</p>
          </section>
        ))}
      </div>
      <div className="actions">
        <Link to="/admin/officers" className="button">
          {t("admin.home.manageOfficers")}
        </Link>
        <Link to="/admin/audit" className="button button--secondary">
          {t("self.audit.title")}
        </Link>
        <Link to="/admin/deliveries" className="button button--secondary">
          {t("admin.deliveries.title")}
        </Link>
        <Link to="/organizations/review" className="button button--secondary">
          {t("officer.home.review")}
        </Link>
        <Link to="/officer/figures" className="button button--secondary">
          {t("outcomes.figures.link")}
        </Link>
        <Link to="/officer/reports" className="button button--secondary">
          {t("reports.link")}
        </Link>
      </div>
    </>
  );
}
