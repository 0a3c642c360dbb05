import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("forgot.title")) }];

/**
 * "Forgot your password?" from the login page. There is no reset by text message or e-mail yet (a later issue):
 * each kind of user is told who gives them their access back today. A released person gets a new activation
 * code from their commune officer (officers re-issue invitations) and sets a new password with it at /activate.
 */
const WHO: readonly (readonly [MessageKey, MessageKey])[] = [
  ["forgot.officer.heading", "forgot.officer.body"],
  ["forgot.organization.heading", "forgot.organization.body"],
  ["forgot.admin.heading", "forgot.admin.body"],
];

export default function ForgotPassword() {
  const { t } = useI18n();
  return (
    <div className="forgot-password">
      <h1>{t("forgot.title")}</h1>
      <p className="lead">{t("forgot.lead")}</p>
      <section className="card">
        <h2>{t("forgot.person.heading")}</h2>
        <p>{t("forgot.person.body")}</p>
        <p>
          <Link to="/activate" className="button button--secondary">
            {t("forgot.person.activate")}
          </Link>
        </p>
      </section>
      {WHO.map(([heading, body]) => (
        <section key={heading} className="card">
          <h2>{t(heading)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
      <p>
        <Link to="/login">{t("forgot.back")}</Link>
      </p>
    </div>
  );
}
