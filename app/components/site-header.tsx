import { Form, Link, useLocation } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import type { Role } from "../../db/enums";

export type HeaderUser = { fullName: string; role: Role; home: string; unread: number };

/** Each role's main areas, beside its home page: in the phone's menu and under the header on wider screens. */
/** The phone menu's links every logged-in user has, after the role's own. */
const MENU_COMMON: readonly (readonly [string, MessageKey])[] = [
  ["/notifications", "nav.notifications"],
  ["/jobs", "nav.jobs"],
  ["/trainings", "nav.trainings"],
  ["/account", "account.nav"],
];

const SHORTCUTS: Record<Role, readonly (readonly [string, MessageKey])[]> = {
  admin: [
    ["/admin/officers", "nav.admin.officers"],
    ["/admin/audit", "nav.admin.audit"],
    ["/admin/deliveries", "admin.deliveries.title"],
    ["/organizations/review", "nav.admin.review"],
    ["/officer/reports", "nav.reports"],
  ],
  officer: [
    ["/officer/persons", "nav.officer.persons"],
    ["/officer/referrals", "nav.officer.referrals"],
    ["/officer/follow-ups", "nav.officer.followUps"],
    ["/officer/reports", "nav.reports"],
  ],
  employer: [
    ["/employer/jobs", "nav.employer.jobs"],
    ["/employer/referrals", "nav.employer.referrals"],
    ["/employer/placements", "nav.employer.placements"],
  ],
  provider: [
    ["/provider/trainings", "nav.provider.trainings"],
    ["/provider/referrals", "nav.provider.referrals"],
  ],
  national: [
    ["/national", "nav.national"],
    ["/figures", "nav.figures"],
  ],
  person: [
    ["/me/matches", "nav.person.matches"],
    ["/me/referrals", "nav.person.referrals"],
    ["/me/consents", "nav.person.consents"],
  ],
};

function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand" aria-label={t("app.name")}>
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="12" cy="16" r="9" />
        <circle cx="20" cy="16" r="9" />
      </svg>
      <span className="brand__name">{t("app.name")}</span>
    </Link>
  );
}

/** The language switch: a plain form, so it works without JavaScript and reloads the page in the other language. */
function LanguageSwitch() {
  const { t, locale } = useI18n();
  const location = useLocation();
  return (
    <Form method="post" action="/lang" className="inline-form" reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <input type="hidden" name="locale" value={locale === "vi" ? "en" : "vi"} />
      <button type="submit" className="button button--ghost" lang={locale === "vi" ? "en" : "vi"}>
        {t("nav.switchTo")}
      </button>
    </Form>
  );
}

function Logout() {
  const { t } = useI18n();
  return (
    <Form method="post" action="/logout" className="inline-form">
      <button type="submit" className="button button--ghost">
        {t("nav.logout")}
      </button>
    </Form>
  );
}

function UnreadCount({ unread }: { unread: number }) {
  const { t } = useI18n();
  return unread > 0 ? (
    <span className="nav-count" title={t("nav.notifications.unread", { count: unread })}>
      {unread}
      <span className="sr-only"> {t("notifications.unread")}</span>
    </span>
  ) : null;
}

/**
 * The site header. Logged in, a phone gets one compact row (logo, unread notifications, a menu that opens
 * without JavaScript: a <details>); wider screens get the whole navigation and a row with the role's shortcuts.
 * Both are in the page; CSS shows the one that fits (app/styles/app.css, "Header").
 */
export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useI18n();
  const location = useLocation();
  if (!user) {
    return (
      <header className="site-header">
        <div className="container site-header__inner">
          <Brand />
          {/* Beside the logo on a phone (two rows in all), after the links on wider screens (CSS order). */}
          <div className="site-header__lang">
            <LanguageSwitch />
          </div>
          <nav aria-label={t("nav.main")} className="site-nav">
            <Link to="/jobs" className="site-nav__link">
              {t("nav.jobs")}
            </Link>
            <Link to="/trainings" className="site-nav__link">
              {t("nav.trainings")}
            </Link>
            <Link to="/login" className="site-nav__link">
              {t("nav.login")}
            </Link>
          </nav>
        </div>
      </header>
    );
  }
  const who = (
    <>
      {t("nav.loggedInAs", { name: user.fullName })} · {t(`role.${user.role}`)}
    </>
  );
  const shortcuts = SHORTCUTS[user.role];
  return (
    <header className="site-header site-header--user">
      <div className="container site-header__inner">
        <Brand />
        <nav aria-label={t("nav.main")} className="site-nav site-nav--wide">
          <Link to="/jobs" className="site-nav__link">
            {t("nav.jobs")}
          </Link>
          <Link to="/trainings" className="site-nav__link">
            {t("nav.trainings")}
          </Link>
          <Link to={user.home} className="site-nav__link">
            {t("nav.myHome")}
          </Link>
          <Link to="/notifications" className="site-nav__link">
            {t("nav.notifications")}
            <UnreadCount unread={user.unread} />
          </Link>
          <Link to="/account" className="site-nav__link">
            {t("account.nav")}
          </Link>
          <Logout />
          <LanguageSwitch />
        </nav>
        <div className="site-compact">
          <Link to="/notifications" className="site-nav__link site-compact__bell">
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0" />
            </svg>
            <span className="sr-only">{t("nav.notifications")}</span>
            <UnreadCount unread={user.unread} />
          </Link>
          {/* A new page closes the menu: the key gives each page a fresh, closed <details>. */}
          <details className="site-menu" key={location.pathname + location.search}>
            <summary className="button button--ghost" aria-label={t("nav.menu.label")}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M4 7h16M4 12h16M4 17h16" />
              </svg>
              {t("nav.menu")}
            </summary>
            <div className="site-menu__panel">
              <p className="site-menu__who">{who}</p>
              <nav aria-label={t("nav.main")}>
                <ul className="site-menu__links">
                  <li>
                    <Link to={user.home}>{t("nav.myHome")}</Link>
                  </li>
                  {shortcuts.map(([to, label]) => (
                    <li key={to}>
                      <Link to={to}>{t(label)}</Link>
                    </li>
                  ))}
                  {MENU_COMMON.map(([to, label]) => (
                    <li key={to}>
                      <Link to={to}>{t(label)}</Link>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="site-menu__actions">
                <LanguageSwitch />
                <Logout />
              </div>
            </div>
          </details>
        </div>
      </div>
      <div className="container user-bar">
        <span>{who}</span>
        <nav aria-label={t("nav.shortcuts")} className="user-bar__shortcuts">
          {shortcuts.map(([to, label]) => (
            <Link key={to} to={to}>
              {t(label)}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
