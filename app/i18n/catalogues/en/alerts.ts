import type { messages as vi } from "../vi/alerts";

export const messages: Record<keyof typeof vi, string> = {
  "alerts.title": "New job alerts",
  "alerts.lead": "When new jobs or courses match a search you saved, Chung Tay tells you, at most once a day.",
  "alerts.none":
    "You have no saved search. On the Jobs or Courses page, tap “Tell me when new matching jobs are posted”.",
  "alerts.kind.job": "Jobs",
  "alerts.kind.training": "Courses",
  "alerts.query.all": "all",
  "alerts.filters": "{count} filters",
  "alerts.savedOn": "Saved on {date}",
  "alerts.lastSent": "Last alert: {date}",
  "alerts.open": "See results",
  "alerts.stop": "Stop alerts",
  "alerts.done.saved": "Saved. When new matching listings are posted you will be told (at most once a day).",
  "alerts.done.already": "You had already saved this search.",
  "alerts.done.stopped": "These alerts are stopped.",
  "alerts.error.invalid": "Could not save: the page was out of date. Reload the search page and try again.",
  "alerts.error.tooMany": "You already have {max} alerts. Stop one before saving another.",
  "alerts.error.stop": "Could not stop: these alerts are already stopped or are not yours. Reload the page.",
};
