import { NavLink } from "@remix-run/react";

import { useI18n } from "~/utils/i18n-react";

const LINKS = [
  ["/me", "self.nav.home"],
  ["/me/consents", "self.nav.consents"],
  ["/me/data", "self.nav.data"],
  ["/me/saved", "self.nav.saved"],
  ["/me/matches", "match.nav"],
  ["/me/referrals", "self.nav.referrals"],
] as const;

/** The person's own pages, one tap apart. */
export function PersonNav() {
  const { t } = useI18n();
  return (
    <nav className="person-nav" aria-label={t("self.nav.label")}>
      {LINKS.map(([to, label]) => (
        <NavLink key={to} to={to} end className="person-nav__link">
          {t(label)}
        </NavLink>
      ))}
    </nav>
  );
}
