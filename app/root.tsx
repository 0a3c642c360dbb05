import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";

import type { Locale } from "../db/enums";
import { ROLE_HOME } from "./auth/permissions.server";
import { authenticate } from "./auth/session.server";
import { DemoRibbon } from "./components/demo-ribbon";
import { type HeaderUser, SiteHeader } from "./components/site-header";
import { getEnv } from "./env.server";
import { localeFromCookie } from "./i18n";
import { unreadCount } from "./modules/notifications/notifications.server";
import stylesheet from "./styles/app.css";
import { useI18n, usePageAreas } from "./utils/i18n-react";
import { useRequestInfo } from "./utils/request-context";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Chung Tay" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await authenticate(request);
  const locale = localeFromCookie(request.headers.get("Cookie"));
  const user = auth.user
    ? {
        fullName: auth.user.fullName,
        role: auth.user.role,
        home: ROLE_HOME[auth.user.role],
        unread: await unreadCount(auth.user.id),
      }
    : null;
  return json(
    { locale, user, requestId: context.requestId, demo: getEnv().mode === "demo" },
    { headers: auth.setCookie ? { "Set-Cookie": auth.setCookie } : undefined },
  );
}

type RootData = { locale: Locale; user: HeaderUser | null; requestId: string; demo: boolean };

function Header() {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return <SiteHeader user={data?.user ?? null} />;
}

/** Marks the document once React has hydrated it (browser tests wait for it before they type or click). */
function useHydratedMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
}

export function Layout({ children }: { children: ReactNode }) {
  useHydratedMark();
  const { nonce } = useRequestInfo();
  const { t, locale } = useI18n();
  const demo = (useRouteLoaderData("root") as RootData | undefined)?.demo;
  const areas = usePageAreas();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b6e4f" />
        {/* The message catalogue's areas this page loads in the browser (decision 035). */}
        <meta name="ct-i18n" content={areas} />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("nav.skip")}
        </a>
        {demo ? <DemoRibbon /> : null}
        <Header />
        <main id="main" className="container main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("footer.about")}</p>
            <p>{t("footer.privacy")}</p>
            <p>
              <Link to="/figures">{t("footer.figures")}</Link>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const requestId = useRequestInfo().requestId ?? data?.requestId;
  let title = t("error.title");
  let body = t("error.body");
  let showId = true;
  if (isRouteErrorResponse(error) && error.status === 404) {
    title = t("error.notFound.title");
    body = t("error.notFound.body");
    showId = false;
  } else if (isRouteErrorResponse(error) && error.status === 403) {
    title = t("error.forbidden.title");
    body = t("error.forbidden");
    showId = false;
  } else if (isRouteErrorResponse(error) && error.status === 503) {
    // The database is down or restarting (app/utils/unavailable.server.ts): nothing the visitor did wrong.
    title = t("error.unavailable.title");
    body = t("error.unavailable.body");
  }
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {showId && requestId ? (
        <p className="error-page__id">
          {t("error.requestId")}: <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
