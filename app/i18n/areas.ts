/**
 * The areas the catalogues are split into, one file per language each (catalogues/vi/<area>.ts,
 * catalogues/en/<area>.ts). A page's browser loads "core" and the areas its routes name in route-areas.ts
 * (decision 035).
 */
export const AREAS = [
  "core",
  "menu",
  "home",
  "auth",
  "search",
  "listing",
  "account",
  "alerts",
  "business-training",
  "consent-withdrawal",
  "deliveries",
  "events",
  "figures",
  "marketplace",
  "matching",
  "notifications",
  "organizations",
  "outcomes",
  "outside",
  "persons",
  "posting",
  "referrals",
  "reports",
  "self-service",
  "support",
] as const;

export type Area = (typeof AREAS)[number];
