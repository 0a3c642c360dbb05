import type { LoaderFunctionArgs } from "@remix-run/node";

import { getEnv } from "~/env.server";
import { parseEsmsReport } from "~/modules/notifications/channels/sms.server";
import { recordProviderReport } from "~/modules/notifications/delivery-admin.server";

/**
 * eSMS's delivery report (the CallbackUrl given with each message): a GET with the status in the query
 * string. eSMS signs nothing, so the path carries HOOKS_TOKEN; a wrong token is a plain 404. Always a quick
 * 200 for a report we read, whether or not it matched a message (eSMS does not need to know).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = getEnv().HOOKS_TOKEN;
  if (!token || params.token !== token) return new Response("Not found", { status: 404 });
  const report = parseEsmsReport(new URL(request.url).searchParams);
  if (report) await recordProviderReport("esms", report);
  return new Response("OK", { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
