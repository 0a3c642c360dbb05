import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";

import { can, requirePermission } from "~/auth/permissions.server";
import { requireStaff } from "~/auth/scope.server";
import { PersonSupportSection } from "~/components/activities/support-section";
import type { FormState } from "~/components/forms";
import { ConsentForm, ConsentList } from "~/components/persons/consent-panel";
import { PersonFacts } from "~/components/persons/person-facts";
import { ClassificationPanel, ExpungementPanel } from "~/components/persons/record-panels";
import { PersonOutcomesSection } from "~/components/placements/person-section";
import { PersonReferrals } from "~/components/referrals/person-referrals";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { formatQuarter } from "~/i18n";
import { supportSummary } from "~/modules/activities/activities.server";
import { getCommunes, getProvince } from "~/modules/admin-units/admin-units.server";
import { grantConsent, withdrawConsent } from "~/modules/consent/consent.server";
import { consentSchema } from "~/modules/consent/schema.server";
import { readPersonPageBody } from "~/modules/consent/upload.server";
import { classificationSchema, classifyPerson, currentQuarter } from "~/modules/persons/classification.server";
import { ageOn } from "~/modules/persons/expungement";
import {
  markExpungedSchema,
  markRecordExpunged,
  otherDecisionsSchema,
  setOtherDecisionsCompleted,
} from "~/modules/persons/expungement.server";
import { personIsInScope } from "~/modules/persons/list.server";
import { getPersonForStaff } from "~/modules/persons/record.server";
import { personOutcomes } from "~/modules/placements/views.server";
import { listOccupations } from "~/modules/reference/reference.server";
import { listReferralsForPerson } from "~/modules/referrals/views.server";
import { now, todayIso } from "~/utils/clock.server";
import { type FieldErrors, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";
import { optionalText } from "~/utils/zod-fields.server";

import { CONSENT_PURPOSES, CONSENT_WITHDRAWAL_CHANNELS } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.record.pageTitle")) },
];

