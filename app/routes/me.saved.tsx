import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireUserWith } from "~/auth/session.server";
import { ListingLine } from "~/components/self-service/listing-list";
import { PersonNav } from "~/components/self-service/person-nav";
import { SavedSearchList } from "~/components/self-service/saved-searches";
import type { MessageKey } from "~/i18n";
import {
  canonicalSearch,
  listSavedSearches,
  MAX_ACTIVE_SEARCHES,
  saveSearch,
  stopOwnSavedSearch,
} from "~/modules/alerts/saved-searches.server";
import { getOwnRecord } from "~/modules/persons/record.server";
import { LISTING_KINDS, listSaved, setSaved } from "~/modules/persons/self-service.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("self.saved.title")) }];

const DONE = { saved: "alerts.done.saved", already: "alerts.done.already", stopped: "alerts.done.stopped" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  const record = await getOwnRecord(user);
  const done = z.enum(["saved", "already", "stopped"]).safeParse(new URL(request.url).searchParams.get("alert"));
  return json(
    {
      saved: record ? await listSaved(record.id) : null,
      alerts: await listSavedSearches(user.id),
      done: done.success ? DONE[done.data] : null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type Refused = { error: MessageKey; vars?: Record<string, number> };

/**
 * Unsave a listing; save the search of /jobs or /trainings (its form posts here with the page's query and
 * filters); stop a saved search.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actionSchema = z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("unsave"), kind: z.enum(LISTING_KINDS), listingId: z.uuid() }),
    z.object({ intent: z.literal("saveSearch"), kind: z.enum(LISTING_KINDS) }),
    z.object({ intent: z.literal("stopSearch"), id: z.uuid() }),
  ]);
  const user = await requireUserWith(request, "request:referral:own");
  const form = await readForm(request);
  const parsed = actionSchema.safeParse(form);
  // Only a stale or tampered page posts anything else: say so in the user's language.
  if (!parsed.success) {
    const error = form.intent === "unsave" || !form.intent ? "self.saved.error.unsave" : "alerts.error.invalid";
    return json<Refused>({ error }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "unsave") {
    await setSaved(user.id, input.kind, input.listingId, false);
    return redirect("/me/saved");
  }
  if (input.intent === "stopSearch") {
    if (!(await stopOwnSavedSearch(user.id, input.id)))
      return json<Refused>({ error: "alerts.error.stop" }, { status: 400 });
    return redirect("/me/saved?alert=stopped#alerts");
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form))
    if (key !== "intent" && key !== "kind")
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  const outcome = await saveSearch(user.id, input.kind, await canonicalSearch(input.kind, params));
  if (!outcome.ok)
    return json<Refused>({ error: "alerts.error.tooMany", vars: { max: MAX_ACTIVE_SEARCHES } }, { status: 400 });
  return redirect(`/me/saved?alert=${outcome.created ? "saved" : "already"}#alerts`);
}

export default function MySaved() {
  const { saved, alerts, done } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <>
      <PersonNav />
      <h1>{t("self.saved.title")}</h1>
      <p className="lead">{t("self.saved.lead")}</p>
      {refused?.error ? (
        <p className="alert alert--error" role="alert">
          {t(refused.error, refused.vars)}
        </p>
      ) : done ? (
        <p className="alert alert--success" role="status">
          {t(done)}
        </p>
      ) : null}
      {saved === null ? (
        <p className="alert alert--info">{t("self.home.notLinked")}</p>
      ) : saved.length === 0 ? (
        <p className="empty-state">{t("self.home.saved.none")}</p>
      ) : (
        <ul className="list">
          {saved.map((s) => (
            <ListingLine key={`${s.kind}-${s.listingId}`} item={s}>
              <div className="listing-line__foot">
                <span className="hint">{t("self.saved.savedOn", { date: date(s.savedAt) })}</span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="unsave" />
                  <input type="hidden" name="kind" value={s.kind} />
                  <input type="hidden" name="listingId" value={s.listingId} />
                  <button type="submit" className="button button--ghost">
                    {t("self.listing.unsave")}
                  </button>
                </Form>
              </div>
            </ListingLine>
          ))}
        </ul>
      )}
      <SavedSearchList items={alerts} />
    </>
  );
}
