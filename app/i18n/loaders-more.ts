import type { Locale } from "../../db/enums";
import type { Area } from "./areas";
import type { AreaModule } from "./loaders";

/** The loaders of the areas no public page needs (see loaders.ts): fetched the first time one is. */
export const MORE_LOADERS: Record<Locale, Partial<Record<Area, () => AreaModule>>> = {
  vi: {
    account: () => import("./catalogues/vi/account"),
    alerts: () => import("./catalogues/vi/alerts"),
    "business-training": () => import("./catalogues/vi/business-training"),
    "consent-withdrawal": () => import("./catalogues/vi/consent-withdrawal"),
    deliveries: () => import("./catalogues/vi/deliveries"),
    directory: () => import("./catalogues/vi/directory"),
    events: () => import("./catalogues/vi/events"),
    marketplace: () => import("./catalogues/vi/marketplace"),
    matching: () => import("./catalogues/vi/matching"),
    notifications: () => import("./catalogues/vi/notifications"),
    organizations: () => import("./catalogues/vi/organizations"),
    outcomes: () => import("./catalogues/vi/outcomes"),
    outside: () => import("./catalogues/vi/outside"),
    persons: () => import("./catalogues/vi/persons"),
    posting: () => import("./catalogues/vi/posting"),
    referrals: () => import("./catalogues/vi/referrals"),
    reports: () => import("./catalogues/vi/reports"),
    "self-service": () => import("./catalogues/vi/self-service"),
    support: () => import("./catalogues/vi/support"),
  },
  en: {
    account: () => import("./catalogues/en/account"),
    alerts: () => import("./catalogues/en/alerts"),
    "business-training": () => import("./catalogues/en/business-training"),
    "consent-withdrawal": () => import("./catalogues/en/consent-withdrawal"),
    deliveries: () => import("./catalogues/en/deliveries"),
    directory: () => import("./catalogues/en/directory"),
    events: () => import("./catalogues/en/events"),
    marketplace: () => import("./catalogues/en/marketplace"),
    matching: () => import("./catalogues/en/matching"),
    notifications: () => import("./catalogues/en/notifications"),
    organizations: () => import("./catalogues/en/organizations"),
    outcomes: () => import("./catalogues/en/outcomes"),
    outside: () => import("./catalogues/en/outside"),
    persons: () => import("./catalogues/en/persons"),
    posting: () => import("./catalogues/en/posting"),
    referrals: () => import("./catalogues/en/referrals"),
    reports: () => import("./catalogues/en/reports"),
    "self-service": () => import("./catalogues/en/self-service"),
    support: () => import("./catalogues/en/support"),
  },
};
