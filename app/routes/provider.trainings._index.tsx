import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { TrainingStatus } from "../../db/enums";
import { PostingListItem, UnverifiedNotice } from "../components/job-form";
import type { MessageKey } from "../i18n";
import { getOrganizationProfile, requireOrganizationScope } from "../modules/organizations/profile.server";
import { listOwnTrainings, transitionTraining, type TrainingTransition } from "../modules/trainings/trainings.server";
import { readForm, validateForm } from "../utils/forms";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";
import { notFound } from "../utils/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("trainings.own.title")) }];

const TRAINING_ACTIONS = ["publish", "close", "reopen"] as const satisfies readonly TrainingTransition[];

export async function loader({ request }: LoaderFunctionArgs) {
  const savedParam = z.enum(["open", "draft", "draftUnverified", "updated"]).optional().catch(undefined);
  const scope = await requireOrganizationScope(request, "post:training:own");
  const [trainings, org] = await Promise.all([listOwnTrainings(scope), getOrganizationProfile(scope)]);
  if (!org) throw notFound();
  return json({
    trainings,
    verification: { status: org.verificationStatus, reason: org.rejectionReason },
    saved: savedParam.parse(new URL(request.url).searchParams.get("saved") ?? undefined),
  });
}

const FAILURES = {
  not_verified: "trainings.error.notVerified",
  expired: "trainings.error.expired",
  invalid_transition: "trainings.error.invalidTransition",
} as const satisfies Record<string, MessageKey>;

export async function action({ request }: ActionFunctionArgs) {
  const transitionSchema = z.object({ id: z.uuid(), intent: z.enum(TRAINING_ACTIONS) });
  const scope = await requireOrganizationScope(request, "post:training:own");
  const parsed = validateForm(transitionSchema, await readForm(request));
  if (!parsed.ok) return json({ id: null, status: null, error: FAILURES.invalid_transition }, { status: 400 });
  const outcome = await transitionTraining(scope, parsed.data.id, parsed.data.intent);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") throw notFound();
    return json({ id: parsed.data.id, status: null, error: FAILURES[outcome.reason] }, { status: 400 });
  }
  return json({ id: parsed.data.id, status: outcome.status, error: null });
}

/** What the provider may do next from each status (the service re-checks every rule). */
const NEXT: Record<TrainingStatus, TrainingTransition[]> = { draft: ["publish"], open: ["close"], closed: ["reopen"] };

const SAVED = {
  open: "trainings.saved.open",
  draft: "trainings.saved.draft",
  draftUnverified: "trainings.saved.draftUnverified",
  updated: "trainings.saved.updated",
} as const satisfies Record<string, MessageKey>;

export default function ProviderTrainings() {
  const { trainings, verification, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, date } = useI18n();
  const verified = verification.status === "verified";
  return (
    <>
      <p className="posting-back">
        <Link to="/provider">{t("nav.myHome")}</Link>
      </p>
      <div className="posting-head">
        <h1>{t("trainings.own.title")}</h1>
        <Link to="new" className="button">
          {t("trainings.own.new")}
        </Link>
      </div>
      <p className="lead">{t("trainings.own.lead")}</p>
      <UnverifiedNotice status={verification.status} reason={verification.reason} />
      {saved ? (
        <p className={`alert ${saved === "draftUnverified" ? "alert--info" : "alert--success"}`} role="status">
          {t(SAVED[saved])}
        </p>
      ) : null}
      {result?.status ? (
        <p className="alert alert--success" role="status">
          {t("trainings.status.changed", { status: t(`trainingStatus.${result.status}`) })}
        </p>
      ) : result?.error && !result.id ? (
        <p className="alert alert--error" role="alert">
          {t(result.error)}
        </p>
      ) : null}
      {trainings.length === 0 ? (
        <p className="card">{t("trainings.own.none")}</p>
      ) : (
        <ul className="list posting-list">
          {trainings.map((training) => {
            const expired = training.expired || training.closedReason === "expired";
            // "Hết hạn" for an open posting past its date, or one the expiry job closed; a draft stays a draft.
            const shown = (training.status === "open" && expired) || training.closedReason === "expired" ? "expired" : training.status;
            const next = NEXT[training.status];
            // Opening again needs a verified organisation and a deadline that has not passed.
            const blocked = next.some((a) => a === "publish" || a === "reopen") && expired;
            const allowed = next.filter((a) => a === "close" || (verified && !expired));
            return (
              <PostingListItem
                key={training.id}
                id={training.id}
                title={training.title}
                badge={{ status: shown, label: t(shown === "expired" ? "jobStatus.expired" : `trainingStatus.${shown}`) }}
                facts={[
                  { label: t("trainings.startsAt"), value: date(training.startsAt) },
                  { label: t("trainings.deadline"), value: date(training.applicationDeadline) },
                  { label: t("trainings.seats"), value: String(training.seats) },
                ]}
                hint={blocked ? t("trainings.own.expiredHint") : null}
                error={result?.id === training.id && result.error ? t(result.error) : null}
                editLabel={t("jobs.action.edit")}
                actions={allowed.map((a) => ({ intent: a, label: t(`trainings.action.${a}`), primary: a !== "close" }))}
              />
            );
          })}
        </ul>
      )}
    </>
  );
}
