import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireStaff } from "~/auth/scope.server";
import { idOf, notFound } from "~/http/responses.server";
import { exportPersonForStaff } from "~/modules/persons/data-rights.server";
import { todayIso } from "~/utils/clock.server";

/** Everything held about a person of the officer's communes, as a JSON file (audit: export). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "export:person:commune");
  const id = idOf(params.id);
  const data = await exportPersonForStaff(scope, id, "json");
  if (!data) throw notFound();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="chung-tay-ho-so-${id.slice(0, 8)}-${todayIso()}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
