import type { Area } from "./areas";

export { SIGNED_IN } from "./route-areas-id";

/** An officer's records of one person's support and outcomes (activities, loans, meetings, placements, enrolments, follow-ups). */
const OFFICER_SUPPORT_RECORDS: readonly Area[] = [
  "menu",
  "auth",
  "search",
  "events",
  "marketplace",
  "outcomes",
  "posting",
  "referrals",
  "self-service",
  "support",
];
/** An organisation's listing pages (new, edit) for jobs and training slots. */
const LISTING_FORM: readonly Area[] = ["auth", "search", "listing", "business-training", "marketplace", "posting"];
/** Lists of support and outcomes (follow-ups, loans and the bank's list, a meeting, requests, an employer's placements). */
const SUPPORT_LISTS: readonly Area[] = ["menu", "events", "outcomes", "referrals", "self-service", "support"];
/** An organisation's referral pages. */
const REFERRAL_PAGES: readonly Area[] = ["menu", "auth", "consent-withdrawal", "persons", "referrals"];
/** Report pages (officers, admins, the national view). */
const REPORT_PAGES: readonly Area[] = ["outcomes", "reports"];
/** An organisation's lists of its own listings. */
const OWN_LISTINGS: readonly Area[] = ["menu", "search", "listing", "marketplace", "organizations", "posting"];
/** An officer's job fairs and reintegration models. */
const OFFICER_PROGRAMMES: readonly Area[] = ["auth", "search", "events", "marketplace", "persons", "posting"];

/*
 * The lists above are shared by families of pages that show the same words; a page that needs one more area
 * gets its own list rather than widening its family's.
 */

/**
 * The catalogue areas each route's page shows, beyond "core" (always loaded): the browser loads exactly these
 * for the matched routes before it renders them (client.ts). One entry per route file under app/routes;
 * tests/unit/i18n-route-areas.test.ts fails when a route has none, or when a key its code names (or the code
 * of the components it imports) lives in an area not listed. Keys that arrive in loader data are covered by
 * the browser crawl (a missing one logs a console error). "root:signed-in" stands for the header of someone
 * logged in (SIGNED_IN below). Decision 035.
 */
