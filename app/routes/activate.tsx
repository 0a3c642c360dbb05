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
import { getOptionalUser, startSession } from "~/auth/session.server";
import { ErrorSummary, type FormState, TextField } from "~/components/forms";
import { activateAccount, activationSchema } from "~/modules/persons/invitations.server";
import { type FieldErrors, type FormValues, readForm, validateForm, withoutSecrets } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("self.activate.title")) },
  { name: "robots", content: "noindex" },
];

// The code is in the URL: never cached. (Not "no-referrer": browsers would then post with Origin: null and
// the origin check refuses the form; the app-wide strict-origin-when-cross-origin already keeps the query.)
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(ROLE_HOME[user.role]);
  // The link on the slip carries the code: fill it in, the person types only their phone and password.
  const code = (new URL(request.url).searchParams.get("code") ?? "").slice(0, 40);
  return json({ code }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const fail = (errors: FieldErrors, status = 400) =>
    json({ values: withoutSecrets(values) as FormValues, errors }, { status });
  const parsed = validateForm(activationSchema, values);
  if (!parsed.ok) return fail(parsed.errors);
  const outcome = await activateAccount({ ...parsed.data, ip: context.clientIp });
  if (!outcome.ok) return fail(outcome.errors, outcome.status);
  return redirect(ROLE_HOME.person, { headers: { "Set-Cookie": await startSession(outcome.userId, request) } });
}

const LABELS = {
  code: "self.activate.code",
  phone: "self.activate.phone",
  password: "self.activate.password",
  passwordConfirm: "self.activate.passwordConfirm",
} as const;

export default function Activate() {
  const { code } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const state: FormState = data ?? (code ? { values: { code } } : undefined);
  const busy = useNavigation().state === "submitting";
  const { t } = useI18n();
  return (
    <div className="grid grid--2">
      <section>
        <h1>{t("self.activate.title")}</h1>
        <p className="lead">{t("self.activate.lead")}</p>
        <ErrorSummary state={data} labels={LABELS} />
        <Form method="post" className="stack" noValidate>
          <TextField
            name="code"
            label="self.activate.code"
            hint="self.activate.code.hint"
            state={state}
            required
            autoComplete="one-time-code"
          />
          <TextField
            name="phone"
            label="self.activate.phone"
            hint="self.activate.phone.hint"
            state={state}
            required
            type="tel"
            inputMode="tel"
            autoComplete="tel"
          />
          <TextField
            name="password"
            label="self.activate.password"
            hint="self.activate.password.hint"
            state={state}
            required
            type="password"
            autoComplete="new-password"
          />
          <TextField
            name="passwordConfirm"
            label="self.activate.passwordConfirm"
            state={state}
            required
            type="password"
            autoComplete="new-password"
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("self.activate.submit")}
            </button>
          </div>
        </Form>
      </section>
      <aside className="card">
        <p>{t("self.activate.help")}</p>
        <p>
          {t("self.activate.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
        </p>
      </aside>
    </div>
  );
}
