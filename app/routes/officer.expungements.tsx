import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import type { MessageKey } from "~/i18n";
import { type ExpungementDue, listExpungementsDue } from "~/modules/persons/expungement.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.expList.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "view:person:commune");
  return json(await listExpungementsDue(scope));
}

function DueList({
  title,
  persons,
}: {
  title: MessageKey;
  persons: (Omit<ExpungementDue, "computed"> & { computed: { date: string } })[];
}) {
  const { t, date } = useI18n();
  return (
    <section>
      <h2>
        {t(title)} <span className="hint">({persons.length})</span>
      </h2>
      {persons.length === 0 ? (
        <p className="empty-state">{t("persons.expList.none")}</p>
      ) : (
        <ul className="list">
          {persons.map((p) => (
            <li key={p.id} className="card due-item">
              <h3>
                <Link to={`/officer/persons/${p.id}#expungement`}>{p.fullName}</Link>
              </h3>
              <p className="hint">
                {p.communeName} · {t("persons.expList.since", { date: date(p.computed.date) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function Expungements() {
  const { automatic, court } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <p className="breadcrumb persons-back">
        <Link to="/officer">{t("officer.home.title")}</Link>
      </p>
      <h1>{t("persons.expList.title")}</h1>
      <p className="lead">{t("persons.expList.lead")}</p>
      <div className="grid grid--2">
        <DueList title="persons.expList.automatic" persons={automatic} />
        <DueList title="persons.expList.court" persons={court} />
      </div>
    </>
  );
}
