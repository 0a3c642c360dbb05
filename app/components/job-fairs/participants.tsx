import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { ErrorSummary } from "~/components/forms";
import type { MessageKey } from "~/i18n";
import type { FairEmployer } from "~/modules/job-fairs/job-fairs.server";
import type { Participant, PickerPerson, PlacementOption } from "~/modules/job-fairs/participants.server";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";

import { CONTRACT_KINDS, JOB_FAIR_OUTCOMES, type JobFairOutcome } from "../../../db/enums";

/** What the last refused POST of a participant's form sent back: which form, for whom, what to fix. */
export type RowState = { intent: string; personId: string | null; values: FormValues; errors: FieldErrors } | undefined;

export const OUTCOME_BADGE: Record<JobFairOutcome, string> = {
  registered: "badge",
  attended: "badge badge--pending",
  interviewed: "badge badge--pending",
  hired: "badge badge--verified",
  absent: "badge badge--rejected",
};

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A labelled control inside a row form: ids carry the person id, so many forms share one page. */
function RowField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: MessageKey;
  error?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{t(label)}</label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Find persons of the officer's communes by name, and register them (one button each). */
export function RegisterPicker({
  picker,
  state,
}: {
  picker: { q: string; persons: PickerPerson[] } | null;
  state: RowState;
}) {
  const { t } = useI18n();
  const failed = state?.intent === "register" ? state : undefined;
  return (
    <div className="fair-picker">
      <Form method="get" className="search-bar fair-picker__search" action="#participants">
        <input type="hidden" name="find" value="1" />
        <label htmlFor="fair-q" className="sr-only">
          {t("events.picker.label")}
        </label>
        <input
          id="fair-q"
          type="search"
          name="q"
          defaultValue={picker?.q ?? ""}
          placeholder={t("events.picker.placeholder")}
        />
        <button type="submit" className="button button--secondary">
          {t("events.picker.search")}
        </button>
      </Form>
      {failed ? <ErrorSummary state={failed} /> : null}
      {picker ? (
        picker.persons.length === 0 ? (
          <p className="empty-state">{t("events.picker.none")}</p>
        ) : (
          <ul className="list fair-picker__list">
            {picker.persons.map((p) => (
              <li key={p.id} className="fair-picker__item">
                <span>
                  <strong>{p.fullName}</strong>{" "}
                  <span className="hint">
                    · {t("events.bornIn", { year: p.birthYear })} · {p.communeName}
                  </span>
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="register" />
                  <input type="hidden" name="personId" value={p.id} />
                  <button type="submit" className="button button--secondary">
                    {t("events.fair.register")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

type RowProps = {
  participant: Participant;
  employers: FairEmployer[];
  placements: PlacementOption[];
  state: RowState;
  heldOn: string;
};

/** One registered person: the outcome form, and for a hire the placement (new, or an existing one linked). */
export function ParticipantRow({ participant: p, employers, placements, state, heldOn }: RowProps) {
  const { t, error, date } = useI18n();
  const mine = state?.personId === p.personId ? state : undefined;
  const failed = (intent: string) => (mine?.intent === intent ? mine : undefined);
  const outcomeState = failed("outcome");
  const hireState = failed("hirePlacement");
  const linkState = failed("linkPlacement");
  const unregisterState = failed("unregister");
  const id = (name: string) => `${name}-${p.personId}`;
  const err = (s: RowState, name: string) => error(s?.errors[name]);
  if (p.fullName === null) {
    return (
      <li className="card fair-participant fair-participant--away">
        <p>{t("events.fair.participant.away")}</p>
        <p>
          <span className={OUTCOME_BADGE[p.outcome]}>{t(`events.outcome.${p.outcome}`)}</span>{" "}
          {p.employerName ? `· ${p.employerName}` : null}
        </p>
      </li>
    );
  }
  const lowWage = hireState?.errors.wage?.key === "outcomes.placement.error.lowWage";
  return (
    <li className="card fair-participant" data-person={p.personId} data-outcome={p.outcome}>
      <div className="fair-participant__head">
        <h3>
          {p.fullName}{" "}
          <span className="hint">
            · {t("events.bornIn", { year: p.birthYear ?? "" })} · {p.communeName}
          </span>
        </h3>
        <p>
          <span className={OUTCOME_BADGE[p.outcome]}>{t(`events.outcome.${p.outcome}`)}</span>{" "}
          {p.employerName ? `· ${p.employerName}` : null}
        </p>
      </div>
      {outcomeState?.errors._form ? <p className="field-error">{error(outcomeState.errors._form)}</p> : null}
      <Form method="post" className="row fair-outcome-form" noValidate>
        <input type="hidden" name="intent" value="outcome" />
        <input type="hidden" name="personId" value={p.personId} />
        <RowField id={id("outcome")} label="events.fair.field.outcome" error={err(outcomeState, "outcome")}>
          <select id={id("outcome")} name="outcome" defaultValue={str(outcomeState?.values.outcome) ?? p.outcome}>
            {JOB_FAIR_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`events.outcome.${o}`)}
              </option>
            ))}
          </select>
        </RowField>
        <RowField
          id={id("organizationId")}
          label="events.fair.field.outcomeEmployer"
          error={err(outcomeState, "organizationId")}
        >
          <select
            id={id("organizationId")}
            name="organizationId"
            defaultValue={str(outcomeState?.values.organizationId) ?? p.organizationId ?? ""}
          >
            <option value="">{t("events.fair.noEmployer")}</option>
            {employers.map((e) => (
              <option key={e.organizationId} value={e.organizationId}>
                {e.name}
              </option>
            ))}
          </select>
        </RowField>
        <button type="submit" className="button button--secondary">
          {t("events.save")}
        </button>
      </Form>
      {p.placementId ? (
        <p>
          <Link to={`/officer/placements/${p.placementId}`}>{t("events.fair.placement.view")}</Link>
        </p>
      ) : p.outcome === "hired" ? (
        <details className="panel-form" open={!!(hireState || linkState) || undefined}>
          <summary>{t("events.fair.placement.record")}</summary>
          <p className="hint">{t("events.fair.placement.hint", { employer: p.employerName ?? "" })}</p>
          {hireState ? (
            <ErrorSummary state={{ errors: hireState.errors._form ? { _form: hireState.errors._form } : {} }} />
          ) : null}
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="hirePlacement" />
            <input type="hidden" name="personId" value={p.personId} />
            <RowField id={id("position")} label="outcomes.field.position" error={err(hireState, "position")}>
              <input
                id={id("position")}
                name="position"
                type="text"
                autoComplete="off"
                defaultValue={str(hireState?.values.position)}
              />
            </RowField>
            <RowField id={id("wage")} label="outcomes.field.wage" error={err(hireState, "wage")}>
              <input
                id={id("wage")}
                name="wage"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={str(hireState?.values.wage)}
              />
            </RowField>
            <RowField
              id={id("contractKind")}
              label="outcomes.field.contractKind"
              error={err(hireState, "contractKind")}
            >
              <select
                id={id("contractKind")}
                name="contractKind"
                defaultValue={str(hireState?.values.contractKind) ?? ""}
              >
                <option value="">—</option>
                {CONTRACT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`outcomes.contract.${k}`)}
                  </option>
                ))}
              </select>
            </RowField>
            <RowField id={id("startDate")} label="outcomes.field.startDate" error={err(hireState, "startDate")}>
              <input
                id={id("startDate")}
                name="startDate"
                type="date"
                defaultValue={str(hireState?.values.startDate) ?? heldOn}
              />
            </RowField>
            {lowWage ? (
              <label className="check" htmlFor={id("confirmLowWage")}>
                <input type="checkbox" id={id("confirmLowWage")} name="confirmLowWage" />{" "}
                <span>{t("outcomes.field.confirmLowWage")}</span>
              </label>
            ) : null}
            <div className="actions">
              <button type="submit" className="button">
                {t("outcomes.placement.submit")}
              </button>
            </div>
          </Form>
          {placements.length ? (
            <Form method="post" className="stack fair-link-form" noValidate>
              <input type="hidden" name="intent" value="linkPlacement" />
              <input type="hidden" name="personId" value={p.personId} />
              {linkState?.errors._form ? <p className="field-error">{error(linkState.errors._form)}</p> : null}
              <RowField id={id("placementId")} label="events.fair.placement.link" error={err(linkState, "placementId")}>
                <select id={id("placementId")} name="placementId" defaultValue="">
                  <option value="">—</option>
                  {placements.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.position} · {o.employerName} · {date(o.startDate)}
                    </option>
                  ))}
                </select>
              </RowField>
              <div className="actions">
                <button type="submit" className="button button--secondary">
                  {t("events.fair.placement.linkSubmit")}
                </button>
              </div>
            </Form>
          ) : null}
        </details>
      ) : null}
      {!p.placementId ? (
        <Form method="post" className="fair-unregister">
          <input type="hidden" name="intent" value="unregister" />
          <input type="hidden" name="personId" value={p.personId} />
          {unregisterState?.errors._form ? <p className="field-error">{error(unregisterState.errors._form)}</p> : null}
          <button type="submit" className="button button--ghost">
            {t("events.fair.unregister")}
          </button>
        </Form>
      ) : null}
    </li>
  );
}
