import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { found, idOf } from "~/http/responses.server";
import { formatDate, translator } from "~/i18n";
import { consentFormFor } from "~/modules/persons/list.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

/*
 * The printable consent form (A4), generated from one grant. The file is named `$id_` so that it is not
 * nested in the person page's layout: it is a page of its own, at /officer/persons/:id/consents/:grantId/print.
 */

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("consent.print.pageTitle")) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "grant:consent:commune");
  // Another commune's person, someone else's grant, or a guessed id: the same answer.
  const personId = idOf(params.id);
  const form = found(await consentFormFor(scope, personId, idOf(params.grantId)));
  return json({ personId, form });
}

/** "Xã Nam Đà" → "xã Nam Đà", as it reads after "Công an". */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

export default function PrintConsent() {
  const { personId, form } = useLoaderData<typeof loader>();
  // The toolbar speaks the reader's language; the form itself is always in Vietnamese, for the person to sign.
  const ui = useI18n().t;
  const t = translator("vi");
  const date = (d: string | null) => formatDate(d, "vi");
  const g = form.grant;
  const box = "☐";
  return (
    <>
      <div className="no-print print-toolbar">
        <Link to={`/officer/persons/${personId}#consents`}>{ui("consent.print.back")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {ui("consent.print.button")}
        </button>
        <p className="hint">{ui("consent.print.howTo")}</p>
      </div>
      <article className="consent-print" lang="vi">
        <header className="consent-print__head">
          <div>
            <p>
              <strong>
                {t("consent.print.controllerName", { commune: lowerFirst(form.communeName) }).toLocaleUpperCase("vi")}
              </strong>
            </p>
          </div>
          <div className="consent-print__nation">
            <p>
              <strong>{t("consent.print.nation")}</strong>
            </p>
            <p>
              <strong>{t("consent.print.motto")}</strong>
            </p>
          </div>
        </header>
        <h1>{t("consent.print.title")}</h1>
        <p className="consent-print__law">{t("consent.print.law")}</p>
        {g.withdrawnAt ? (
          <p className="consent-print__warning">{t("consent.print.withdrawnNotice", { date: date(g.withdrawnAt) })}</p>
        ) : null}

        <h2>1. {t("consent.print.controller")}</h2>
        <p>{t("consent.print.controllerName", { commune: lowerFirst(form.communeName) })}</p>

        <h2>2. {t("consent.print.subject")}</h2>
        <dl className="consent-print__facts">
          <dt>{t("consent.print.name")}:</dt>
          <dd>{form.fullName}</dd>
          <dt>{t("consent.print.dob")}:</dt>
          <dd>{date(form.dateOfBirth)}</dd>
          <dt>{t("consent.print.citizenId")}:</dt>
          <dd>{form.citizenId ?? "……………………………………"}</dd>
          <dt>{t("consent.print.address")}:</dt>
          <dd>{[form.address, form.communeName].filter(Boolean).join(", ")}</dd>
        </dl>

        <h2>3. {t("consent.print.data")}</h2>
        <p>{t("consent.print.dataBody")}</p>

        <h2>4. {t("consent.print.purposes")}</h2>
        <p className="consent-print__note">{t("consent.print.purposesNote")}</p>
        <ul className="consent-print__purposes">
          {g.purposes.map((p) => (
            <li key={p}>
              <span className="consent-print__box" aria-hidden="true">
                {box}
              </span>
              <span>
                <strong>{t(`consent.purpose.${p}`)}</strong>: {t(`consent.purpose.${p}.explain`)}
              </span>
            </li>
          ))}
        </ul>

        <h2>5. {t("consent.print.fields")}</h2>
        <p>
          {g.shareableFields.length
            ? g.shareableFields.map((f) => t(`consent.field.${f}`)).join("; ")
            : t("consent.print.noFields")}
        </p>

        <h2>6. {t("consent.print.rights")}</h2>
        <ul>
          <li>{t("consent.print.right.withdraw")}</li>
          <li>{t("consent.print.right.access")}</li>
          <li>{t("consent.print.right.correct")}</li>
          <li>{t("consent.print.right.delete")}</li>
        </ul>
        <p>{t("consent.print.voluntary")}</p>

        <h2>7. {t("consent.print.validity")}</h2>
        <p>{t("consent.print.validityBody", { from: date(g.givenAt), to: date(g.expiresAt) })}</p>

        <p className="consent-print__place">{t("consent.print.place", { commune: form.communeName })}</p>
        <div className="consent-print__signatures">
          <div>
            <p>
              <strong>{t("consent.print.signSubject")}</strong>
            </p>
            <p className="hint">{t("consent.print.signHint")}</p>
          </div>
          <div>
            <p>
              <strong>{t("consent.print.signOfficer")}</strong>
            </p>
            <p className="hint">{t("consent.print.signHint")}</p>
          </div>
        </div>
        <p className="consent-print__ref">{t("consent.print.ref", { id: g.id })}</p>
      </article>
    </>
  );
}
