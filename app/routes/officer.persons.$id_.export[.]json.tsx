import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "../auth/permissions.server";
import { staffScope } from "../auth/scope.server";
import { requireUser } from "../auth/session.server";
import { exportPersonForStaff } from "../modules/persons/data-rights.server";
import { todayIso } from "../utils/clock.server";

/** Everything held about a person of the officer's communes, as a JSON file (audit: export). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "export:person:commune");
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const data = await exportPersonForStaff(await staffScope(user), id.data, "json");
  if (!data) throw new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="chung-tay-ho-so-${id.data.slice(0, 8)}-${todayIso()}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
