import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/permissions.server";
import { requireUser } from "../auth/session.server";
import { useI18n } from "../utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Trang của tôi · Chung Tay" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "view:home:person");
  return json({ fullName: user.fullName });
}

export default function PersonHome() {
  const { fullName } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t("person.home.title", { name: fullName })}</h1>
      <p className="lead">{t("person.home.lead")}</p>
      <p className="alert alert--info">{t("person.home.privacy")}</p>
    </>
  );
}
