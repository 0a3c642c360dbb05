import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { can, requirePermission } from "~/auth/permissions.server";
import { requireStaff } from "~/auth/scope.server";
import { useLabels } from "~/components/self-service/labels";
import type { MessageKey } from "~/i18n";
import {
  listOpenDataRequests,
  recentlyResolvedDataRequests,
  resolveDataRequest,
} from "~/modules/persons/data-rights.server";
import { readForm } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("self.requests.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "handle:data_request:commune");
  const done = new URL(request.url).searchParams.get("done");
  const [open, recent] = await Promise.all([listOpenDataRequests(scope), recentlyResolvedDataRequests(scope)]);
  return json({
    open,
    recent,
    done: done === "resolved" || done === "anonymised" ? done : null,
    canAnonymise: can(user, "anonymise:person:commune"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const resolveSchema = z.object({
    requestId: z.uuid(),
    outcome: z.enum(["done", "declined"]),
    confirm: z.string().optional(),
  });
  const { user, scope } = await requireStaff(request, "handle:data_request:commune");
  const parsed = resolveSchema.safeParse(await readForm(request));
  if (!parsed.success) return json({ error: "self.requests.error" as MessageKey, requestId: null }, { status: 400 });
  const { requestId, outcome, confirm } = parsed.data;
  const open = await listOpenDataRequests(scope);
  const target = open.find((r) => r.id === requestId);
  if (!target) return json({ error: "self.requests.error" as MessageKey, requestId }, { status: 404 });
  // Marking a deletion request done deletes the data: only with the permission and the ticked confirmation.
  if (target.kind === "deletion" && outcome === "done") {
    requirePermission(user, "anonymise:person:commune");
    if (confirm !== "on")
      return json({ error: "self.anonymise.error.confirm" as MessageKey, requestId }, { status: 400 });
  }
  const result = await resolveDataRequest(scope, requestId, outcome);
  if (!result.ok) return json({ error: "self.requests.error" as MessageKey, requestId }, { status: 404 });
  return redirect(
    `/officer/requests?done=${target.kind === "deletion" && outcome === "done" ? "anonymised" : "resolved"}`,
  );
}

export default function DataRequests() {
  const { open, recent, done, canAnonymise } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t, date, word } = useLabels();
  return (
    <>
      <h1>{t("self.requests.title")}</h1>
      <p className="lead">{t("self.requests.lead")}</p>
      {done ? (
        <p className="alert alert--success" role="status">
          {t(done === "anonymised" ? "self.anonymise.done" : "self.requests.resolved")}
        </p>
      ) : null}
      {failed?.error && !failed.requestId ? (
        <p className="alert alert--error" role="alert">
          {t(failed.error)}
        </p>
      ) : null}
      {open.length === 0 ? (
        <p className="empty-state">{t("self.requests.none")}</p>
      ) : (
        <ul className="list">
          {open.map((r) => (
            <li key={r.id} className="card">
              <p>
                <span className={`badge ${r.kind === "deletion" ? "badge--rejected" : "badge--pending"}`}>
                  {t(`self.requests.kind.${r.kind}`)}
                </span>{" "}
                <span className="hint">{date(r.createdAt)}</span>
              </p>
              <h3>
                <Link to={`/officer/persons/${r.personId}`}>
                  {t("self.requests.from", { name: r.fullName, commune: r.communeName })}
                </Link>
              </h3>
              <p className="prose">{r.message}</p>
              {failed?.error && failed.requestId === r.id ? (
                <p className="alert alert--error" role="alert">
                  {t(failed.error)}
                </p>
              ) : null}
              <div className="actions">
                {r.kind === "deletion" ? (
                  canAnonymise ? (
                    <Form method="post" className="stack">
                      <input type="hidden" name="requestId" value={r.id} />
                      <p className="hint">{t("self.anonymise.body")}</p>
                      <label className="check">
                        <input type="checkbox" name="confirm" value="on" />
                        {t("self.anonymise.confirm")}
                      </label>
                      <button type="submit" name="outcome" value="done" className="button button--danger">
                        {t("self.requests.delete")}
                      </button>
                    </Form>
                  ) : null
                ) : (
                  <Form method="post">
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" name="outcome" value="done" className="button">
                      {t("self.requests.done")}
                    </button>
                  </Form>
                )}
                <Form method="post">
                  <input type="hidden" name="requestId" value={r.id} />
                  <button type="submit" name="outcome" value="declined" className="button button--ghost">
                    {t("self.requests.decline")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      {recent.length ? (
        <section>
          <h2>{t("self.requests.recent")}</h2>
          <ul className="plain-list">
            {recent.map((r) => (
              <li key={r.id}>
                {t(`self.requests.kind.${r.kind}`)} · {r.fullName} · {word("self.dataRequest.status", r.status)} ·{" "}
                {date(r.resolvedAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
