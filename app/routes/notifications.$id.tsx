import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";

import { requireUserWith } from "~/auth/session.server";
import { notFound } from "~/http/responses.server";
import { openNotification } from "~/modules/notifications/notifications.server";

/** Opening a notification marks it read and goes to what changed; someone else's id is simply not found. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:notifications:own");
  const id = z.coerce.number().int().positive().safeParse(params.id);
  const link = id.success ? await openNotification(user.id, id.data) : null;
  if (!link) throw notFound();
  return redirect(link);
}
