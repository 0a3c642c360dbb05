import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import type { FormState } from "~/components/forms";
import { JobForm } from "~/components/job-form";
import { TrainingForm } from "~/components/training-form";
import type { editListingAction, editListingLoader, newListingAction, newListingLoader } from "~/http/listings.server";
import type { MessageKey } from "~/i18n";
import { LISTING_KINDS, type PostingArea, postingAreaWords } from "~/modules/listings/kinds";
import { useI18n } from "~/utils/i18n-react";

/*
 * The new and edit pages of every posting (/employer/jobs/new, /employer/jobs/:id, and the same under
 * /employer/trainings and /provider/trainings): one page around the kind's form, as Epic Stack shares
 * one note editor between its new and edit routes.
 */

type Data<K extends "job" | "training"> =
  SerializeFrom<typeof newListingLoader<K>> | SerializeFrom<typeof editListingLoader<K>>;
type Result<K extends "job" | "training"> =
  SerializeFrom<typeof newListingAction<K>> | SerializeFrom<typeof editListingAction<K>> | undefined;
type FormData = { data: Data<"job">; result: Result<"job"> } | { data: Data<"training">; result: Result<"training"> };
type Mode = { mode: "new"; canPublish: boolean } | { mode: "edit"; canPublish: true };

/** The kind's form, filled from the loader's data or from the action's answer (what was typed, the lists of its province). */
function ListingForm({ data, result, mode, canPublish }: FormData & Mode) {
  const state = (result ?? { values: data.values }) as FormState;
  const common = {
    state,
    occupations: data.occupations,
    provinces: data.provinces,
    communes: result?.communes ?? data.communes,
    mode,
    canPublish,
  };
  if (data.kind === "job") return <JobForm {...common} />;
  const answer = result as Result<"training">;
  return (
    <TrainingForm
      {...common}
      area={data.area}
      levels={data.levels}
      partnerJobs={answer?.partnerJobs ?? data.partnerJobs}
    />
  );
}

function FormPage({
  data,
  heading,
  children,
}: {
  data: Data<"job"> | Data<"training">;
  heading: (words: ReturnType<typeof postingAreaWords>) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const words = postingAreaWords({ kind: data.kind, role: data.area } as PostingArea);
  return (
    <>
      <p className="posting-back">
        <Link to={words.list}>{t(words.title)}</Link>
      </p>
      {heading(words)}
      {children}
    </>
  );
}

export function NewListingPage(props: FormData) {
  const { t } = useI18n();
  const data = props.data as
    SerializeFrom<typeof newListingLoader<"job">> | SerializeFrom<typeof newListingLoader<"training">>;
  return (
    <FormPage data={data} heading={(words) => <h1>{t(words.newTitle)}</h1>}>
      <ListingForm {...props} mode="new" canPublish={data.canPublish} />
    </FormPage>
  );
}

export function EditListingPage(props: FormData) {
  const { t } = useI18n();
  const data = props.data as
    SerializeFrom<typeof editListingLoader<"job">> | SerializeFrom<typeof editListingLoader<"training">>;
  const statuses = LISTING_KINDS[data.kind].own.statuses;
  return (
    <FormPage
      data={data}
      heading={(words) => (
        <div className="posting-head">
          <h1>{t(words.editTitle)}</h1>
          <span className={`badge badge--${data.status}`}>{t(`${statuses}.${data.status}` as MessageKey)}</span>
        </div>
      )}
    >
      <ListingForm {...props} mode="edit" canPublish />
    </FormPage>
  );
}
