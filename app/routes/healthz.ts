import { json } from "@remix-run/node";

import { checkHealth } from "~/modules/health/health.server";

/** 200 {"db":"ok","search":"ok"}, or 503 naming the part that is down. */
export async function loader() {
  const health = await checkHealth();
  const ok = health.db === "ok" && health.search === "ok";
  return json(health, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