const DONE = ["created", "classified", "consent", "withdrawn", "expunged", "other-decisions"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "view:person:commune");
  const person = await getPersonForStaff(scope, idOf(params.id), "case_management");
  // Outside the actor's communes, or no such person: the same answer.
  if (!person) throw notFound();
  const placeCodes = person.bans.map((b) => b.communeCode).filter((c): c is string => !!c);
  const [occupations, communes, preferred] = await Promise.all([
    listOccupations(),
    getCommunes(placeCodes),
    person.preferredProvinceCode ? getProvince(person.preferredProvinceCode) : undefined,
  ]);
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("done") ?? undefined);
  const withdrawnPurpose =
    z
      .enum(CONSENT_PURPOSES)
      .optional()
      .catch(undefined)
      .parse(new URL(request.url).searchParams.get("purpose") ?? undefined) ?? null;
  const referrals = can(user, "refer:person:commune") ? await listReferralsForPerson(scope, person.id) : null;
  const today = todayIso();
  // Jobs, courses and follow-ups (app/modules/placements): the read above is the audited one.
  const outcomes = await personOutcomes(scope, person.id);
  // Support counts (activities, meetings, loans): the read above is the audited one.
  const support = await supportSummary(scope, person.id);
  return json({
    person,
    outcomes,
    support,
    names: {
      occupations: occupations.map(({ code, nameVi, nameEn }) => ({ code, nameVi, nameEn })),
      communes: Object.fromEntries(communes.map((c) => [c.code, c.name])),
      preferredProvince: preferred?.name ?? null,
    },
    age: ageOn(person.dateOfBirth, today),
    today,
    now: now().toISOString(),
    quarter: currentQuarter(),
    can: {
      edit: can(user, "edit:person:commune"),
      consent: can(user, "grant:consent:commune"),
      invite: can(user, "invite:person:commune"),
      move: can(user, "transfer:person:commune"),
      close: can(user, "close:person:commune"),
      export: can(user, "export:person:commune"),
      recordPlacement: can(user, "record:placement:commune"),
      match: can(user, "match:person:commune"),
      recordActivity: can(user, "record:activity:commune"),
      manageLoans: can(user, "manage:loan:commune"),
    },
    done,
    withdrawnPurpose,
    referrals,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const withdrawSchema = z.object({
    grantId: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES).optional(),
    channel: z.enum(CONSENT_WITHDRAWAL_CHANNELS).default("in_person"),
    note: optionalText(500),
  });
  const { user, scope } = await requireStaff(request, "view:person:commune");
  const personId = idOf(params.id);
  // Checked before the body is even read: another commune's person is not found, whatever is posted.
  if (!(await personIsInScope(scope, personId))) throw notFound();
  const { values, file, fileTooLarge, bodyTooLarge } = await readPersonPageBody(request);
  // Declared far bigger than a scan: refused unread. Only the consent form posts files, so its error shows.
  if (bodyTooLarge)
    return json(
      {
        intent: "grant-consent",
        values,
        errors: { evidenceFile: { key: "consent.error.fileTooLarge" } } as FieldErrors,
      },
      { status: 413 },
    );
  const intent = typeof values.intent === "string" ? values.intent : "";
  const invalid = (errors: FieldErrors) => json({ intent, values, errors }, { status: 400 });
  const done = (what: (typeof DONE)[number]) => redirect(`/officer/persons/${personId}?done=${what}`);

  switch (intent) {
    case "classify": {
      requirePermission(user, "edit:person:commune");
      const parsed = validateForm(classificationSchema, values);
      if (!parsed.ok) return invalid(parsed.errors);
      const outcome = await classifyPerson(scope, personId, parsed.data);
      if (!outcome.ok) throw notFound();
      return done("classified");
    }
    case "mark-expunged": {
      requirePermission(user, "edit:person:commune");
      const parsed = validateForm(markExpungedSchema, values);
      if (!parsed.ok) return invalid(parsed.errors);
      const outcome = orNotFound(await markRecordExpunged(scope, personId, parsed.data));
      if (!outcome.ok) return invalid(outcome.errors);
      return done("expunged");
    }
    case "other-decisions": {
      requirePermission(user, "edit:person:commune");
      const parsed = validateForm(otherDecisionsSchema, values);
      if (!parsed.ok) return invalid(parsed.errors);
      const outcome = orNotFound(await setOtherDecisionsCompleted(scope, personId, parsed.data));
      if (!outcome.ok) return invalid(outcome.errors);
      return done("other-decisions");
    }
    case "grant-consent": {
      requirePermission(user, "grant:consent:commune");
      const parsed = validateForm(consentSchema, values);
      const tooLarge: FieldErrors =
        fileTooLarge && values.evidenceKind === "upload" ? { evidenceFile: { key: "consent.error.fileTooLarge" } } : {};
      if (!parsed.ok) return invalid({ ...parsed.errors, ...tooLarge });
      if (tooLarge.evidenceFile) return invalid(tooLarge);
      const outcome = orNotFound(
        await grantConsent(scope, personId, parsed.data, parsed.data.evidenceKind === "upload" ? file : undefined),
      );
      if (!outcome.ok) return invalid(outcome.errors);
      return done("consent");
    }
    case "withdraw-consent": {
      requirePermission(user, "grant:consent:commune");
      const parsed = withdrawSchema.safeParse(values);
      if (!parsed.success) throw notFound();
      const { grantId, purpose, channel, note } = parsed.data;
      const outcome = await withdrawConsent(
        { id: scope.actorId, role: scope.role },
        { personId, grantId, scope, purposes: purpose ? [purpose] : undefined },
        note,
        channel,
      );
      // A grant of another person, one already withdrawn, a purpose not in force: not found, like any unknown id.
      if (!outcome.ok) throw notFound();
      return purpose
        ? redirect(`/officer/persons/${personId}?done=withdrawn&purpose=${purpose}#consents`)
        : done("withdrawn");
    }
    default:
      return invalid({ _form: { key: "validation.invalid" } });
  }
}

