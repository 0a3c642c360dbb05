import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";

import { requireUserWith } from "~/auth/session.server";
import { notFound } from "~/http/responses.server";
import { notificationLink, openNotification } from "~/modules/notifications/notifications.server";

const idSchema = z.coerce.number().int().positive();

/**
 * Opening a notification (the list's "open" button, a POST) marks it read and goes to what changed. A GET
 * (a bookmark, a prefetch, a crawler) writes nothing: it only goes there. Someone else's id is not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "view:notifications:own");
  const id = idSchema.safeParse(params.id);
  const link = id.success ? await notificationLink(user.id, id.data) : null;
  if (!link) throw notFound();
  return redirect(link);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "view:notifications:own");
  const id = idSchema.safeParse(params.id);
  const link = id.success ? await openNotification(user.id, id.data) : null;
  if (!link) throw notFound();
  return redirect(link);
}
