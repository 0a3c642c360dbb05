import type { MessageKey } from "~/i18n";
import { JOB_ACTIONS } from "~/modules/jobs/constants";

import type { JobStatus, TrainingStatus } from "../../../db/enums";

/*
 * Jobs and training slots are one kind of thing, a listing, configured per kind: the words, the public
 * paths, the search page's form and sorts, and the statuses an owner moves a posting through. The
 * pages (app/components/listings/) and the route handlers (app/http/listings.server.ts) read this data;
 * the two kinds keep their own routes and URLs. No server code here: pages import it.
 */

export type ListingKind = "job" | "training";
/** Who posts: a business (jobs, and training at its own workplace) or a training provider (course intakes). */
export type PostingRole = "employer" | "provider";

export const TRAINING_ACTIONS = ["publish", "close", "reopen"] as const;

export const LISTING_KINDS = {
  job: {
    path: "/jobs",
    candidatesPath: "/officer/jobs",
    words: {
      title: "jobs.public.title",
      lead: "jobs.public.lead",
      placeholder: "search.q.jobs.placeholder",
      notFound: "jobs.notFound",
      backToList: "jobs.backToList",
    },
    cta: { title: "jobs.cta.title", officer: "jobs.cta.officer", login: "jobs.cta.login" },
    search: {
      form: "job-search",
      results: "jobs",
      sorts: ["relevance", "newest", "wage", "start"],
      defaultSort: "newest",
    },
    /** What the owner may do next from each status (the service re-checks every rule). */
    next: { draft: ["publish"], open: ["fill", "close"], filled: ["reopen"], closed: ["reopen"] } satisfies Record<
      JobStatus,
      (typeof JOB_ACTIONS)[number][]
    >,
    actions: JOB_ACTIONS,
    own: {
      /** Message keys of the statuses and of the owner's actions: `${statuses}.open`, `${actions}.publish`. */
      statuses: "jobStatus",
      actionLabels: "jobs.action",
      statusChanged: "jobs.status.changed",
      expiredHint: "jobs.own.expiredHint",
      failures: {
        not_verified: "jobs.error.notVerified",
        expired: "jobs.error.expired",
        invalid_transition: "jobs.error.invalidTransition",
      },
    },
  },
  training: {
    path: "/trainings",
    candidatesPath: "/officer/trainings",
    words: {
      title: "trainings.public.title",
      lead: "trainings.public.lead",
      placeholder: "search.q.trainings.placeholder",
      notFound: "trainings.notFound",
      backToList: "trainings.backToList",
    },
    cta: { title: "trainings.cta.title", officer: "trainings.cta.officer", login: "trainings.cta.login" },
    search: {
      form: "training-search",
      results: "trainings",
      sorts: ["relevance", "start", "newest", "cost"],
      defaultSort: "start",
    },
    next: { draft: ["publish"], open: ["close"], closed: ["reopen"] } satisfies Record<
      TrainingStatus,
      (typeof TRAINING_ACTIONS)[number][]
    >,
    actions: TRAINING_ACTIONS,
    own: {
      statuses: "trainingStatus",
      actionLabels: "trainings.action",
      statusChanged: "trainings.status.changed",
      expiredHint: "trainings.own.expiredHint",
      failures: {
        not_verified: "trainings.error.notVerified",
        expired: "trainings.error.expired",
        invalid_transition: "trainings.error.invalidTransition",
      },
    },
  },
} as const satisfies Record<
  ListingKind,
  {
    path: string;
    candidatesPath: string;
    words: Record<string, MessageKey>;
    cta: { title: MessageKey; officer: MessageKey; login: MessageKey };
    search: { form: string; results: "jobs" | "trainings"; sorts: readonly string[]; defaultSort: string };
    own: {
      statuses: string;
      actionLabels: string;
      statusChanged: MessageKey;
      expiredHint: MessageKey;
      failures: Record<string, MessageKey>;
    };
  } & Record<string, unknown>
>;

export type TransitionFailure = keyof (typeof LISTING_KINDS)["job"]["own"]["failures"];

/** The owner's pages of each kind for each kind of organisation: where they are and the words of who posts. */
export const POSTING_AREAS = {
  job: {
    employer: {
      home: "/employer",
      list: "/employer/jobs",
      title: "jobs.own.title",
      lead: "jobs.own.lead",
      new: "jobs.own.new",
      none: "jobs.own.none",
      newTitle: "jobs.form.newTitle",
      editTitle: "jobs.form.editTitle",
      notVerified: "jobs.error.notVerified",
      saved: {
        open: "jobs.saved.open",
        draft: "jobs.saved.draft",
        draftUnverified: "jobs.saved.draftUnverified",
        updated: "jobs.saved.updated",
      },
    },
  },
  training: {
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
  },
} as const satisfies {
  [K in ListingKind]: Partial<
    Record<
      PostingRole,
      {
        home: string;
        list: string;
        saved: Record<"open" | "draft" | "draftUnverified" | "updated", MessageKey>;
      } & Record<string, unknown>
    >
  >;
};

export type PostingAreaWords = (typeof POSTING_AREAS)[ListingKind][keyof (typeof POSTING_AREAS)[ListingKind]];
/** The own-list, new and edit pages of one kind for one kind of organisation. */
export type PostingArea = { [K in ListingKind]: { kind: K; role: keyof (typeof POSTING_AREAS)[K] } }[ListingKind];

export function postingAreaWords(area: PostingArea): PostingAreaWords {
  return (POSTING_AREAS[area.kind] as Record<string, PostingAreaWords>)[area.role];
}
