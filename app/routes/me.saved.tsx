import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireUserWith } from "~/auth/session.server";
import { ListingLine } from "~/components/self-service/listing-list";
import { PersonNav } from "~/components/self-service/person-nav";
import type { MessageKey } from "~/i18n";
import { getOwnRecord } from "~/modules/persons/record.server";
import { LISTING_KINDS, listSaved, setSaved } from "~/modules/persons/self-service.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("self.saved.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  const record = await getOwnRecord(user);
  return json(
    { saved: record ? await listSaved(record.id) : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const unsaveSchema = z.object({ intent: z.literal("unsave"), kind: z.enum(LISTING_KINDS), listingId: z.uuid() });
  const user = await requireUserWith(request, "request:referral:own");
  const parsed = unsaveSchema.safeParse(await readForm(request));
  // Only a stale or tampered page posts anything else: say so in the user's language.
  if (!parsed.success) return json({ error: "self.saved.error.unsave" as MessageKey }, { status: 400 });
  await setSaved(user.id, parsed.data.kind, parsed.data.listingId, false);
  return redirect("/me/saved");
}

export default function MySaved() {
  const { saved } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <>
      <PersonNav />
      <h1>{t("self.saved.title")}</h1>
      <p className="lead">{t("self.saved.lead")}</p>
      {refused?.error ? (
        <p className="alert alert--error" role="alert">
          {t(refused.error)}
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
    </>
  );
}
