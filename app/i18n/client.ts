import type { Locale } from "../../db/enums";
import type { Area } from "./areas";
import { addMessages, HAS_ALL_MESSAGES } from "./index";
import { loadAreaModule } from "./loaders";

/*
 * The browser's side of the split catalogues (decision 035): a page's strings arrive as small chunks, one per
 * language and area, loaded before React renders the routes that show them. The first page's areas are named
 * by the server in <meta name="ct-i18n">; the route → areas map (route-areas.ts, its own chunk) is fetched
 * when the visitor first navigates. On the server (and in tests) every string is already there.
 */

/** Areas here, or given up on (a chunk that failed: its keys show as keys, each with a console error). */
const loaded = new Set<string>();
const loading = new Map<string, Promise<void>>();

function loadArea(locale: Locale, area: Area): Promise<void> {
  const id = `${locale}/${area}`;
  let promise = loading.get(id);
  if (!promise) {
    promise = loadAreaModule(locale, area).then(
      (module) => {
        addMessages(locale, module.messages);
        loaded.add(id);
      },
      (error: unknown) => {
        // A chunk that did not arrive (a dropped connection): render without it rather than wait for ever.
        loaded.add(id);
        console.error(`i18n: the strings of ${id} could not be loaded`, error);
      },
    );
    loading.set(id, promise);
  }
  return promise;
}

let routeAreas: typeof import("./route-areas") | undefined;
let routeAreasLoading: Promise<unknown> | undefined;

/** The route → areas map, fetched once (at the first navigation). */
export function loadRouteAreas(): Promise<unknown> {
  return (routeAreasLoading ??= import("./route-areas").then((module) => (routeAreas = module)));
}

/** The first page's routes and areas, as the server named them. */
let first: { routes: Set<string>; areas: Area[] } | undefined;

function areasOf(routeIds: readonly string[]): Area[] | undefined {
  if (first && routeIds.every((id) => first!.routes.has(id))) return first.areas;
  return routeAreas?.areasFor(routeIds);
}

/** Whether these routes' strings are all here (always, on the server). */
export function routesReady(locale: Locale, routeIds: readonly string[]): boolean {
  if (HAS_ALL_MESSAGES) return true;
  const areas = areasOf(routeIds);
  return !!areas && areas.every((area) => loaded.has(`${locale}/${area}`));
}

/** Load these routes' areas in this language (the map first, if it is needed and not here yet). */
export async function loadRoutes(locale: Locale, routeIds: readonly string[]): Promise<void> {
  if (!areasOf(routeIds)) await loadRouteAreas();
  await Promise.all(areasOf(routeIds)!.map((area) => loadArea(locale, area)));
}

/**
 * Before hydration: the areas the server named for this page's routes (root.tsx renders them), loaded.
 */
export function loadFirstPage(locale: Locale, routeIds: readonly string[]): Promise<void> {
  const named = document.querySelector<HTMLMetaElement>('meta[name="ct-i18n"]')?.content ?? "core";
  first = { routes: new Set(routeIds), areas: named.split(" ").filter(Boolean) as Area[] };
  return loadRoutes(locale, routeIds);
}

/** The areas the server named for the first page (what the browser's render of the tag repeats). */
export function firstPageAreas(): string {
  return first?.areas.join(" ") ?? "core";
}
