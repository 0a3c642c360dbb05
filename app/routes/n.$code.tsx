import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { getOptionalUser } from "~/auth/session.server";
import { openShortLink, stopFromLink } from "~/http/short-link.server";
import type { MessageKey } from "~/i18n";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("shortlink.title")) },
  { name: "robots", content: "noindex" },
];

const NO_STORE = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

/**
 * A message's short link. Its recipient, logged in, goes straight to what it is about; anyone else (a family
 * member holding the phone, a stranger guessing) sees a page that reveals nothing: log in to see it, and a
 * one-tap stop of these messages.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const [link, user] = await Promise.all([openShortLink(code), getOptionalUser(request)]);
  if (link && !link.expired && user?.id === link.userId) throw redirect(link.target, { headers: NO_STORE });
  const stopKey = link?.stopKey ?? null;
  const stop: MessageKey | null = !stopKey
    ? null
    : stopKey.startsWith("saved-search:")
      ? "shortlink.stop.alert"
      : (`shortlink.stop.${stopKey.slice("channel:".length)}` as MessageKey);
  const state: MessageKey = !link
    ? "shortlink.unknown"
    : link.expired
      ? "shortlink.expired"
      : user
        ? "shortlink.otherUser"
        : "shortlink.lead";
  return json({ code, state, stop, loggedIn: !!user }, { headers: NO_STORE });
}

/** The stop button, and RFC 8058 one-click unsubscribes from mail clients (List-Unsubscribe=One-Click). */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (form.intent !== "stop" && form["List-Unsubscribe"] !== "One-Click")
    return json({ stopped: false, error: "shortlink.error" as const }, { status: 400, headers: NO_STORE });
  const { ok } = await stopFromLink(params.code ?? "");
  return json(ok ? { stopped: true, error: null } : { stopped: false, error: "shortlink.unknown" as const }, {
    status: ok ? 200 : 404,
    headers: NO_STORE,
  });
}

export default function ShortLink() {
  const { code, state, stop, loggedIn } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useI18n();
  const next = `/n/${code}`;
  return (
    <div className="stack">
      <h1>{t("shortlink.title")}</h1>
      {done?.error ? (
        <p className="alert alert--error" role="alert">
          {t(done.error)}
        </p>
      ) : null}
      {done?.stopped ? (
        <p className="alert alert--success" role="status">
          {t("shortlink.stopped")}
        </p>
      ) : (
        <p className="lead">{t(state)}</p>
      )}
      <p>
        {loggedIn ? (
          <Link to="/notifications" className="button">
            {t("nav.notifications")}
          </Link>
        ) : (
          <Link to={`/login?redirectTo=${encodeURIComponent(next)}`} className="button">
            {t("shortlink.login")}
          </Link>
        )}
      </p>
      {stop && !done?.stopped ? (
        <section className="card">
          <h2>{t("shortlink.stop.heading")}</h2>
          <p>{t("shortlink.stop.explain")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="stop" />
            <button type="submit" className="button button--secondary">
              {t(stop)}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
