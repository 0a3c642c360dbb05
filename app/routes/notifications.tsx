import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireUserWith } from "~/auth/session.server";
import { isMessageKey, type MessageKey } from "~/i18n";
import { listNotifications, markAllRead } from "~/modules/notifications/notifications.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("notifications.title")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const querySchema = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) });
  const user = await requireUserWith(request, "view:notifications:own");
  const url = new URL(request.url);
  const { before } = querySchema.parse({ before: url.searchParams.get("before") ?? undefined });
  const items = await listNotifications(user.id, { limit: 30, before });
  return json(
    {
      items: items.map((n) => ({
        ...n,
        messageKey: isMessageKey(n.messageKey) ? n.messageKey : ("notifications.title" as const),
      })),
      marked: url.searchParams.get("marked") === "1",
      older: items.length === 30 ? items[items.length - 1]!.id : null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "view:notifications:own");
  const parsed = z.object({ intent: z.literal("mark-all") }).safeParse(await readForm(request));
  // Only a stale or tampered page posts anything else: say so in the user's language.
  if (!parsed.success) return json({ error: "notifications.error.markAll" as MessageKey }, { status: 400 });
  await markAllRead(user.id);
  return redirect("/notifications?marked=1");
}

export default function Notifications() {
  const { items, marked, older } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, date } = useI18n();
  const unread = items.some((n) => !n.read);
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <p className="lead">{t("notifications.lead")}</p>
      {marked ? (
        <p className="alert alert--success" role="status">
          {t("notifications.marked")}
        </p>
      ) : null}
      {refused?.error ? (
        <p className="alert alert--error" role="alert">
          {t(refused.error)}
        </p>
      ) : null}
      {unread ? (
        <Form method="post" className="mark-all-form">
          <input type="hidden" name="intent" value="mark-all" />
          <button type="submit" className="button button--secondary">
            {t("notifications.markAll")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p className="empty-state">{t("notifications.none")}</p>
      ) : (
        <ul className="list notification-list">
          {items.map((n) => (
            <li
              key={n.id}
              className={`card notification${n.read ? "" : " notification--unread"}${n.done ? " notification--done" : ""}`}
            >
              <p>
                {n.done ? (
                  <span className="badge badge--verified">{t("notifications.done")}</span>
                ) : n.read ? null : (
                  <span className="badge badge--pending">{t("notifications.unread")}</span>
                )}{" "}
                {n.unnamedPerson
                  ? aPerson(t(n.messageKey, { ...n.params, name: t("notifications.aPerson") }))
                  : t(n.messageKey, n.params)}
              </p>
              {/* A div, not a p: a form inside a paragraph closes it in the HTML parser (a hydration mismatch). */}
              <div className="hint">
                {date(n.createdAt)} ·{" "}
                <Form method="post" action={`/notifications/${n.id}`} className="inline-form">
                  <button type="submit" className="link-button">
                    {t("notifications.open")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      {older ? (
        <p>
          <Link to={`/notifications?before=${older}`}>{t("notifications.older")}</Link>
        </p>
      ) : null}
    </>
  );
}

/** "một người đã được giới thiệu…": the neutral name may open the sentence. */
const aPerson = (sentence: string) => sentence.charAt(0).toLocaleUpperCase("vi") + sentence.slice(1);
