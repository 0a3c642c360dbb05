import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";

import { ROLE_HOME } from "~/auth/permissions.server";
import { getOptionalUser, startSession } from "~/auth/session.server";
import { ErrorSummary, TextField } from "~/components/forms";
import { safeRedirect } from "~/http/responses.server";
import { attemptLogin } from "~/modules/accounts/login.server";
import { loginSchema } from "~/modules/accounts/schema.server";
import { type FieldErrors, type FormValues, readForm, validateForm, withoutSecrets } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: pageTitle(t("login.title")) }, { name: "description", content: t("login.metaDescription") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const parsed = validateForm(loginSchema, values);
  const fail = (errors: FieldErrors, status = 400) =>
    json({ values: withoutSecrets(values) as FormValues, errors }, { status });
  if (!parsed.ok) return fail(parsed.errors);

  const outcome = await attemptLogin({
    identifier: parsed.data.identifier,
    password: parsed.data.password,
    ip: context.clientIp,
  });
  if (!outcome.ok) {
    if (outcome.reason === "locked") {
      return fail({ _form: { key: "login.error.locked", vars: { minutes: outcome.retryAfterMinutes } } }, 429);
    }
    return fail(
      { _form: { key: outcome.reason === "disabled" ? "login.error.disabled" : "login.error.invalid" } },
      400,
    );
  }
  return redirect(safeRedirect(parsed.data.redirectTo, ROLE_HOME[outcome.role]), {
    // A new session; the one this browser presented (if any) ends, so a planted cookie opens nothing.
    headers: { "Set-Cookie": await startSession(outcome.userId, request) },
  });
}

export default function Login() {
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useI18n();
  const redirectTo = (state?.values?.redirectTo as string | undefined) ?? params.get("redirectTo") ?? "";
  const notice =
    params.get("reset") === "1"
      ? "account.notice.passwordReset"
      : params.get("ended") === "all"
        ? "account.notice.loggedOutEverywhere"
        : params.get("expired") === "1"
          ? "account.notice.expired"
          : null;
  return (
    <div className="grid grid--2">
      <section>
        <h1>{t("login.title")}</h1>
        <p className="lead">{t("login.lead")}</p>
        {notice && !state ? (
          <p className="alert alert--info" role="status">
            {t(notice)}
          </p>
        ) : null}
        <ErrorSummary state={state} labels={{ identifier: "login.identifier", password: "login.password" }} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            name="identifier"
            label="login.identifier"
            hint="login.identifier.hint"
            state={state}
            required
            autoComplete="username"
          />
          <TextField
            name="password"
            label="login.password"
            state={state}
            type="password"
            required
            autoComplete="current-password"
          />
          <div className="actions">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("login.submit")}
            </button>
            <Link to="/forgot-password">{t("login.forgot")}</Link>
          </div>
        </Form>
      </section>
      <aside className="card">
        <p>{t("login.noAccount")}</p>
        <p>
          <Link to="/register">{t("nav.register")}</Link>
        </p>
        <p>{t("login.personHelp")}</p>
        <p>
          <Link to="/activate">{t("login.activate")}</Link>
        </p>
      </aside>
    </div>
  );
}
