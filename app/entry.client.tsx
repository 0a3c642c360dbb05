import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

import { DEFAULT_LOCALE, parseLocale } from "./i18n";
import { loadFirstPage, loadRouteAreas } from "./i18n/client";
import { SIGNED_IN } from "./i18n/route-areas-id";

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

// The page's strings first (decision 035): only the active language's areas for the routes on this page,
// so hydration renders the same text the server sent. Later navigations load theirs in useI18n.
const locale = parseLocale(document.documentElement.lang) ?? DEFAULT_LOCALE;
const remix = window as unknown as {
  __remixRouteModules?: object;
  __remixContext?: { state?: { loaderData?: { root?: { user?: unknown } } } };
};
const routeIds = Object.keys(remix.__remixRouteModules ?? {});
if (remix.__remixContext?.state?.loaderData?.root?.user) routeIds.push(SIGNED_IN);
loadFirstPage(locale, routeIds).then(hydrate, (error: unknown) => {
  console.error("i18n: the page's strings could not be loaded", error);
  hydrate();
});

// The route → areas map is needed from the first navigation on: fetch it as soon as one starts, beside the
// loaders' data, so the new page's strings rarely keep it waiting.
const router = () => (window as unknown as { __remixRouter?: RouterLike }).__remixRouter;
type RouterLike = { subscribe: (fn: (state: { navigation: { state: string } }) => void) => () => void };
function watchNavigations() {
  const current = router();
  if (!current) return void setTimeout(watchNavigations, 100);
  const stop = current.subscribe((state) => {
    if (state.navigation.state !== "idle") {
      stop();
      void loadRouteAreas();
    }
  });
}
watchNavigations();
