import { useMatches, useRouteLoaderData } from "@remix-run/react";

import { DEFAULT_LOCALE, formatDate, formatNumber, formatVnd, type Translate, translator } from "~/i18n";
import { firstPageAreas, loadRoutes, routesReady } from "~/i18n/client";
import { SIGNED_IN } from "~/i18n/route-areas-id";
import { areasFor } from "~/i18n/route-areas-ssr.server";

import type { Locale } from "../../db/enums";
import type { FieldError } from "./forms";

type RootData = { locale: Locale; user?: unknown } | undefined;

export function useLocale(): Locale {
  return (useRouteLoaderData("root") as RootData)?.locale ?? DEFAULT_LOCALE;
}

/** The matched route ids, and "root:signed-in" when someone is logged in: what decides the areas to load. */
function usePageRoutes(): string[] {
  const signedIn = !!(useRouteLoaderData("root") as RootData)?.user;
  const routeIds = useMatches().map((match) => match.id);
  return signedIn ? [...routeIds, SIGNED_IN] : routeIds;
}

/**
 * Translation and formatting in the user's language, on the server and in the browser alike. In the browser,
 * a page whose routes' strings have not arrived yet suspends until they have (decision 035): Remix renders
 * navigations in a transition, so the previous page stays on screen meanwhile.
 */
export function useI18n() {
  const locale = useLocale();
  const routeIds = usePageRoutes();
  if (!routesReady(locale, routeIds)) throw loadRoutes(locale, routeIds);
  const t: Translate = translator(locale);
  return {
    locale,
    t,
    date: (d: Date | string | null | undefined) => formatDate(d, locale),
    vnd: (n: number) => formatVnd(n, locale),
    number: (n: number) => formatNumber(n, locale),
    error: (e: FieldError | undefined) => (e ? t(e.key, e.vars) : undefined),
  };
}

/**
 * The catalogue areas of this page's routes, for root.tsx's <meta name="ct-i18n">: computed on the server
 * (route-areas-ssr.server.ts is empty in the browser), repeated as read in the browser so hydration matches.
 */
export function usePageAreas(): string {
  const routeIds = usePageRoutes();
  return typeof areasFor === "function" ? areasFor(routeIds).join(" ") : firstPageAreas();
}
