import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import {
  authenticate,
  endAllSessions,
  endSession,
  listSessions,
  requireUser,
  startSession,
} from "~/auth/session.server";
import { ContactSettings } from "~/components/account/contact-settings";
import { ErrorSummary, NewPasswordFields, TextField } from "~/components/forms";
import { formatDateTime } from "~/i18n/format-more";
import { changePassword, sessionLimits } from "~/modules/accounts/account.server";
import { changePasswordSchema } from "~/modules/accounts/schema.server";
import { contactChoices, contactSettingsSchema, saveContactSettings } from "~/modules/notifications/settings.server";
import { type FieldErrors, type FormValues, readForm, validateForm, withoutSecrets } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

/*
 * Everyone logged in manages their own account here: password change, the devices logged in, log out
 * everywhere. Only the user's own sessions are ever read or ended, so no permission beyond being logged in.
 */

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("account.title")) },
  { name: "robots", content: "noindex" },
];

/** "21/11/2026 14:05" in Vietnam's time, formatted on the server so the browser shows the same text. */
const dateTime = (d: Date) => formatDateTime(d);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const auth = await authenticate(request);
  const currentId = auth.user ? auth.session.id : "";
  const sessions = (await listSessions(user, currentId)).map((s) => ({
    // The stored id is a hash, but it still names a live session: the page never shows it.
    key: s.id.slice(0, 12),
    client: s.client,
    createdAt: dateTime(s.createdAt),
    lastSeenAt: dateTime(s.lastSeenAt),
    current: s.current,
  }));
  const doneParam = new URL(request.url).searchParams.get("done");
  const done = doneParam === "password";
  const contact = await contactChoices(user.id);
  return json(
    { sessions, limits: sessionLimits(user.role), done, contact, contactSaved: doneParam === "contact" },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  const fail = (errors: FieldErrors, status = 400) =>
    json({ values: withoutSecrets(values) as FormValues, errors }, { status });
  if (values.intent === "logout-everywhere") {
    await endAllSessions(user.id);
    return redirect("/login?ended=all", { headers: { "Set-Cookie": await endSession(request) } });
  }
  if (values.intent === "contact") {
    const parsed = contactSettingsSchema.safeParse({
      channels: [values.channels ?? []].flat(),
      digestHour: values.digestHour ?? "",
    });
    if (!parsed.success) return fail({ _form: { key: "validation.invalid" } });
    await saveContactSettings(user.id, parsed.data);
    return redirect("/account?done=contact#contact");
  }
  if (values.intent !== "password") return fail({ _form: { key: "validation.invalid" } });
  const parsed = validateForm(changePasswordSchema, values);
  if (!parsed.ok) return fail(parsed.errors);
  const outcome = await changePassword(user, parsed.data, context.clientIp);
  if (!outcome.ok) return fail(outcome.errors, outcome.status);
  // Every session ended with the old password; this device continues with a fresh one.
  return redirect("/account?done=password", { headers: { "Set-Cookie": await startSession(user.id, request) } });
}

const LABELS = {
  currentPassword: "account.password.current",
  password: "account.password.new",
  passwordConfirm: "account.password.confirm",
} as const;

export default function Account() {
  const { sessions, limits, done, contact, contactSaved } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useI18n();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.lead")}</p>
      {done ? (
        <p className="alert alert--success" role="status">
          {t("account.password.changed")}
        </p>
      ) : null}
      <div className="grid grid--2">
        <section>
          <h2>{t("account.password.heading")}</h2>
          <ErrorSummary state={state} labels={LABELS} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="password" />
            <TextField
              name="currentPassword"
              label="account.password.current"
              state={state}
              required
              type="password"
              autoComplete="current-password"
            />
            <NewPasswordFields state={state} />
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("account.password.submit")}
              </button>
            </div>
          </Form>
        </section>
        <section>
          <h2>{t("account.sessions.heading")}</h2>
          <p>{t("account.sessions.lead")}</p>
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t("account.sessions.device")}</th>
                <th scope="col">{t("account.sessions.started")}</th>
                <th scope="col">{t("account.sessions.lastSeen")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.key}>
                  <th scope="row">
                    {s.client ?? t("account.sessions.unknownDevice")}
                    {s.current ? <strong> · {t("account.sessions.current")}</strong> : null}
                  </th>
                  <td data-label={t("account.sessions.started")}>{s.createdAt}</td>
                  <td data-label={t("account.sessions.lastSeen")}>{s.lastSeenAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            {t("account.sessions.expiry", {
              idle: t(limits.idle.key, { count: limits.idle.count }),
              lifetime: t(limits.lifetime.key, { count: limits.lifetime.count }),
            })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="logout-everywhere" />
            <button type="submit" className="button button--secondary">
              {t("account.sessions.logoutEverywhere")}
            </button>
          </Form>
        </section>
      </div>
      {contact ? <ContactSettings view={contact} saved={contactSaved} /> : null}
    </>
  );
}
