import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import type { organizationProfileLoader } from "~/http/organization-profile.server";
import type { PublishedCell } from "~/modules/public-figures/small-numbers";
import { useI18n } from "~/utils/i18n-react";

type Status = NonNullable<SerializeFrom<typeof organizationProfileLoader>["directory"]>;

/**
 * An employer's place in the public directory of fair-chance employers (decision 045): what it shows, whether
 * the employer is in it, and one button to appear or to leave. When it cannot appear yet, why. No JavaScript.
 */
export function DirectoryListingForm({ status }: { status: Status }) {
  const { t, date, number } = useI18n();
  const cell = (c: PublishedCell) => (c.value === null ? t("directory.lt5") : number(c.value));
  const optedIn = status.listedAt !== null;
  return (
    <section className="card" id="directory" aria-labelledby="directory-title">
      <h2 id="directory-title">{t("directory.own.title")}</h2>
      {status.answer === "joined" ? (
        <p className="alert alert--success" role="status">
          {t("directory.own.joined")}
        </p>
      ) : status.answer === "left" ? (
        <p className="alert alert--success" role="status">
          {t("directory.own.left")}
        </p>
      ) : status.answer === "refused" ? (
        <p className="alert alert--error" role="alert">
          {t("directory.own.refused")}
        </p>
      ) : null}
      <p>{t("directory.own.what")}</p>
      {status.shown && status.listedAt ? (
        <>
          <p>
            <span className="badge badge--recognised">{t("directory.badge")}</span>{" "}
            {t("directory.own.shown", { date: date(status.listedAt) })}
          </p>
          <p>{t("directory.own.figures", { hired: cell(status.hired), kept: cell(status.kept) })}</p>
        </>
      ) : status.blockers.length ? (
        <>
          <p>{t(optedIn ? "directory.own.paused" : "directory.own.blocked")}</p>
          <ul>
            {status.blockers.map((b) => (
              <li key={b}>{t(`directory.own.blocker.${b}`)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("directory.own.notShown")}</p>
      )}
      {optedIn || status.blockers.length === 0 ? (
        <Form method="post" className="actions">
          <button
            type="submit"
            name="intent"
            value={optedIn ? "directory-leave" : "directory-join"}
            className={optedIn ? "button button--secondary" : "button"}
          >
            {t(optedIn ? "directory.own.leave" : "directory.own.join")}
          </button>
          <Link to="/employers">{t("directory.own.view")}</Link>
        </Form>
      ) : (
        <p>
          <Link to="/employers">{t("directory.own.view")}</Link>
        </p>
      )}
    </section>
  );
}
