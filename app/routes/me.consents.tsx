import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireUserWith } from "~/auth/session.server";
import { ConsentCard } from "~/components/self-service/consent";
import { useLabels } from "~/components/self-service/labels";
import { PersonNav } from "~/components/self-service/person-nav";
import type { MessageKey } from "~/i18n";
import { getOwnRecord } from "~/modules/persons/record.server";
import { withdrawOwnConsent, withdrawSchema } from "~/modules/persons/self-service.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

import { CONSENT_PURPOSES } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("self.consents.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  const record = await getOwnRecord(user);
  const params = new URL(request.url).searchParams;
  const withdrawn = params.get("done") === "withdrawn";
  const purpose =
    z
      .enum(CONSENT_PURPOSES)
      .optional()
      .catch(undefined)
      .parse(params.get("purpose") ?? undefined) ?? null;
  return json(
    { grants: record?.grants ?? null, withdrawn, purpose },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  const parsed = withdrawSchema.safeParse(await readForm(request));
  if (!parsed.success) return json({ error: "consent.withdrawal.error.invalid" as MessageKey }, { status: 400 });
  const { grantId, note, purpose } = parsed.data;
  const outcome = await withdrawOwnConsent(user.id, grantId, note, purpose);
  if (!outcome.ok) return json({ error: "self.withdraw.error" as MessageKey }, { status: 404 });
  return redirect(`/me/consents?done=withdrawn${purpose ? `&purpose=${purpose}` : ""}`);
}

export default function MyConsents() {
  const { grants, withdrawn, purpose } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useI18n();
  const { word } = useLabels();
  return (
    <>
      <PersonNav />
      <h1>{t("self.consents.title")}</h1>
      <p className="lead">{t("self.consents.lead")}</p>
      {withdrawn ? (
        <p className="alert alert--success" role="status">
          {purpose
            ? t("consent.withdrawal.self.done", { purpose: word("self.purpose", purpose) })
            : t("self.withdraw.done")}
        </p>
      ) : null}
      {failed?.error ? (
        <p className="alert alert--error" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
      {grants === null ? (
        <p className="alert alert--info">{t("self.home.notLinked")}</p>
      ) : grants.length === 0 ? (
        <p className="empty-state">{t("self.consents.none")}</p>
      ) : (
        <ul className="list">
          {grants.map((g) => (
            <ConsentCard key={g.id} grant={g} withdrawable />
          ))}
        </ul>
      )}
    </>
  );
}
