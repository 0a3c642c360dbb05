import {
  type ActionFunctionArgs,
  type HeadersFunction,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { ROLE_HOME } from "~/auth/permissions.server";
import { getOptionalUser } from "~/auth/session.server";
import { ErrorSummary, NewPasswordFields } from "~/components/forms";
import { resetLinkIsLive, resetWithToken } from "~/modules/accounts/recovery.server";
import { resetLinkSchema } from "~/modules/accounts/schema.server";
import { type FieldErrors, type FormValues, readForm, validateForm, withoutSecrets } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("recovery.link.title")) },
  { name: "robots", content: "noindex" },
];

// The token is in the URL: never cached (the app-wide strict-origin-when-cross-origin keeps it from other sites).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/*
 * The link of the reset e-mail (`/reset-password/<token>`, app/modules/accounts/recovery.server.ts):
 * a live link shows the new-password form; a used, expired or unknown one says so and offers a new one.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  const live = await resetLinkIsLive(params.token ?? "");
  return json({ live }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const fail = (errors: FieldErrors) => json({ values: withoutSecrets(values) as FormValues, errors }, { status: 400 });
  const parsed = validateForm(resetLinkSchema, values);
  if (!parsed.ok) return fail(parsed.errors);
  const outcome = await resetWithToken({ ...parsed.data, token: params.token ?? "", ip: context.clientIp });
  if (!outcome.ok) return fail(outcome.errors);
  return redirect("/login?reset=1");
}

export default function ResetPasswordLink() {
  const { live } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useI18n();
  return (
    <section className="reset-password">
      <h1>{t("recovery.link.title")}</h1>
      {live ? (
        <>
          <p className="lead">{t("recovery.link.lead")}</p>
          <ErrorSummary
            state={state}
            labels={{ password: "account.password.new", passwordConfirm: "account.password.confirm" }}
          />
          <Form method="post" className="stack" noValidate>
            <NewPasswordFields state={state} />
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("recovery.submit")}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p className="alert alert--error" role="alert">
            {t("recovery.error.link")}
          </p>
          <p>
            <Link to="/forgot-password" className="button">
              {t("recovery.link.again")}
            </Link>
          </p>
        </>
      )}
      <p>
        <Link to="/login">{t("recovery.back")}</Link>
      </p>
    </section>
  );
}
