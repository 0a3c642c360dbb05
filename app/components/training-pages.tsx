import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { TrainingStatus } from "../../db/enums";
import type { MessageKey } from "../i18n";
import type {
  editTrainingAction,
  editTrainingLoader,
  newTrainingAction,
  newTrainingLoader,
  ownTrainingsAction,
  ownTrainingsLoader,
} from "../modules/trainings/org-routes.server";
import { useI18n } from "../utils/i18n-react";
import type { FormState } from "./forms";
import { PostingListItem, UnverifiedNotice } from "./job-form";
import { TrainingForm, type TrainingArea } from "./training-form";

/*
 * /provider/trainings and /employer/trainings: the same pages, with the words of who posts (a course
 * intake of a training provider, or training a business gives at its own workplace).
 */

export const TRAINING_PAGE_WORDS = {
  provider: {
    home: "/provider",
    list: "/provider/trainings",
    title: "trainings.own.title",
    lead: "trainings.own.lead",
    new: "trainings.own.new",
    none: "trainings.own.none",
    newTitle: "trainings.form.newTitle",
    editTitle: "trainings.form.editTitle",
    notVerified: "trainings.error.notVerified",
    saved: {
      open: "trainings.saved.open",
      draft: "trainings.saved.draft",
      draftUnverified: "trainings.saved.draftUnverified",
      updated: "trainings.saved.updated",
    },
  },
  employer: {
    home: "/employer",
    list: "/employer/trainings",
    title: "businessTraining.own.title",
    lead: "businessTraining.own.lead",
    new: "businessTraining.own.new",
    none: "businessTraining.own.none",
    newTitle: "businessTraining.form.newTitle",
    editTitle: "businessTraining.form.editTitle",
    notVerified: "businessTraining.error.notVerified",
    saved: {
      open: "businessTraining.saved.open",
      draft: "businessTraining.saved.draft",
      draftUnverified: "businessTraining.saved.draftUnverified",
      updated: "businessTraining.saved.updated",
    },
  },
} as const satisfies Record<TrainingArea, { home: string; list: string; saved: Record<string, MessageKey> } & Record<string, unknown>>;

/** What the owner may do next from each status (the service re-checks every rule). */
const NEXT: Record<TrainingStatus, ("publish" | "close" | "reopen")[]> = { draft: ["publish"], open: ["close"], closed: ["reopen"] };

type ListData = SerializeFrom<typeof ownTrainingsLoader>;
type ListResult = SerializeFrom<typeof ownTrainingsAction> | undefined;

export function OwnTrainingsPage({ data, result }: { data: ListData; result: ListResult }) {
  const { trainings, verification, saved, area } = data;
  const words = TRAINING_PAGE_WORDS[area];
  const { t, date } = useI18n();
  const verified = verification.status === "verified";
  // The service's refusal in the words of who posts ("Doanh nghiệp chưa được xác minh…").
  const failure = (key: MessageKey) => t(key === "trainings.error.notVerified" ? words.notVerified : key);
  return (
    <>
      <p className="posting-back">
        <Link to={words.home}>{t("nav.myHome")}</Link>
      </p>
      <div className="posting-head">
        <h1>{t(words.title)}</h1>
        <Link to="new" className="button">
          {t(words.new)}
        </Link>
      </div>
      <p className="lead">{t(words.lead)}</p>
      <UnverifiedNotice status={verification.status} reason={verification.reason} />
      {saved ? (
        <p className={`alert ${saved === "draftUnverified" ? "alert--info" : "alert--success"}`} role="status">
          {t(words.saved[saved])}
        </p>
      ) : null}
      {result?.status ? (
        <p className="alert alert--success" role="status">
          {t("trainings.status.changed", { status: t(`trainingStatus.${result.status}`) })}
        </p>
      ) : result?.error && !result.id ? (
        <p className="alert alert--error" role="alert">
          {failure(result.error)}
        </p>
      ) : null}
      {trainings.length === 0 ? (
        <p className="card">{t(words.none)}</p>
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
                error={result?.id === training.id && result.error ? failure(result.error) : null}
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

type NewData = SerializeFrom<typeof newTrainingLoader>;
type EditData = SerializeFrom<typeof editTrainingLoader>;
type FormResult = SerializeFrom<typeof newTrainingAction> | SerializeFrom<typeof editTrainingAction> | undefined;

/** The form of the new and edit pages, filled from the loader's data or from the action's answer. */
function FormFor({ data, result, mode, canPublish }: { data: NewData | EditData; result: FormResult; mode: "new" | "edit"; canPublish: boolean }) {
  return (
    <TrainingForm
      area={data.area}
      state={(result ?? { values: data.values }) as FormState}
      occupations={data.occupations}
      levels={data.levels}
      provinces={data.provinces}
      communes={result?.communes ?? data.communes}
      partnerJobs={result?.partnerJobs ?? data.partnerJobs}
      mode={mode}
      canPublish={canPublish}
    />
  );
}

export function NewTrainingPage({ data, result }: { data: NewData; result: FormResult }) {
  const { t } = useI18n();
  const words = TRAINING_PAGE_WORDS[data.area];
  return (
    <>
      <p className="posting-back">
        <Link to={words.list}>{t(words.title)}</Link>
      </p>
      <h1>{t(words.newTitle)}</h1>
      <FormFor data={data} result={result} mode="new" canPublish={data.canPublish} />
    </>
  );
}

export function EditTrainingPage({ data, result }: { data: EditData; result: FormResult }) {
  const { t } = useI18n();
  const words = TRAINING_PAGE_WORDS[data.area];
  return (
    <>
      <p className="posting-back">
        <Link to={words.list}>{t(words.title)}</Link>
      </p>
      <div className="posting-head">
        <h1>{t(words.editTitle)}</h1>
        <span className={`badge badge--${data.status}`}>{t(`trainingStatus.${data.status}`)}</span>
      </div>
      <FormFor data={data} result={result} mode="edit" canPublish />
    </>
  );
}
