import { messages as account } from "./catalogues/vi/account";
import { messages as alerts } from "./catalogues/vi/alerts";
import { messages as auth } from "./catalogues/vi/auth";
import { messages as businessTraining } from "./catalogues/vi/business-training";
import { messages as consentWithdrawal } from "./catalogues/vi/consent-withdrawal";
import { messages as core } from "./catalogues/vi/core";
import { messages as deliveries } from "./catalogues/vi/deliveries";
import { messages as events } from "./catalogues/vi/events";
import { messages as figures } from "./catalogues/vi/figures";
import { messages as home } from "./catalogues/vi/home";
import { messages as listing } from "./catalogues/vi/listing";
import { messages as marketplace } from "./catalogues/vi/marketplace";
import { messages as matching } from "./catalogues/vi/matching";
import { messages as menu } from "./catalogues/vi/menu";
import { messages as notifications } from "./catalogues/vi/notifications";
import { messages as organizations } from "./catalogues/vi/organizations";
import { messages as outcomes } from "./catalogues/vi/outcomes";
import { messages as outside } from "./catalogues/vi/outside";
import { messages as persons } from "./catalogues/vi/persons";
import { messages as posting } from "./catalogues/vi/posting";
import { messages as referrals } from "./catalogues/vi/referrals";
import { messages as reports } from "./catalogues/vi/reports";
import { messages as search } from "./catalogues/vi/search";
import { messages as selfService } from "./catalogues/vi/self-service";
import { messages as support } from "./catalogues/vi/support";

/**
 * Vietnamese, the source catalogue: every area's strings in one object, for the server (SSR, modules, the
 * worker, scripts, tests) and for the type MessageKey. The browser never bundles it: it loads the areas its
 * routes need (./client.ts, ./route-areas.ts, decision 035). Every key must exist in en.ts (a unit test checks).
 */
export const vi = {
  ...core,
  ...menu,
  ...home,
  ...auth,
  ...search,
  ...listing,
  ...account,
  ...alerts,
  ...businessTraining,
  ...consentWithdrawal,
  ...deliveries,
  ...events,
  ...figures,
  ...marketplace,
  ...matching,
  ...notifications,
  ...organizations,
  ...outcomes,
  ...outside,
  ...persons,
  ...posting,
  ...referrals,
  ...reports,
  ...selfService,
  ...support,
} as const;

export type MessageKey = keyof typeof vi;
