import { messages as account } from "./catalogues/en/account";
import { messages as alerts } from "./catalogues/en/alerts";
import { messages as auth } from "./catalogues/en/auth";
import { messages as businessTraining } from "./catalogues/en/business-training";
import { messages as consentWithdrawal } from "./catalogues/en/consent-withdrawal";
import { messages as core } from "./catalogues/en/core";
import { messages as deliveries } from "./catalogues/en/deliveries";
import { messages as events } from "./catalogues/en/events";
import { messages as figures } from "./catalogues/en/figures";
import { messages as home } from "./catalogues/en/home";
import { messages as listing } from "./catalogues/en/listing";
import { messages as marketplace } from "./catalogues/en/marketplace";
import { messages as matching } from "./catalogues/en/matching";
import { messages as menu } from "./catalogues/en/menu";
import { messages as notifications } from "./catalogues/en/notifications";
import { messages as organizations } from "./catalogues/en/organizations";
import { messages as outcomes } from "./catalogues/en/outcomes";
import { messages as outside } from "./catalogues/en/outside";
import { messages as persons } from "./catalogues/en/persons";
import { messages as posting } from "./catalogues/en/posting";
import { messages as referrals } from "./catalogues/en/referrals";
import { messages as reports } from "./catalogues/en/reports";
import { messages as search } from "./catalogues/en/search";
import { messages as selfService } from "./catalogues/en/self-service";
import { messages as support } from "./catalogues/en/support";
import type { MessageKey } from "./vi";

/** English: every area's strings in one object, for the server (see vi.ts). */
export const en: Record<MessageKey, string> = {
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
};
