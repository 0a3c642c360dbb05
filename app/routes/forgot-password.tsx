import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { ROLE_HOME } from "~/auth/permissions.server";
import { getOptionalUser } from "~/auth/session.server";
import { ErrorSummary, TextField } from "~/components/forms";
import { RECOVERY, requestPasswordReset } from "~/modules/accounts/recovery.server";
import { forgotPasswordSchema } from "~/modules/accounts/schema.server";
import { type FormValues, readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("recovery.forgot.title")) },
  { name: "robots", content: "noindex" },
];

/*
 * "Forgot your password?" from the login page: a phone number gets a code by SMS (then /reset-password), an
 * e-mail address a link (then "check your e-mail", ?sent=email). The answer is the same whether or not an
 * account has that number or address (app/modules/accounts/recovery.server.ts). The paper path stays: an
 * officer can still issue a person a new activation code (/activate).
 */

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  const emailSent = new URL(request.url).searchParams.get("sent") === "email";
  return json({ emailSent, minutes: RECOVERY.linkMinutes }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const parsed = validateForm(forgotPasswordSchema, values);
  if (!parsed.ok) return json({ values: values as FormValues, errors: parsed.errors }, { status: 400 });
  const outcome = await requestPasswordReset({ identifier: parsed.data.identifier, ip: context.clientIp });
  return redirect(
    outcome.channel === "sms"
      ? `/reset-password?to=${encodeURIComponent(outcome.masked)}`
      : "/forgot-password?sent=email",
  );
}

export default function ForgotPassword() {
  const { emailSent, minutes } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useI18n();
  if (emailSent)
    return (
      <section className="forgot-password">
        <h1>{t("recovery.email.title")}</h1>
        <p className="alert alert--info" role="status">
          {t("recovery.email.body", { minutes })}
        </p>
        <p>
          <Link to="/forgot-password">{t("recovery.email.again")}</Link>
        </p>
        <p>
          <Link to="/login">{t("recovery.back")}</Link>
        </p>
      </section>
    );
  return (
    <div className="grid grid--2 forgot-password">
      <section>
        <h1>{t("recovery.forgot.title")}</h1>
        <p className="lead">{t("recovery.forgot.lead")}</p>
        <ErrorSummary state={state} labels={{ identifier: "recovery.forgot.identifier" }} />
        <Form method="post" className="stack" noValidate>
          <TextField
            name="identifier"
            label="recovery.forgot.identifier"
            hint="recovery.forgot.identifier.hint"
            state={state}
            required
            autoComplete="username"
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("recovery.forgot.submit")}
            </button>
            <Link to="/login">{t("recovery.back")}</Link>
          </div>
        </Form>
      </section>
      <aside className="card">
        <p>{t("recovery.forgot.activate")}</p>
        <p>
          <Link to="/activate" className="button button--secondary">
            {t("recovery.forgot.activateLink")}
          </Link>
        </p>
      </aside>
    </div>
  );
}
