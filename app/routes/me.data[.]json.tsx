import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUserWith } from "~/auth/session.server";
import { notFound } from "~/http/responses.server";
import { exportOwnData } from "~/modules/persons/data-rights.server";
import { todayIso } from "~/utils/clock.server";

/** The person's own copy of everything held about them (right to obtain), as a JSON download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:record:own");
  const data = await exportOwnData(user.id);
  if (!data) throw notFound();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="chung-tay-du-lieu-cua-toi-${todayIso()}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