export default function PersonPage() {
  const {
    person,
    names,
    age,
    today,
    now: at,
    quarter,
    can: allowed,
    done,
    outcomes,
    withdrawnPurpose,
  } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, date, locale } = useI18n();
  // A new location (the redirect after a save) remounts the forms, so a saved form starts empty again;
  // a refused one (400, same location) keeps what was typed.
  const formKey = useLocation().key;
  const { referrals, support } = useLoaderData<typeof loader>();
  const stateFor = (intent: string): FormState => (data?.intent === intent ? (data as FormState) : undefined);
  const notice =
    done === "created"
      ? null
      : done === "classified"
        ? t("persons.class.saved", { quarter: formatQuarter(quarter, locale) })
        : done === "consent"
          ? t("consent.saved")
          : done === "withdrawn"
            ? withdrawnPurpose
              ? t("consent.withdrawal.officer.done", { purpose: t(`consent.purpose.${withdrawnPurpose}`) })
              : t("consent.withdrawn")
            : done === "expunged"
              ? t("persons.exp.saved")
              : done === "other-decisions"
                ? t("persons.exp.otherDecisionsSaved")
                : null;
  return (
    <div className="person-page">
      <p className="breadcrumb persons-back">
        <Link to="/officer/persons">{t("persons.page.back")}</Link>
      </p>
      <h1>
        {person.fullName}{" "}
        <span className={`badge ${person.status === "active" ? "badge--verified" : "badge--pending"}`}>
          {t(`persons.status.${person.status}`)}
        </span>
      </h1>
      <p className="lead">
        {t("persons.page.age", { age })} · {person.communeName}, {person.provinceName}
      </p>
      {allowed.match && person.status === "active" ? (
        <p className="person-matches-link">
          <Link className="button button--secondary" to={`/officer/persons/${person.id}/matches`}>
            {t("match.link.person")}
          </Link>
        </p>
      ) : null}
      {person.status === "closed" && person.closedReason ? (
        <p className="alert alert--info">
          {t("persons.page.closed", {
            date: date(person.closedAt),
            reason: t(`persons.closedReason.${person.closedReason}`),
          })}
        </p>
      ) : null}
      {done === "created" ? (
        <div className="alert alert--success" role="status">
          <p>{t("persons.created")}</p>
          {allowed.consent ? (
            <p>
              <a href="#consent-form">{t("persons.created.link")}</a>
            </p>
          ) : null}
        </div>
      ) : notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      <nav className="page-nav" aria-label={t("persons.page.sections")}>
        <a href="#expungement">{t("persons.exp.title")}</a>
        <a href="#classification">{t("persons.class.title")}</a>
        <a href="#consents">{t("consent.title")}</a>
        <a href="#outcomes">{t("outcomes.section.title")}</a>
        {support ? <a href="#support">{t("support.section.title")}</a> : null}
        {referrals ? <a href="#referrals">{t("referrals.person.title")}</a> : null}
      </nav>

      <PersonFacts person={person} names={names} age={age} />

      <section id="expungement" className="card panel" aria-labelledby="expungement-title">
        <h2 id="expungement-title">{t("persons.exp.title")}</h2>
        <ExpungementPanel
          key={formKey}
          person={person}
          today={today}
          state={stateFor("mark-expunged")}
          otherDecisionsState={stateFor("other-decisions")}
          canEdit={allowed.edit}
        />
      </section>

      <section id="classification" className="card panel" aria-labelledby="classification-title">
        <h2 id="classification-title">{t("persons.class.title")}</h2>
        <ClassificationPanel
          key={formKey}
          classifications={person.classifications}
          quarter={quarter}
          state={stateFor("classify")}
          canEdit={allowed.edit}
        />
      </section>

      <section id="consents" className="panel" aria-labelledby="consents-title">
        <h2 id="consents-title">{t("consent.title")}</h2>
        <p className="lead">{t("consent.lead")}</p>
        <ConsentList personId={person.id} grants={person.grants} now={at} canManage={allowed.consent} />
        {allowed.consent ? (
          <div className="card consent-record" id="consent-form">
            <h3>{t("consent.record")}</h3>
            <ConsentForm key={formKey} state={stateFor("grant-consent")} today={today} />
          </div>
        ) : null}
      </section>

      {referrals ? <PersonReferrals referrals={referrals} /> : null}

      {outcomes ? (
        <PersonOutcomesSection
          personId={person.id}
          outcomes={outcomes}
          canRecord={allowed.recordPlacement}
          active={person.status === "active"}
        />
      ) : null}

      {support ? (
        <PersonSupportSection
          personId={person.id}
          summary={support}
          canRecord={allowed.recordActivity}
          canLoans={allowed.manageLoans}
        />
      ) : null}

      {allowed.invite || allowed.move || allowed.close || allowed.export ? (
        <section className="card panel" aria-labelledby="actions-title">
          <h2 id="actions-title">{t("persons.actions.title")}</h2>
          <ul className="person-actions">
            {allowed.invite && !person.userId && person.status === "active" ? (
              <li>
                <Link to={`/officer/persons/${person.id}/invite`}>{t("persons.actions.invite")}</Link>
              </li>
            ) : null}
            {allowed.move && person.status === "active" ? (
              <li>
                <Link to={`/officer/persons/${person.id}/move`}>{t("persons.actions.move")}</Link>
              </li>
            ) : null}
            {allowed.export ? (
              <li>
                <Link to={`/officer/persons/${person.id}/export`}>{t("persons.actions.export")}</Link>
              </li>
            ) : null}
            {allowed.close && person.status === "active" ? (
              <li>
                <Link to={`/officer/persons/${person.id}/close`}>{t("persons.actions.close")}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
