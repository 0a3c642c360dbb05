import { Form } from "@remix-run/react";
import type { MessageKey } from "../../i18n";
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
};

export function grantState(g: Pick<GrantView, "withdrawnAt" | "expiresAt">, at = new Date()): "live" | "withdrawn" | "expired" {
  if (g.withdrawnAt) return "withdrawn";
  return new Date(g.expiresAt) > at ? "live" : "expired";
}

/**
 * One consent in plain words: what each purpose allows, what is shared, since and until when. A live one
 * can be withdrawn: the button sits behind a disclosure that says what withdrawal does (works without JS).
 */
export function ConsentCard({ grant, withdrawable }: { grant: GrantView; withdrawable: boolean }) {
  const { t, date, word } = useLabels();
  const state = grantState(grant);
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
        {grant.purposes.map((p) => (
          <li key={p}>
            <strong>{word("self.purpose", p)}</strong>
            <span className="hint">{word("self.purpose", `${p}.body`)}</span>
          </li>
        ))}
      </ul>
      <p>
        <strong>{t("self.consent.fields")}:</strong>{" "}
        {grant.shareableFields.length ? grant.shareableFields.map((f) => word("self.field", f)).join(", ") : t("self.consent.fields.none")}
      </p>
      <p className="hint">
        {t("self.consent.given", { date: date(grant.givenAt) })} · {t("self.consent.until", { date: date(grant.expiresAt) })} ·{" "}
        {t(`self.consent.evidence.${grant.evidenceKind}` as MessageKey, { ref: grant.evidenceRef })}
      </p>
      {withdrawable && state === "live" ? (
        <details className="withdraw">
          <summary>{t("self.withdraw.open")}</summary>
          <div className="withdraw__body">
            <p className="alert alert--info">{t("self.withdraw.warning")}</p>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="grantId" value={grant.id} />
              <div className="field">
                <label htmlFor={`note-${grant.id}`}>{t("self.withdraw.note")}</label>
                <textarea id={`note-${grant.id}`} name="note" rows={2} maxLength={500} />
              </div>
              <div className="actions">
                <button type="submit" className="button button--danger">
                  {t("self.withdraw.confirm")}
                </button>
              </div>
            </Form>
          </div>
        </details>
      ) : null}
    </li>
  );
}
