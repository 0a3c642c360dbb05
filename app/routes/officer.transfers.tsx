import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireStaff } from "~/auth/scope.server";
import type { MessageKey } from "~/i18n";
import { acceptTransfer, cancelTransfer, listTransfers } from "~/modules/persons/lifecycle.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("self.transfers.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "transfer:person:commune");
  const done = new URL(request.url).searchParams.get("done");
  return json({ ...(await listTransfers(scope)), done: done === "accepted" || done === "cancelled" ? done : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const decisionSchema = z.object({ intent: z.enum(["accept", "cancel"]), transferId: z.uuid() });
  const { scope } = await requireStaff(request, "transfer:person:commune");
  const parsed = decisionSchema.safeParse(await readForm(request));
  if (!parsed.success) return json({ error: "self.transfers.error" as MessageKey }, { status: 400 });
  const { intent, transferId } = parsed.data;
  const outcome =
    intent === "accept" ? await acceptTransfer(scope, transferId) : await cancelTransfer(scope, transferId);
  if (!outcome.ok) return json({ error: "self.transfers.error" as MessageKey }, { status: 404 });
  return redirect(`/officer/transfers?done=${intent === "accept" ? "accepted" : "cancelled"}`);
}

export default function Transfers() {
  const { incoming, outgoing, done } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <>
      <h1>{t("self.transfers.title")}</h1>
      <p className="lead">{t("self.transfers.lead")}</p>
      {done ? (
        <p className="alert alert--success" role="status">
          {t(done === "accepted" ? "self.transfers.accepted" : "self.transfers.cancelled")}
        </p>
      ) : null}
      {failed?.error ? (
        <p className="alert alert--error" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
      <section aria-labelledby="incoming-title">
        <h2 id="incoming-title">{t("self.transfers.incoming")}</h2>
        {incoming.length === 0 ? (
          <p className="empty-state">{t("self.transfers.none")}</p>
        ) : (
          <ul className="list">
            {incoming.map((tr) => (
              <li key={tr.id} className="card">
                <h3>{tr.fullName}</h3>
                <p className="hint">
                  {t("self.transfers.born", { date: date(tr.dateOfBirth) })} ·{" "}
                  {t("self.transfers.requestedOn", { date: date(tr.requestedAt) })}
                </p>
                <p>{t("self.transfers.fromTo", { from: tr.fromCommuneName, to: tr.toCommuneName })}</p>
                {tr.note ? <p className="prose">“{tr.note}”</p> : null}
                <div className="actions">
                  <Form method="post">
                    <input type="hidden" name="transferId" value={tr.id} />
                    <button type="submit" name="intent" value="accept" className="button">
                      {t("self.transfers.accept")}
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="transferId" value={tr.id} />
                    <button type="submit" name="intent" value="cancel" className="button button--danger">
                      {t("self.transfers.decline")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="outgoing-title">
        <h2 id="outgoing-title">{t("self.transfers.outgoing")}</h2>
        {outgoing.length === 0 ? (
          <p className="empty-state">{t("self.transfers.none")}</p>
        ) : (
          <ul className="list">
            {outgoing.map((tr) => (
              <li key={tr.id} className="card">
                <h3>
                  <Link to={`/officer/persons/${tr.personId}`}>{tr.fullName}</Link>
                </h3>
                <p>{t("self.transfers.fromTo", { from: tr.fromCommuneName, to: tr.toCommuneName })}</p>
                <p className="hint">{t("self.transfers.requestedOn", { date: date(tr.requestedAt) })}</p>
                <Form method="post">
                  <input type="hidden" name="transferId" value={tr.id} />
                  <button type="submit" name="intent" value="cancel" className="button button--ghost">
                    {t("self.transfers.cancel")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
