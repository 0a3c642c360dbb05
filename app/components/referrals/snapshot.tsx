import { Fragment } from "react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import { SHAREABLE_FIELDS } from "../../../db/enums";

type Value = string | number | string[];

/** A shared value in words: genders and record status through the catalogue, lists joined. */
export function useSnapshotValue() {
  const { t } = useI18n();
  return (field: string, value: Value | undefined): string => {
    if (value === undefined || value === "") return "";
    if (Array.isArray(value)) return value.join(", ");
    if (field === "gender") return t(`persons.gender.${value}` as MessageKey);
    if (field === "record_status") return t(`referrals.detail.recordStatus.${value}` as MessageKey);
    return String(value);
  };
}

/** Fields no longer shared because their consent was withdrawn or expired, and when (from consent-coverage.server.ts). */
export type EndedSharing = { reason: "withdrawn" | "expired" | "ended"; at: string | null; fields: readonly string[] };

/** The sentence that stands in place of a field whose consent ended. */
export function useEndedSentence() {
  const { t, date } = useI18n();
  return (e: EndedSharing) =>
    e.reason === "ended" || !e.at
      ? t("consent.withdrawal.org.ended")
      : t(`consent.withdrawal.org.${e.reason}`, { date: date(e.at) });
}

/**
 * Exactly the fields shared with the organisation, in the consent form's order, and nothing else. A field
 * whose consent was withdrawn or expired keeps its label, and says when sharing ended instead of its value.
 */
export function SharedSnapshot({
  fields,
  snapshot,
  ended = [],
}: {
  fields: readonly string[];
  snapshot: Record<string, Value>;
  ended?: readonly EndedSharing[];
}) {
  const { t } = useI18n();
  const show = useSnapshotValue();
  const endedSentence = useEndedSentence();
  const endedOf = (f: string) => ended.find((e) => e.fields.includes(f));
  const shown = SHAREABLE_FIELDS.filter((f) => fields.includes(f) || endedOf(f));
  if (shown.length === 0) return <p className="empty-state">{t("referrals.detail.shared.none")}</p>;
  return (
    <dl className="facts facts--compact referral-snapshot">
      {shown.map((f) => {
        const gone = endedOf(f);
        return (
          <Fragment key={f}>
            <dt>{t(`consent.field.${f}`)}</dt>
            <dd className={gone ? "referral-snapshot__ended" : undefined}>
              {gone ? (
                <span className="hint">{endedSentence(gone)}</span>
              ) : (
                show(f, snapshot[f]) || <span className="hint">{t("referrals.refer.fields.empty")}</span>
              )}
            </dd>
          </Fragment>
        );
      })}
    </dl>
  );
}

/** One sentence per way sharing ended ("The person withdrew consent to share phone number on 06/12/2026."). */
export function EndedSharingSummary({ ended }: { ended: readonly EndedSharing[] }) {
  const { t, date } = useI18n();
  if (ended.length === 0) return null;
  return (
    <ul className="alert alert--info consent-ended" role="note">
      {ended.map((e) => {
        const fields = e.fields.map((f) => t(`consent.field.${f}` as MessageKey)).join(", ");
        return (
          <li key={`${e.reason}-${e.at}`}>
            {e.reason === "ended" || !e.at
              ? t("consent.withdrawal.org.summary.ended", { fields })
              : t(`consent.withdrawal.org.summary.${e.reason}`, { fields, date: date(e.at) })}
          </li>
        );
      })}
    </ul>
  );
}
