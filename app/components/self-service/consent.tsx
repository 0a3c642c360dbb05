import { Form } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import { grantState } from "~/modules/consent/vocabulary";

import { CONSENT_PURPOSES } from "../../../db/enums";
import { useLabels } from "./labels";

export type GrantView = {
  id: string;
  purposes: string[];
  shareableFields: string[];
  givenAt: string;
  evidenceKind: string;
  evidenceRef: string;
  expiresAt: string;
  withdrawnAt: string | null;
  /** Per-purpose history (absent in an export made before it existed). */
  withdrawals?: { purpose: string; withdrawnAt: string; actorRole: string; channel: string | null }[];
};

/** What was given, in the form's order: the purposes in force and those withdrawn since. */
export function givenPurposes(g: Pick<GrantView, "purposes" | "withdrawals">): string[] {
  const given = new Set([...g.purposes, ...(g.withdrawals ?? []).map((w) => w.purpose)]);
  return [
    ...(CONSENT_PURPOSES as readonly string[]).filter((p) => given.has(p)),
    ...[...given].filter((p) => !(CONSENT_PURPOSES as readonly string[]).includes(p)),
  ];
}

/** A confirmation behind a disclosure (works without JavaScript): what withdrawing does, a reason, the button. */
function WithdrawForm({ grantId, purpose }: { grantId: string; purpose?: string }) {
  const { t, word } = useLabels();
  const id = `note-${grantId}${purpose ? `-${purpose}` : ""}`;
  return (
    <details className="withdraw">
      <summary>{purpose ? t("consent.withdrawal.self.open") : t("consent.withdrawal.self.all")}</summary>
      <div className="withdraw__body">
        <p className="alert alert--info">
          {purpose ? (
            <>
              {word("consent.withdrawal.effect", purpose)} {t("consent.withdrawal.keepOthers")}
            </>
          ) : (
            t("self.withdraw.warning")
          )}
        </p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="grantId" value={grantId} />
          {purpose ? <input type="hidden" name="purpose" value={purpose} /> : null}
          <div className="field">
            <label htmlFor={id}>{t("self.withdraw.note")}</label>
            <textarea id={id} name="note" rows={2} maxLength={500} />
          </div>
          <div className="actions">
            <button type="submit" className="button button--danger">
              {purpose ? t("consent.withdrawal.self.confirm") : t("self.withdraw.confirm")}
            </button>
          </div>
        </Form>
      </div>
    </details>
  );
}

/**
 * One consent in plain words: each purpose on its own, what it allows, and whether it is still given; what is
 * shared, since and until when. Each purpose in force can be withdrawn on its own, the others staying
 * (and the whole grant at once, when several remain).
 */
export function ConsentCard({ grant, withdrawable }: { grant: GrantView; withdrawable: boolean }) {
  const { t, date, word } = useLabels();
  const state = grantState(grant);
  const withdrawalOf = (p: string) => grant.withdrawals?.find((w) => w.purpose === p);
  const inForce = state === "live" ? grant.purposes.filter((p) => !withdrawalOf(p)) : [];
  return (
    <li className={`card consent-card consent-card--${state}`}>
      <p className="consent-card__state">
        <span className={`badge ${state === "live" ? "badge--verified" : "badge--rejected"}`}>
          {state === "live"
            ? t("self.consent.live")
            : state === "withdrawn"
              ? t("self.consent.withdrawnOn", { date: date(grant.withdrawnAt) })
              : t("self.consent.expiredOn", { date: date(grant.expiresAt) })}
        </span>
      </p>
      <ul className="consent-card__purposes">
        {givenPurposes(grant).map((p) => {
          const withdrawn = withdrawalOf(p);
          const live = inForce.includes(p);
          return (
            <li
              key={p}
              className={`consent-purpose consent-purpose--${withdrawn ? "withdrawn" : live ? "live" : "ended"}`}
              data-purpose={p}
            >
              <strong>{word("self.purpose", p)}</strong>
              {withdrawn ? (
                <span className="badge badge--rejected">
                  {t("consent.withdrawal.purposeWithdrawn", { date: date(withdrawn.withdrawnAt) })}
                </span>
              ) : live ? (
                <span className="badge badge--verified">{t("consent.withdrawal.purposeLive")}</span>
              ) : null}
              <span className="hint">{word("self.purpose", `${p}.body`)}</span>
              {withdrawable && live ? <WithdrawForm grantId={grant.id} purpose={p} /> : null}
            </li>
          );
        })}
      </ul>
      <p>
        <strong>{t("self.consent.fields")}:</strong>{" "}
        {grant.shareableFields.length
          ? grant.shareableFields.map((f) => word("self.field", f)).join(", ")
          : t("self.consent.fields.none")}
      </p>
      <p className="hint">
        {t("self.consent.given", { date: date(grant.givenAt) })} ·{" "}
        {t("self.consent.until", { date: date(grant.expiresAt) })} ·{" "}
        {t(`self.consent.evidence.${grant.evidenceKind}` as MessageKey, { ref: grant.evidenceRef })}
      </p>
      {withdrawable && inForce.length > 1 ? <WithdrawForm grantId={grant.id} /> : null}
    </li>
  );
}