export const ROUTE_AREAS: Record<string, readonly Area[]> = {
  root: [],
  "root:signed-in": ["menu"],
  "routes/$": [],
  "routes/_index": ["home"],
  "routes/account": ["auth", "account", "deliveries"],
  "routes/activate": ["auth"],
  "routes/admin._index": ["menu", "organizations", "outcomes", "reports", "self-service"],
  "routes/admin.audit": ["menu", "auth", "events", "marketplace", "outcomes", "referrals", "self-service", "support"],
  "routes/admin.deliveries": ["menu", "deliveries"],
  "routes/admin.officers": ["auth", "organizations"],
  "routes/api.communes": [],
  "routes/dev.outbox": ["deliveries"],
  "routes/employer._index": [
    "auth",
    "business-training",
    "marketplace",
    "organizations",
    "outcomes",
    "posting",
    "referrals",
  ],
  "routes/employer.jobs.$id": LISTING_FORM,
  "routes/employer.jobs._index": OWN_LISTINGS,
  "routes/employer.jobs.new": LISTING_FORM,
  "routes/employer.placements": SUPPORT_LISTS,
  "routes/employer.profile": [
    "menu",
    "auth",
    "search",
    "listing",
    "directory",
    "marketplace",
    "organizations",
    "posting",
  ],
  "routes/employer.referrals.$id": REFERRAL_PAGES,
  "routes/employer.referrals._index": REFERRAL_PAGES,
  "routes/employer.trainings.$id": LISTING_FORM,
  "routes/employer.trainings._index": OWN_LISTINGS,
  "routes/employer.trainings.new": LISTING_FORM,
  "routes/employers": ["search", "directory"],
  "routes/figures.$province": ["figures"],
  "routes/figures._index": ["figures"],
  "routes/figures.schema[.]json": [],
  "routes/figures[.]csv": [],
  "routes/figures[.]json": [],
  "routes/forgot-password": ["auth"],
  "routes/healthz": [],
  "routes/hooks.esms.$token": [],
  "routes/hooks.zns.$token": [],
  "routes/jobs.$id": ["search", "listing"],
  "routes/jobs._index": ["search"],
  "routes/lang": [],
  "routes/login": ["auth"],
  "routes/logout": [],
  "routes/national._index": REPORT_PAGES,
  "routes/national.export[.]csv": [],
  "routes/national.export[.]xlsx": [],
  "routes/me._index": [
    "menu",
    "listing",
    "consent-withdrawal",
    "events",
    "matching",
    "outcomes",
    "referrals",
    "self-service",
    "support",
  ],
  "routes/me.consents": [
    "menu",
    "consent-withdrawal",
    "events",
    "matching",
    "outcomes",
    "referrals",
    "self-service",
    "support",
  ],
  "routes/me.data": [
    "menu",
    "auth",
    "consent-withdrawal",
    "events",
    "marketplace",
    "matching",
    "outcomes",
    "referrals",
    "self-service",
    "support",
  ],
  "routes/me.data[.]json": [],
  "routes/me.matches": ["marketplace", "matching", "referrals", "self-service"],
  "routes/me.referrals": ["listing", "matching", "referrals", "self-service"],
  "routes/me.saved": ["listing", "alerts", "matching", "referrals", "self-service"],
  "routes/n.$code": ["menu", "deliveries"],
  "routes/notifications.$id": [],
  "routes/notifications": ["menu", "notifications"],
  "routes/officer._index": [
    "events",
    "organizations",
    "outcomes",
    "persons",
    "referrals",
    "reports",
    "self-service",
    "support",
  ],
  "routes/officer.candidates": ["auth", "search", "marketplace", "organizations", "persons", "posting"],
  "routes/officer.enrolments.$id": OFFICER_SUPPORT_RECORDS,
  "routes/officer.expungements": ["organizations", "persons"],
  "routes/officer.figures": ["outcomes"],
  "routes/officer.follow-ups.$id": OFFICER_SUPPORT_RECORDS,
  "routes/officer.follow-ups._index": SUPPORT_LISTS,
  "routes/officer.job-fairs.$id": ["auth", "search", "events", "marketplace", "outcomes", "persons", "posting"],
  "routes/officer.job-fairs.$id_.report": ["events"],
  "routes/officer.job-fairs._index": OFFICER_PROGRAMMES,
  "routes/officer.jobs.$id.candidates": ["marketplace", "matching", "organizations"],
  "routes/officer.loans.$id": OFFICER_SUPPORT_RECORDS,
  "routes/officer.loans._index": SUPPORT_LISTS,
  "routes/officer.loans.bank-list": SUPPORT_LISTS,
  "routes/officer.loans.bank-list[.]csv": [],
  "routes/officer.meetings.$id": SUPPORT_LISTS,
  "routes/officer.meetings._index": OFFICER_SUPPORT_RECORDS,
  "routes/officer.models.$id": OFFICER_PROGRAMMES,
  "routes/officer.models._index": OFFICER_PROGRAMMES,
  "routes/officer.persons.$id": [
    "menu",
    "auth",
    "search",
    "consent-withdrawal",
    "events",
    "marketplace",
    "matching",
    "outcomes",
    "persons",
    "posting",
    "referrals",
    "self-service",
    "support",
  ],
  "routes/officer.persons.$id_.activities": OFFICER_SUPPORT_RECORDS,
  "routes/officer.persons.$id_.close": [
    "menu",
    "auth",
    "events",
    "outcomes",
    "persons",
    "referrals",
    "self-service",
    "support",
  ],
  "routes/officer.persons.$id_.consents.$grantId.print": ["persons"],
  "routes/officer.persons.$id_.enrolment": [...OFFICER_SUPPORT_RECORDS, "persons"],
  "routes/officer.persons.$id_.export": [
    "menu",
    "consent-withdrawal",
    "events",
    "marketplace",
    "outcomes",
    "persons",
    "referrals",
    "self-service",
    "support",
  ],
  "routes/officer.persons.$id_.export[.]json": [],
  "routes/officer.persons.$id_.invite": ["self-service"],
  "routes/officer.persons.$id_.loans": OFFICER_SUPPORT_RECORDS,
  "routes/officer.persons.$id_.matches": ["marketplace", "matching"],
  "routes/officer.persons.$id_.move": ["auth", "persons", "self-service"],
  "routes/officer.persons.$id_.placement": [...OFFICER_SUPPORT_RECORDS, "persons"],
  "routes/officer.persons.$id_.refer": [
    "auth",
    "consent-withdrawal",
    "marketplace",
    "matching",
    "persons",
    "referrals",
    "self-service",
  ],
  "routes/officer.persons._index": ["search", "persons"],
  "routes/officer.persons.new": ["auth", "search", "marketplace", "persons", "posting"],
  "routes/officer.placements.$id": OFFICER_SUPPORT_RECORDS,
  "routes/officer.referrals.$id": ["menu", "auth", "consent-withdrawal", "persons", "referrals", "self-service"],
  "routes/officer.referrals._index": ["referrals", "self-service"],
  "routes/officer.reports._index": REPORT_PAGES,
  "routes/officer.reports.export[.]csv": [],
  "routes/officer.reports.export[.]xlsx": [],
  "routes/officer.reports.hcd12": REPORT_PAGES,
  "routes/officer.reports.hcd13": REPORT_PAGES,
  "routes/officer.requests": SUPPORT_LISTS,
  "routes/officer.trainings.$id.candidates": ["marketplace", "matching", "organizations"],
  "routes/officer.transfers": ["self-service"],
  "routes/organizations.review": ["auth", "organizations"],
  "routes/provider._index": ["auth", "business-training", "marketplace", "organizations", "posting", "referrals"],
  "routes/provider.profile": ["menu", "auth", "search", "listing", "marketplace", "organizations", "posting"],
  "routes/provider.referrals.$id": REFERRAL_PAGES,
  "routes/provider.referrals._index": REFERRAL_PAGES,
  "routes/provider.trainings.$id": LISTING_FORM,
  "routes/provider.trainings._index": OWN_LISTINGS,
  "routes/provider.trainings.new": LISTING_FORM,
  "routes/register": ["auth"],
  "routes/reset-password": ["auth"],
  "routes/reset-password_.$token": ["auth"],
  "routes/trainings.$id": ["search", "listing"],
  "routes/trainings._index": ["search"],
};

/** The areas to load for these matched route ids, "core" first. */
export function areasFor(routeIds: Iterable<string>): Area[] {
  const areas = new Set<Area>(["core"]);
  for (const id of routeIds) for (const area of ROUTE_AREAS[id] ?? []) areas.add(area);
  return [...areas];
}
