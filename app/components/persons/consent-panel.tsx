import { Form, Link } from "@remix-run/react";

import { Field, type FormState, TextField } from "~/components/forms";
import { ChoiceGroup, valuesOf } from "~/components/job-form";
import type { MessageKey } from "~/i18n";
import { grantState } from "~/modules/consent/vocabulary";
import { useI18n } from "~/utils/i18n-react";

import { CONSENT_PURPOSES, CONSENT_WITHDRAWAL_CHANNELS, SHAREABLE_FIELDS } from "../../../db/enums";
import { FormErrors } from "./form-errors";
import type { GrantView as Grant } from "./types";

export const CONSENT_LABELS = {
  purposes: "consent.purposes",
  shareableFields: "consent.shareableFields",
  givenOn: "consent.givenOn",
  evidenceKind: "consent.evidenceKind",
  paperFormNumber: "consent.paperFormNumber",
  evidenceFile: "consent.evidenceFile",
  validMonths: "consent.validMonths",
} as const satisfies Record<string, MessageKey>;

/** Each purpose on its own line with what it means in plain words: nothing ticked in advance, nothing bundled. */
function PurposeChoices({ state }: { state: FormState }) {
  const { t, error } = useI18n();
  const chosen = new Set(valuesOf(state, "purposes"));
  const message = error(state?.errors?.purposes);
  return (
    <fieldset
      className={`choice-group purposes${message ? " field--invalid" : ""}`}
      aria-describedby={`f-purposes-hint${message ? " f-purposes-error" : ""}`}
    >
      <legend>
        {t("consent.purposes")}
        <span className="required"> {t("form.required")}</span>
      </legend>
      <p className="hint" id="f-purposes-hint">
        {t("consent.purposes.hint")}
      </p>
      {CONSENT_PURPOSES.map((p, i) => (
        <label key={p} className="purpose">
          <input
            type="checkbox"
            name="purposes"
            value={p}
            id={i === 0 ? "f-purposes" : undefined}
            defaultChecked={chosen.has(p)}
          />
          <span>
            <strong>{t(`consent.purpose.${p}`)}</strong>
            <span className="purpose__explain">{t(`consent.purpose.${p}.explain`)}</span>
          </span>
        </label>
      ))}
      {message ? (
        <p className="field-error" id="f-purposes-error">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Record a consent: the purposes, the fields shared, the date, and the evidence (paper number or upload). */
export function ConsentForm({ state, today }: { state: FormState; today: string }) {
  const { t } = useI18n();
  const values = state?.values ?? {};
  const withDefaults: FormState = {
    ...state,
    values: { givenOn: today, evidenceKind: "paper_form", validMonths: "12", ...values },
  };
  return (
    <>
      <FormErrors state={state} labels={CONSENT_LABELS} />
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <input type="hidden" name="intent" value="grant-consent" />
        <PurposeChoices state={withDefaults} />
        <ChoiceGroup
          name="shareableFields"
          legend="consent.shareableFields"
          hint="consent.shareableFields.hint"
          state={withDefaults}
          type="checkbox"
          options={SHAREABLE_FIELDS.map((f) => ({ value: f, label: t(`consent.field.${f}`) }))}
        />
        <TextField name="givenOn" label="consent.givenOn" state={withDefaults} required type="date" />
        <ChoiceGroup
          name="evidenceKind"
          legend="consent.evidenceKind"
          state={withDefaults}
          type="radio"
          required
          options={(["paper_form", "upload"] as const).map((k) => ({
            value: k,
            label: t(`consent.evidenceKind.${k}`),
          }))}
        />
        <TextField name="paperFormNumber" label="consent.paperFormNumber" state={withDefaults} autoComplete="off" />
        <Field name="evidenceFile" label="consent.evidenceFile" hint="consent.evidenceFile.hint" state={withDefaults}>
          {({ defaultValue: _noValueForFiles, ...control }) => (
            <input {...control} type="file" name="evidenceFile" accept="image/jpeg,image/png,application/pdf" />
          )}
        </Field>
        <Field name="validMonths" label="consent.validMonths" state={withDefaults}>
          {(control) => (
            <select {...control} name="validMonths">
              {[6, 12, 24].map((m) => (
                <option key={m} value={String(m)}>
                  {t("consent.validMonths.option", { months: m })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t("consent.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

/**
 * The officer records a withdrawal the person asked for: one purpose (or the whole grant), how the person
 * told them, and an optional reason, behind a disclosure that says what it does (works without JavaScript).
 */
function OfficerWithdrawForm({ grantId, purpose }: { grantId: string; purpose?: string }) {
  const { t } = useI18n();
  const suffix = `${grantId}${purpose ? `-${purpose}` : ""}`;
  return (
    <details className="withdraw">
      <summary>{purpose ? t("consent.withdrawal.officer.open") : t("consent.withdraw")}</summary>
      <Form method="post" className="stack withdraw__body">
        <p className="alert alert--info">
          {purpose
            ? t("consent.withdrawal.officer.warning", { purpose: t(`consent.purpose.${purpose}` as MessageKey) })
            : t("consent.withdrawal.officer.allWarning")}
        </p>
        <input type="hidden" name="intent" value="withdraw-consent" />
        <input type="hidden" name="grantId" value={grantId} />
        {purpose ? <input type="hidden" name="purpose" value={purpose} /> : null}
        <div className="field">
          <label htmlFor={`withdraw-channel-${suffix}`}>{t("consent.withdrawal.officer.channel")}</label>
          <select id={`withdraw-channel-${suffix}`} name="channel" defaultValue="in_person">
            {CONSENT_WITHDRAWAL_CHANNELS.filter((c) => c !== "online").map((c) => (
              <option key={c} value={c}>
                {t(`consent.withdrawal.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`withdraw-note-${suffix}`}>{t("consent.withdrawNote")}</label>
          <input id={`withdraw-note-${suffix}`} name="note" maxLength={500} autoComplete="off" />
        </div>
        <div className="actions">
          <button type="submit" className="button button--danger">
            {purpose ? t("consent.withdrawal.officer.confirm") : t("consent.withdrawal.officer.confirmAll")}
          </button>
        </div>
      </Form>
    </details>
  );
}

/** Who withdrew which purpose, when and how (the grant's history). */
function WithdrawalHistory({ withdrawals }: { withdrawals: Grant["withdrawals"] }) {
  const { t, date } = useI18n();
  if (withdrawals.length === 0) return null;
  const who = (role: string) =>
    t(`consent.withdrawal.by.${["person", "officer", "admin"].includes(role) ? role : "system"}` as MessageKey);
  return (
    <>
      <dt>{t("consent.withdrawal.history")}</dt>
      <dd>
        <ul className="plain-list consent-history">
          {withdrawals.map((w) => (
            <li key={`${w.purpose}-${w.withdrawnAt}`}>
              {t("consent.withdrawal.row", {
                purpose: t(`consent.purpose.${w.purpose}`),
                date: date(w.withdrawnAt),
                who: who(w.actorRole),
                channel: t(`consent.withdrawal.channel.${w.channel ?? "unknown"}`),
              })}
              {w.note ? <span className="hint"> · {w.note}</span> : null}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** The grants, newest first: what each allows, on what evidence, until when; withdraw a purpose, or print. */
export function ConsentList({
  personId,
  grants,
  now,
  canManage,
}: {
  personId: string;
  grants: Grant[];
  now: string;
  canManage: boolean;
}) {
  const { t, date } = useI18n();
  if (grants.length === 0) return <p className="empty-state">{t("consent.none")}</p>;
  return (
    <ul className="list">
      {grants.map((g) => {
        const status = grantState(g, now);
        const withdrawn = new Set(g.withdrawals.map((w) => w.purpose));
        const given = CONSENT_PURPOSES.filter((p) => g.purposes.includes(p) || withdrawn.has(p));
        const inForce = status === "live" ? g.purposes : [];
        return (
          <li key={g.id} className={`card grant grant--${status}`}>
            <ul className="badges grant-purposes" aria-label={t("consent.col.purposes")}>
              {given.map((p) => (
                <li
                  key={p}
                  className={`grant-purpose${withdrawn.has(p) ? " grant-purpose--withdrawn" : ""}`}
                  data-purpose={p}
                >
                  <span className={`badge ${withdrawn.has(p) ? "badge--rejected" : "badge--soft"}`}>
                    {withdrawn.has(p) ? <s>{t(`consent.purpose.${p}`)}</s> : t(`consent.purpose.${p}`)}
                  </span>
                  {canManage && inForce.includes(p) ? <OfficerWithdrawForm grantId={g.id} purpose={p} /> : null}
                </li>
              ))}
            </ul>
            <dl className="facts">
              <dt>{t("consent.col.status")}</dt>
              <dd>
                <span
                  className={`badge ${status === "live" ? "badge--verified" : status === "withdrawn" ? "badge--rejected" : "badge--pending"}`}
                >
                  {status === "withdrawn"
                    ? t("consent.status.withdrawn", { date: date(g.withdrawnAt) })
                    : t(`consent.status.${status}`)}
                </span>
                {g.withdrawalNote ? <span className="hint"> · {g.withdrawalNote}</span> : null}
              </dd>
              <WithdrawalHistory withdrawals={g.withdrawals} />
              <dt>{t("consent.col.fields")}</dt>
              <dd>
                {g.shareableFields.length
                  ? g.shareableFields.map((f) => t(`consent.field.${f}`)).join(", ")
                  : t("persons.page.none")}
              </dd>
              <dt>{t("consent.col.given")}</dt>
              <dd>{date(g.givenAt)}</dd>
              <dt>{t("consent.col.evidence")}</dt>
              <dd>{t(`consent.evidence.${g.evidenceKind}`, { ref: g.evidenceRef })}</dd>
              <dt>{t("consent.col.expires")}</dt>
              <dd>{date(g.expiresAt)}</dd>
            </dl>
            <div className="actions">
              <Link to={`/officer/persons/${personId}/consents/${g.id}/print`} className="button button--secondary">
                {t("consent.print")}
              </Link>
              {canManage && inForce.length > 1 ? <OfficerWithdrawForm grantId={g.id} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
