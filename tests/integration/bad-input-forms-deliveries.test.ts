import { eq } from "drizzle-orm";

import { refreshEnv } from "~/env.server";
import { notify } from "~/modules/notifications/notifications.server";
import { action as deliveriesAction } from "~/routes/admin.deliveries";
import { action as znsHookAction } from "~/routes/hooks.zns.$token";
import { action as shortLinkAction } from "~/routes/n.$code";

import { db } from "../../db/client.server";
import { appUser, delivery } from "../../db/schema";
import { createUser, uniquePhone, UNITS } from "../factories";
import { createOrgMember } from "../factories/marketplace";
import { type Cases, describeFormCases, onPage, posting } from "../setup/fuzz-cases";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

const ctx = setupIntegration();
const HOOKS_TOKEN = "h".repeat(32);
process.env.HOOKS_TOKEN = HOOKS_TOKEN;
refreshEnv();

/** A queued message to an employer (Zalo and e-mail), and the short-link code of one of them. */
async function messageToEmployer() {
  const org = await createOrgMember("employer");
  await db().update(appUser).set({ phone: uniquePhone() }).where(eq(appUser.id, org.actorId));
  await notify(db(), [org.actorId], {
    messageKey: "notify.referral.organization.referred",
    params: { title: "Thợ sơn" },
    link: "/employer/referrals",
  });
  const [row] = await db().select().from(delivery).where(eq(delivery.recipientId, org.actorId));
  return row;
}

const CASES: Cases = {
  // The one-tap stop of a message: what it stops is a setting (or a consent purpose), changed by design.
  "n.$code.tsx": async () => {
    const row = await messageToEmployer();
    const code = row.link!.split("/n/")[1]!;
    return onPage(shortLinkAction, `/n/${code}`, { intent: "stop" }, { params: { code } });
  },
  "admin.deliveries.tsx": async () => {
    const row = await messageToEmployer();
    await db().update(delivery).set({ status: "dead", lastError: "test" }).where(eq(delivery.id, row.id));
    const admin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
    return posting(
      deliveriesAction,
      "/admin/deliveries",
      { intent: "retry", id: String(row.id) },
      {
        cookie: await cookieFor(admin.id),
      },
    );
  },
  // Zalo's webhook: every call is acknowledged (Zalo only needs its 200), a report it can read is recorded.
  "hooks.zns.$token.tsx": async () =>
    posting(
      znsHookAction,
      `/hooks/zns/${HOOKS_TOKEN}`,
      { event_name: "user_received_message", msg_id: "abc" },
      { params: { token: HOOKS_TOKEN }, readsNoField: true },
    ),
};

describeFormCases("bad input: the pages of outside messages", () => ctx.handle.db, CASES);
