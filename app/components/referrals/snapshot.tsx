import { Fragment } from "react";
import { SHAREABLE_FIELDS } from "../../../db/enums";
import type { MessageKey } from "../../i18n";
import { useI18n } from "../../utils/i18n-react";

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

/** Exactly the fields shared with the organisation, in the consent form's order, and nothing else. */
export function SharedSnapshot({ fields, snapshot }: { fields: readonly string[]; snapshot: Record<string, Value> }) {
  const { t } = useI18n();
  const show = useSnapshotValue();
  const shown = SHAREABLE_FIELDS.filter((f) => fields.includes(f));
  if (shown.length === 0) return <p className="empty-state">{t("referrals.detail.shared.none")}</p>;
  return (
    <dl className="facts facts--compact referral-snapshot">
      {shown.map((f) => (
        <Fragment key={f}>
          <dt>{t(`consent.field.${f}`)}</dt>
          <dd>{show(f, snapshot[f]) || <span className="hint">{t("referrals.refer.fields.empty")}</span>}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
