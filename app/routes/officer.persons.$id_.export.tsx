import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";

import { requireStaff } from "~/auth/scope.server";
import { AccessLog } from "~/components/self-service/access-log";
import { PersonData } from "~/components/self-service/person-data";
import { idOf, notFound } from "~/http/responses.server";
import { formatViDateTime } from "~/i18n/format-more";
import { exportPersonForStaff } from "~/modules/persons/data-rights.server";
import { namesFor } from "~/modules/persons/self-service.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.actions.export")) },
];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/** The printable export: everything held about the person, in words (audit: export, format print). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "export:person:commune");
  const id = idOf(params.id);
  const data = await exportPersonForStaff(scope, id, "print");
  if (!data) throw notFound();
  return json({ data, names: await namesFor(data) });
}

function PrintButton() {
  const { t } = useI18n();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return enhanced ? (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("self.export.print")}
    </button>
  ) : null;
}

export default function ExportPerson() {
  const { data, names } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const p = data.person;
  const when = formatViDateTime(data.exportedAt);
  return (
    <>
      <p className="listing__back no-print">
        <Link to={`/officer/persons/${p.id}`}>← {t("self.invite.back")}</Link>
      </p>
      <h1>{t("self.export.title", { name: p.fullName })}</h1>
      <p className="lead">{t("self.export.lead")}</p>
      <p className="hint">{t("self.export.exportedAt", { date: when })}</p>
      <div className="actions no-print">
        <PrintButton />
        <a href={`/officer/persons/${p.id}/export.json`} className="button button--secondary" download>
          {t("self.export.json")}
        </a>
      </div>
      <PersonData data={data} names={names} />
      {data.auditEvents.length ? (
        <section>
          <h2>{t("self.export.log")}</h2>
          <AccessLog
            audience="staff"
            events={data.auditEvents.map((e, i) => ({
              id: i,
              at: e.at,
              action: e.action,
              purpose: e.purpose,
              actorRole: e.actorRole,
              organizationName: null,
              provinceName: null,
              communes: null,
            }))}
          />
        </section>
      ) : null}
    </>
  );
}
