import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { FiguresByCommune, FiguresTable } from "~/components/placements/figures";
import { figuresByCommune } from "~/modules/reports/figures.server";
import { FIGURE_KEYS, type Figures } from "~/modules/reports/indicator-keys";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outcomes.figures.pageTitle")) },
];

/** The commune officer sees their communes; a provincial admin the whole province, commune by commune. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "view:figures:commune");
  const communes = await figuresByCommune(scope);
  const total = Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, communes.reduce((sum, c) => sum + c.figures[k], 0)]),
  ) as Figures;
  return json({ province: scope.role === "admin", total, communes });
}

export default function FiguresPage() {
  const { province, total, communes } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const title = t(province ? "outcomes.figures.titleProvince" : "outcomes.figures.title");
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t("outcomes.figures.lead")}</p>
      <FiguresTable figures={total} caption={t("outcomes.figures.total")} />
      {communes.length > 1 ? <FiguresByCommune rows={communes} /> : null}
    </>
  );
}
