import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";

import type { ListingActionData } from "~/http/person-listing.server";
import type { MessageKey } from "~/i18n";
import type { listingStateForPerson } from "~/modules/persons/self-service.server";
import { useI18n } from "~/utils/i18n-react";

export type PersonListingState = SerializeFrom<Awaited<ReturnType<typeof listingStateForPerson>>>;

/**
 * What a logged-in person sees beside a job or course instead of the anonymous call to action: save it,
 * and ask their officer for a referral (only with a live consent for that purpose; one pending at a time).
 */
export function PersonListingBox({ kind, state }: { kind: "job" | "training"; state: PersonListingState }) {
  const { t, date } = useI18n();
  const result = useActionData<ListingActionData>();
  const busy = useNavigation().state === "submitting";
  const title: MessageKey = "self.listing.title";
  if (!state.linked) {
    return (
      <aside className="cta-box" aria-labelledby="cta-title">
        <h2 id="cta-title">{t(title)}</h2>
        <p>{t("self.listing.error.not_linked")}</p>
      </aside>
    );
  }
  const pending = state.request?.status === "pending";
  return (
    <aside className="cta-box person-box" aria-labelledby="cta-title">
      <h2 id="cta-title">{t(title)}</h2>
      {result?.error ? (
        <p className="alert alert--error" role="alert">
          {t(result.error)}
        </p>
      ) : result?.done === "requested" ? (
        <p className="alert alert--success" role="status">
          {t("self.listing.requestSent")}
        </p>
      ) : null}

      <Form method="post" className="person-box__save">
        <input type="hidden" name="intent" value={state.saved ? "unsave" : "save"} />
        <button type="submit" className="button button--secondary" aria-pressed={state.saved} disabled={busy}>
          {state.saved ? `★ ${t("self.listing.unsave")}` : `☆ ${t("self.listing.save")}`}
        </button>
        {state.saved ? (
          <p className="hint" role="status">
            {t("self.listing.savedNote")}
          </p>
        ) : null}
      </Form>

      <div className="person-box__ask">
        {state.request ? (
          <p>
            {t("self.listing.requested", { date: date(state.request.createdAt) })}{" "}
            <strong>{t(`self.request.status.${state.request.status}` as MessageKey)}</strong>.{" "}
            <Link to="/me">{t("self.listing.myRequests")}</Link>
          </p>
        ) : null}
        {pending ? null : !state.active ? (
          <p className="hint">{t("self.listing.error.inactive")}</p>
        ) : !state.hasConsent ? (
          <p className="alert alert--info">{t(`self.listing.error.no_consent.${kind}`)}</p>
        ) : (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="request" />
            <p className="hint">{t("self.listing.ask.hint")}</p>
            <div className="field">
              <label htmlFor="f-message">{t("self.listing.message")}</label>
              <p className="hint" id="f-message-hint">
                {t("self.listing.message.hint")}
              </p>
              <textarea id="f-message" name="message" rows={3} maxLength={1000} aria-describedby="f-message-hint" />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t("self.listing.ask")}
            </button>
          </Form>
        )}
      </div>
    </aside>
  );
}
