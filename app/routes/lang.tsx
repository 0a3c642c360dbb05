import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LOCALE_COOKIE, parseLocale } from "../i18n";
import { readForm } from "../utils/forms";
import { safeRedirect } from "../utils/http.server";

/** The language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = parseLocale(String(form.locale ?? "")) ?? "vi";
  return redirect(safeRedirect(form.redirectTo), {
    headers: { "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}

export const loader = () => redirect("/");
