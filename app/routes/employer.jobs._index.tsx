import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { JobStatus } from "../../db/enums";
import { PostingListItem, UnverifiedNotice } from "../components/job-form";
import type { MessageKey } from "../i18n";
import { listOwnJobs, transitionJob, type JobTransition } from "../modules/jobs/jobs.server";
import { JOB_ACTIONS } from "../modules/jobs/constants";
import { getOrganizationProfile, requireOrganizationScope } from "../modules/organizations/profile.server";
import { readForm, validateForm } from "../utils/forms";
import { useI18n } from "../utils/i18n-react";
import { metaTranslator, pageTitle } from "../utils/meta";
import { notFound } from "../utils/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("jobs.own.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const savedParam = z.enum(["open", "draft", "draftUnverified", "updated"]).optional().catch(undefined);
  const scope = await requireOrganizationScope(request, "post:job:own");
  const [jobs, org] = await Promise.all([listOwnJobs(scope), getOrganizationProfile(scope)]);
  if (!org) throw notFound();
  return json({
    jobs,
    verification: { status: org.verificationStatus, reason: org.rejectionReason },
    saved: savedParam.parse(new URL(request.url).searchParams.get("saved") ?? undefined),
  });
}

const FAILURES = {
  not_verified: "jobs.error.notVerified",
  expired: "jobs.error.expired",
  invalid_transition: "jobs.error.invalidTransition",
} as const satisfies Record<string, MessageKey>;

export async function action({ request }: ActionFunctionArgs) {
  const transitionSchema = z.object({ id: z.uuid(), intent: z.enum(JOB_ACTIONS) });
  const scope = await requireOrganizationScope(request, "post:job:own");
  const parsed = validateForm(transitionSchema, await readForm(request));
  if (!parsed.ok) return json({ id: null, status: null, error: FAILURES.invalid_transition }, { status: 400 });
  const outcome = await transitionJob(scope, parsed.data.id, parsed.data.intent);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") throw notFound();
    return json({ id: parsed.data.id, status: null, error: FAILURES[outcome.reason] }, { status: 400 });
  }
  return json({ id: parsed.data.id, status: outcome.status, error: null });
}

/** What the employer may do next from each status (the service re-checks every rule). */
const NEXT: Record<JobStatus, JobTransition[]> = { draft: ["publish"], open: ["fill", "close"], filled: ["reopen"], closed: ["reopen"] };

export default function EmployerJobs() {
  const { jobs, verification, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, date, vnd } = useI18n();
  const verified = verification.status === "verified";
  return (
    <>
      <p className="posting-back">
        <Link to="/employer">{t("nav.myHome")}</Link>
      </p>
      <div className="posting-head">
        <h1>{t("jobs.own.title")}</h1>
        <Link to="new" className="button">
          {t("jobs.own.new")}
        </Link>
      </div>
      <p className="lead">{t("jobs.own.lead")}</p>
      <UnverifiedNotice status={verification.status} reason={verification.reason} />
      {saved ? (
        <p className={`alert ${saved === "draftUnverified" ? "alert--info" : "alert--success"}`} role="status">
          {t(`jobs.saved.${saved}`)}
        </p>
      ) : null}
      {result?.status ? (
        <p className="alert alert--success" role="status">
          {t("jobs.status.changed", { status: t(`jobStatus.${result.status}`) })}
        </p>
      ) : result?.error && !result.id ? (
        <p className="alert alert--error" role="alert">
          {t(result.error)}
        </p>
      ) : null}
      {jobs.length === 0 ? (
        <p className="card">{t("jobs.own.none")}</p>
      ) : (
        <ul className="list posting-list">
          {jobs.map((job) => {
            const expired = job.expired || job.closedReason === "expired";
            // "Hết hạn" for an open posting past its date, or one the expiry job closed; a draft stays a draft.
            const shown = (job.status === "open" && expired) || job.closedReason === "expired" ? "expired" : job.status;
            const next = NEXT[job.status];
            // Opening again needs a verified organisation and a closing date that has not passed.
            const blocked = next.some((a) => a === "publish" || a === "reopen") && expired;
            const allowed = next.filter((a) => (a !== "publish" && a !== "reopen") || (verified && !expired));
            return (
              <PostingListItem
                key={job.id}
                id={job.id}
                title={job.title}
                badge={{ status: shown, label: t(`jobStatus.${shown}`) }}
                facts={[
                  { label: t("jobs.wage"), value: t("jobs.wageRange", { min: vnd(job.wageMin), max: vnd(job.wageMax) }) },
                  { label: t("jobs.closesAt"), value: date(job.closesAt) },
                  { label: t("jobs.openings"), value: String(job.openings) },
                ]}
                hint={blocked ? t("jobs.own.expiredHint") : null}
                error={result?.id === job.id && result.error ? t(result.error) : null}
                editLabel={t("jobs.action.edit")}
                actions={allowed.map((a) => ({ intent: a, label: t(`jobs.action.${a}`), primary: a === "publish" || a === "reopen" }))}
              />
            );
          })}
        </ul>
      )}
    </>
  );
}
