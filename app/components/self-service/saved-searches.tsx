import { Form, Link } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

/** A saved search as the loader sends it (app/modules/alerts/saved-searches.server.ts `listSavedSearches`). */
export type SavedSearchLine = {
  id: string;
  kind: "job" | "training";
  query: string;
  filterCount: number;
  href: string;
  createdAt: string;
  lastSentAt: string | null;
};

/** The "Thông báo việc mới" section of /me/saved: each saved search, its results, and its one-tap stop. */
export function SavedSearchList({ items }: { items: SavedSearchLine[] }) {
  const { t, date } = useI18n();
  return (
    <section id="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t("alerts.title")}</h2>
      <p>{t("alerts.lead")}</p>
      {items.length === 0 ? (
        <p className="empty-state">{t("alerts.none")}</p>
      ) : (
        <ul className="list">
          {items.map((s) => (
            <li key={s.id} className="result-card listing-line">
              <p className="listing-line__kind">
                <span className="badge badge--soft">{t(`alerts.kind.${s.kind}` as MessageKey)}</span>
                {s.filterCount > 0 ? (
                  <span className="hint">{t("alerts.filters", { count: s.filterCount })}</span>
                ) : null}
              </p>
              <h3 className="result-card__title">
                <Link to={s.href}>“{s.query || t("alerts.query.all")}”</Link>
              </h3>
              <div className="listing-line__foot">
                <span className="hint">
                  {t("alerts.savedOn", { date: date(s.createdAt) })}
                  {s.lastSentAt ? ` · ${t("alerts.lastSent", { date: date(s.lastSentAt) })}` : null}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="stopSearch" />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="button button--ghost">
                    {t("alerts.stop")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
