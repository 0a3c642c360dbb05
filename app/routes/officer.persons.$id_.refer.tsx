import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import { ErrorSummary, Field, type FormState } from "~/components/forms";
import { useSnapshotValue } from "~/components/referrals/snapshot";
import { idOf, notFound, orNotFound } from "~/http/responses.server";
import { LISTING_PURPOSE } from "~/modules/consent/vocabulary";
import type { MatchReason } from "~/modules/matching/reasons";
import { reasonText } from "~/modules/matching/reasons";
import { listOccupations } from "~/modules/reference/reference.server";
import { createReferral, getReferForm } from "~/modules/referrals/referrals.server";
import { referQuerySchema, referSchema } from "~/modules/referrals/schema.server";
import { type FormValues, readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("referrals.refer.pageTitle")) },
];

/** Occupation names the reason sentences mention, in both languages (the page picks the reader's). */
async function occupationNames(reasons: MatchReason[]) {
  const codes = new Set(reasons.map((r) => r.params?.occupation).filter((c): c is string => typeof c === "string"));
  if (codes.size === 0) return { vi: {}, en: {} };
  const all = (await listOccupations()).filter((o) => codes.has(o.code));
  return {
    vi: Object.fromEntries(all.map((o) => [o.code, o.nameVi])),
    en: Object.fromEntries(all.map((o) => [o.code, o.nameEn])),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "refer:person:commune");
  const personId = idOf(params.id);
  const query = referQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  // No listing named, or not an id: nothing to refer to.
  if (!query.success) throw notFound();
  const form = await getReferForm(scope, personId, query.data.kind, query.data.listing, query.data.request);
  if (!form) throw notFound();
  const reasons = form.eligibility.ok ? form.eligibility.reasons : form.eligibility.exclusions;
  return json(
    { form, purpose: LISTING_PURPOSE[query.data.kind], occupations: await occupationNames(reasons) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "refer:person:commune");
  const personId = idOf(params.id);
  const values = await readForm(request);
  const parsed = validateForm(referSchema, values);
  if (!parsed.ok) return json({ values, errors: parsed.errors, exclusions: [] as MatchReason[] }, { status: 400 });
  const outcome = orNotFound(await createReferral(scope, personId, parsed.data));
  if (!outcome.ok)
    return json({ values, errors: outcome.errors, exclusions: outcome.exclusions ?? [] }, { status: 400 });
  return redirect(`/officer/referrals/${outcome.referralId}?done=referred`);
}

export default function ReferPerson() {
  const { form, purpose, occupations } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date, vnd, number, locale } = useI18n();
  const show = useSnapshotValue();
  const state: FormState = answer;
  const labels = { occupations: occupations[locale] as Record<string, string> };
  const { listing, eligibility } = form;
  const typed = answer?.values as FormValues | undefined;
  const ticked = (f: string) => (typed ? [typed.fields ?? []].flat().includes(f) : true);
  const exclusions = answer?.exclusions?.length ? answer.exclusions : !eligibility.ok ? eligibility.exclusions : [];
  const canRefer = form.hasConsent && eligibility.ok && listing.open && !form.existingReferralId;
  return (
    <div className="referral-page">
      <p className="breadcrumb">
        <Link to={`/officer/persons/${form.person.id}`}>{t("referrals.refer.back")}</Link>
      </p>
      <h1>{t("referrals.refer.title", { name: form.person.fullName })}</h1>
      {form.request ? (
        <div className="alert alert--info">
          <p>{t("referrals.refer.request", { date: date(form.request.createdAt) })}</p>
          {form.request.message ? <p>{t("referrals.requests.message", { message: form.request.message })}</p> : null}
        </div>
      ) : null}

      <section className="card panel" aria-labelledby="listing-title">
        <h2 id="listing-title">{t("referrals.refer.listing")}</h2>
        <p>
          <span className="badge badge--soft">{t(`self.kind.${listing.kind}`)}</span>{" "}
          <Link to={`/${listing.kind === "job" ? "jobs" : "trainings"}/${listing.id}`}>
            <strong>{listing.title}</strong>
          </Link>
        </p>
        <p className="result-card__org">{listing.organizationName}</p>
        <p className="result-card__meta">
          <span>{listing.place}</span>
          {listing.wageMin !== null && listing.wageMax !== null ? (
            <span>{t("referrals.refer.wage", { min: vnd(listing.wageMin), max: vnd(listing.wageMax) })}</span>
          ) : null}
          <span>
            {t(listing.kind === "job" ? "referrals.refer.capacity.job" : "referrals.refer.capacity.training", {
              count: number(listing.capacity),
            })}
          </span>
          <span>{t("referrals.refer.deadline", { date: date(listing.deadline) })}</span>
        </p>
        {!listing.open ? <p className="alert alert--error">{t("referrals.refer.closed")}</p> : null}
        {eligibility.ok ? (
          <>
            <h3>{t("referrals.refer.reasons")}</h3>
            <p className="hint">{t("referrals.refer.score", { score: Math.round(eligibility.score) })}</p>
            <ul className="badges">
              {eligibility.reasons.map((r, i) => (
                <li key={`${r.code}-${i}`} className="badge badge--soft">
                  {reasonText(t, r, "reason", labels)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {exclusions.length ? (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>{t(answer?.exclusions?.length ? "referrals.error.excluded" : "referrals.refer.excluded")}</strong>
          </p>
          <ul>
            {exclusions.map((r, i) => (
              <li key={`${r.code}-${i}`}>{reasonText(t, r, "exclusion", labels)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!form.hasConsent ? (
        <p className="alert alert--error">
          {t("referrals.refer.noConsent", { purpose: t(`consent.purpose.${purpose}`) })}
        </p>
      ) : null}
      {form.existingReferralId ? (
        <p className="alert alert--info">
          {t("referrals.refer.existing")}{" "}
          <Link to={`/officer/referrals/${form.existingReferralId}`}>{t("referrals.refer.openExisting")}</Link>
        </p>
      ) : null}

      {canRefer || answer ? (
        <Form method="post" className="stack referral-form" noValidate>
          {answer?.exclusions?.length ? null : (
            <ErrorSummary state={state} labels={{ fields: "referrals.refer.fields" }} />
          )}
          <input type="hidden" name="kind" value={listing.kind} />
          <input type="hidden" name="listingId" value={listing.id} />
          {form.request ? <input type="hidden" name="requestId" value={form.request.id} /> : null}
          <fieldset className={`choice-group${state?.errors?.fields ? " field--invalid" : ""}`} id="f-fields">
            <legend>{t("referrals.refer.fields")}</legend>
            <p className="hint">{t("referrals.refer.fields.hint")}</p>
            <div className="radio-group">
              {form.fields.map((f) => (
                <label key={f} className="check referral-field">
                  <input type="checkbox" name="fields" value={f} defaultChecked={ticked(f)} />
                  <span>
                    <strong>{t(`consent.field.${f}`)}</strong>
                    {": "}
                    {show(f, form.preview[f]) || <span className="hint">{t("referrals.refer.fields.empty")}</span>}
                  </span>
                </label>
              ))}
            </div>
            {!form.fields.includes("phone") ? <p className="hint">{t("referrals.refer.phoneHidden")}</p> : null}
          </fieldset>
          <Field name="note" label="referrals.refer.note" hint="referrals.refer.note.hint" state={state}>
            {(control) => <textarea {...control} name="note" rows={3} maxLength={1000} />}
          </Field>
          <div className="actions">
            <button type="submit" className="button">
              {t("referrals.refer.submit")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
