import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

export type ListingRef = {
  kind: "job" | "training";
  listingId: string;
  title: string | null;
  organizationName: string | null;
  open: boolean;
};

/** A saved or requested listing: its kind, title (linked while it is open) and organisation. */
export function ListingLine({ item, children }: { item: ListingRef; children?: ReactNode }) {
  const { t } = useI18n();
  const href = item.kind === "job" ? `/jobs/${item.listingId}` : `/trainings/${item.listingId}`;
  return (
    <li className="result-card listing-line">
      <p className="listing-line__kind">
        <span className="badge badge--soft">{t(`self.kind.${item.kind}` as MessageKey)}</span>
        {item.title && !item.open ? <span className="badge badge--rejected">{t("self.listing.closed")}</span> : null}
      </p>
      <h3 className="result-card__title">
        {item.title ? (
          item.open ? (
            <Link to={href}>{item.title}</Link>
          ) : (
            item.title
          )
        ) : (
          <span className="hint">{t("self.listing.gone")}</span>
        )}
      </h3>
      {item.organizationName ? <p className="result-card__org">{item.organizationName}</p> : null}
      {children}
    </li>
  );
}
