import { type ActionFunctionArgs, redirect } from "@remix-run/node";

import { getEnv } from "~/env.server";
import { safeRedirect } from "~/http/responses.server";
import { LOCALE_COOKIE, parseLocale } from "~/i18n";
import { readForm } from "~/utils/forms";

/** The language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = parseLocale(String(form.locale ?? "")) ?? "vi";
  return redirect(safeRedirect(form.redirectTo), {
    // Only the server reads it (HttpOnly); Secure like the session cookie; a year, whole site, this host only.
    headers: {
      "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${getEnv().cookieSecure ? "; Secure" : ""}`,
    },
  });
}

export const loader = () => redirect("/");
