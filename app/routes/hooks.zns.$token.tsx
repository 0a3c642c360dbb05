import type { ActionFunctionArgs } from "@remix-run/node";

import { getEnv } from "~/env.server";
import { parseZnsWebhook } from "~/modules/notifications/channels/zns.server";
import { recordProviderReport } from "~/modules/notifications/delivery-admin.server";

/**
 * Zalo's webhook for ZNS messages (event user_received_message): the message reached the phone. The path
 * carries HOOKS_TOKEN (a wrong one is a plain 404); other events are acknowledged and ignored, as Zalo expects
 * a quick 200 for every call.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const token = getEnv().HOOKS_TOKEN;
  if (!token || params.token !== token) return new Response("Not found", { status: 404 });
  // Anything unreadable is acknowledged and ignored, like the events we do not use: Zalo only needs its 200.
  const body: unknown = await request.json().catch(() => null);
  const report = parseZnsWebhook(body);
  if (report) await recordProviderReport("zns", report);
  return new Response("OK", { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
