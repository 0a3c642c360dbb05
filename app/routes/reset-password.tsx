import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { ROLE_HOME } from "~/auth/permissions.server";
import { getOptionalUser } from "~/auth/session.server";
import { ErrorSummary, NewPasswordFields, TextField } from "~/components/forms";
import { RECOVERY, resetWithCode } from "~/modules/accounts/recovery.server";
import { resetCodeSchema } from "~/modules/accounts/schema.server";
import { type FieldErrors, type FormValues, readForm, validateForm, withoutSecrets } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("recovery.code.title")) },
  { name: "robots", content: "noindex" },
];

/*
 * "Enter your code": the number, the 6-digit code sent by SMS and a new password. /forgot-password sends
 * people here with the masked number (`?to=091****678`), the same whether or not an account has it.
 */

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  const to = new URL(request.url).searchParams.get("to") ?? "";
  return json(
    { to: /^[0-9*]{6,15}$/.test(to) ? to : null, minutes: RECOVERY.codeMinutes },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const fail = (errors: FieldErrors) => json({ values: withoutSecrets(values) as FormValues, errors }, { status: 400 });
  const parsed = validateForm(resetCodeSchema, values);
  if (!parsed.ok) return fail(parsed.errors);
  const outcome = await resetWithCode({ ...parsed.data, ip: context.clientIp });
  if (!outcome.ok) return fail(outcome.errors);
  return redirect("/login?reset=1");
}

const LABELS = {
  phone: "recovery.code.phone",
  code: "recovery.code.code",
  password: "account.password.new",
  passwordConfirm: "account.password.confirm",
} as const;

export default function ResetPassword() {
  const { to, minutes } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useI18n();
  return (
    <section className="reset-password">
      <h1>{t("recovery.code.title")}</h1>
      {to && !state ? (
        <p className="alert alert--info" role="status">
          {t("recovery.code.sent", { to, minutes })}
        </p>
      ) : null}
      <p className="lead">{t("recovery.code.lead")}</p>
      <ErrorSummary state={state} labels={LABELS} />
      <Form method="post" className="stack" noValidate>
        <TextField
          name="phone"
          label="recovery.code.phone"
          state={state}
          required
          type="tel"
          inputMode="tel"
          autoComplete="tel"
        />
        <TextField
          name="code"
          label="recovery.code.code"
          hint="recovery.code.code.hint"
          state={state}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <NewPasswordFields state={state} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("recovery.submit")}
          </button>
          <Link to="/forgot-password">{t("recovery.code.again")}</Link>
        </div>
      </Form>
    </section>
  );
}
