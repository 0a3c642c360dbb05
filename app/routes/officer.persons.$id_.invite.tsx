import {
  type ActionFunctionArgs,
  type HeadersFunction,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";

import { requireStaff } from "~/auth/scope.server";
import { idOf, notFound } from "~/http/responses.server";
import { invitationStatus, issueInvitation } from "~/modules/persons/invitations.server";
import { now } from "~/utils/clock.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("self.invite.title")) }];

// The slip carries a live code: never stored by a browser cache or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "invite:person:commune");
  const status = await invitationStatus(scope, idOf(params.id));
  if (!status) throw notFound();
  return json({ ...status, now: now().toISOString() });
}

/**
 * Issue the code and show the slip in this same response: the code is stored only hashed, so this is the
 * one moment it exists in clear (reloading asks to post again, which issues a fresh code).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request, "invite:person:commune");
  const issued = await issueInvitation(scope, idOf(params.id));
  if (!issued) throw notFound();
  const origin = new URL(request.url).origin;
  return json({
    slip: {
      fullName: issued.fullName,
      code: issued.code,
      link: `${origin}${issued.link}`,
      activatePage: `${origin}/activate`,
      expiresAt: issued.expiresAt.toISOString(),
      issuedBy: user.fullName,
    },
  });
}

function PrintButton() {
  const { t } = useI18n();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  // Without JavaScript the browser's own Print menu does the same.
  return enhanced ? (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("self.invite.print")}
    </button>
  ) : null;
}

export default function InvitePerson() {
  const { person, latest, now: at } = useLoaderData<typeof loader>();
  const issued = useActionData<typeof action>();
  const { t, date } = useI18n();
  const back = `/officer/persons/${person.id}`;
  if (issued?.slip) {
    const slip = issued.slip;
    return (
      <>
        <p className="alert alert--info no-print" role="status">
          {t("self.invite.once")}
        </p>
        <article className="slip" aria-labelledby="slip-title">
          <h1 id="slip-title">{t("self.invite.slip.heading")}</h1>
          <p className="slip__for">{t("self.invite.slip.for", { name: slip.fullName })}</p>
          <div className="slip__code">
            <p className="slip__label">{t("self.invite.slip.code")}</p>
            <p className="slip__value" aria-label={slip.code.split("").join(" ")}>
              {slip.code}
            </p>
          </div>
          <p>
            <span className="slip__label">{t("self.invite.slip.link")}: </span>
            <strong className="slip__link">{slip.activatePage}</strong>
          </p>
          <p className="hint slip__fulllink">{slip.link}</p>
          <p>
            <strong>{t("self.invite.slip.expires", { date: date(slip.expiresAt) })}</strong>
          </p>
          <h2>{t("self.invite.slip.steps")}</h2>
          <ol className="slip__steps">
            <li>{t("self.invite.slip.step1")}</li>
            <li>{t("self.invite.slip.step2")}</li>
            <li>{t("self.invite.slip.step3")}</li>
            <li>{t("self.invite.slip.step4")}</li>
          </ol>
          <p className="slip__keep">{t("self.invite.slip.keep")}</p>
          <p className="hint">{t("self.invite.slip.issuedBy", { name: slip.issuedBy })}</p>
        </article>
        <div className="actions no-print">
          <PrintButton />
          <Link to={back} className="button button--secondary">
            {t("self.invite.back")}
          </Link>
        </div>
      </>
    );
  }
  const latestLine = !latest
    ? t("self.invite.none")
    : latest.usedAt
      ? t("self.invite.latestUsed", { used: date(latest.usedAt) })
      : latest.expiresAt > at
        ? t("self.invite.latest", { created: date(latest.createdAt), expires: date(latest.expiresAt) })
        : t("self.invite.latestExpired", { created: date(latest.createdAt) });
  return (
    <>
      <p className="listing__back">
        <Link to={back}>← {t("self.invite.back")}</Link>
      </p>
      <h1>{t("self.invite.title")}</h1>
      <p className="lead">{t("self.invite.lead", { name: person.fullName })}</p>
      <section className="card stack-card">
        <p>{latestLine}</p>
        {person.hasAccount ? <p>{t("self.invite.hasAccount")}</p> : null}
        {!person.hasPhone ? <p>{t("self.invite.noPhone")}</p> : null}
        {latest && !latest.usedAt && latest.expiresAt > at ? (
          <p className="hint">{t("self.invite.reissueWarning")}</p>
        ) : null}
        <Form method="post">
          <button type="submit" className="button">
            {t("self.invite.issue")}
          </button>
        </Form>
      </section>
    </>
  );
}
